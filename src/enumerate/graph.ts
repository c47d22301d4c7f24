// Enumeration stage: the event graph of an accepted execution, recorded while counting (for
// `ordo graph`, the LSP's witness view), as plain data and as a graphology graph for drawing.
import Graph from 'graphology';
import { isVar } from '../events';
import { type Relation, rel } from '../relations';
import type { Candidate } from './candidate';
import type { FinalState } from './result';

export interface GraphEvent {
  /** The event's index in the execution; relation pairs refer to it. */
  readonly id: number;
  /** Thread number n of `Pn`, or -1 for an initial write. */
  readonly thread: number;
  /** `R`, `W`, `F`, `LKR`, `LKW`, `UL`, `LF`, `RL`, `RU` or `SRCU`. */
  readonly action: string;
  readonly tags: readonly string[];
  readonly location?: string;
  readonly value?: string;
}

export interface GraphRelation {
  readonly name: string;
  readonly pairs: readonly (readonly [number, number])[];
}

export interface ExecutionGraph {
  readonly test: string;
  /** 1-based rank among the graphs recorded for this test. */
  readonly index: number;
  readonly satisfies: boolean;
  readonly events: readonly GraphEvent[];
  readonly relations: readonly GraphRelation[];
  readonly state?: FinalState;
  readonly flags: readonly string[];
}

export type GraphSelection = 'witness' | 'counterexample' | 'all';

export interface GraphRequest {
  readonly show: GraphSelection;
  /** Relations to draw besides po, rf, co and fr, looked up in the model's bindings. */
  readonly relations: readonly string[];
  /** At most this many graphs per test. */
  readonly limit?: number;
}

export const BASE_RELATIONS: readonly string[] = ['po', 'rf', 'co', 'fr'];

/** Does an execution that satisfies (or not) the condition belong to this selection? */
export function isSelected(show: GraphSelection, satisfies: boolean): boolean {
  return show === 'all' || (show === 'witness') === satisfies;
}

/** All relation names a request needs, base relations first, without duplicates. */
export function requestedRelations(request: GraphRequest): string[] {
  return [...new Set([...BASE_RELATIONS, ...request.relations])];
}

/** The events of a candidate with their resolved locations and values. */
export function graphEvents(exec: Candidate): GraphEvent[] {
  const view = exec.view;
  return view.comb.events.map(({ ev, thread }, id) => {
    const loc = view.locOf[id];
    const value = exec.valueOf(id);
    const shown = value ?? (ev.value !== undefined && isVar(ev.value) ? '?' : undefined);
    return {
      id,
      thread: thread < 0 ? -1 : ev.thread,
      action: ev.kind,
      tags: ev.tags,
      location: loc >= 0 ? view.locationName(loc) : undefined,
      value: shown === undefined ? undefined : String(shown),
    };
  });
}

/** Pairs of a relation, looked up first in the model's final bindings, then in the execution. */
export function graphRelations(
  exec: Candidate,
  names: readonly string[],
  lookup: ((name: string) => unknown) | undefined,
): GraphRelation[] {
  const out: GraphRelation[] = [];
  for (const name of names) {
    const r = (lookup?.(name) ?? exec.relation(name)) as Relation | undefined;
    if (r && 'w' in r) out.push({ name, pairs: rel.pairs(r) });
  }
  return out;
}

/**
 * The execution as a graphology multigraph: one node per event (its attributes), one edge
 * per related pair, with the relation's name as the edge `type` attribute.
 */
export function toGraph(g: ExecutionGraph): Graph {
  const graph = new Graph({ multi: true, type: 'directed' });
  for (const e of g.events) graph.addNode(String(e.id), { ...e });
  for (const r of g.relations) {
    for (const [a, b] of r.pairs) graph.addDirectedEdge(String(a), String(b), { type: r.name });
  }
  return graph;
}
