// Events stage (per-architecture lowering): what Linux emits on arm64 without LSE atomics (the
// LL/SC fallback of atomic_ll_sc.h): exclusive load/store loops, with a trailing DMB ISH on
// the fully ordered forms (skipped when a cmpxchg fails).
import { arm64Common } from './arm64';
import {
  access,
  CMPXCHG,
  each,
  fence,
  lowered,
  ordered,
  RETURNING,
  VOID_OPS,
  XCHG,
} from './primitives';
import type { TargetTable } from './types';

const LL_SC = 'arch/arm64/include/asm/atomic_ll_sc.h';
const CMPXCHG_H = 'arch/arm64/include/asm/cmpxchg.h';

export const arm64Llsc: TargetTable = {
  id: 'arm64-llsc',
  herdArch: 'AArch64',
  model: 'arm64.cat',
  rows: {
    // queued_spin_lock()'s cmpxchg_acquire: LDAXR; CMP; B.NE; STXR; CBNZ.
    ...arm64Common(['EX', 'A']),
    // __XCHG_CASE: LDXR/STLXR + DMB ISH (full), LDXR/STXR, LDAXR/STXR, LDXR/STLXR.
    ...ordered(XCHG, {
      full: lowered(CMPXCHG_H, access('EX', 'L'), fence('DMB-ISH')),
      relaxed: lowered(CMPXCHG_H, access('EX')),
      acquire: lowered(CMPXCHG_H, access('EX', 'A')),
      release: lowered(CMPXCHG_H, access('EX', 'L')),
    }),
    // __CMPXCHG_CASE: the same pairs; a failed compare branches past the store and the DMB.
    ...ordered(CMPXCHG, {
      full: lowered(LL_SC, access('EX', 'L'), fence('DMB-ISH')),
      relaxed: lowered(LL_SC, access('EX')),
      acquire: lowered(LL_SC, access('EX', 'A')),
      release: lowered(LL_SC, access('EX', 'L')),
    }),
    // ATOMIC_OP: LDXR; op; STXR; CBNZ.
    ...each(VOID_OPS, lowered(LL_SC, access('EX'))),
    // ATOMIC_OP_RETURN / ATOMIC_FETCH_OP: STLXR + DMB ISH for the fully ordered forms.
    ...ordered(RETURNING, {
      full: lowered(LL_SC, access('EX', 'L'), fence('DMB-ISH')),
      relaxed: lowered(LL_SC, access('EX')),
      acquire: lowered(LL_SC, access('EX', 'A')),
      release: lowered(LL_SC, access('EX', 'L')),
    }),
    // raw_atomic_fetch_add_unless(): atomic_read() then the fully ordered LL/SC cmpxchg loop.
    atomic_add_unless: lowered(
      'include/linux/atomic/atomic-arch-fallback.h',
      access('EX', 'L', 'Fails-plain'),
      fence('DMB-ISH'),
    ),
  },
};
