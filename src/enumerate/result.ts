// Enumeration stage: the result of checking one litmus test under one model (the contract
// between src/enumerate/, which computes it, and src/report/, which prints it).
import type { Diagnostic } from '../source';

/** A final value: an integer or the address of a location (printed as its name). */
export type StateValue =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'addr'; readonly name: string }
  /** A value no equation determines (out-of-thin-air cycles): herd prints its symbol, e.g. `S8`. */
  | { readonly kind: 'sym'; readonly name: string };

/** One observed location of the final state. */
export type StateLoc =
  | { readonly kind: 'reg'; readonly thread: number; readonly reg: string }
  | { readonly kind: 'mem'; readonly name: string; readonly index?: number };

export interface FinalState {
  /** One entry per observed location, in a canonical order chosen by src/enumerate/. */
  readonly values: readonly { readonly loc: StateLoc; readonly value: StateValue }[];
  /** Whether this state satisfies the condition's proposition. */
  readonly satisfies: boolean;
}

export type TestKind = 'Allowed' | 'Forbidden' | 'Required';
export type Observation = 'Never' | 'Sometimes' | 'Always';

/** Why a test ended before its enumeration was complete. */
/** `recursion`: the model recursed deeper than the JavaScript stack allows for this test. */
export type LimitReached = 'time' | 'candidates' | 'events' | 'recursion';

export interface TestResult {
  readonly name: string;
  readonly file: string;
  readonly kind: TestKind;
  /** Distinct final states of accepted executions (unsorted; the report sorts them). */
  readonly states: readonly FinalState[];
  /** Accepted executions satisfying the proposition / not satisfying it (herd's Observation numbers, before the ~exists swap). */
  readonly satisfied: number;
  readonly unsatisfied: number;
  /** Flags raised by at least one accepted execution, e.g. `data-race`. */
  readonly flags: readonly string[];
  /** Some accepted execution raised herd's `Undef` flag (undefined_unless). */
  readonly undef: boolean;
  /** Some execution was cut by the loop unrolling bound. */
  readonly loop: boolean;
  readonly limit?: LimitReached;
  /** Candidate executions examined (rf x final-write choices), for benchmarks. */
  readonly candidates: number;
  readonly timeMs: number;
  readonly diagnostics: readonly Diagnostic[];
}
