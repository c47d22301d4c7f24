// Advise: on the seed scenarios of the library, every "necessary"/"redundant" claim and every
// fix is confirmed by the ordinary checker (full enumeration) on the modified test's text.
import * as fs from 'node:fs';
import { expect } from 'chai';
import { libraryTests } from '../library/library-files';
import { adviseFile, applyHunks, verdictOfText, weakestText } from './support';

const SEEDS = libraryTests().filter((f) =>
  /mm\/(gup-pin-vs-writeback\/|madvfree-vs-dio\/gup-fast)/.test(f),
);

describe('advise: claims on the seed scenarios, confirmed by the checker', function () {
  this.timeout(120_000);
  it('covers the two seed scenarios', () => expect(SEEDS.length).to.be.at.least(12));

  for (const file of SEEDS) {
    it(file, async () => {
      const a = await adviseFile(file);
      expect(a.targets[0].status, a.targets[0].why).to.not.equal('unknown');
      for (const e of a.elements) {
        if (e.necessity !== 'necessary' && e.necessity !== 'redundant') continue;
        const verdict = verdictOfText(weakestText(file, e.id), file, 'lkmm');
        if (e.necessity === 'redundant') expect(verdict, `${e.text} redundant`).to.equal('Never');
        else expect(verdict, `${e.text} necessary`).to.not.equal('Never');
      }
      for (const f of a.fixes) {
        const text = applyHunks(fs.readFileSync(file, 'utf8'), f.hunks);
        expect(
          verdictOfText(text, file, 'lkmm'),
          f.changes.map((c) => c.description).join(' + '),
        ).to.equal('Never');
      }
    });
  }
});
