// Events stage (per-architecture lowering): the vocabulary of the target tables. A row says
// what the Linux kernel emits for one LKMM primitive on one architecture, as data: barrier
// instructions around the primitive's own access, and the annotations of that access.

/** The architectures ordo lowers C litmus tests to. */
export type TargetId = 'x86-64' | 'arm64' | 'arm64-llsc' | 'power' | 'riscv';

/**
 * Annotations of an access (the bell file cat-models/arch.bell declares each as a tag):
 * - `A`: acquire (arm64 LDAR/LDAXR/SWPA/CASA..., RISC-V `.aq`);
 * - `Q`: acquire-PC (arm64 LDAPR);
 * - `L`: release (arm64 STLR/STLXR/SWPL..., RISC-V `.rl`);
 * - `LOCK`: an x86 locked instruction (LOCK prefix, or XCHG with memory);
 * - `EX`: the RMW is a load-exclusive/store-exclusive loop (LDXR/STXR, lwarx/stwcx., lr/sc)
 *   rather than one atomic instruction;
 * - `NoRet`: an arm64 LSE atomic whose result is discarded (STADD, STCLR...);
 * - `Fails-plain`: when this RMW fails (cmpxchg, add_unless), the failure is seen by an
 *   ordinary load before any atomic instruction runs, so the failed read has none of the
 *   RMW's annotations or barriers.
 */
export type Annotation = 'A' | 'Q' | 'L' | 'LOCK' | 'EX' | 'NoRet' | 'Fails-plain';

/**
 * Barrier instructions, named as the bell's fence tags (herd names them `DMB.ISH`,
 * `Fence.rw.rw`...: ordo's tags use `-`, which C litmus tags may contain, so that tests can
 * write `__fence{DMB-ISH}`).
 */
export type Fence =
  | 'MFENCE'
  | 'LOCK-ADD'
  | 'DMB-ISH'
  | 'DMB-ISHLD'
  | 'DMB-ISHST'
  | 'ISB'
  | 'SYNC'
  | 'LWSYNC'
  | 'ISYNC'
  | 'EIEIO'
  | 'Fence-rw-rw'
  | 'Fence-r-rw'
  | 'Fence-rw-w'
  | 'Fence-r-r'
  | 'Fence-w-w'
  | 'Fence-r-w'
  | 'Fence-w-r'
  | 'Fence-w-rw'
  | 'Fence-rw-r'
  | 'Fence-tso';

/**
 * One instruction (or instruction idiom) a primitive becomes. `access` is the primitive's own
 * memory access(es) as linux-kernel.def shapes them (a load, a store, an RMW, a lock
 * operation), annotated; fences before and after it are the barriers the kernel puts around.
 */
export type Step =
  | { readonly kind: 'fence'; readonly fence: Fence }
  | { readonly kind: 'access'; readonly ann: readonly Annotation[] };

/** What one LKMM primitive becomes on a target. */
export type Row = Lowered | Unsupported;

export interface Lowered {
  readonly kind: 'lowered';
  /** At most one `access` step; an empty list means no instruction at all. */
  readonly steps: readonly Step[];
  /** The kernel file(s) this row comes from, e.g. `arch/arm64/include/asm/cmpxchg.h`. */
  readonly source: string;
}

/** A primitive no instruction sequence implements (RCU grace periods, SRCU): never guessed. */
export interface Unsupported {
  readonly kind: 'unsupported';
  readonly why: string;
  readonly source: string;
}

export interface TargetTable {
  readonly id: TargetId;
  /** herd7's architecture name for assembly litmus tests. */
  readonly herdArch: 'X86_64' | 'AArch64' | 'PPC' | 'RISCV';
  /** The cat model (in cat-models/) that gives the annotations their meaning. */
  readonly model: string;
  /** One row per primitive of linux-kernel.def, by primitive name. */
  readonly rows: Readonly<Record<string, Row>>;
}
