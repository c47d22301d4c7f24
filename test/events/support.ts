// Test support for the events stage: parse small inline tests against a small inline .def
// file, lower them, and describe the resulting events compactly (`R[ONCE]x`, `W*[MB]y=1`).
import { expect } from 'chai';
import { buildEvents, type TestEvents } from '../../src/events/build-events';
import type { ThreadPath } from '../../src/events/structure';
import { type Atom, isVar, type Value } from '../../src/events/values';
import { type LitmusTest, type MacroFile, parseLitmus, parseMacroFile } from '../../src/litmus';

/** A few primitives written the way a .def file writes them. */
export const DEF_TEXT = [
  'READ_ONCE(X) __load{ONCE}(X)',
  'WRITE_ONCE(X,V) { __store{ONCE}(X,V); }',
  'smp_load_acquire(X) __load{ACQUIRE}(*X)',
  'smp_store_release(X,V) { __store{RELEASE}(*X,V); }',
  'smp_mb() { __fence{MB}; }',
  'smp_wmb() { __fence{wmb}; }',
  'xchg(X,V) __xchg{MB}(X,V)',
  'xchg_relaxed(X,V) __xchg{ONCE}(X,V)',
  'cmpxchg(X,V,W) __cmpxchg{MB}(X,V,W)',
  'atomic_read(X) READ_ONCE(*X)',
  'atomic_inc(X) { __atomic_op{NORETURN}(X,+,1); }',
  'atomic_add_return(V,X) __atomic_op_return{MB}(X,+,V)',
  'atomic_fetch_add(V,X) __atomic_fetch_op{MB}(X,+,V)',
  'spin_lock(X) { __lock(X); }',
  'spin_unlock(X) { __unlock(X); }',
  'spin_trylock(X) __trylock(X)',
  'spin_is_locked(X) __islocked(X)',
  'rcu_read_lock() { __fence{rcu-lock}; }',
  'srcu_read_lock(X) __load{srcu-lock}(*X)',
  'srcu_read_unlock(X,Y) { __store{srcu-unlock}(*X,Y); }',
  'synchronize_srcu(X) { __srcu{sync-srcu}(X); }',
  '',
].join('\n');

export const MACROS: MacroFile = (() => {
  const r = parseMacroFile(DEF_TEXT, 'test.def');
  expect(r.diagnostics).to.deep.equal([]);
  return r.value!;
})();

export function parseTest(text: string): LitmusTest {
  const r = parseLitmus(text, 'test.litmus');
  expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
  return r.value!;
}

/** A C test with the given threads and condition (threads as `P0(int *x) { ... }` sources). */
export function cTest(body: string): LitmusTest {
  return parseTest(`C t\n{}\n${body}\n`);
}

export function lower(test: LitmusTest, variants: readonly string[] = ['lkmmv2']): TestEvents {
  const ev = buildEvents(test, MACROS, { variants });
  expect(ev.diagnostics).to.deep.equal([]);
  return ev;
}

/** Values of the unknowns that register equations fix (parameters' addresses, constants). */
function knownValues(path: ThreadPath): Map<number, Value> {
  const known = new Map<number, Value>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of [...path.regEquations, ...path.equations]) {
      if (eq.op || !isVar(eq.target) || known.has(eq.target.id)) continue;
      const v = resolved(eq.args[0], known);
      if (v !== undefined) {
        known.set(eq.target.id, v);
        changed = true;
      }
    }
  }
  return known;
}

function resolved(a: Atom, known: Map<number, Value>): Value | undefined {
  return isVar(a) ? known.get(a.id) : a;
}

function show(a: Atom | undefined, known: Map<number, Value>): string {
  if (a === undefined) return '';
  const v = resolved(a, known);
  return v === undefined ? '?' : String(v);
}

/** The events the model sees, in order: `R[ONCE]x`, `W*[MB]y=1`, `F[MB]`, `LKR(l)`... */
export function describe(path: ThreadPath): string[] {
  const known = knownValues(path);
  return path.events
    .filter((e) => e.kind !== 'RegR' && e.kind !== 'RegW')
    .map((e) => {
      const tags = e.tags.length > 0 ? `[${e.tags.join(',')}]` : '';
      const star = e.atomic ? '*' : '';
      const value = e.kind === 'W' ? `=${show(e.value, known)}` : '';
      const loc =
        e.kind === 'F'
          ? ''
          : e.kind === 'R' || e.kind === 'W'
            ? show(e.loc, known)
            : `(${show(e.loc, known)})`;
      return `${e.kind}${star}${tags}${loc}${value}`;
    });
}
