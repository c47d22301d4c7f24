// Report stage: the execution graph of one accepted execution, as the enumerator hands it to
// the graph writers (DOT, SVG): events with their thread and herd-style label parts, and the
// edges of every relation to draw. Plain data (JSON-able), no bitsets.
// The graph data types belong to the stage that records them; the writers only read them.
import type { ExecutionGraph, GraphEvent, GraphRequest } from '../enumerate/graph';

export type {
  ExecutionGraph,
  GraphEvent,
  GraphRelation,
  GraphRequest,
  GraphSelection,
} from '../enumerate/graph';
export { BASE_RELATIONS, isSelected, requestedRelations } from '../enumerate/graph';

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
