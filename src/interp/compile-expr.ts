// Interpreter stage: compiles cat expressions into closures over resolved slots, so that
// evaluating a model per candidate does no name lookup and no AST walk.
import type * as A from '../cat';
import { unreachable } from '../cat';
import { type EventSet, evset, type Relation, rel } from '../relations';
import { type Span, UserError } from '../source';
import { apply } from './apply';
import { compileIf } from './compile-cond';
import { compileLet, compileLetRec } from './compile-let';
import { compileMatchSet, compileMatchTag } from './compile-match';
import type { Compiled, CompiledFun } from './compiled';
import {
  type Env,
  forceLocal,
  forceTop,
  type LocalFrame,
  readTop,
  type TopEnv,
  writeTop,
} from './env';
import { raise, typeMismatch, unbound, undefinedTag, universeMisuse } from './messages';
import * as op from './operators';
import { localScope, type ProgramBuilder, type Resolved, type Scope } from './scope';
import {
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
} from './values';

export function compileExpr(e: A.Expr, scope: Scope, b: ProgramBuilder): Compiled {
  return b.hoisting(scope, worthCaching(e), () => compileNode(e, scope, b));
}

/** Names, constants and closures are as cheap to rebuild as to fetch from a cache. */
function worthCaching(e: A.Expr): boolean {
  return !(
    e.kind === 'var' ||
    e.kind === 'tag' ||
    e.kind === 'universe' ||
    e.kind === 'empty-rel' ||
    e.kind === 'fun'
  );
}

function compileNode(e: A.Expr, scope: Scope, b: ProgramBuilder): Compiled {
  switch (e.kind) {
    case 'empty-rel':
      return (env) => env.top.cache.zero();
    case 'universe':
      return () => UNIVERSE;
    case 'tag': {
      const v = tagValue(e.name, b);
      const at = e.span;
      return v ? () => v : () => raise(undefinedTag(e.name, at));
    }
    case 'var':
      return compileVar(e.name, e.span, scope, b);
    case 'set':
      return compileSet(e.elems, e.span, scope, b);
    case 'tuple': {
      const elems = e.elems.map((x) => compileExpr(x, scope, b));
      return (env) => ({ kind: 'tuple', elems: elems.map((c) => c(env)) });
    }
    case 'unary':
      return compileUnary(e.op, e.arg, e.span, scope, b);
    case 'nary':
      return e.op === 'union'
        ? compileUnion(e.args, e.span, scope, b)
        : compileSeq(e.args, scope, b);
    case 'binary':
      return compileBinary(e, scope, b);
    case 'app': {
      const fn = compileExpr(e.fn, scope, b);
      const arg = compileExpr(e.arg, scope, b);
      const at = e.span;
      return (env) => {
        const f = fn(env);
        return apply(f, arg(env), env, at);
      };
    }
    case 'fun': {
      const fn = compileFun(e.pat, e.body, e.span, scope, b);
      return (env) => ({ kind: 'closure', fn, env });
    }
    case 'let':
      return e.rec
        ? compileLetRec(e.bindings, e.body, e.span, scope, b)
        : compileLet(e.bindings, e.body, scope, b);
    case 'try': {
      const body = compileExpr(e.body, scope, b);
      const handler = compileExpr(e.handler, scope, b);
      return (env) => {
        try {
          return body(env);
        } catch (err) {
          if (err instanceof UserError) return handler(env);
          throw err;
        }
      };
    }
    case 'if':
      return compileIf(e, scope, b);
    case 'match-tag':
      return compileMatchTag(e, scope, b);
    case 'match-set':
      return compileMatchSet(e, scope, b);
    default:
      return unreachable(e);
  }
}

function tagValue(name: string, b: ProgramBuilder): Value | undefined {
  const enumName = b.tagEnums.get(name);
  return enumName === undefined ? undefined : { kind: 'tag', name, enumName };
}

function compileVar(name: string, at: Span, scope: Scope, b: ProgramBuilder): Compiled {
  return access(b.resolve(name, scope), name, at, b);
}

/** Reading a resolved name: slot arrays are filled on first use (lazy, memoised bindings). */
export function access(r: Resolved, name: string, at: Span, b: ProgramBuilder): Compiled {
  if (r.kind === 'local') {
    const { depth, index } = r;
    if (depth === 0)
      return (env) => (env as LocalFrame).vals[index] ?? forceLocal(env as LocalFrame, index);
    return (env) => {
      let f = env as LocalFrame;
      for (let d = 0; d < depth; d++) f = f.parent as LocalFrame;
      return f.vals[index] ?? forceLocal(f, index);
    };
  }
  const s = r.slot;
  const slot = b.slots[s];
  if (slot.predefined) {
    return (env) => {
      const top = env.top;
      const v = readTop(top, s);
      if (v !== undefined) return v;
      const found = predefinedValue(top, name) ?? raise(unbound(name, at));
      writeTop(top, s, found);
      return found;
    };
  }
  if (!slot.settled) return (env) => readTop(env.top, s) ?? forceTop(env.top, s);
  const { index, level } = slot;
  if (slot.isStatic) return (env) => env.top.cache.vals[index] ?? forceTop(env.top, s);
  return (env) => env.top.levels[level][index] ?? forceTop(env.top, s);
}

export function predefinedValue(top: TopEnv, name: string): Value | undefined {
  const s = top.exec.set(name);
  if (s) return events(s);
  const r = top.exec.relation(name);
  return r ? relation(r) : undefined;
}

function compileSet(elems: readonly A.Expr[], at: Span, scope: Scope, b: ProgramBuilder): Compiled {
  const parts = elems.map((x) => ({ c: compileExpr(x, scope, b), span: x.span }));
  return (env) => {
    const vals = parts.map((p) => {
      const v = p.c(env);
      if (v.kind === 'universe') raise(universeMisuse('in an explicit set', p.span));
      return v;
    });
    if (vals.length === 0) return EMPTY;
    let t = typeOf(vals[0]);
    for (let i = 1; i < vals.length; i++) {
      t =
        unify(t, typeOf(vals[i])) ??
        raise(typeMismatch(typeName(t), describe(vals[i]), parts[i].span));
    }
    // Events and pairs make an event set and a relation; anything else a value set.
    const n = env.top.cache.n;
    if (t.kind === 'event')
      return events(
        evset.of(
          n,
          vals.flatMap((v) => (v.kind === 'event' ? [v.id] : [])),
        ),
      );
    if (t.kind === 'pair') {
      return relation(
        rel.ofPairs(
          n,
          vals.flatMap((v) => (v.kind === 'pair' ? [[v.from, v.to] as const] : [])),
        ),
      );
    }
    if (t.kind === 'closure' || t.kind === 'proc')
      raise(typeMismatch('values that can be compared', typeName(t), at));
    return valset(t, vals);
  };
}

function compileUnary(
  o: A.UnaryOp,
  arg: A.Expr,
  at: Span,
  scope: Scope,
  b: ProgramBuilder,
): Compiled {
  const a = compileExpr(arg, scope, b);
  const sa = arg.span;
  switch (o) {
    case 'star':
    case 'plus':
    case 'opt':
      return (env) => op.closure(o, a(env), env, sa);
    case 'inv':
      return (env) => op.inverse(a(env), env, sa);
    case 'comp':
      return (env) => op.complement(a(env), env, sa);
    case 'toid':
      return (env) => op.toId(a(env), env, at);
    default:
      return unreachable(o);
  }
}

function compileUnion(
  args: readonly A.Expr[],
  at: Span,
  scope: Scope,
  b: ProgramBuilder,
): Compiled {
  const parts = args.map((x) => compileExpr(x, scope, b));
  const spans = args.map((x) => x.span);
  return (env) => {
    const vals: Value[] = new Array(parts.length);
    for (let i = 0; i < parts.length; i++) vals[i] = parts[i](env);
    // Unions of value sets run as recursions unwind, where no call polls: a time limit must
    // still stop a model that builds millions of coherence orders this way.
    if (vals[0].kind === 'valset') env.top.run.poll?.();
    return op.union(vals, spans, at);
  };
}

/** An event set used as a filter in `[S] ; r`; undefined for `[_]` (no filtering). */
function filterSet(v: Value, env: Env, at: Span): EventSet | undefined {
  return v.kind === 'universe' ? undefined : op.asEvents(v, env, at);
}

/**
 * `r1 ; r2 ; ...` left to right. `[S]` operands restrict the neighbouring relation's domain
 * or range instead of being composed; a `{}` operand makes the result `{}` at once and a `_`
 * operand is skipped (herd's quirks, spec §5). Once the composition so far is empty the
 * remaining operands are not evaluated (herd evaluates them, which only matters if one of
 * them fails): LKMM's RCU relations are mostly compositions that start empty.
 */
function compileSeq(args: readonly A.Expr[], scope: Scope, b: ProgramBuilder): Compiled {
  const parts = args.map((x) =>
    x.kind === 'unary' && x.op === 'toid'
      ? { filter: true, c: compileExpr(x.arg, scope, b), span: x.arg.span }
      : { filter: false, c: compileExpr(x, scope, b), span: x.span },
  );
  return (env) => {
    let acc: Relation | undefined;
    let pending: EventSet | undefined;
    let filtered = false;
    for (const p of parts) {
      const v = p.c(env);
      if (p.filter) {
        filtered = true;
        const s = filterSet(v, env, p.span);
        if (!s) continue;
        if (acc) acc = rel.restrictRange(acc, s);
        else pending = pending ? evset.inter(pending, s) : s;
        continue;
      }
      if (v.kind === 'empty') return EMPTY;
      if (v.kind === 'universe') continue;
      const r = op.asRelation(v, env, p.span);
      if (acc) acc = rel.seq(acc, r);
      else acc = pending ? rel.restrictDomain(r, pending) : r;
      if (rel.isEmpty(acc)) return relation(acc);
    }
    if (acc) return relation(acc);
    if (!filtered) return UNIVERSE;
    return relation(pending ? rel.idOn(pending) : env.top.cache.id());
  };
}

function compileBinary(e: A.Expr & { kind: 'binary' }, scope: Scope, b: ProgramBuilder): Compiled {
  const { left, right, span: at } = e;
  if (e.op === 'inter') {
    // r & (A * B) restricts r's domain and range; r & ~s is r \ s (as herd computes them).
    const [r, other] =
      right.kind === 'binary' && right.op === 'cartesian' ? [left, right] : [right, left];
    if (other.kind === 'binary' && other.op === 'cartesian')
      return compileRestrict(r, other.left, other.right, scope, b);
    const [kept, comp] =
      right.kind === 'unary' && right.op === 'comp' ? [left, right] : [right, left];
    if (comp.kind === 'unary' && comp.op === 'comp')
      return compileDiff(kept, comp.arg, at, scope, b);
  }
  if (e.op === 'diff') return compileDiff(left, right, at, scope, b);
  const l = compileExpr(left, scope, b);
  const r = compileExpr(right, scope, b);
  const sl = left.span;
  const sr = right.span;
  switch (e.op) {
    case 'inter':
      return (env) => op.inter(l(env), r(env), sl, sr, at);
    case 'cartesian':
      return (env) => op.cartesian(l(env), r(env), env, sl, sr);
    case 'add':
      return (env) => op.add(l(env), r(env), env, sl, sr);
    default:
      return unreachable(e.op);
  }
}

function compileDiff(
  left: A.Expr,
  right: A.Expr,
  at: Span,
  scope: Scope,
  b: ProgramBuilder,
): Compiled {
  const l = compileExpr(left, scope, b);
  const r = compileExpr(right, scope, b);
  const sl = left.span;
  const sr = right.span;
  return (env) => op.diff(l(env), r(env), env, sl, sr, at);
}

function compileRestrict(
  r: A.Expr,
  from: A.Expr,
  to: A.Expr,
  scope: Scope,
  b: ProgramBuilder,
): Compiled {
  const cr = compileExpr(r, scope, b);
  const cf = compileExpr(from, scope, b);
  const ct = compileExpr(to, scope, b);
  return (env) => {
    let out = op.asRelation(cr(env), env, r.span);
    const dom = filterSet(cf(env), env, from.span);
    const ran = filterSet(ct(env), env, to.span);
    if (ran) out = rel.restrictRange(out, ran);
    if (dom) out = rel.restrictDomain(out, dom);
    return relation(out);
  };
}

function compileFun(
  pat: A.Pattern,
  body: A.Expr,
  at: Span,
  scope: Scope,
  b: ProgramBuilder,
): CompiledFun {
  const inner = localScope(scope);
  declarePattern(pat, inner);
  return { pat, layout: inner.layout!, body: compileExpr(body, inner, b), span: at };
}

/** Parameters take the first slots of a frame, in pattern order. */
export function declarePattern(pat: A.Pattern, scope: Scope): void {
  for (const name of pat.kind === 'var' ? [pat.name] : pat.names) scope.addLocal(name, undefined);
}
