// Interpreter stage: compiles `let`, `let ... in` and `let rec` bindings: lazy slots, tuple
// patterns, and recursive groups computed by fixpoint.ts.
import type * as A from '../cat';
import type { Span } from '../source';
import { destructure } from './apply';
import { compileExpr } from './compile-expr';
import type { Compiled } from './compiled';
import { type Env, forceLocal, type LocalFrame, newFrame } from './env';
import { fixpoint, type GroupStore } from './fixpoint';
import { argumentMismatch, raise } from './messages';
import { localScope, type ProgramBuilder, type Scope } from './scope';
import { describe, EMPTY, type Value } from './values';

/** The value bound to position `k` of a tuple pattern with `size` positions. */
export function projection(v: Value, k: number, size: number, at: Span): Value {
  const parts = destructure(v);
  if (parts.length !== size) raise(argumentMismatch(size, describe(v), at));
  return parts[k];
}

/** `let p1 = e1 and ... in body`: every ei is evaluated in the enclosing scope. */
export function compileLet(
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

export function compileLetRec(
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
