// Interpreter stage: herd's built-in functions (spec §10), bound in the initial environment.
import { type EventSet, evset, type Relation, rel } from '../relations';
import type { Env } from './env';
import { linearisations } from './linearisations';
import { describe, EMPTY, events, relation, type Value } from './values';

/** A primitive rejects its argument; the application site adds the position. */
export class PrimitiveError extends Error {}

/** Names herd binds that ordo does not implement (class relations, GPU scopes, VMSA). */
export const UNSUPPORTED_PRIMITIVES: readonly string[] = [
  'lift',
  'delift',
  'deliftinter',
  'bisimulation',
  'tag2scope',
  'tag2level',
  'tag2fenced',
  'loc2events',
  'same-oa',
  'oa-changes',
  'at-least-one-writable',
];

const REL_SET = { kind: 'rel' } as const;
const EVENTS_SET = { kind: 'events' } as const;

function mismatch(expected: string, v: Value): never {
  throw new PrimitiveError(`${expected} expected, ${describe(v)} found`);
}

function relArg(v: Value): Relation {
  return v.kind === 'rel' ? v.rel : mismatch('rel', v);
}

function eventsArg(v: Value, env: Env): EventSet {
  if (v.kind === 'events') return v.set;
  if (v.kind === 'empty') return evset.empty(env.top.cache.n);
  return mismatch('events', v);
}

function endpoints(which: 'domain' | 'range') {
  return (v: Value): Value => {
    if (v.kind === 'empty' || v.kind === 'universe') return v;
    const r = relArg(v);
    return events(which === 'domain' ? rel.domain(r) : rel.range(r));
  };
}

/** One event set per memory location, events without a location dropped. */
function classesLoc(v: Value, env: Env): Value {
  const s = eventsArg(v, env);
  const byLoc = new Map<number, number[]>();
  for (const e of evset.members(s)) {
    const loc = env.top.exec.locationOf(e);
    if (loc < 0) continue;
    const list = byLoc.get(loc);
    if (list) list.push(e);
    else byLoc.set(loc, [e]);
  }
  const n = env.top.cache.n;
  const classes = [...byLoc.values()].map((es) => events(evset.of(n, es)));
  return { kind: 'valset', elemType: EVENTS_SET, elems: classes };
}

/** The classes of an equivalence relation. */
function classes(v: Value, env: Env): Value {
  const r = relArg(v);
  const seen = evset.empty(r.n);
  const out: Value[] = [];
  for (const e of evset.members(evset.union(rel.domain(r), rel.range(r)))) {
    if (evset.has(seen, e)) continue;
    const cls = evset.union(rel.row(r, e), evset.of(env.top.cache.n, [e]));
    for (const x of evset.members(cls)) evset.add(seen, x);
    out.push(events(cls));
  }
  return { kind: 'valset', elemType: EVENTS_SET, elems: out };
}

function linearisationsOf(v: Value, env: Env): Value {
  if (v.kind !== 'tuple' || v.elems.length !== 2) return mismatch('(events * rel)', v);
  const [s, r] = v.elems;
  const order = r.kind === 'empty' ? rel.empty(env.top.cache.n) : relArg(r);
  const orders = linearisations(eventsArg(s, env), order, env.top.run.poll);
  return { kind: 'valset', elemType: REL_SET, elems: orders.map(relation) };
}

function differentValues(v: Value, env: Env): Value {
  if (v.kind === 'empty') return v;
  const r = relArg(v);
  const out = rel.empty(r.n);
  for (const [a, b] of rel.pairs(r)) {
    if (env.top.exec.valueOf(a) !== env.top.exec.valueOf(b)) rel.add(out, a, b);
  }
  return relation(out);
}

/** Pairs of events separated in program order by an event of S. */
function fromto(v: Value, env: Env): Value {
  const po = env.top.exec.relation('po');
  if (!po) throw new PrimitiveError('this execution has no po');
  return relation(rel.seq(rel.restrictRange(po, eventsArg(v, env)), po));
}

function tag2events(v: Value, env: Env): Value {
  return v.kind === 'tag' ? events(env.top.exec.tagged(v.name)) : mismatch('tag', v);
}

function fail(v: Value): Value {
  throw new PrimitiveError(`fail on ${describe(v)}`);
}

function asTransitive(v: Value): Value {
  return v.kind === 'empty' ? EMPTY : relation(relArg(v));
}

const IMPLEMENTED: Readonly<Record<string, (arg: Value, env: Env) => Value>> = {
  domain: endpoints('domain'),
  range: endpoints('range'),
  'classes-loc': classesLoc,
  classes,
  linearisations: linearisationsOf,
  'different-values': differentValues,
  fromto,
  tag2events,
  fail,
  as_transitive: asTransitive,
};

export const PRIMITIVES: ReadonlyMap<string, Value> = new Map(
  Object.entries(IMPLEMENTED).map(([name, apply]) => [
    name,
    { kind: 'prim', name, apply } satisfies Value,
  ]),
);
