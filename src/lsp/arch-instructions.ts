// LSP adapter: what a kernel primitive compiles to on each architecture, for hovers. Data from
// arch-models.md Part B (mainline v6.x); each row names the kernel headers it comes from.

export interface ArchInstructions {
  readonly x86: string;
  readonly arm64: string;
  readonly powerpc: string;
  readonly riscv: string;
  /** Kernel headers the row is read from. */
  readonly source: string;
}

const BARRIER_H =
  'arch/{x86,arm64,powerpc,riscv}/include/asm/barrier.h, include/asm-generic/barrier.h';
const CMPXCHG_H = 'arch/{x86,arm64,powerpc,riscv}/include/asm/cmpxchg.h, arm64 atomic_lse.h';
const ATOMIC_H =
  'arch/{x86,arm64,powerpc,riscv}/include/asm/atomic.h, arm64 atomic_lse.h, include/linux/atomic/atomic-arch-fallback.h';

const row = (
  x86: string,
  arm64: string,
  powerpc: string,
  riscv: string,
  source: string,
): ArchInstructions => ({ x86, arm64, powerpc, riscv, source });

const ONCE_LOAD = row('mov', 'ldr', 'lwz / ld', 'lw / ld', 'arch/arm64/include/asm/rwonce.h');
const ONCE_STORE = row('mov', 'str', 'stw / std', 'sw / sd', BARRIER_H);
const LOAD_ACQUIRE = row(
  'mov + compiler barrier',
  'ldar',
  'ld ; lwsync',
  'ld ; fence r,rw',
  BARRIER_H,
);
const STORE_RELEASE = row(
  'compiler barrier + mov',
  'stlr',
  'lwsync ; st',
  'fence rw,w ; sd',
  BARRIER_H,
);
const FULL_FENCE = row(
  'nothing (atomics are full barriers)',
  'dmb ish',
  'sync',
  'fence rw,rw',
  BARRIER_H,
);

/** Fully ordered, relaxed, acquire, release forms of value-returning atomic arithmetic. */
const RETURNING: Readonly<Record<string, ArchInstructions>> = {
  '': row(
    'lock xadd',
    'ldaddal (LSE) / ldxr;add;stlxr;dmb ish',
    'sync ; ll/sc ; sync',
    'amoadd.w.aqrl',
    ATOMIC_H,
  ),
  _relaxed: row('lock xadd', 'ldadd / ldxr;add;stxr', 'll/sc', 'amoadd.w', ATOMIC_H),
  _acquire: row(
    'lock xadd',
    'ldadda / ldaxr;add;stxr',
    'll/sc ; isync',
    'amoadd.w ; fence r,rw',
    ATOMIC_H,
  ),
  _release: row(
    'lock xadd',
    'ldaddl / ldxr;add;stlxr',
    'lwsync ; ll/sc',
    'fence rw,w ; amoadd.w',
    ATOMIC_H,
  ),
};

/** atomic_fetch_{and,or,xor,andnot}: x86 has no fetch form of these, so the kernel loops on cmpxchg. */
const FETCH_BITWISE: Readonly<Record<string, ArchInstructions>> = {
  '': row(
    'lock cmpxchg loop',
    'ldclral / ldsetal / ldeoral (LSE) or ll/sc ; dmb ish',
    'sync ; ll/sc ; sync',
    'amoand / amoor / amoxor .w.aqrl',
    ATOMIC_H,
  ),
  _relaxed: row(
    'lock cmpxchg loop',
    'ldclr / ldset / ldeor',
    'll/sc',
    'amoand / amoor / amoxor .w',
    ATOMIC_H,
  ),
  _acquire: row(
    'lock cmpxchg loop',
    'ldclra / ldseta / ldeora',
    'll/sc ; isync',
    'amo….w ; fence r,rw',
    ATOMIC_H,
  ),
  _release: row(
    'lock cmpxchg loop',
    'ldclrl / ldsetl / ldeorl',
    'lwsync ; ll/sc',
    'fence rw,w ; amo….w',
    ATOMIC_H,
  ),
};

const XCHG: Readonly<Record<string, ArchInstructions>> = {
  '': row('xchg', 'swpal / ldxr;stlxr;dmb ish', 'sync ; ll/sc ; sync', 'amoswap.w.aqrl', CMPXCHG_H),
  _relaxed: row('xchg', 'swp / ldxr;stxr', 'll/sc', 'amoswap.w', CMPXCHG_H),
  _acquire: row('xchg', 'swpa / ldaxr;stxr', 'll/sc ; isync', 'amoswap.w ; fence r,rw', CMPXCHG_H),
  _release: row('xchg', 'swpl / ldxr;stlxr', 'lwsync ; ll/sc', 'fence rw,w ; amoswap.w', CMPXCHG_H),
};

const CMPXCHG: Readonly<Record<string, ArchInstructions>> = {
  '': row(
    'lock cmpxchg',
    'casal / ldxr;cbnz;stlxr;dmb ish (no barrier on failure)',
    'sync ; lwarx;cmpw;bne-;stwcx. ; sync (skipped on failure)',
    'lr.w;bne;sc.w.rl;fence rw,rw (skipped on failure)',
    CMPXCHG_H,
  ),
  _relaxed: row('lock cmpxchg', 'cas / ldxr…stxr', 'll/sc loop', 'lr.w / sc.w loop', CMPXCHG_H),
  _acquire: row(
    'lock cmpxchg',
    'casa / ldaxr…stxr',
    'll/sc ; isync on success',
    'lr.w / sc.w ; fence r,rw on success',
    CMPXCHG_H,
  ),
  _release: row(
    'lock cmpxchg',
    'casl / ldxr…stlxr',
    'lwsync ; ll/sc',
    'fence rw,w ; lr.w / sc.w',
    CMPXCHG_H,
  ),
};

const EXACT: Readonly<Record<string, ArchInstructions>> = {
  READ_ONCE: ONCE_LOAD,
  rcu_dereference: ONCE_LOAD,
  atomic_read: ONCE_LOAD,
  WRITE_ONCE: ONCE_STORE,
  atomic_set: ONCE_STORE,
  smp_load_acquire: LOAD_ACQUIRE,
  atomic_read_acquire: LOAD_ACQUIRE,
  smp_store_release: STORE_RELEASE,
  rcu_assign_pointer: STORE_RELEASE,
  atomic_set_release: STORE_RELEASE,
  smp_store_mb: row('xchg', 'str ; dmb ish', 'st ; sync', 'sd ; fence rw,rw', BARRIER_H),
  smp_mb: row('lock addl $0,-4(%rsp)', 'dmb ish', 'sync', 'fence rw,rw', BARRIER_H),
  smp_rmb: row('compiler barrier', 'dmb ishld', 'lwsync', 'fence r,r', BARRIER_H),
  smp_wmb: row('compiler barrier', 'dmb ishst', 'lwsync', 'fence w,w', BARRIER_H),
  smp_mb__before_atomic: FULL_FENCE,
  smp_mb__after_atomic: FULL_FENCE,
  smp_mb__after_spinlock: row('nothing', 'dmb ish', 'sync', 'fence iorw,iorw', BARRIER_H),
  barrier: row(
    'compiler barrier',
    'compiler barrier',
    'compiler barrier',
    'compiler barrier',
    'include/linux/compiler.h',
  ),
  atomic_add_unless: row(
    'read ; lock cmpxchg loop',
    'read ; casal loop (plain read only on failure)',
    'sync ; lwarx;cmpw;beq;add;stwcx. ; sync (on success)',
    'lr.w;beq;add;sc.w.rl;fence rw,rw (on success)',
    ATOMIC_H,
  ),
  spin_lock: row(
    'lock cmpxchg (qspinlock, acquire)',
    'casa / ldaxr;stxr (qspinlock)',
    'lwarx;stwcx. loop ; isync',
    'lr.w;sc.w;fence r,rw (qspinlock) or amoadd.w.aqrl (ticket)',
    'include/asm-generic/qspinlock.h, arch/*/include/asm/spinlock.h',
  ),
  spin_unlock: row(
    'movb $0 (release store)',
    'stlrb wzr',
    'lwsync ; store 0',
    'fence rw,w ; store',
    'include/asm-generic/qspinlock.h, arch/*/include/asm/spinlock.h',
  ),
};

const VOID_ATOMIC = row(
  'lock add/sub/and/or/xor/inc/dec',
  'stadd / stclr / stset / steor (LSE) or ldxr;op;stxr',
  'll/sc (no barrier)',
  'amoadd.w zero / amoand.w / amoor.w / amoxor.w (no .aq/.rl)',
  ATOMIC_H,
);

/** The row for a primitive of linux-kernel.def, or undefined for those the table does not cover. */
export function instructionsFor(name: string): ArchInstructions | undefined {
  const exact = EXACT[name];
  if (exact) return exact;
  const ordering = /(_relaxed|_acquire|_release)$/.exec(name)?.[1] ?? '';
  const base = name.slice(0, name.length - ordering.length).replace(/^atomic_/, '');
  if (base === 'xchg') return XCHG[ordering];
  if (base === 'cmpxchg') return CMPXCHG[ordering];
  if (/^(add|sub|and|or|xor|andnot|inc|dec)$/.test(base) && ordering === '') return VOID_ATOMIC;
  if (/^fetch_(and|or|xor|andnot)$/.test(base)) return FETCH_BITWISE[ordering];
  if (/^(add|sub|inc|dec)_return$|^fetch_|^add_negative$/.test(base)) return RETURNING[ordering];
  if (/_and_test$/.test(base)) return RETURNING[''];
  return undefined;
}
