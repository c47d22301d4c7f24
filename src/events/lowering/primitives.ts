// Events stage (per-architecture lowering): the primitives of linux-kernel.def grouped the way
// the kernel implements them (same instructions up to the operation), and the builders the
// target tables are written with. Rows shared by every target live here too.
import type { Annotation, Fence, Row, Step } from './types';

/** A fully ordered / relaxed / acquire / release family of one kind of RMW. */
export interface OrderedFamily {
  readonly full: readonly string[];
  readonly relaxed: readonly string[];
  readonly acquire: readonly string[];
  readonly release: readonly string[];
}

export const PLAIN_LOADS = ['READ_ONCE', 'rcu_dereference', 'atomic_read'] as const;
export const ACQUIRE_LOADS = ['smp_load_acquire', 'atomic_read_acquire'] as const;
export const PLAIN_STORES = ['WRITE_ONCE', 'atomic_set'] as const;
/** rcu_assign_pointer() is smp_store_release() (include/linux/rcupdate.h). */
export const RELEASE_STORES = [
  'smp_store_release',
  'atomic_set_release',
  'rcu_assign_pointer',
] as const;

export const XCHG: OrderedFamily = {
  full: ['xchg', 'atomic_xchg'],
  relaxed: ['xchg_relaxed', 'atomic_xchg_relaxed'],
  acquire: ['xchg_acquire', 'atomic_xchg_acquire'],
  release: ['xchg_release', 'atomic_xchg_release'],
};

export const CMPXCHG: OrderedFamily = {
  full: ['cmpxchg', 'atomic_cmpxchg'],
  relaxed: ['cmpxchg_relaxed', 'atomic_cmpxchg_relaxed'],
  acquire: ['cmpxchg_acquire', 'atomic_cmpxchg_acquire'],
  release: ['cmpxchg_release', 'atomic_cmpxchg_release'],
};

/** Void atomics: no result, no ordering (Documentation/atomic_t.txt). */
export const VOID_OPS = [
  'atomic_add',
  'atomic_sub',
  'atomic_and',
  'atomic_or',
  'atomic_xor',
  'atomic_andnot',
  'atomic_inc',
  'atomic_dec',
] as const;

const suffixed = (bases: readonly string[], suffix: string) => bases.map((b) => `${b}${suffix}`);
const RETURNING_BASES = [
  'atomic_add_return',
  'atomic_sub_return',
  'atomic_inc_return',
  'atomic_dec_return',
  'atomic_fetch_add',
  'atomic_fetch_sub',
  'atomic_fetch_inc',
  'atomic_fetch_dec',
  'atomic_fetch_and',
  'atomic_fetch_or',
  'atomic_fetch_xor',
  'atomic_fetch_andnot',
  'atomic_add_negative',
];

/** Value-returning arithmetic RMWs (the `_and_test` forms exist fully ordered only). */
export const RETURNING: OrderedFamily = {
  full: [...RETURNING_BASES, 'atomic_sub_and_test', 'atomic_dec_and_test', 'atomic_inc_and_test'],
  relaxed: suffixed(RETURNING_BASES, '_relaxed'),
  acquire: suffixed(RETURNING_BASES, '_acquire'),
  release: suffixed(RETURNING_BASES, '_release'),
};

// ---------- builders ----------

export function access(...ann: Annotation[]): Step {
  return { kind: 'access', ann };
}

export function fence(f: Fence): Step {
  return { kind: 'fence', fence: f };
}

export function lowered(source: string, ...steps: Step[]): Row {
  return { kind: 'lowered', steps, source };
}

/** The same row for each primitive of a group. */
export function each(names: readonly string[], row: Row): Record<string, Row> {
  return Object.fromEntries(names.map((n) => [n, row]));
}

/** Rows for the four orderings of a family. */
export function ordered(
  family: OrderedFamily,
  rows: { readonly [K in keyof OrderedFamily]: Row },
): Record<string, Row> {
  return {
    ...each(family.full, rows.full),
    ...each(family.relaxed, rows.relaxed),
    ...each(family.acquire, rows.acquire),
    ...each(family.release, rows.release),
  };
}

// ---------- rows every target shares ----------

/**
 * RCU read-side markers compile to preempt_disable()/preempt_enable() (or the preemptible-RCU
 * nesting counter): compiler barriers, no instruction orders memory; barrier() likewise.
 */
export const COMPILER_ONLY: Record<string, Row> = {
  ...each(['rcu_read_lock', 'rcu_read_unlock'], lowered('include/linux/rcupdate.h')),
  barrier: lowered('include/linux/compiler.h'),
};

const GRACE_PERIOD =
  'an RCU grace period is a kernel algorithm (kernel/rcu/tree.c), not an instruction sequence an architecture model can check';
const SRCU =
  'SRCU is a kernel algorithm (kernel/rcu/srcutree.c), not an instruction sequence an architecture model can check';

/** Primitives whose guarantee comes from a kernel algorithm: "not checked", never guessed. */
export const ALGORITHMS: Record<string, Row> = {
  ...each(['synchronize_rcu', 'synchronize_rcu_expedited'], {
    kind: 'unsupported',
    why: GRACE_PERIOD,
    source: 'kernel/rcu/tree.c',
  }),
  ...each(
    [
      'srcu_read_lock',
      'srcu_read_unlock',
      'srcu_down_read',
      'srcu_up_read',
      'synchronize_srcu',
      'synchronize_srcu_expedited',
      'smp_mb__after_srcu_read_unlock',
    ],
    { kind: 'unsupported', why: SRCU, source: 'include/linux/srcu.h, kernel/rcu/srcutree.c' },
  ),
};
