// Advise: the advisor's report for people and as JSON, printed whole.
import * as fs from 'node:fs';
import { expect } from 'chai';
import { formatAdviceJson, formatAdviceText } from '../../src/report';
import { adviseFile } from './support';

const RECLAIM = 'litmus/mm/madvfree-vs-dio/gup-fast-vs-reclaim-xchg-relaxed-mb.litmus';
const GET_PAGE = 'litmus/mm/madvfree-vs-dio/gup-fast-get-page-vs-reclaim-xchg-relaxed-mb.litmus';
const SNAPSHOT = 'litmus/mm/gup-pin-vs-writeback/page-pinned-snapshot-vs-unpin-and-pin.litmus';

const withoutTime = (s: string) => s.replace(/\(\d+ variants checked in [\d.]+ s\)/, '(time)');

function lineOf(file: string, text: string): number {
  return (
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.trim() === text) + 1
  );
}

describe('advise: reports', function () {
  this.timeout(120_000);

  it('names the lines of a forbidden test, each element with what weakening it does', async () => {
    const mb = lineOf(RECLAIM, 'smp_mb();');
    const text = withoutTime(formatAdviceText(await adviseFile(RECLAIM)));
    expect(
      text,
    ).to.equal(`gup-fast-vs-reclaim-xchg-relaxed-mb (${RECLAIM}): exists (0:r1=2 /\\ 1:r4=1)
  forbidden under lkmm
  Ordering elements, each weakened with the others kept:
    line ${mb} P0 smp_mb() (full barrier): NECESSARY [smp_wmb(): allowed; smp_rmb(): allowed; removed: allowed]
      not needed if xchg_relaxed(pte, 0) -> xchg(pte, 0) (line ${mb - 1})
    line ${mb + 12} P1 atomic_add_unless(refcount, 1, 0) (fully ordered RMW when it adds): kept (no weaker form)
  Minimal sufficient sets (the other elements at their weakest): {smp_mb() line ${mb}}
  Dependencies (kept as written): P1 ctrl line ${mb + 10} -> ${mb + 12} (READ_ONCE(*pte) -> atomic_add_unless(refcount, 1, 0))
  (time)
`);
  });

  it('gives an allowed test its cheapest fixes as patches', async () => {
    const inc = lineOf(GET_PAGE, 'atomic_inc(refcount);');
    const text = formatAdviceText(await adviseFile(GET_PAGE));
    expect(text).to.contain(`  1. cost 3: smp_mb__after_atomic() inserted after line ${inc}
--- ${GET_PAGE}
+++ ${GET_PAGE}
@@ -${inc - 2},6 +${inc - 2},7 @@
 	r2 = READ_ONCE(*pte);
 	if (r2 == 1) {
 		atomic_inc(refcount);
+		smp_mb__after_atomic();
 		r4 = READ_ONCE(*pte);
 	}
 }
  2. cost 4: atomic_inc(refcount) -> int r0 = atomic_inc_return(refcount) (line ${inc})
`);
  });

  it('says when SC allows the outcome too: a logic race, with no fix to search', async () => {
    const a = await adviseFile(SNAPSHOT);
    expect(a.fixes).to.deep.equal([]);
    expect(formatAdviceText(a).split('\n')[1]).to.equal(
      '  allowed under lkmm; allowed under SC too: a logic race, which no barrier can fix',
    );
  });

  it('prints the JSON contract with each patch rendered, on one line', async () => {
    const a = await adviseFile(GET_PAGE);
    const json = formatAdviceJson(a);
    expect(json.endsWith('\n') && json.indexOf('\n') === json.length - 1).to.equal(true);
    const back = JSON.parse(json);
    expect(Object.keys(back)).to.deep.equal(Object.keys(a));
    expect(back.fixes[0].patch).to.match(/^--- .*\n\+\+\+ .*\n@@ /);
    expect(formatAdviceText(a)).to.contain(back.fixes[0].patch);
  });
});
