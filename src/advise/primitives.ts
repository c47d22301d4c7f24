// Advise stage: what the advisor knows of each kernel primitive: its role, its cost, and the
// forms one step weaker or stronger (Documentation/atomic_t.txt, memory-barriers.txt).

/**
 * The cost model, in rough units of ordering work on a weakly ordered CPU (arm64, powerpc):
 * a relaxed/ONCE access, a void atomic or barrier() costs nothing; acquire and release cost 1
 * (ldar/stlr, lwsync); smp_rmb()/smp_wmb() 2; a full barrier attached to an atomic or lock
 * (smp_mb__{before,after}_atomic(), smp_mb__after_spinlock()) 3, since x86 gets it for free;
 * smp_mb(), a fully ordered RMW or smp_store_mb() 4; an RCU grace period 20.
 */
export const COST = {
  nothing: 0,
  acquireRelease: 1,
  readWriteBarrier: 2,
  atomicBarrier: 3,
  full: 4,
  gracePeriod: 20,
} as const;

/** The cost model, one entry per level, for help texts and reports. */
export const COST_LEVELS: readonly string[] = [
  `ONCE, relaxed and void atomics ${COST.nothing}`,
  `acquire/release ${COST.acquireRelease}`,
  `smp_rmb()/smp_wmb() ${COST.readWriteBarrier}`,
  `smp_mb__before/after_atomic() ${COST.atomicBarrier}`,
  `smp_mb() or a fully ordered RMW ${COST.full}`,
];

export const COST_LEGEND = COST_LEVELS.join(', ');

export type Role =
  | 'fence'
  | 'load'
  | 'store'
  | 'rmw'
  | 'lock'
  | 'unlock'
  | 'rcu-lock'
  | 'rcu-unlock';

/** How a form names the location in its first argument: `READ_ONCE(*p)` vs `smp_load_acquire(p)`. */
export type FirstArg = 'loc' | 'ptr';

export interface Form {
  readonly name: string;
  readonly cost: number;
  readonly first?: FirstArg;
  /** `atomic_dec_and_test(p)` written as a `_return` form: the value is compared `== 0`. */
  readonly zeroTest?: boolean;
  /** A void atomic: a statement macro, where the others are expressions. */
  readonly statementOnly?: boolean;
}

export interface Primitive {
  readonly role: Role;
  readonly form: Form;
  readonly reads: boolean;
  readonly writes: boolean;
  /** Every form reachable by weakening one step at a time (not counting removal). */
  readonly weaker: readonly Form[];
  /** Every form reachable by strengthening one step at a time. */
  readonly stronger: readonly Form[];
  /** Fences and lock pairs can go altogether; accesses only change form. */
  readonly removable: boolean;
  /** A short phrase for reports: "full barrier", "relaxed RMW". */
  readonly ordering: string;
}

interface Entry {
  readonly role: Role;
  readonly form: Form;
  readonly reads: boolean;
  readonly writes: boolean;
  readonly ordering: string;
  /** Names of the forms one step weaker. */
  readonly down: readonly string[];
}

const TABLE = new Map<string, Entry>();

function add(role: Role, form: Form, ordering: string, down: readonly string[] = []): void {
  const reads = role === 'load' || role === 'rmw' || role === 'lock';
  const writes = role === 'store' || role === 'rmw' || role === 'lock' || role === 'unlock';
  TABLE.set(form.name, { role, form, reads, writes, ordering, down });
}

// ---- Fences (include/asm-generic/barrier.h, include/linux/rcupdate.h) ----
add('fence', { name: 'smp_mb', cost: COST.full }, 'full barrier', ['smp_wmb', 'smp_rmb']);
add('fence', { name: 'smp_wmb', cost: COST.readWriteBarrier }, 'store-store barrier');
add('fence', { name: 'smp_rmb', cost: COST.readWriteBarrier }, 'load-load barrier');
for (const name of [
  'smp_mb__before_atomic',
  'smp_mb__after_atomic',
  'smp_mb__after_spinlock',
  'smp_mb__after_unlock_lock',
  'smp_mb__after_srcu_read_unlock',
]) {
  add('fence', { name, cost: COST.atomicBarrier }, 'full barrier with the adjacent atomic or lock');
}
add('fence', { name: 'barrier', cost: COST.nothing }, 'compiler barrier');
for (const name of ['synchronize_rcu', 'synchronize_rcu_expedited']) {
  add('fence', { name, cost: COST.gracePeriod }, 'RCU grace period', ['smp_mb']);
}

// ---- Loads and stores (include/asm-generic/rwonce.h, barrier.h; atomic_t.txt) ----
add('load', { name: 'READ_ONCE', cost: COST.nothing, first: 'loc' }, 'unordered load');
add('load', { name: 'smp_load_acquire', cost: COST.acquireRelease, first: 'ptr' }, 'acquire load', [
  'READ_ONCE',
]);
add('load', { name: 'atomic_read', cost: COST.nothing }, 'unordered load');
add('load', { name: 'atomic_read_acquire', cost: COST.acquireRelease }, 'acquire load', [
  'atomic_read',
]);
add('store', { name: 'WRITE_ONCE', cost: COST.nothing, first: 'loc' }, 'unordered store');
add(
  'store',
  { name: 'smp_store_release', cost: COST.acquireRelease, first: 'ptr' },
  'release store',
  ['WRITE_ONCE'],
);
add(
  'store',
  { name: 'rcu_assign_pointer', cost: COST.acquireRelease, first: 'loc' },
  'release store',
  ['WRITE_ONCE'],
);
add('store', { name: 'smp_store_mb', cost: COST.full, first: 'loc' }, 'store and full barrier', [
  'WRITE_ONCE',
]);
add('store', { name: 'atomic_set', cost: COST.nothing }, 'unordered store');
add('store', { name: 'atomic_set_release', cost: COST.acquireRelease }, 'release store', [
  'atomic_set',
]);

// ---- Read-modify-writes: the suffix sets the ordering (atomic_t.txt "ORDERING") ----

/** Value-returning RMWs with _acquire/_release/_relaxed forms, and their void form. */
const SUFFIXED: readonly (readonly [string, string?])[] = [
  ['xchg'],
  ['atomic_xchg'],
  ['cmpxchg'],
  ['atomic_cmpxchg'],
  ['atomic_add_return', 'atomic_add'],
  ['atomic_sub_return', 'atomic_sub'],
  ['atomic_inc_return', 'atomic_inc'],
  ['atomic_dec_return', 'atomic_dec'],
  ['atomic_add_negative', 'atomic_add'],
  ['atomic_fetch_add', 'atomic_add'],
  ['atomic_fetch_sub', 'atomic_sub'],
  ['atomic_fetch_inc', 'atomic_inc'],
  ['atomic_fetch_dec', 'atomic_dec'],
  ['atomic_fetch_and', 'atomic_and'],
  ['atomic_fetch_or', 'atomic_or'],
  ['atomic_fetch_xor', 'atomic_xor'],
  ['atomic_fetch_andnot', 'atomic_andnot'],
];

/** A void atomic strengthens into this value-returning family (Documentation/atomic_t.txt). */
const RETURNING_OF_VOID = new Map<string, string>();

for (const [base, voidForm] of SUFFIXED) {
  const relaxed = `${base}_relaxed`;
  add('rmw', { name: base, cost: COST.full }, 'fully ordered RMW', [
    `${base}_acquire`,
    `${base}_release`,
  ]);
  add('rmw', { name: `${base}_acquire`, cost: COST.acquireRelease }, 'acquire RMW', [relaxed]);
  add('rmw', { name: `${base}_release`, cost: COST.acquireRelease }, 'release RMW', [relaxed]);
  add('rmw', { name: relaxed, cost: COST.nothing }, 'relaxed RMW');
  if (voidForm && !RETURNING_OF_VOID.has(voidForm)) RETURNING_OF_VOID.set(voidForm, base);
}
for (const voidForm of RETURNING_OF_VOID.keys()) {
  add('rmw', { name: voidForm, cost: COST.nothing, statementOnly: true }, 'void RMW (unordered)');
}

// The _and_test forms have no relaxed spelling; weakened, they are `_return` forms tested `== 0`.
for (const [test, ret] of [
  ['atomic_dec_and_test', 'atomic_dec_return'],
  ['atomic_inc_and_test', 'atomic_inc_return'],
  ['atomic_sub_and_test', 'atomic_sub_return'],
] as const) {
  add('rmw', { name: test, cost: COST.full }, 'fully ordered RMW', [
    `${ret}_acquire==0`,
    `${ret}_release==0`,
  ]);
  add(
    'rmw',
    { name: `${ret}_acquire==0`, cost: COST.acquireRelease, zeroTest: true },
    'acquire RMW',
    [`${ret}_relaxed==0`],
  );
  add(
    'rmw',
    { name: `${ret}_release==0`, cost: COST.acquireRelease, zeroTest: true },
    'release RMW',
    [`${ret}_relaxed==0`],
  );
  add('rmw', { name: `${ret}_relaxed==0`, cost: COST.nothing, zeroTest: true }, 'relaxed RMW');
}
// No weaker spelling in the kernel's API.
add('rmw', { name: 'atomic_add_unless', cost: COST.full }, 'fully ordered RMW when it adds');

// ---- Locks: varied as a pair (include/linux/spinlock.h, rcupdate.h) ----
add('lock', { name: 'spin_lock', cost: COST.full }, 'lock acquisition');
add('lock', { name: 'spin_trylock', cost: COST.full }, 'lock acquisition when it succeeds');
add('unlock', { name: 'spin_unlock', cost: COST.acquireRelease }, 'lock release');
add('rcu-lock', { name: 'rcu_read_lock', cost: COST.nothing }, 'RCU read-side critical section');
add('rcu-unlock', { name: 'rcu_read_unlock', cost: COST.nothing }, 'end of RCU read-side section');

/** One step up from each form: the inverse of `down`. */
const UP = new Map<string, string[]>();
for (const [name, e] of TABLE) {
  for (const d of e.down) UP.set(d, [...(UP.get(d) ?? []), name]);
}
// Void atomics strengthen into their value-returning family (the value goes to a new register).
for (const [voidForm, base] of RETURNING_OF_VOID) {
  UP.set(voidForm, [`${base}_acquire`, `${base}_release`]);
}
// A fix never asks for a grace period, and smp_store_mb() is a store plus an inserted smp_mb().
UP.set('smp_mb', []);
UP.set('WRITE_ONCE', ['smp_store_release']);

function closure(start: string, step: (name: string) => readonly string[]): Form[] {
  const seen = new Set<string>();
  const out: Form[] = [];
  const visit = (name: string) => {
    for (const next of step(name)) {
      if (seen.has(next)) continue;
      seen.add(next);
      const e = TABLE.get(next);
      if (e) out.push(e.form);
      visit(next);
    }
  };
  visit(start);
  return out;
}

/**
 * The advisor's view of a primitive, or undefined for one it does not vary. `defined` says
 * which macro names the model's macro file has: forms it lacks are left out.
 */
export function primitiveOf(
  name: string,
  defined: (macro: string) => boolean,
): Primitive | undefined {
  const e = TABLE.get(name);
  if (!e) return undefined;
  const usable = (f: Form) => defined(macroName(f));
  return {
    role: e.role,
    form: e.form,
    reads: e.reads,
    writes: e.writes,
    weaker: closure(name, (n) => TABLE.get(n)?.down ?? []).filter(usable),
    stronger: closure(name, (n) => UP.get(n) ?? []).filter(usable),
    removable: e.role === 'fence',
    ordering: e.ordering,
  };
}

/**
 * Which argument names the location: atomic_t arithmetic takes it last (`atomic_add(i, v)`,
 * `atomic_fetch_or(i, v)`), exchanges, atomic_add_unless() and loads and stores first.
 */
export function locationArg(p: Primitive, argc: number): number {
  const first =
    p.role !== 'rmw' || p.form.name.includes('xchg') || p.form.name === 'atomic_add_unless';
  return first ? 0 : argc - 1;
}

/** The macro a form calls (`atomic_dec_return_relaxed==0` calls atomic_dec_return_relaxed). */
export function macroName(f: Form): string {
  return f.zeroTest ? f.name.slice(0, -'==0'.length) : f.name;
}

/** The form of a fence name (for insertions), assumed defined. */
export function fenceForm(name: string): Form {
  const e = TABLE.get(name);
  if (e?.role !== 'fence') throw new Error(`not a fence: ${name}`);
  return e.form;
}

/** Fences the fix search inserts, cheapest first. */
export const INSERTED_FENCES = ['smp_rmb', 'smp_wmb', 'smp_mb'] as const;

/** The roles of a matched pair: the opening one and its closing partner. */
export const PAIRS: ReadonlyMap<string, string> = new Map([
  ['spin_lock', 'spin_unlock'],
  ['rcu_read_lock', 'rcu_read_unlock'],
]);
