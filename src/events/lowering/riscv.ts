// Events stage (per-architecture lowering): what Linux emits on riscv64 (RVWMO with the A
// extension, without Zacas) for each LKMM primitive. AMOs take `.aqrl` when fully ordered;
// the acquire and release forms are the relaxed AMO plus `fence r,rw` after or `fence rw,w`
// before (RISCV_ACQUIRE_BARRIER, RISCV_RELEASE_BARRIER); cmpxchg is an lr/sc loop.
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

const BARRIER_H = 'arch/riscv/include/asm/barrier.h, arch/riscv/include/asm/fence.h';
const GENERIC_BARRIER_H = 'include/asm-generic/barrier.h';
const CMPXCHG_H = 'arch/riscv/include/asm/cmpxchg.h, arch/riscv/include/asm/fence.h';
const ATOMIC_H = 'arch/riscv/include/asm/atomic.h, include/linux/atomic/atomic-arch-fallback.h';
const QSPINLOCK = 'include/asm-generic/qspinlock.h, arch/riscv/include/asm/spinlock.h';

const acquireFence = fence('Fence-r-rw');
const releaseFence = fence('Fence-rw-w');

export const riscv: TargetTable = {
  id: 'riscv',
  herdArch: 'RISCV',
  model: 'riscv.cat',
  rows: {
    ...each(PLAIN_LOADS, lowered('include/asm-generic/rwonce.h', access())),
    ...each(PLAIN_STORES, lowered('include/asm-generic/rwonce.h', access())),
    // __smp_load_acquire(): READ_ONCE() then RISCV_FENCE(r, rw).
    ...each(ACQUIRE_LOADS, lowered(BARRIER_H, access(), acquireFence)),
    // __smp_store_release(): RISCV_FENCE(rw, w) then WRITE_ONCE().
    ...each(RELEASE_STORES, lowered(BARRIER_H, releaseFence, access())),
    smp_store_mb: lowered(GENERIC_BARRIER_H, access(), fence('Fence-rw-rw')),
    // __smp_mb() = fence rw,rw; __smp_rmb() = fence r,r; __smp_wmb() = fence w,w.
    smp_mb: lowered(BARRIER_H, fence('Fence-rw-rw')),
    smp_rmb: lowered(BARRIER_H, fence('Fence-r-r')),
    smp_wmb: lowered(BARRIER_H, fence('Fence-w-w')),
    ...each(
      ['smp_mb__before_atomic', 'smp_mb__after_atomic'],
      lowered(GENERIC_BARRIER_H, fence('Fence-rw-rw')),
    ),
    // smp_mb__after_spinlock(): RISCV_FENCE(iorw, iorw); memory-only here.
    smp_mb__after_spinlock: lowered(BARRIER_H, fence('Fence-rw-rw')),
    smp_mb__after_unlock_lock: lowered('include/linux/rcupdate.h'),
    ...COMPILER_ONLY,
    ...ALGORITHMS,
    // qspinlock: atomic_try_cmpxchg_acquire() = lr.w; bne; sc.w; bnez; fence r,rw, and
    // smp_store_release() to unlock.
    spin_lock: lowered(QSPINLOCK, access('EX'), acquireFence),
    spin_trylock: lowered(QSPINLOCK, access('EX'), acquireFence),
    spin_unlock: lowered(QSPINLOCK, releaseFence, access()),
    spin_is_locked: lowered(QSPINLOCK, access()),
    // amoswap.w.aqrl / amoswap.w / amoswap.w; fence r,rw / fence rw,w; amoswap.w.
    ...ordered(XCHG, {
      full: lowered(CMPXCHG_H, access('A', 'L')),
      relaxed: lowered(CMPXCHG_H, access()),
      acquire: lowered(CMPXCHG_H, access(), acquireFence),
      release: lowered(CMPXCHG_H, releaseFence, access()),
    }),
    // lr.w; bne fail; sc.w.rl; bnez; fence rw,rw (skipped on failure), and the relaxed loop
    // with the acquire/release fences.
    ...ordered(CMPXCHG, {
      full: lowered(CMPXCHG_H, access('EX', 'L'), fence('Fence-rw-rw')),
      relaxed: lowered(CMPXCHG_H, access('EX')),
      acquire: lowered(CMPXCHG_H, access('EX'), acquireFence),
      release: lowered(CMPXCHG_H, releaseFence, access('EX')),
    }),
    // amoadd.w zero (sub negated), amoand.w, amoor.w, amoxor.w: no .aq/.rl.
    ...each(VOID_OPS, lowered(ATOMIC_H, access())),
    // amoadd.w.aqrl... fully ordered; relaxed AMO plus fences otherwise.
    ...ordered(RETURNING, {
      full: lowered(ATOMIC_H, access('A', 'L')),
      relaxed: lowered(ATOMIC_H, access()),
      acquire: lowered(ATOMIC_H, access(), acquireFence),
      release: lowered(ATOMIC_H, releaseFence, access()),
    }),
    // arch_atomic_fetch_add_unless(): lr.w; beq out; add; sc.w.rl; bnez; fence rw,rw.
    atomic_add_unless: lowered(ATOMIC_H, access('EX', 'L'), fence('Fence-rw-rw')),
  },
};
