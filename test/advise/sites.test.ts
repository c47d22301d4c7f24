// Advise: finding what a test's ordering rests on: its elements and the weaker forms tried,
// its dependencies, and the primitive table behind them.
import { expect } from 'chai';
import { fixCandidates } from '../../src/advise/candidates';
import { describeChange } from '../../src/advise/changes';
import { findDependencies } from '../../src/advise/dependencies';
import { findElements } from '../../src/advise/elements';
import { macroName, primitiveOf } from '../../src/advise/primitives';
import { findSites } from '../../src/advise/sites';
import { parseLitmus } from '../../src/litmus';
import { SourceFile } from '../../src/source';
import { defined, setupOf } from './support';

const TEST = `C elements

{}

P0(int *x, int *y, spinlock_t *l, atomic_t *v)
{
\tint r0;

\tspin_lock(l);
\tWRITE_ONCE(*x, 1);
\tspin_unlock(l);
\tsmp_mb();
\tr0 = xchg_relaxed(y, 1);
\tatomic_inc(v);
\tsmp_mb__after_atomic();
\t*x = 2;
}

P1(int *x, int *y, atomic_t *v)
{
\tint r1;
\tint r2;
\tint *r3;

\tr1 = smp_load_acquire(y);
\tr3 = x;
\tif (r1 == 1) {
\t\tWRITE_ONCE(*r3, r1);
\t}
\tr2 = atomic_dec_and_test(v);
}

exists (1:r1=1)
`;

function analyse(text = TEST) {
  const source = new SourceFile('t.litmus', text);
  const test = parseLitmus(text, 't.litmus').value!;
  const threads = findSites(test, defined);
  return { source, threads };
}

describe('advise: elements, dependencies, primitives', () => {
  it('finds barriers, annotations, ordered RMWs and lock pairs, each with its weaker forms, weakest last', () => {
    const { source, threads } = analyse();
    const elements = findElements(threads, source).map((e) => ({
      id: e.id,
      line: e.line,
      text: e.text,
      kind: e.kind,
      weaker: e.weakenings.map((c) => c.after ?? 'removed'),
    }));
    expect(elements).to.deep.equal([
      {
        id: 'e1',
        line: 9,
        text: 'spin_lock(l) ... spin_unlock(l)',
        kind: 'lock',
        weaker: ['removed'],
      },
      {
        id: 'e2',
        line: 12,
        text: 'smp_mb()',
        kind: 'barrier',
        weaker: ['smp_wmb()', 'smp_rmb()', 'removed'],
      },
      { id: 'e3', line: 15, text: 'smp_mb__after_atomic()', kind: 'barrier', weaker: ['removed'] },
      {
        id: 'e4',
        line: 25,
        text: 'smp_load_acquire(y)',
        kind: 'annotation',
        weaker: ['READ_ONCE(*y)'],
      },
      {
        id: 'e5',
        line: 30,
        text: 'atomic_dec_and_test(v)',
        kind: 'rmw',
        weaker: [
          'atomic_dec_return_acquire(v) == 0',
          'atomic_dec_return_release(v) == 0',
          'atomic_dec_return_relaxed(v) == 0',
        ],
      },
    ]);
  });

  it('finds address, data and control dependencies through registers', () => {
    const { source, threads } = analyse();
    const deps = findDependencies(threads, source).map(
      (d) => `${d.kind} ${d.fromLine}->${d.toLine} ${d.from} -> ${d.to}`,
    );
    expect(deps).to.deep.equal([
      'data 25->28 smp_load_acquire(y) -> WRITE_ONCE(*r3, r1)',
      'ctrl 25->28 smp_load_acquire(y) -> WRITE_ONCE(*r3, r1)',
    ]);
    const addr = analyse(TEST.replace('r3 = x;', 'r3 = READ_ONCE(*y);'));
    expect(
      findDependencies(addr.threads, addr.source).map(
        (d) => `${d.kind} ${d.fromLine}->${d.toLine}`,
      ),
    ).to.deep.equal(['addr 26->28', 'data 25->28', 'ctrl 25->28']);
  });

  it('proposes barriers between accesses, stronger forms, and strengthens a barrier in place', () => {
    const { source, threads } = analyse();
    const proposed = fixCandidates(threads, source, defined).map(
      (c) => `${c.cost} ${describeChange(c)}`,
    );
    expect(proposed).to.include.members([
      '1 xchg_relaxed(y, 1) -> xchg_release(y, 1) (line 13)',
      '4 xchg_relaxed(y, 1) -> xchg(y, 1) (line 13)',
      '0 *x = 2 -> WRITE_ONCE(*x, 2) (line 16)',
      '1 *x = 2 -> smp_store_release(x, 2) (line 16)',
      '4 atomic_inc(v) -> int r1 = atomic_inc_return(v) (line 14)',
      '3 smp_mb__after_atomic() inserted after line 13',
      '3 smp_mb__before_atomic() inserted before line 14',
      '2 smp_rmb() inserted before line 30',
      '4 smp_mb() inserted before line 14',
    ]);
    // The barriers on lines 12 and 15 already separate lines 10/13 and 14/16, and are full
    // barriers already: nothing is added or strengthened there.
    expect(proposed.filter((p) => / inserted before line (13|16)|\(\) ->/.test(p))).to.deep.equal(
      [],
    );
  });

  it('knows only forms the LKMM macro file defines, with costs ordered by strength', () => {
    const macros = setupOf('lkmm').macros.macros.map((m) => m.name);
    let known = 0;
    for (const name of macros) {
      const p = primitiveOf(name, () => true);
      if (!p) continue;
      known++;
      for (const f of [...p.weaker, ...p.stronger])
        expect(macros, `${name} -> ${f.name}`).to.include(macroName(f));
      for (const f of p.weaker) expect(f.cost, `${name} -> ${f.name}`).to.be.at.most(p.form.cost);
      for (const f of p.stronger)
        expect(f.cost, `${name} -> ${f.name}`).to.be.at.least(p.form.cost);
    }
    expect(known).to.be.greaterThan(100);
  });
});
