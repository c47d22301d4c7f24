// Interpreter stage: compiles `match` expressions, on tags and on sets (spec §6.5, §6.6).
import type * as A from '../cat';
import { evset, type Relation, rel } from '../relations';
import type { Span } from '../source';
import { compileExpr } from './compile-expr';
import type { Compiled } from './compiled';
import { type Env, newFrame } from './env';
import { badMatchSubject, matchFailed, raise } from './messages';
import { localScope, type ProgramBuilder, type Scope } from './scope';
import { describe, EMPTY, events, relation, type Value, valset } from './values';

export function compileMatchTag(
  e: A.Expr & { kind: 'match-tag' },
  scope: Scope,
  b: ProgramBuilder,
): Compiled {
  const subject = compileExpr(e.subject, scope, b);
  const clauses = new Map<string, Compiled>();
  for (const c of e.clauses)
    if (!clauses.has(c.tag)) clauses.set(c.tag, compileExpr(c.body, scope, b));
  const otherwise = e.otherwise && compileExpr(e.otherwise, scope, b);
  const at = e.span;
  const ss = e.subject.span;
  return (env) => {
    const v = subject(env);
    if (v.kind !== 'tag') return raise(badMatchSubject(describe(v), ss));
    const body = clauses.get(v.name) ?? otherwise ?? raise(matchFailed(v.name, at));
    return body(env);
  };
}

/** `match S with {} -> e0 || x ++ rest -> e1` (or `before | x ++ after`) over any kind of set. */
export function compileMatchSet(
  e: A.Expr & { kind: 'match-set' },
  scope: Scope,
  b: ProgramBuilder,
): Compiled {
  const subject = compileExpr(e.subject, scope, b);
  const ifEmpty = compileExpr(e.ifEmpty, scope, b);
  const inner = localScope(scope);
  const split =
    e.split.before === undefined ? undefined : inner.addLocal(e.split.before, undefined);
  const elem = inner.addLocal(e.split.elem, undefined);
  const rest = inner.addLocal(e.split.rest, undefined);
  const body = compileExpr(e.body, inner, b);
  const ss = e.subject.span;
  return (env) => {
    const v = subject(env);
    const parts = splitSet(v, ss);
    if (!parts) return ifEmpty(env);
    const frame = newFrame(inner.layout!, env);
    if (split !== undefined) frame.vals[split] = emptyLike(v, env);
    frame.vals[elem] = parts.elem;
    frame.vals[rest] = parts.rest;
    return body(frame);
  };
}

/** An empty set of the same kind: the part before the element in `before | x ++ after`. */
function emptyLike(v: Value, env: Env): Value {
  if (v.kind === 'events') return events(evset.empty(env.top.cache.n));
  if (v.kind === 'rel') return env.top.cache.zero();
  return v.kind === 'valset' ? valset(v.elemType, []) : EMPTY;
}

/** One element of a non-empty set (the first in ordo's order) and the rest. */
function splitSet(v: Value, at: Span): { elem: Value; rest: Value } | undefined {
  switch (v.kind) {
    case 'empty':
      return undefined;
    case 'events': {
      const e = evset.first(v.set);
      if (e < 0) return undefined;
      const rest = evset.diff(v.set, evset.of(v.set.n, [e]));
      return { elem: { kind: 'event', id: e }, rest: events(rest) };
    }
    case 'rel': {
      const p = firstPair(v.rel);
      if (!p) return undefined;
      const rest = rel.diff(v.rel, rel.ofPairs(v.rel.n, [p]));
      return { elem: { kind: 'pair', from: p[0], to: p[1] }, rest: relation(rest) };
    }
    case 'valset':
      if (v.elems.length === 0) return undefined;
      return {
        elem: v.elems[0],
        rest: { kind: 'valset', elemType: v.elemType, elems: v.elems.slice(1) },
      };
    default:
      return raise(badMatchSubject(describe(v), at));
  }
}

function firstPair(r: Relation): [number, number] | undefined {
  for (let i = 0; i < r.n; i++) {
    const j = evset.first(rel.row(r, i));
    if (j >= 0) return [i, j];
  }
  return undefined;
}
