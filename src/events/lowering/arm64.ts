// Events stage (per-architecture lowering): what Linux emits on arm64 with the ARMv8.1 LSE
// atomics (the alternative patched in at boot on every recent core) for each LKMM primitive.
// Loads, stores, barriers and locks are shared with arm64-llsc.ts.
import {
  ACQUIRE_LOADS,
  ALGORITHMS,
  access,
  CMPXCHG,
  COMPILER_ONLY,
  each,
  fence,
  lowered,
  ordered,
  PLAIN_LOADS,
  PLAIN_STORES,
  RELEASE_STORES,
  RETURNING,
  VOID_OPS,
  XCHG,
} from './primitives';
import type { Annotation, Row, TargetTable } from './types';

const BARRIER_H = 'arch/arm64/include/asm/barrier.h';
const QSPINLOCK = 'include/asm-generic/qspinlock.h, arch/arm64/include/asm/spinlock.h';
const LSE = 'arch/arm64/include/asm/atomic_lse.h';
const CMPXCHG_LSE = 'arch/arm64/include/asm/cmpxchg.h, arch/arm64/include/asm/atomic_lse.h';

/**
 * Everything but the RMWs, which LSE and LL/SC builds share. `lockRmw` is the acquiring
 * compare-and-swap of queued_spin_lock(): CASA with LSE, LDAXR/STXR without.
 */
export function arm64Common(lockRmw: readonly Annotation[]): Record<string, Row> {
  return {
    // LDR/STR: without CONFIG_LTO, READ_ONCE() is a plain load (rwonce.h makes it LDAR or
    // LDAPR only under LTO).
    ...each(PLAIN_LOADS, lowered('arch/arm64/include/asm/rwonce.h', access())),
    ...each(PLAIN_STORES, lowered('include/asm-generic/rwonce.h', access())),
    // __smp_load_acquire(): LDAR; __smp_store_release(): STLR.
    ...each(ACQUIRE_LOADS, lowered(BARRIER_H, access('A'))),
    ...each(RELEASE_STORES, lowered(BARRIER_H, access('L'))),
    // Generic __smp_store_mb(): WRITE_ONCE() then smp_mb().
    smp_store_mb: lowered('include/asm-generic/barrier.h', access(), fence('DMB-ISH')),
    smp_mb: lowered(BARRIER_H, fence('DMB-ISH')),
    smp_rmb: lowered(BARRIER_H, fence('DMB-ISHLD')),
    smp_wmb: lowered(BARRIER_H, fence('DMB-ISHST')),
    // arm64 does not define them: the generic smp_mb().
    ...each(
      ['smp_mb__before_atomic', 'smp_mb__after_atomic'],
      lowered('include/asm-generic/barrier.h', fence('DMB-ISH')),
    ),
    smp_mb__after_spinlock: lowered('arch/arm64/include/asm/spinlock.h', fence('DMB-ISH')),
    // No-op unless CONFIG_ARCH_WEAK_RELEASE_ACQUIRE (powerpc only).
    smp_mb__after_unlock_lock: lowered('include/linux/rcupdate.h'),
    ...COMPILER_ONLY,
    ...ALGORITHMS,
    // queued_spin_lock(): atomic_try_cmpxchg_acquire(&lock->val, 0, _Q_LOCKED_VAL).
    spin_lock: lowered(QSPINLOCK, access(...lockRmw)),
    spin_trylock: lowered(QSPINLOCK, access(...lockRmw)),
    // queued_spin_unlock(): smp_store_release(&lock->locked, 0) = STLRB.
    spin_unlock: lowered(QSPINLOCK, access('L')),
    spin_is_locked: lowered(QSPINLOCK, access()),
  };
}

export const arm64: TargetTable = {
  id: 'arm64',
  herdArch: 'AArch64',
  model: 'arm64.cat',
  rows: {
    ...arm64Common(['A']),
    // SWPAL / SWP / SWPA / SWPL.
    ...ordered(XCHG, {
      full: lowered(CMPXCHG_LSE, access('A', 'L')),
      relaxed: lowered(CMPXCHG_LSE, access()),
      acquire: lowered(CMPXCHG_LSE, access('A')),
      release: lowered(CMPXCHG_LSE, access('L')),
    }),
    // CASAL / CAS / CASA / CASL: a failed CASA(L) still reads with acquire semantics.
    ...ordered(CMPXCHG, {
      full: lowered(CMPXCHG_LSE, access('A', 'L')),
      relaxed: lowered(CMPXCHG_LSE, access()),
      acquire: lowered(CMPXCHG_LSE, access('A')),
      release: lowered(CMPXCHG_LSE, access('L')),
    }),
    // STADD / STCLR / STSET / STEOR: the result is discarded.
    ...each(VOID_OPS, lowered(LSE, access('NoRet'))),
    // LDADDAL, LDCLRAL, LDSETAL, LDEORAL (+ the add for _return) and their relaxed, A, L forms.
    ...ordered(RETURNING, {
      full: lowered(LSE, access('A', 'L')),
      relaxed: lowered(LSE, access()),
      acquire: lowered(LSE, access('A')),
      release: lowered(LSE, access('L')),
    }),
    // raw_atomic_fetch_add_unless(): atomic_read() then a CASAL loop; only the read when the
    // counter holds the excluded value.
    atomic_add_unless: lowered(
      'include/linux/atomic/atomic-arch-fallback.h',
      access('A', 'L', 'Fails-plain'),
    ),
  },
};
