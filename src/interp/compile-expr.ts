// Interpreter stage: compiles cat expressions into closures over resolved slots, so that
// evaluating a model per candidate does no name lookup and no AST walk.
import type * as A from '../cat';
import { unreachable } from '../cat';
import { type EventSet, evset, type Relation, rel } from '../relations';
import { type Span, UserError } from '../source';
import { apply, destructure } from './apply';
import type { Compiled, CompiledFun } from './compiled';
import {
  type Env,
  forceLocal,
  forceTop,
  type LocalFrame,
  newFrame,
  readTop,
  type TopEnv,
  writeTop,
} from './env';
import { fixpoint, type GroupStore } from './fixpoint';
import {
  argumentMismatch,
  badMatchSubject,
  matchFailed,
  raise,
  typeMismatch,
  unbound,
  undefinedTag,
  universeMisuse,
} from './messages';
import * as op from './operators';
import { localScope, type ProgramBuilder, type Resolved, type Scope } from './scope';
import {
  describe,
  EMPTY,
  equalValues,
  events,
  relation,
  typeName,
  typeOf,
  UNIVERSE,
  unify,
  type Value,
  valset,
  valsetHas,
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
    const n = env.top.cache.n;
    if (t.kind === 'event')
      return events(
        evset.of(
          n,
          vals.map((v) => (v as { id: number }).id),
        ),
      );
    if (t.kind === 'pair') {
      return relation(
        rel.ofPairs(
          n,
          vals.map((v) => [(v as { from: number }).from, (v as { to: number }).to] as const),
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

/** The value bound to position `k` of a tuple pattern with `size` positions. */
export function projection(v: Value, k: number, size: number, at: Span): Value {
  const parts = destructure(v);
  if (parts.length !== size) raise(argumentMismatch(size, describe(v), at));
  return parts[k];
}

/** `let p1 = e1 and ... in body`: every ei is evaluated in the enclosing scope. */
function compileLet(
  bindings: readonly A.Binding[],
  body: A.Expr,
  scope: Scope,
  b: ProgramBuilder,
): Compiled {
  const inner = localScope(scope);
  const rhs = bindings.map((bd) => compileExpr(bd.expr, scope, b));
  bindings.forEach((bd, i) => {
    const e = rhs[i];
    const outer: Compiled = (f) => e((f as LocalFrame).parent);
    bindLocal(bd.pat, outer, bd.span, inner);
  });
  const cbody = compileExpr(body, inner, b);
  return (env) => cbody(newFrame(inner.layout!, env));
}

/** Declares a (lazy) local binding of a pattern; a tuple pattern shares one hidden slot. */
export function bindLocal(pat: A.Pattern, init: Compiled, at: Span, scope: Scope): void {
  if (pat.kind === 'var') {
    scope.addLocal(pat.name, init);
    return;
  }
  const whole = scope.addLocal(null, init);
  const size = pat.names.length;
  pat.names.forEach((name, k) => {
    const part: Compiled = (f) => projection(accessLocal(f as LocalFrame, whole), k, size, at);
    scope.addLocal(name, part);
  });
}

function accessLocal(f: LocalFrame, i: number): Value {
  return f.vals[i] ?? forceLocal(f, i);
}

/** Where the members of a `let rec` group live: a local frame or top-level slots. */
export interface RecTarget {
  declare(name: string | null): number;
  setInit(handle: number, init: Compiled): void;
  store(env: Env, handles: readonly number[]): GroupStore;
}

export function localRecTarget(scope: Scope): RecTarget {
  return {
    declare: (name) => scope.addLocal(name, undefined),
    setInit: (h, init) => {
      scope.layout!.inits[h] = init;
    },
    store: (env, handles) => {
      const frame = env as LocalFrame;
      return {
        read: (k) => frame.vals[handles[k]],
        write: (k, v) => {
          frame.vals[handles[k]] = v;
        },
      };
    },
  };
}

/**
 * A `let rec` group: function bindings see each other through their slots; value bindings
 * are computed together by `fixpoint` the first time one of them is needed (in bell mode
 * they stay `{}`). Returns the computation, with the `when` test if any (compiled once the
 * group's names are declared), for eager use.
 */
export function compileRecGroup(
  bindings: readonly A.Binding[],
  target: RecTarget,
  scope: Scope,
  b: ProgramBuilder,
  at: Span,
  compileWhen?: () => (env: Env) => boolean,
): (env: Env) => boolean {
  const declared = bindings.map((bd) => recName(bd, b));
  const handles = declared.map((name) => target.declare(name));
  const values: { handle: number; init: Compiled; name: string }[] = [];
  bindings.forEach((bd, i) => {
    const init = compileExpr(bd.expr, scope, b);
    if (bd.expr.kind === 'fun') target.setInit(handles[i], init);
    else if (b.options.bellMode) target.setInit(handles[i], () => EMPTY);
    else values.push({ handle: handles[i], init, name: declared[i] ?? '_' });
  });
  const when = compileWhen?.();
  const names = values.map((v) => v.name);
  const inits = values.map((v) => v.init);
  const group = values.map((v) => v.handle);
  const force = (env: Env) => fixpoint(names, inits, env, target.store(env, group), at, when);
  values.forEach((v, k) => {
    target.setInit(v.handle, (env) => {
      force(env);
      return target.store(env, group).read(k)!;
    });
  });
  return force;
}

function compileLetRec(
  bindings: readonly A.Binding[],
  body: A.Expr,
  at: Span,
  scope: Scope,
  b: ProgramBuilder,
): Compiled {
  const inner = localScope(scope);
  compileRecGroup(bindings, localRecTarget(inner), inner, b, at);
  const cbody = compileExpr(body, inner, b);
  return (env) => cbody(newFrame(inner.layout!, env));
}

/** herd binds only names in a let rec; a tuple pattern there is reported and ignored. */
function recName(bd: A.Binding, b: ProgramBuilder): string | null {
  if (bd.pat.kind === 'var') return bd.pat.name;
  b.diagnostics.push({
    code: 'cat/bad-rec',
    severity: 'error',
    message: 'let rec binds names only, not tuples',
    span: bd.span,
  });
  return null;
}

function compileIf(e: A.Expr & { kind: 'if' }, scope: Scope, b: ProgramBuilder): Compiled {
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

function compileMatchTag(
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
function compileMatchSet(
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
