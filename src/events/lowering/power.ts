// Events stage (per-architecture lowering): what Linux emits on powerpc64 (Book3S, with
// lwsync) for each LKMM primitive. Atomics are lwarx/stwcx. loops; fully ordered ones sit
// between two syncs (PPC_ATOMIC_ENTRY/EXIT_BARRIER), acquire ones end with isync after the
// loop's exit branch (PPC_ACQUIRE_BARRIER), release ones start with lwsync.
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
import type { Row, TargetTable } from './types';

const BARRIER_H = 'arch/powerpc/include/asm/barrier.h';
const ATOMIC_H = 'arch/powerpc/include/asm/atomic.h, arch/powerpc/include/asm/synch.h';
const CMPXCHG_H = 'arch/powerpc/include/asm/cmpxchg.h, arch/powerpc/include/asm/synch.h';
const SPINLOCK = 'arch/powerpc/include/asm/qspinlock.h, arch/powerpc/include/asm/simple_spinlock.h';

const exclusive = access('EX');

/** The four orderings of an lwarx/stwcx. loop, as atomic-arch-fallback.h builds them. */
function loops(source: string): Record<'full' | 'relaxed' | 'acquire' | 'release', Row> {
  return {
    full: lowered(source, fence('SYNC'), exclusive, fence('SYNC')),
    relaxed: lowered(source, exclusive),
    acquire: lowered(source, exclusive, fence('ISYNC')),
    release: lowered(source, fence('LWSYNC'), exclusive),
  };
}

export const power: TargetTable = {
  id: 'power',
  herdArch: 'PPC',
  model: 'power.cat',
  rows: {
    // lwz/stw (ld/std for 64-bit data).
    ...each(PLAIN_LOADS, lowered('include/asm-generic/rwonce.h', access())),
    ...each(PLAIN_STORES, lowered('include/asm-generic/rwonce.h', access())),
    // __smp_load_acquire(): READ_ONCE() then __lwsync().
    ...each(ACQUIRE_LOADS, lowered(BARRIER_H, access(), fence('LWSYNC'))),
    // __smp_store_release(): __lwsync() then WRITE_ONCE().
    ...each(RELEASE_STORES, lowered(BARRIER_H, fence('LWSYNC'), access())),
    // __smp_store_mb() (generic): WRITE_ONCE() then smp_mb().
    smp_store_mb: lowered('include/asm-generic/barrier.h', access(), fence('SYNC')),
    // __smp_mb() = sync; __smp_rmb() = __lwsync(); __smp_wmb() = SMPWMB = lwsync on 64-bit.
    smp_mb: lowered(BARRIER_H, fence('SYNC')),
    smp_rmb: lowered(BARRIER_H, fence('LWSYNC')),
    smp_wmb: lowered(BARRIER_H, fence('LWSYNC')),
    ...each(
      ['smp_mb__before_atomic', 'smp_mb__after_atomic'],
      lowered('include/asm-generic/barrier.h', fence('SYNC')),
    ),
    smp_mb__after_spinlock: lowered('arch/powerpc/include/asm/spinlock.h', fence('SYNC')),
    // powerpc selects CONFIG_ARCH_WEAK_RELEASE_ACQUIRE: smp_mb().
    smp_mb__after_unlock_lock: lowered('include/linux/rcupdate.h', fence('SYNC')),
    ...COMPILER_ONLY,
    ...ALGORITHMS,
    // Lock: lwarx/stwcx. loop then isync (PPC_ACQUIRE_BARRIER), in both the queued and the
    // simple spinlock; unlock: lwsync then a plain store (PPC_RELEASE_BARRIER).
    spin_lock: lowered(SPINLOCK, exclusive, fence('ISYNC')),
    spin_trylock: lowered(SPINLOCK, exclusive, fence('ISYNC')),
    spin_unlock: lowered(SPINLOCK, fence('LWSYNC'), access()),
    spin_is_locked: lowered(SPINLOCK, access()),
    ...ordered(XCHG, loops(CMPXCHG_H)),
    // A failed cmpxchg has run the entry barrier and branches past stwcx. and the exit one.
    ...ordered(CMPXCHG, loops(CMPXCHG_H)),
    ...each(VOID_OPS, lowered(ATOMIC_H, exclusive)),
    ...ordered(RETURNING, loops(ATOMIC_H)),
    // arch_atomic_fetch_add_unless(): sync; lwarx; cmpw; beq out; add; stwcx.; bne-; sync.
    atomic_add_unless: lowered(ATOMIC_H, fence('SYNC'), exclusive, fence('SYNC')),
  },
};
