// Enumeration tests: the incremental equation solver (unification, propagation through
// operations, contradictions, undo) and the three-valued condition evaluator.
import { expect } from 'chai';
import { evalProp } from '../../src/enumerate/prop';
import { Solver } from '../../src/enumerate/solver';
import type { Equation, Var } from '../../src/events';
import { cTest } from '../events/support';

const v = (id: number): Var => ({ id });

describe('enumerate: solver', () => {
  it('propagates known values through operations', () => {
    // S2 := S0 + S1, S3 := (S2 == 3)
    const eqs: Equation[] = [
      { target: v(2), op: '+', args: [v(0), v(1)] },
      { target: v(3), op: '==', args: [v(2), 3] },
    ];
    const s = new Solver(4, eqs);
    expect(s.complete).to.equal(false);
    expect(s.equate(v(0), 1)).to.equal(true);
    expect(s.valueOf(v(3))).to.equal(undefined);
    expect(s.equate(v(1), 2)).to.equal(true);
    expect([s.valueOf(v(2)), s.valueOf(v(3)), s.complete]).to.deep.equal([3, 1, true]);
  });

  it('detects contradictions and undoes choices', () => {
    const s = new Solver(3, [{ target: v(2), args: [1] }]);
    const mark = s.mark();
    expect(s.equate(v(0), v(2))).to.equal(true);
    expect(s.valueOf(v(0))).to.equal(1);
    expect(s.equate(v(0), 2)).to.equal(false);
    s.undo(mark);
    expect([s.failed, s.valueOf(v(0)), s.valueOf(v(2))]).to.deep.equal([false, undefined, 1]);
    expect(s.equate(v(0), 2)).to.equal(true);
  });

  it('keeps unknowns that only depend on themselves undetermined but consistent', () => {
    const s = new Solver(2, []);
    expect(s.equate(v(0), v(1)) && s.equate(v(1), v(0))).to.equal(true);
    expect([s.valueOf(v(0)), s.complete]).to.deep.equal([undefined, true]);
    expect(s.representative(v(0))).to.equal(s.representative(v(1)));
  });

  it('treats an address as different from every integer', () => {
    const s = new Solver(2, [{ target: v(1), op: '!=', args: [v(0), 0] }]);
    expect(s.equate(v(0), 'x')).to.equal(true);
    expect(s.valueOf(v(1))).to.equal(1);
  });
});

describe('enumerate: conditions', () => {
  const prop = cTest('P0(int *x) { WRITE_ONCE(*x, 1); }\nexists (0:r0=1 /\\ (x=2 \\/ ~0:r1=0))')
    .condition!.prop;

  it('is undefined while a location it needs is unknown, false as soon as it must be', () => {
    const r0 = { kind: 'int', value: 1 } as const;
    expect(
      evalProp(prop, (ref) => (ref.kind === 'RegRef' && ref.reg === 'r0' ? r0 : undefined)),
    ).to.equal(undefined);
    expect(
      evalProp(prop, (ref) =>
        ref.kind === 'RegRef' && ref.reg === 'r0' ? { kind: 'int', value: 0 } : undefined,
      ),
    ).to.equal(false);
  });

  it('compares integers, addresses and undetermined values', () => {
    const all = (x: number) => (ref: { kind: string; reg?: string }) =>
      ref.kind === 'MemRef'
        ? ({ kind: 'int', value: x } as const)
        : ({ kind: 'int', value: ref.reg === 'r0' ? 1 : 0 } as const);
    expect(evalProp(prop, all(2))).to.equal(true);
    expect(evalProp(prop, all(3))).to.equal(false);
    const sym = cTest('P0(int *x) { WRITE_ONCE(*x, 1); }\nexists (x=1)').condition!.prop;
    expect(evalProp(sym, () => ({ kind: 'sym', name: 'S8' }))).to.equal(false);
  });
});
