// Events stage: the data a lowered thread is made of. One `ThreadPath` per path through the
// thread's code (herd's "abstract event structure"): events whose values and addresses may
// still be unknowns, intra-instruction causality, and the equations the unknowns must satisfy.
import type { Span } from '../source';
import type { Atom, BinaryOperator, UnaryOperator } from './values';

/**
 * Memory accesses `R`/`W`, fences `F`, Linux lock events, SRCU events (`synchronize_srcu`),
 * and register accesses `RegR`/`RegW` (kept for dependencies, never shown to the model).
 */
export type EventKind =
  | 'R'
  | 'W'
  | 'F'
  | 'LKR'
  | 'LKW'
  | 'UL'
  | 'LF'
  | 'RL'
  | 'RU'
  | 'SRCU'
  | 'RegR'
  | 'RegW';

export interface LoweredEvent {
  /** herd's creation order over the whole test (threads in order, then initial writes). */
  readonly eiid: number;
  readonly kind: EventKind;
  /** Thread number; -1 for initial writes. */
  readonly thread: number;
  /** Program-order index of the instruction that generated it (events of one instruction share it). */
  readonly poi: number;
  /** Address accessed (memory, lock and SRCU events). */
  readonly loc?: Atom;
  /** Register accessed (`RegR`/`RegW`). */
  readonly reg?: string;
  /** Value read or written (the unknown a read returns; what a write stores). */
  readonly value?: Atom;
  /** Read or write half of an atomic read-modify-write primitive (herd's `R*`/`W*`). */
  readonly atomic: boolean;
  /** Annotations as written in the .def (`ONCE`, `MB`, `rcu-lock`...). */
  readonly tags: readonly string[];
  readonly span: Span;
}

export type Pair = readonly [number, number];

/** `target := op(args)` (herd's `Assign`); `op` undefined means `target := args[0]`. */
export interface Equation {
  readonly target: Atom;
  readonly op?: BinaryOperator | UnaryOperator;
  readonly args: readonly Atom[];
}

/** One path through a thread: events plus their intra-thread relations (indices into `events`). */
export interface ThreadPath {
  readonly thread: number;
  readonly events: readonly LoweredEvent[];
  /** Intra-instruction data causality (herd's iico_data). */
  readonly iicoData: readonly Pair[];
  /** Intra-instruction control causality (e.g. an RMW's read before its write). */
  readonly iicoCtrl: readonly Pair[];
  /** From the events computing an `if` condition to the events of its branches. */
  readonly control: readonly Pair[];
  /** Events reading the data stored by a write (herd's data ports). */
  readonly dataPorts: readonly number[];
  /** Constraints on the unknowns, in herd's order. */
  readonly equations: readonly Equation[];
  /** Register reads-from: each register read and the register write it reads (if any). */
  readonly regRf: readonly Pair[];
  /** `regRead := value written`, for each register read (herd solves these first). */
  readonly regEquations: readonly Equation[];
  /** Each register's value at the end of the path (written last, or initial). */
  readonly finalRegs: ReadonlyMap<string, Atom>;
  /** The loop unrolling bound cut this path short. */
  readonly cut: boolean;
}
