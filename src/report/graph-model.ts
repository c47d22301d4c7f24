// Report stage: the execution graph of one accepted execution, as the enumerator hands it to
// the graph writers (DOT, SVG): events with their thread and herd-style label parts, and the
// edges of every relation to draw. Plain data (JSON-able), no bitsets.
import type { FinalState } from '../enumerate/result';

export interface GraphEvent {
  /** The event's index in the execution; relation pairs refer to it. */
  readonly id: number;
  /** Thread number n of `Pn`, or -1 for an initial write. */
  readonly thread: number;
  /** herd's action: `R`, `W`, `F`, or the name of a lock/RCU/SRCU event kind. */
  readonly action: string;
  /** Annotations as written in the .def (`ONCE`, `ACQUIRE`, `MB`, ...). */
  readonly tags: readonly string[];
  /** The location accessed (`x`, `a[1]`), absent for fences. */
  readonly location?: string;
  /** The value read or written (`1`, or a location's name for an address). */
  readonly value?: string;
}

export interface GraphRelation {
  /** `po`, `rf`, `co`, `fr`, or a name bound by the model (`hb`, `pb`...). */
  readonly name: string;
  /** Pairs of event ids; the writers reduce transitive relations themselves. */
  readonly pairs: readonly (readonly [number, number])[];
}

export interface ExecutionGraph {
  readonly test: string;
  /** 1-based rank among the graphs shown for this test (titles, file names). */
  readonly index: number;
  /** Whether this execution satisfies the condition's proposition (a witness of `exists`). */
  readonly satisfies: boolean;
  readonly events: readonly GraphEvent[];
  readonly relations: readonly GraphRelation[];
  /** The execution's final state over the observed locations. */
  readonly state?: FinalState;
  /** Flags this execution raises (`data-race`...). */
  readonly flags: readonly string[];
}

/** Which accepted executions get a picture: those satisfying the proposition, the others, or all. */
export type GraphSelection = 'witness' | 'counterexample' | 'all';

/** What the enumerator is asked to record, per test, while it counts executions. */
export interface GraphRequest {
  readonly show: GraphSelection;
  /** Relations to draw besides BASE_RELATIONS, looked up by name in the model's bindings. */
  readonly relations: readonly string[];
  /** Stop recording after this many graphs per test (herd's `-nshow`). */
  readonly limit?: number;
}

/** The communication relations every graph shows, as herd7 does. */
export const BASE_RELATIONS: readonly string[] = ['po', 'rf', 'co', 'fr'];

export function isSelected(show: GraphSelection, satisfies: boolean): boolean {
  return show === 'all' || (show === 'witness') === satisfies;
}

/** All relation names a request needs, base relations first, without duplicates. */
export function requestedRelations(request: GraphRequest): string[] {
  return [...new Set([...BASE_RELATIONS, ...request.relations])];
}

/** herd's event names: `a`..`z`, then `aa`, `ab`... */
export function eventLetter(rank: number): string {
  let name = '';
  let n = rank;
  do {
    name = String.fromCharCode(97 + (n % 26)) + name;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return name;
}

/** `a: W[ONCE][x]=1`, `c: F[MB]`, `d: R[x]=0`: herd 7.58's label for an event. */
export function eventLabel(event: GraphEvent, letter: string): string {
  const tags = event.tags.length ? `[${event.tags.join(',')}]` : '';
  const loc = event.location === undefined ? '' : `[${event.location}]`;
  const value = event.value === undefined ? '' : `=${event.value}`;
  return `${letter}: ${event.action}${tags}${loc}${value}`;
}

/**
 * How graphs travel through checkTest: `CheckOptions & GraphOptions` asks for them, the
 * enumerator records one ExecutionGraph per selected accepted branch (`branch.lookup(name)`
 * for each of requestedRelations), and returns them as `TestResult & GraphResult`.
 */
export interface GraphOptions {
  readonly graphs?: GraphRequest;
}

export interface GraphResult {
  readonly graphs?: readonly ExecutionGraph[];
}
