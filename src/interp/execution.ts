// Interpreter stage: what the cat interpreter sees of one candidate execution.
// herd's interpreter needs "a set of events, relations on events, and that is about all".
import type { EventSet, Relation } from '../relations';

/**
 * One candidate execution over events 0..size-1 (the event universe E of the model:
 * register events are never included). Implemented by src/enumerate/ for real tests and by
 * tests for hand-built executions.
 */
export interface Execution {
  readonly size: number;
  /** A predefined event set by its herd name (`M`, `R`, `W`, `IW`, `FW`, `F`, `RMW`, `LKR`...), or undefined if this execution does not define it. */
  set(name: string): EventSet | undefined;
  /** A predefined relation by its herd name (`po`, `loc`, `int`, `ext`, `id`, `rf`, `addr`, `data`, `ctrl`, `same-instance`...), or undefined. */
  relation(name: string): Relation | undefined;
  /** Events whose annotation list contains `tag` (case-sensitive, as written in the test/.def). */
  tagged(tag: string): EventSet;
  /** Index of the event's memory location (for `classes-loc`), or -1 for events without one. */
  locationOf(event: number): number;
  /** The value an event reads or writes (for `different-values`), or undefined. */
  valueOf(event: number): number | string | undefined;
  /**
   * Identity of the event structure (events, po, dependencies, tags, fences) this candidate
   * belongs to. Every predefined name except those in CANDIDATE_NAMES has the same value for
   * all candidates sharing this key, so the interpreter may cache what it derives from them.
   */
  readonly structureKey: object;
}

/** Predefined names whose value differs between candidates of one event structure. */
export const CANDIDATE_NAMES: ReadonlySet<string> = new Set(['rf', 'rfe', 'rfi', 'FW', 'pco']);
