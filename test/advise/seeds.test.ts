// Advise: the advisor's findings on the seed scenarios of litmus/mm/, each confirmed by running
// the modified test (as a text, parsed again) through the ordinary checker.
import * as fs from 'node:fs';
import { expect } from 'chai';
import { adviseFile, applyHunks, verdictOfText, weakestText } from './support';

const PIN = 'litmus/mm/gup-pin-vs-writeback/pin-wmb-vs-writeback-mb.litmus';
const PIN_MB = 'litmus/mm/gup-pin-vs-writeback/pin-mb-vs-writeback-mb.litmus';
const RECLAIM = 'litmus/mm/madvfree-vs-dio/gup-fast-vs-reclaim-xchg-relaxed-mb.litmus';

/** 1-based lines of a file whose text, trimmed, is `text`. */
function linesOf(file: string, text: string): number[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((l, i) => (l.trim() === text ? [i + 1] : []));
}

/** The file with some lines dropped and some replaced, by 1-based line number. */
function edited(
  file: string,
  drop: readonly number[],
  replace: Readonly<Record<number, [string, string]>> = {},
): string {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((l, i) =>
      drop.includes(i + 1) ? [] : [replace[i + 1] ? l.replace(...replace[i + 1]) : l],
    )
    .join('\n');
}

describe('advise: seed scenarios', function () {
  this.timeout(300_000);

  describe('pin counting with smp_wmb() (gup-pin-vs-writeback/pin-wmb-vs-writeback-mb)', () => {
    const [wmb] = linesOf(PIN, 'smp_wmb();');

    it('says the smp_wmb() is not enough: allowed under the LKMM and on arm64, not under SC nor on x86-64', async () => {
      const a = await adviseFile(PIN, ['lkmm', 'x86-64', 'arm64']);
      expect(a.targets.map((t) => `${t.target} ${t.status}`)).to.deep.equal([
        'lkmm allowed',
        'x86-64 forbidden',
        'arm64 allowed',
      ]);
      expect(a.sc).to.equal('forbidden');
      expect(a.elements.map((e) => `${e.line} ${e.text}`)).to.include(`${wmb} smp_wmb()`);
      const text = fs.readFileSync(PIN, 'utf8');
      expect(verdictOfText(text, PIN, 'lkmm')).to.equal('Sometimes');
      expect(verdictOfText(text, PIN, 'arm64')).to.equal('Sometimes');
      expect(verdictOfText(text, PIN, 'x86-64')).to.equal('Never');
    });

    it('names smp_mb__after_atomic() and smp_mb() in place of the smp_wmb() as the cheapest fixes', async () => {
      const a = await adviseFile(PIN, ['lkmm', 'x86-64', 'arm64']);
      const fixes = a.fixes.map(
        (f) => `${f.cost} ${f.changes.map((c) => c.description).join(' + ')}`,
      );
      expect(fixes.slice(0, 2)).to.deep.equal([
        `1 smp_wmb() -> smp_mb__after_atomic() (line ${wmb})`,
        `2 smp_wmb() -> smp_mb() (line ${wmb})`,
      ]);
      expect(a.fixes[0].targets).to.deep.equal([
        { target: 'x86-64', status: 'forbidden' },
        { target: 'arm64', status: 'forbidden' },
      ]);
    });

    it('each fix, applied as a patch, makes the outcome Never under the LKMM and on arm64', async () => {
      const a = await adviseFile(PIN, ['lkmm', 'x86-64', 'arm64']);
      expect(a.fixes).to.have.length(3);
      for (const f of a.fixes) {
        const text = applyHunks(fs.readFileSync(PIN, 'utf8'), f.hunks);
        expect(verdictOfText(text, PIN, 'lkmm'), f.changes[0].description).to.equal('Never');
        expect(verdictOfText(text, PIN, 'arm64'), f.changes[0].description).to.equal('Never');
      }
      const smpMb = edited(PIN, [], { [wmb]: ['smp_wmb', 'smp_mb'] });
      expect(verdictOfText(smpMb, PIN, 'lkmm')).to.equal('Never');
    });
  });

  describe('GUP-fast vs reclaim (madvfree-vs-dio/gup-fast-vs-reclaim-xchg-relaxed-mb)', () => {
    const [mb] = linesOf(RECLAIM, 'smp_mb();');
    const [xchg] = linesOf(RECLAIM, 'r0 = xchg_relaxed(pte, 0);');

    it('says the smp_mb() after the relaxed exchange is necessary under the LKMM and on arm64, not on x86-64', async () => {
      const a = await adviseFile(RECLAIM, ['lkmm', 'x86-64', 'arm64']);
      expect(a.targets.every((t) => t.status === 'forbidden')).to.equal(true);
      const e = a.elements.find((x) => x.line === mb)!;
      expect(e.text).to.equal('smp_mb()');
      expect(e.necessity).to.equal('necessary');
      expect(e.weakenings).to.deep.equal([
        { form: 'smp_wmb()', status: 'allowed' },
        { form: 'smp_rmb()', status: 'allowed' },
        { form: 'removed', status: 'allowed' },
      ]);
      expect(e.targets).to.deep.equal([
        { target: 'x86-64', necessity: 'redundant' },
        { target: 'arm64', necessity: 'necessary' },
      ]);
      expect(a.minimalSets).to.deep.equal([[e.id]]);
      // The ordinary checker on the test without the barrier, as the advisor edits it and by hand.
      for (const text of [weakestText(RECLAIM, e.id), edited(RECLAIM, [mb])]) {
        expect(verdictOfText(text, RECLAIM, 'lkmm')).to.equal('Sometimes');
        expect(verdictOfText(text, RECLAIM, 'arm64')).to.equal('Sometimes');
        expect(verdictOfText(text, RECLAIM, 'x86-64')).to.equal('Never');
      }
    });

    it('says the smp_mb() would be redundant with a fully ordered exchange', async () => {
      const a = await adviseFile(RECLAIM, ['lkmm', 'x86-64', 'arm64']);
      const e = a.elements.find((x) => x.line === mb)!;
      expect(e.replacements).to.deep.equal([`xchg_relaxed(pte, 0) -> xchg(pte, 0) (line ${xchg})`]);
      const fullyOrdered = edited(RECLAIM, [mb], { [xchg]: ['xchg_relaxed', 'xchg'] });
      expect(verdictOfText(fullyOrdered, RECLAIM, 'lkmm')).to.equal('Never');
      expect(verdictOfText(fullyOrdered, RECLAIM, 'arm64')).to.equal('Never');
      expect(
        verdictOfText(edited(RECLAIM, [], { [xchg]: ['xchg_relaxed', 'xchg'] }), RECLAIM, 'lkmm'),
      ).to.equal('Never');
    });
  });

  describe('the writeback side of the corrected protocol (gup-pin-vs-writeback/pin-mb-vs-writeback-mb)', () => {
    it("says the pin side's smp_mb() is necessary and the writeback side's redundant", async () => {
      const a = await adviseFile(PIN_MB);
      const [pinMb, writebackMb] = linesOf(PIN_MB, 'smp_mb();');
      const pin = a.elements.find((e) => e.line === pinMb)!;
      const writeback = a.elements.find((e) => e.line === writebackMb)!;
      const fetchOr = a.elements.find((e) => e.text.startsWith('atomic_fetch_or'))!;
      expect([pin.necessity, writeback.necessity, fetchOr.necessity]).to.deep.equal([
        'necessary',
        'redundant',
        'redundant',
      ]);
      expect(a.minimalSets).to.deep.equal([
        [pin.id, fetchOr.id],
        [pin.id, writeback.id],
      ]);
      expect(verdictOfText(edited(PIN_MB, [pinMb]), PIN_MB, 'lkmm')).to.equal('Sometimes');
      expect(verdictOfText(edited(PIN_MB, [writebackMb]), PIN_MB, 'lkmm')).to.equal('Never');
      const fetchOrLine = fetchOr.line;
      const both = edited(PIN_MB, [writebackMb], {
        [fetchOrLine]: ['atomic_fetch_or', 'atomic_fetch_or_relaxed'],
      });
      expect(verdictOfText(both, PIN_MB, 'lkmm')).to.equal('Sometimes');
    });
  });
});
