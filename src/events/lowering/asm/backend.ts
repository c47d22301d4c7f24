// Events stage (assembly output of `ordo lower`): what a herd7 assembly dialect provides to
// the generic compiler: register names, and the instructions for each basic operation.
// Registers reach a backend as printed names; addresses as an Address.
import type { Annotation, Fence } from '../types';

export type HerdArch = 'X86_64' | 'AArch64' | 'PPC' | 'RISCV';

/** Arithmetic of C expressions and of atomic operations (`&~` is and-not). */
export type AluOp = '+' | '-' | '&' | '|' | '^' | '&~';

export type Cond = 'eq' | 'ne' | 'lt';

/** Where an access goes: a location by name (x86 only) or the register holding its address. */
export type Address =
  | { readonly kind: 'symbol'; readonly loc: string }
  | { readonly kind: 'reg'; readonly reg: string };

/** How a herd7 assembly dialect writes the operations the compiler needs. */
export interface Backend {
  readonly arch: HerdArch;
  /** Registers the compiler may allocate, as numbered here. */
  readonly registerCount: number;
  /** Register n in an instruction: 32-bit, or 64-bit when it holds an address. */
  reg(n: number, wide: boolean): string;
  /** Register n as the init section and the final condition name it. */
  stateReg(n: number): string;
  /** x86 addresses locations by name; the others load addresses into registers. */
  readonly namedLocations: boolean;
  /** A register the backend needs for itself (x86's cmpxchg comparand), or undefined. */
  readonly reserved?: number;
  /** An instruction that branches to `label`, a label line, and a comment-free nop. */
  label(name: string): string;
  movImm(d: string, k: number): string[];
  move(d: string, s: string): string[];
  /** d := a op b (all registers). */
  alu(op: AluOp, d: string, a: string, b: string): string[];
  load(d: string, a: Address, ann: readonly Annotation[], wide: boolean): string[];
  store(s: string, a: Address, ann: readonly Annotation[], wide: boolean): string[];
  fence(f: Fence): string[];
  /** Branch to `label` when `a cond b` (registers). */
  branch(cond: Cond, a: string, b: string, label: string): string[];
  jump(label: string): string[];
  /**
   * A single-instruction RMW, if the dialect has one for `op` (`xchg` swaps): d := old value
   * (undefined: result discarded). `undefined` when the dialect has none.
   */
  amo(
    op: AluOp | 'xchg',
    d: string | undefined,
    v: string,
    a: Address,
    ann: readonly Annotation[],
  ): string[] | undefined;
  /**
   * A single-instruction compare-and-swap, if the dialect has one: compares memory with
   * `expected`, stores `n` if equal, leaves the old value in `expected`; `failed` := 0 on
   * success (a register the caller tests), or the backend's flags when it returns `[]` for it.
   */
  cas(expected: string, n: string, a: Address, ann: readonly Annotation[]): string[] | undefined;
  /** After `cas`: branch to `label` when it failed (compares old with `copy` of expected). */
  casFailed(old: string, copy: string, label: string): string[];
  /** Load-exclusive (load-reserved) into d. */
  loadExclusive(d: string, a: Address, ann: readonly Annotation[]): string[];
  /** Store-exclusive of v, branching back to `retry` if it lost the reservation. */
  storeExclusive(
    v: string,
    a: Address,
    ann: readonly Annotation[],
    status: string,
    retry: string,
  ): string[];
}
