// Events tests: the events each primitive family produces (herd's C semantics, lkmmv2 and
// lkmmv1 encodings), program order, RMW pairs, dependencies and paths through branches.
import { expect } from 'chai';
import { buildEvents } from '../../src/events/build-events';
import { pathRelations } from '../../src/events/path-relations';
import type { ThreadPath } from '../../src/events/structure';
import { cTest, lower, MACROS, describe as show } from './support';

/** The paths of P0 of a one-thread test. */
function paths(body: string, variants: readonly string[] = ['lkmmv2']): ThreadPath[] {
  return [
    ...lower(
      cTest(`P0(int *x, int *y, spinlock_t *l, int *s) {\n${body}\n}\nexists (x=0)`),
      variants,
    ).threads[0],
  ];
}

function events(body: string, variants?: readonly string[]): string[][] {
  return paths(body, variants).map(show);
}

/** Visible events of a path by description, and a relation's pairs by description. */
function pairs(path: ThreadPath, rel: 'po' | 'addr' | 'data' | 'ctrl' | 'rmw'): string[] {
  const names = show(path);
  return pathRelations(path)[rel].map(([a, b]) => `${names[a]} -> ${names[b]}`);
}

describe('events: lowering', () => {
  it('marks plain and ONCE accesses and fences', () => {
    expect(
      events('int r0 = READ_ONCE(*x); WRITE_ONCE(*y, 2); smp_mb(); *x = 3; r0 = *y;'),
    ).to.deep.equal([['R[ONCE]x', 'W[ONCE]y=2', 'F[MB]', 'Wx=3', 'Ry']]);
  });

  it('orders the events of a thread by program order', () => {
    const [p] = paths('WRITE_ONCE(*x, 1); smp_wmb(); WRITE_ONCE(*y, 1);');
    expect(pairs(p, 'po')).to.have.members([
      'W[ONCE]x=1 -> F[wmb]',
      'W[ONCE]x=1 -> W[ONCE]y=1',
      'F[wmb] -> W[ONCE]y=1',
    ]);
  });

  it('lowers acquire and release through the pointer they take', () => {
    expect(events('int r0 = smp_load_acquire(x); smp_store_release(y, r0);')).to.deep.equal([
      ['R[ACQUIRE]x', 'W[RELEASE]y=?'],
    ]);
  });

  it('gives a full-barrier RMW its tag on both halves (lkmmv2), paired by rmw and po', () => {
    const [p] = paths('int r0 = xchg(x, 1);');
    expect(show(p)).to.deep.equal(['R*[MB]x', 'W*[MB]x=1']);
    expect(pairs(p, 'rmw')).to.deep.equal(['R*[MB]x -> W*[MB]x=1']);
    expect(pairs(p, 'po')).to.deep.equal(['R*[MB]x -> W*[MB]x=1']);
    // Not a data dependency: the written value does not come from the read.
    expect(pairs(p, 'data')).to.deep.equal([]);
  });

  it('wraps a full-barrier RMW in mb fences under lkmmv1', () => {
    expect(events('int r0 = __xchg{mb}(x, 1);', [])).to.deep.equal([
      ['F[mb]', 'R*[once]x', 'W*[once]x=1', 'F[mb]'],
    ]);
  });

  it('gives cmpxchg a success path and a failure path with a lone read', () => {
    expect(events('int r0 = cmpxchg(x, 0, 1);')).to.have.deep.members([
      ['R*[MB]x', 'W*[MB]x=1'],
      ['R*[MB]x'],
    ]);
  });

  it('makes the read of atomic arithmetic feed its write', () => {
    const [p] = paths('atomic_inc(x); int r0 = atomic_fetch_add(2, y);');
    expect(show(p)).to.deep.equal(['R*[NORETURN]x', 'W*[NORETURN]x=?', 'R*[MB]y', 'W*[MB]y=?']);
    expect(pairs(p, 'data')).to.have.members([
      'R*[NORETURN]x -> W*[NORETURN]x=?',
      'R*[MB]y -> W*[MB]y=?',
    ]);
  });

  it('lowers locks: lock, unlock, trylock (two outcomes), is_locked (two outcomes)', () => {
    expect(events('spin_lock(l); spin_unlock(l);')).to.deep.equal([['LKR(l)', 'LKW(l)', 'UL(l)']]);
    expect(events('int r0 = spin_trylock(l);')).to.deep.equal([['LKR(l)', 'LKW(l)'], ['LF(l)']]);
    expect(events('int r0 = spin_is_locked(l);')).to.deep.equal([['RL(l)'], ['RU(l)']]);
  });

  it('lowers SRCU: lock and unlock are memory accesses, synchronize_srcu is not', () => {
    expect(
      events('int r0 = srcu_read_lock(s); srcu_read_unlock(s, r0); synchronize_srcu(s);'),
    ).to.deep.equal([['R[srcu-lock]s', 'W[srcu-unlock]s=?', 'SRCU[sync-srcu](s)']]);
  });

  it('computes address, data and control dependencies from register data flow', () => {
    const taken = paths(
      'int r0 = READ_ONCE(*x); int *r1 = (int *)READ_ONCE(*y); int r2 = READ_ONCE(*r1); WRITE_ONCE(*s, r0); if (r2) { WRITE_ONCE(*l, 1); } WRITE_ONCE(*x, 2);',
    ).find((p) => show(p).length === 6)!;
    const shown = show(taken);
    expect(shown).to.deep.equal([
      'R[ONCE]x',
      'R[ONCE]y',
      'R[ONCE]?',
      'W[ONCE]s=?',
      'W[ONCE]l=1',
      'W[ONCE]x=2',
    ]);
    expect(pairs(taken, 'addr')).to.deep.equal(['R[ONCE]y -> R[ONCE]?']);
    expect(pairs(taken, 'data')).to.deep.equal(['R[ONCE]x -> W[ONCE]s=?']);
    // ctrl reaches the branch only, not the store after the if; dependencies do not chain.
    expect(pairs(taken, 'ctrl')).to.deep.equal(['R[ONCE]? -> W[ONCE]l=1']);
  });

  it('counts a read stored directly as a data dependency', () => {
    const [p] = paths('WRITE_ONCE(*y, READ_ONCE(*x));');
    expect(pairs(p, 'data')).to.deep.equal(['R[ONCE]x -> W[ONCE]y=?']);
  });

  it('gives each path through an if its constraint on the condition', () => {
    const ps = paths(
      'int r0 = READ_ONCE(*x); if (r0 == 1) { WRITE_ONCE(*y, 1); } else { WRITE_ONCE(*y, 2); }',
    );
    const branchConstraint = (p: ThreadPath) =>
      p.equations.find((e) => !e.op && typeof e.args[0] === 'number');
    expect(ps.map((p) => [show(p), branchConstraint(p)?.args[0]])).to.have.deep.members([
      [['R[ONCE]x', 'W[ONCE]y=1'], 1],
      [['R[ONCE]x', 'W[ONCE]y=2'], 0],
    ]);
  });

  it('unrolls while loops twice and marks the paths it cuts', () => {
    const ps = paths('int r0 = READ_ONCE(*x); while (r0) { r0 = READ_ONCE(*x); }');
    expect(ps.map((p) => [show(p).length, p.cut])).to.have.deep.members([
      [1, false],
      [2, false],
      [3, false],
      [3, true],
    ]);
  });

  it('reports a tagged load whose argument is not a dereference', () => {
    const test = cTest('P0(int *x) {\n  int r0 = READ_ONCE(x);\n}\nexists (x=0)');
    const d = buildEvents(test, MACROS, { variants: ['lkmmv2'] }).diagnostics;
    expect(d.map((x) => [x.code, x.message])).to.deep.equal([
      ['events/bad-argument', 'Bad __load argument: expected *p'],
    ]);
  });
});
