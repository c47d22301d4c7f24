// Interpreter stage: what cat's operators mean on values (spec §5), type errors included.
// Operands arrive evaluated; spans locate the operand a type error is about.
import type { Predicate } from '../cat';
import { type EventSet, evset, type Relation, rel } from '../relations';
import type { Span } from '../source';
import type { Env } from './env';
import { mixedTypes, raise, relationExpected, typeMismatch, universeMisuse } from './messages';
import {
  type CatType,
  describe,
  EMPTY,
  events,
  relation,
  typeName,
  typeOf,
  UNIVERSE,
  unify,
  type Value,
  valset,
  valsetHas,
  valsetWith,
} from './values';

export function asRelation(v: Value, env: Env, at: Span): Relation {
  switch (v.kind) {
    case 'rel':
      return v.rel;
    case 'pair':
      return rel.ofPairs(env.top.cache.n, [[v.from, v.to]]);
    case 'empty':
      return rel.empty(env.top.cache.n);
    case 'universe':
      return env.top.cache.unv();
    default:
      return raise(typeMismatch('rel', describe(v), at));
  }
}

export function asEvents(v: Value, env: Env, at: Span): EventSet {
  switch (v.kind) {
    case 'events':
      return v.set;
    case 'event':
      return evset.of(env.top.cache.n, [v.id]);
    case 'empty':
      return evset.empty(env.top.cache.n);
    case 'universe':
      return env.top.cache.all();
    default:
      return raise(typeMismatch('events', describe(v), at));
  }
}

/** A tag stands for the singleton set of itself in set operations. */
function liftTag(v: Value): Value {
  return v.kind === 'tag' ? valset({ kind: 'tag', enumName: v.enumName }, [v]) : v;
}

function tagUniverse(enumName: string, env: Env): readonly Value[] {
  return env.top.program.enums.get(enumName) ?? [];
}

/** `a | b | ...`: `{}` operands vanish, any `_` makes the whole union `_`. */
export function union(vals: readonly Value[], spans: readonly Span[], at: Span): Value {
  if (vals.every((v) => v.kind === 'rel')) {
    const out = rel.clone((vals[0] as { rel: Relation }).rel);
    for (let i = 1; i < vals.length; i++) rel.unionInto(out, (vals[i] as { rel: Relation }).rel);
    return relation(out);
  }
  if (vals.some((v) => v.kind === 'universe')) return UNIVERSE;
  const parts: Value[] = [];
  const where: Span[] = [];
  vals.forEach((v, i) => {
    if (v.kind !== 'empty') {
      parts.push(liftTag(v));
      where.push(spans[i]);
    }
  });
  if (parts.length === 0) return EMPTY;
  const t = commonType(parts, where);
  switch (t.kind) {
    case 'rel': {
      const out = rel.clone((parts[0] as { rel: Relation }).rel);
      for (let i = 1; i < parts.length; i++)
        rel.unionInto(out, (parts[i] as { rel: Relation }).rel);
      return relation(out);
    }
    case 'events': {
      let out = (parts[0] as { set: EventSet }).set;
      for (let i = 1; i < parts.length; i++)
        out = evset.union(out, (parts[i] as { set: EventSet }).set);
      return events(out);
    }
    case 'set':
      return valset(
        t.elem,
        parts.flatMap((p) => (p.kind === 'valset' ? p.elems : [])),
      );
    default:
      return raise(typeMismatch('a set or relation', typeName(t), at));
  }
}

function commonType(vals: readonly Value[], spans: readonly Span[]): CatType {
  let t = typeOf(vals[0]);
  for (let i = 1; i < vals.length; i++) {
    const u = unify(t, typeOf(vals[i]));
    if (!u) raise(typeMismatch(typeName(t), describe(vals[i]), spans[i]));
    t = u;
  }
  return t;
}

/** `a & b`: `_ & x = x`, `{} & x = {}`. */
export function inter(a: Value, b: Value, sa: Span, sb: Span, at: Span): Value {
  if (a.kind === 'rel' && b.kind === 'rel') return relation(rel.inter(a.rel, b.rel));
  if (a.kind === 'events' && b.kind === 'events') return events(evset.inter(a.set, b.set));
  a = liftTag(a);
  b = liftTag(b);
  checkSetOperand('intersection', a, sa);
  checkSetOperand('intersection', b, sb);
  if (a.kind === 'universe') return b;
  if (b.kind === 'universe') return a;
  if (a.kind === 'empty' || b.kind === 'empty') return EMPTY;
  if (a.kind === 'valset' && b.kind === 'valset') {
    const t =
      unify(a.elemType, b.elemType) ??
      raise(mixedTypes('intersection', describe(a), describe(b), at));
    return valset(
      t,
      a.elems.filter((x) => valsetHas(b, x)),
    );
  }
  return raise(mixedTypes('intersection', describe(a), describe(b), at));
}

/** `a \ b` */
export function diff(a: Value, b: Value, env: Env, sa: Span, sb: Span, at: Span): Value {
  if (a.kind === 'rel' && b.kind === 'rel') return relation(rel.diff(a.rel, b.rel));
  if (a.kind === 'events' && b.kind === 'events') return events(evset.diff(a.set, b.set));
  a = liftTag(a);
  b = liftTag(b);
  checkSetOperand('difference', a, sa);
  checkSetOperand('difference', b, sb);
  if (b.kind === 'universe') return EMPTY;
  if (a.kind === 'universe') {
    switch (b.kind) {
      case 'empty':
        return UNIVERSE;
      case 'rel':
        return relation(rel.diff(env.top.cache.unv(), b.rel));
      case 'events':
        return events(evset.diff(env.top.cache.all(), b.set));
      case 'valset':
        if (b.elemType.kind !== 'tag')
          return raise(universeMisuse(`as a set of ${typeName(b.elemType)}`, sa));
        return valset(
          b.elemType,
          tagUniverse(b.elemType.enumName, env).filter((x) => !valsetHas(b, x)),
        );
    }
  }
  if (a.kind === 'empty') return EMPTY;
  if (b.kind === 'empty') return a;
  if (a.kind === 'valset' && b.kind === 'valset') {
    const t =
      unify(a.elemType, b.elemType) ??
      raise(mixedTypes('difference', describe(a), describe(b), at));
    return valset(
      t,
      a.elems.filter((x) => !valsetHas(b, x)),
    );
  }
  return raise(mixedTypes('difference', describe(a), describe(b), at));
}

/** Intersection and difference take sets, relations, `{}` and `_` only. */
function checkSetOperand(op: string, v: Value, at: Span): void {
  if (
    v.kind === 'empty' ||
    v.kind === 'universe' ||
    v.kind === 'rel' ||
    v.kind === 'events' ||
    v.kind === 'valset'
  )
    return;
  raise(typeMismatch(`a set or relation (in ${op})`, describe(v), at));
}

/** `A * B` */
export function cartesian(a: Value, b: Value, env: Env, sa: Span, sb: Span): Value {
  return relation(rel.cartesian(asEvents(a, env, sa), asEvents(b, env, sb)));
}

/** `e ++ S`: add one element to a set. */
export function add(a: Value, b: Value, env: Env, sa: Span, sb: Span): Value {
  if (a.kind === 'universe') return raise(universeMisuse('as an element of ++', sa));
  switch (b.kind) {
    case 'universe':
      return UNIVERSE;
    case 'empty':
      if (a.kind === 'event') return events(evset.of(env.top.cache.n, [a.id]));
      if (a.kind === 'pair') return relation(rel.ofPairs(env.top.cache.n, [[a.from, a.to]]));
      return valset(typeOf(a), [a]);
    case 'valset': {
      const t =
        unify(b.elemType, typeOf(a)) ?? raise(typeMismatch(typeName(b.elemType), describe(a), sa));
      return valsetWith(t, a, b);
    }
    case 'rel': {
      const pair = asPair(a);
      if (!pair) return raise(typeMismatch('pair', describe(a), sa));
      const out = rel.clone(b.rel);
      rel.add(out, pair[0], pair[1]);
      return relation(out);
    }
    case 'events': {
      if (a.kind !== 'event') return raise(typeMismatch('event', describe(a), sa));
      const out = evset.union(b.set, evset.of(b.set.n, [a.id]));
      return events(out);
    }
    default:
      return raise(typeMismatch('a set', describe(b), sb));
  }
}

/** A pair, or a 2-tuple of events (a pair destructured and rebuilt). */
function asPair(v: Value): [number, number] | undefined {
  if (v.kind === 'pair') return [v.from, v.to];
  if (v.kind === 'tuple' && v.elems.length === 2) {
    const [x, y] = v.elems;
    if (x.kind === 'event' && y.kind === 'event') return [x.id, y.id];
  }
  return undefined;
}

/** `~x`: complement within E, E x E, or the enum of a tag set. */
export function complement(v: Value, env: Env, at: Span): Value {
  switch (v.kind) {
    case 'empty':
      return UNIVERSE;
    case 'universe':
      return EMPTY;
    case 'events':
      return events(evset.complement(v.set));
    case 'rel':
      return relation(rel.complement(v.rel));
    case 'tag':
    case 'valset': {
      const s = liftTag(v);
      if (s.kind === 'valset' && s.elemType.kind === 'tag') {
        return valset(
          s.elemType,
          tagUniverse(s.elemType.enumName, env).filter((x) => !valsetHas(s, x)),
        );
      }
      return raise(typeMismatch('a set or relation', describe(v), at));
    }
    default:
      return raise(typeMismatch('a set or relation', describe(v), at));
  }
}

/** `r^-1` */
export function inverse(v: Value, env: Env, at: Span): Value {
  switch (v.kind) {
    case 'empty':
    case 'universe':
      return v;
    case 'pair':
      return { kind: 'pair', from: v.to, to: v.from };
    default:
      return relation(rel.inverse(asRelation(v, env, at)));
  }
}

/** `r+`, `r*`, `r?` */
export function closure(op: 'plus' | 'star' | 'opt', v: Value, env: Env, at: Span): Value {
  if (v.kind === 'universe') return v;
  if (v.kind === 'empty') return op === 'plus' ? EMPTY : relation(env.top.cache.id());
  const r = asRelation(v, env, at);
  return relation(op === 'plus' ? rel.plus(r) : op === 'star' ? rel.star(r) : rel.opt(r));
}

/** `[S]`: the identity on S; a single event is not accepted. */
export function toId(v: Value, env: Env, at: Span): Value {
  switch (v.kind) {
    case 'empty':
      return EMPTY;
    case 'universe':
      return relation(env.top.cache.id());
    case 'events':
      return relation(rel.idOn(v.set));
    default:
      return raise(typeMismatch('events', describe(v), at));
  }
}

/** acyclic / irreflexive / empty, with `~` (spec §7.1). */
export function testHolds(
  pred: Predicate,
  negated: boolean,
  v: Value,
  env: Env,
  at: Span,
): boolean {
  let holds: boolean;
  if (pred === 'empty') {
    if (v.kind === 'events') holds = evset.isEmpty(v.set);
    else if (v.kind === 'valset') holds = v.elems.length === 0;
    else holds = v.kind !== 'universe' && rel.isEmpty(asRelation(v, env, at));
  } else {
    if (v.kind === 'events' || v.kind === 'event') raise(relationExpected(pred, at));
    const r = asRelation(v, env, at);
    holds = pred === 'acyclic' ? rel.isAcyclic(r) : rel.isIrreflexive(r);
  }
  return holds !== negated;
}
