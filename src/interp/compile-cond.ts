// Interpreter stage: compiles `if` expressions: variant conditions are decided when the model
// is compiled, value conditions (=, subset, in) when it runs.
import type * as A from '../cat';
import { unreachable } from '../cat';
import { evset, rel } from '../relations';
import type { Span } from '../source';
import { destructure } from './apply';
import { compileExpr } from './compile-expr';
import type { Compiled } from './compiled';
import type { Env } from './env';
import { raise, typeMismatch, universeMisuse } from './messages';
import * as op from './operators';
import type { ProgramBuilder, Scope } from './scope';
import { describe, equalValues, typeName, typeOf, unify, type Value, valsetHas } from './values';

export function compileIf(e: A.Expr & { kind: 'if' }, scope: Scope, b: ProgramBuilder): Compiled {
  if (e.cond.kind === 'vcond') {
    // Variants are fixed for a whole run: choose the branch once, when compiling.
    return compileExpr(evalVariant(e.cond.cond, b) ? e.ifTrue : e.ifFalse, scope, b);
  }
  const cond = compileCond(e.cond, scope, b);
  const t = compileExpr(e.ifTrue, scope, b);
  const f = compileExpr(e.ifFalse, scope, b);
  return (env) => (cond(env) ? t(env) : f(env));
}

export function evalVariant(c: A.VCond, b: ProgramBuilder): boolean {
  switch (c.kind) {
    case 'variant':
      return b.variantSet(c.name);
    case 'not':
      return !evalVariant(c.arg, b);
    case 'and':
      return evalVariant(c.left, b) && evalVariant(c.right, b);
    case 'or':
      return evalVariant(c.left, b) || evalVariant(c.right, b);
    default:
      return unreachable(c);
  }
}

function compileCond(
  c: A.Cond & { kind: 'eq' | 'subset' | 'in' },
  scope: Scope,
  b: ProgramBuilder,
): (env: Env) => boolean {
  const l = compileExpr(c.left, scope, b);
  const r = compileExpr(c.right, scope, b);
  const sl = c.left.span;
  const sr = c.right.span;
  switch (c.kind) {
    case 'eq':
      return (env) => {
        const x = l(env);
        const y = r(env);
        if (x.kind === 'universe') raise(universeMisuse('in a comparison', sl));
        if (y.kind === 'universe') raise(universeMisuse('in a comparison', sr));
        return equalValues(x, y);
      };
    case 'subset':
      return (env) => isSubset(l(env), r(env), env, sl, sr);
    case 'in':
      return (env) => isMember(l(env), r(env), env, sl, sr);
    default:
      return unreachable(c.kind);
  }
}

function isSubset(x: Value, y: Value, env: Env, sx: Span, sy: Span): boolean {
  const tx = x.kind === 'universe' ? typeOf(y) : typeOf(x);
  const ty = y.kind === 'universe' ? typeOf(x) : typeOf(y);
  const t = unify(tx, ty) ?? raise(typeMismatch(typeName(tx), describe(y), sy));
  switch (t.kind) {
    case 'rel':
      return rel.subset(op.asRelation(x, env, sx), op.asRelation(y, env, sy));
    case 'events':
      return evset.subset(op.asEvents(x, env, sx), op.asEvents(y, env, sy));
    case 'set':
    case 'empty': {
      const xs = x.kind === 'valset' ? x.elems : [];
      return y.kind === 'valset' ? xs.every((v) => valsetHas(y, v)) : xs.length === 0;
    }
    default:
      return raise(typeMismatch('a set or relation', typeName(t), sx));
  }
}

function isMember(x: Value, y: Value, env: Env, sx: Span, sy: Span): boolean {
  if (x.kind === 'event') return evset.has(op.asEvents(y, env, sy), x.id);
  if (x.kind === 'pair') return rel.has(op.asRelation(y, env, sy), x.from, x.to);
  const parts = destructure(x);
  if (
    x.kind === 'tuple' &&
    parts.length === 2 &&
    parts[0].kind === 'event' &&
    parts[1].kind === 'event'
  ) {
    return rel.has(op.asRelation(y, env, sy), parts[0].id, parts[1].id);
  }
  if (y.kind === 'empty') return false;
  if (y.kind !== 'valset') return raise(typeMismatch('a set', describe(y), sy));
  if (!unify(y.elemType, typeOf(x))) raise(typeMismatch(typeName(y.elemType), describe(x), sx));
  return valsetHas(y, x);
}
