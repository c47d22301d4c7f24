// Events stage (per-architecture lowering): what Linux emits on x86-64 for each LKMM primitive.
// Every LOCK-prefixed instruction (and XCHG with memory, implicitly locked) is a full barrier,
// so x86 needs no barrier around its atomics and only smp_mb() emits one.
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
import type { TargetTable } from './types';

const BARRIER_H = 'arch/x86/include/asm/barrier.h';
const CMPXCHG_H = 'arch/x86/include/asm/cmpxchg.h';
const ATOMIC_H = 'arch/x86/include/asm/atomic.h';
const QSPINLOCK = 'include/asm-generic/qspinlock.h, arch/x86/include/asm/qspinlock.h';

const locked = access('LOCK');

export const x86_64: TargetTable = {
  id: 'x86-64',
  herdArch: 'X86_64',
  model: 'x86-tso.cat',
  rows: {
    // mov: READ_ONCE()/WRITE_ONCE() are volatile accesses (include/asm-generic/rwonce.h).
    ...each(PLAIN_LOADS, lowered('include/asm-generic/rwonce.h', access())),
    ...each(PLAIN_STORES, lowered('include/asm-generic/rwonce.h', access())),
    // __smp_load_acquire(): READ_ONCE() then barrier(); TSO already orders loads.
    ...each(ACQUIRE_LOADS, lowered(BARRIER_H, access())),
    // __smp_store_release(): barrier() then WRITE_ONCE(); TSO already orders stores.
    ...each(RELEASE_STORES, lowered(BARRIER_H, access())),
    // __smp_store_mb(): (void)xchg(&var, value): the store is an implicitly locked xchg.
    smp_store_mb: lowered(BARRIER_H, locked),
    // __smp_mb(): `lock; addl $0,-4(%rsp)` (mfence only for mb()).
    smp_mb: lowered(BARRIER_H, fence('LOCK-ADD')),
    // __smp_rmb() = dma_rmb() = barrier(), __smp_wmb() = barrier().
    ...each(['smp_rmb', 'smp_wmb'], lowered(BARRIER_H)),
    // __smp_mb__before_atomic()/__smp_mb__after_atomic(): "Atomic operations are already
    // serializing on x86", compiler barriers only.
    ...each(['smp_mb__before_atomic', 'smp_mb__after_atomic'], lowered(BARRIER_H)),
    // Not defined by x86: the generic no-op; the lock's locked cmpxchg is a full barrier.
    smp_mb__after_spinlock: lowered('include/linux/spinlock.h'),
    // No-op unless CONFIG_ARCH_WEAK_RELEASE_ACQUIRE (powerpc only).
    smp_mb__after_unlock_lock: lowered('include/linux/rcupdate.h'),
    ...COMPILER_ONLY,
    ...ALGORITHMS,
    // queued_spin_lock(): atomic_try_cmpxchg_acquire(&lock->val, 0, _Q_LOCKED_VAL) = lock cmpxchg.
    spin_lock: lowered(QSPINLOCK, locked),
    spin_trylock: lowered(QSPINLOCK, locked),
    // queued_spin_unlock(): smp_store_release(&lock->locked, 0) = movb $0.
    spin_unlock: lowered(QSPINLOCK, access()),
    // queued_spin_is_locked(): atomic_read(&lock->val).
    spin_is_locked: lowered(QSPINLOCK, access()),
    // arch_xchg(): xchg with a memory operand is locked whatever the suffix asked for.
    ...ordered(XCHG, {
      full: lowered(CMPXCHG_H, locked),
      relaxed: lowered(CMPXCHG_H, locked),
      acquire: lowered(CMPXCHG_H, locked),
      release: lowered(CMPXCHG_H, locked),
    }),
    // arch_cmpxchg(): lock cmpxchg, a locked instruction even when the comparison fails.
    ...ordered(CMPXCHG, {
      full: lowered(CMPXCHG_H, locked),
      relaxed: lowered(CMPXCHG_H, locked),
      acquire: lowered(CMPXCHG_H, locked),
      release: lowered(CMPXCHG_H, locked),
    }),
    // arch_atomic_add()... : lock addl/subl/andl/orl/xorl/incl/decl.
    ...each(VOID_OPS, lowered(ATOMIC_H, locked)),
    // arch_atomic_add_return()/fetch_add(): lock xaddl; fetch_and/or/xor: a try_cmpxchg loop.
    ...ordered(RETURNING, {
      full: lowered(ATOMIC_H, locked),
      relaxed: lowered(ATOMIC_H, locked),
      acquire: lowered(ATOMIC_H, locked),
      release: lowered(ATOMIC_H, locked),
    }),
    // raw_atomic_fetch_add_unless(): reads the counter, and runs no locked instruction when
    // it already holds the excluded value.
    atomic_add_unless: lowered(
      'include/linux/atomic/atomic-arch-fallback.h',
      access('LOCK', 'Fails-plain'),
    ),
  },
};
