// Report stage: an execution graph as Graphviz DOT: one column (cluster) per thread in program
// order, herd-style event labels, one labelled edge colour per relation.
import { rel } from '../relations';
import type { ExecutionGraph, GraphEvent, GraphRelation } from './graph-model';
import { eventLabel, eventLetter } from './graph-model';
import { formatState, stateEntries } from './states';

/** Graphviz attributes per relation name, e.g. `hb -> { color: 'indigo' }` (the .cfg's `edgeattr`). */
export type EdgeAttrs = ReadonlyMap<string, Readonly<Record<string, string>>>;

export interface DotOptions {
  /** Overrides and additions to the default edge attributes. */
  readonly edgeAttrs?: EdgeAttrs;
  /** Draw initial writes as events (herd's `showinitwrites`; the LKMM .cfg says false). */
  readonly showInitWrites?: boolean;
  readonly fontsize?: number;
}

/** herd's colours for the communication relations; the .cfg may override them. */
const DEFAULT_EDGE_ATTRS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  po: { color: 'black' },
  rf: { color: 'red' },
  co: { color: 'brown' },
  fr: { color: 'orange' },
};

/** Colours for relations the model or the user names and the .cfg does not colour. */
const PALETTE = ['indigo', 'darkgreen', 'teal', 'magenta', 'purple', 'darkorange3', 'steelblue'];

/** One `edgeattr` value of a .cfg (`hb,color,indigo`), or undefined if it is not of that shape. */
export function parseEdgeAttr(
  value: string,
): { relation: string; attr: string; value: string } | undefined {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => p === '')) return undefined;
  return { relation: parts[0], attr: parts[1], value: parts[2] };
}

/** The edge attributes of a .cfg's `edgeattr` lines; later lines win, as in herd. */
export function edgeAttrsOf(values: readonly string[]): EdgeAttrs {
  const attrs = new Map<string, Record<string, string>>();
  for (const v of values) {
    const parsed = parseEdgeAttr(v);
    if (!parsed) continue;
    attrs.set(parsed.relation, { ...attrs.get(parsed.relation), [parsed.attr]: parsed.value });
  }
  return attrs;
}

/**
 * The drawing options a .cfg's picture keys give (ModelSetup.picture): `edgeattr` colours,
 * `showinitwrites`, `fontsize`. Other picture keys only tune herd's own layout engine.
 */
export function dotOptionsOf(picture: readonly (readonly [string, string])[]): DotOptions {
  const last = (key: string) => picture.filter(([k]) => k === key).at(-1)?.[1];
  const fontsize = Number(last('fontsize'));
  return {
    edgeAttrs: edgeAttrsOf(picture.filter(([k]) => k === 'edgeattr').map(([, v]) => v)),
    showInitWrites: last('showinitwrites') === 'true',
    fontsize: Number.isFinite(fontsize) && fontsize > 0 ? fontsize : undefined,
  };
}

export function renderDot(graph: ExecutionGraph, options: DotOptions = {}): string {
  const fontsize = options.fontsize ?? 10;
  const visible = graph.events.filter((e) => e.thread >= 0 || options.showInitWrites);
  const shown = new Set(visible.map((e) => e.id));
  const letters = eventLetters(visible);
  const edges: string[] = [];
  /** Reads from a hidden initial write, by thread: herd draws their rf from a small dot. */
  const initDots = new Map<number, string[]>();
  let paletteNext = 0;
  const size = graph.events.reduce((m, e) => Math.max(m, e.id + 1), 0);
  const threadOf = new Map(graph.events.map((e) => [e.id, e.thread]));
  for (const relation of graph.relations) {
    const attrs = {
      ...(DEFAULT_EDGE_ATTRS[relation.name] ?? { color: PALETTE[paletteNext++ % PALETTE.length] }),
      ...options.edgeAttrs?.get(relation.name),
    };
    for (const [from, to] of drawnPairs(relation, size)) {
      if (shown.has(from) && shown.has(to)) {
        edges.push(`  e${from} -> e${to} [${edgeStyle(relation.name, attrs, false)}];`);
      } else if (relation.name === 'rf' && shown.has(to)) {
        const thread = threadOf.get(to)!;
        const dot = `    init${to} [shape=point, width=0.06, label="", color=${dotString(attrs.color)}];`;
        initDots.set(thread, [...(initDots.get(thread) ?? []), dot]);
        // The dot sits in the reader's column, just above the read.
        edges.push(`  init${to} -> e${to} [${edgeStyle(relation.name, attrs, true)}];`);
      }
    }
  }
  const out = [
    'digraph G {',
    `  graph [label=${dotString(graphTitle(graph))}, labelloc=t, fontsize=${fontsize + 2}, fontname="Helvetica", nodesep=0.5, ranksep=0.45];`,
    `  node [shape=none, fontsize=${fontsize}, fontname="Helvetica", margin="0.05,0.02", height=0.25];`,
    `  edge [fontsize=${fontsize}, fontname="Helvetica", arrowsize=0.7];`,
  ];
  const threads = [...new Set(visible.map((e) => e.thread))].sort((a, b) => a - b);
  for (const t of threads) {
    out.push(`  subgraph cluster_${t < 0 ? 'init' : `P${t}`} {`);
    out.push(`    label=${dotString(t < 0 ? 'init' : `P${t}`)}; style=rounded; color=gray70;`);
    for (const e of visible.filter((v) => v.thread === t)) {
      out.push(`    e${e.id} [label=${dotString(eventLabel(e, letters.get(e.id)!))}];`);
    }
    out.push(...(initDots.get(t) ?? []));
    out.push('  }');
  }
  out.push(...edges);
  out.push('}');
  return `${out.join('\n')}\n`;
}

/** Letters in herd's order: threads in turn, each in program order, initial writes last. */
function eventLetters(events: readonly GraphEvent[]): Map<number, string> {
  const order = [...events].sort(
    (a, b) =>
      (a.thread < 0 ? Number.MAX_SAFE_INTEGER : a.thread) -
        (b.thread < 0 ? Number.MAX_SAFE_INTEGER : b.thread) || a.id - b.id,
  );
  return new Map(order.map((e, i) => [e.id, eventLetter(i)]));
}

function graphTitle(graph: ExecutionGraph): string {
  const kind = graph.satisfies ? 'witness' : 'counterexample';
  const lines = [`Test ${graph.test}: ${kind} ${graph.index}`];
  if (graph.state) lines.push(formatState(stateEntries(graph.state)));
  if (graph.flags.length) lines.push(`Flags: ${graph.flags.join(', ')}`);
  return lines.join('\n');
}

function edgeStyle(name: string, attrs: Readonly<Record<string, string>>, ranked: boolean): string {
  const all: Record<string, string> = { label: name, fontcolor: attrs.color ?? 'black', ...attrs };
  // Only program order (and rf from an initial dot) shapes the layout, threads as columns;
  // other edges are drawn over it.
  if (name !== 'po' && !ranked) all.constraint = 'false';
  return Object.entries(all)
    .map(([k, v]) => `${k}=${dotString(v)}`)
    .join(', ');
}

/**
 * Transitive edges add nothing to a picture (po or co of three events): draw the transitive
 * reduction of an acyclic relation, and a cyclic one (a counterexample's hb) as it is.
 */
function drawnPairs(relation: GraphRelation, size: number): (readonly [number, number])[] {
  const r = rel.ofPairs(size, relation.pairs);
  if (!rel.isAcyclic(r)) return rel.pairs(r);
  return rel.pairs(rel.diff(r, rel.seq(r, rel.plus(r))));
}

/** A DOT double-quoted string; newlines become centred line breaks. */
export function dotString(text: string): string {
  return `"${text
    .split('\n')
    .map((line) => line.replace(/\\/g, '\\\\').replace(/"/g, '\\"'))
    .join('\\n')}"`;
}
