// Interpreter stage: compiles cat instructions into top-level slots and a list of ops;
// includes are compiled in place (herd re-executes them each time), variants are resolved.
import * as path from 'node:path';
import type * as A from '../cat';
import { readCatFile, resolveInclude, unreachable } from '../cat';
import type { Span } from '../source';
import { evalVariant } from './compile-cond';
import { access, compileExpr, declarePattern } from './compile-expr';
import {
  bindLocal,
  compileRecGroup,
  localRecTarget,
  projection,
  type RecTarget,
} from './compile-let';
import type { Compiled, Layout, Op, Target } from './compiled';
import { type Env, readTop, writeTop } from './env';
import { badEventClass, recursiveInclude, unnamedFlag } from './messages';
import { testHolds } from './operators';
import { localScope, type ProgramBuilder, type Scope } from './scope';
import { type Value, valset } from './values';

/** The event classes a bell `instructions` declaration may name (herd's BellName). */
const EVENT_CLASSES: readonly string[] = ['R', 'W', 'F', 'RMW', 'B', 'CALL', 'SRCU'];

interface InsContext {
  readonly b: ProgramBuilder;
  /** The file being compiled, for includes, and the chain of files including it. */
  readonly file: string;
  readonly including: readonly string[];
}

export function compileBody(body: readonly A.Ins[], scope: Scope, ops: Op[], cx: InsContext): void {
  for (const ins of body) compileIns(ins, scope, ops, cx);
}

function isTop(scope: Scope): boolean {
  return scope.layout === undefined;
}

function compileIns(ins: A.Ins, scope: Scope, ops: Op[], cx: InsContext): void {
  const { b } = cx;
  const bell = b.options.bellMode;
  switch (ins.kind) {
    case 'let':
      if (ins.rec) compileLetRec(ins, scope, ops, b);
      else compileLet(ins.bindings, scope, b);
      return;
    case 'check':
      if (bell) return;
      if (ins.type === 'flag' && ins.test.name === undefined) {
        b.diagnostics.push(unnamedFlag(ins.span));
        return;
      }
      if (ins.test.name !== undefined && b.options.skipChecks.has(ins.test.name)) return;
      ops.push({
        kind: 'check',
        type: ins.type,
        negated: ins.test.negated,
        pred: ins.test.pred,
        expr: compileChecked(ins.test.expr, `<${ins.test.name ?? ins.type}>`, scope, b),
        name: ins.test.name,
        span: ins.span,
      });
      return;
    case 'show':
    case 'show-as':
    case 'unshow':
    case 'debug':
      // Drawing and debugging aids: no effect on verdicts (spec §7.2, §7.10).
      return;
    case 'include':
      compileInclude(ins.file, ins.span, scope, ops, cx);
      return;
    case 'procedure':
      compileProcedure(ins, scope, cx);
      return;
    case 'call': {
      if (
        bell ||
        b.options.skipChecks.has(ins.name) ||
        (ins.as !== undefined && b.options.skipChecks.has(ins.as))
      )
        return;
      const proc = compileExpr({ kind: 'var', name: ins.name, span: ins.span }, scope, b);
      ops.push({ kind: 'call', proc, arg: compileExpr(ins.arg, scope, b), span: ins.span });
      return;
    }
    case 'forall': {
      if (bell) return;
      const set = compileExpr(ins.set, scope, b);
      const inner = localScope(scope);
      inner.addLocal(ins.name, undefined);
      const body: Op[] = [];
      compileBody(ins.body, inner, body, cx);
      ops.push({ kind: 'forall', set, layout: inner.layout!, body, span: ins.span });
      return;
    }
    case 'with': {
      if (bell) return;
      const set = compileChecked(ins.set, `<with ${ins.name}>`, scope, b);
      ops.push({ kind: 'with', target: declareWith(ins.name, scope, b), set, span: ins.span });
      return;
    }
    case 'if-variant':
      compileBody(evalVariant(ins.cond, b) ? ins.ifTrue : ins.ifFalse, scope, ops, cx);
      return;
    case 'events':
      // Declarations matter in bell mode only; the model run ignores them (spec §7.8).
      if (!bell) return;
      if (!EVENT_CLASSES.includes(ins.set))
        b.diagnostics.push(badEventClass(ins.set, EVENT_CLASSES, ins.span));
      else
        ops.push({
          kind: 'events',
          args: ins.args.map((a) => ({ expr: compileExpr(a, scope, b), span: a.span })),
        });
      return;
    case 'enum':
      compileEnum(ins, scope, b);
      return;
    case 'match': {
      if (bell) return;
      const clause = (body: readonly A.Ins[]) => {
        const inner = localScope(scope);
        const ops2: Op[] = [];
        compileBody(body, inner, ops2, cx);
        return { layout: inner.layout!, body: ops2 };
      };
      const clauses = new Map<string, { layout: Layout; body: Op[] }>();
      for (const c of ins.clauses) if (!clauses.has(c.tag)) clauses.set(c.tag, clause(c.body));
      ops.push({
        kind: 'match',
        subject: compileExpr(ins.subject, scope, b),
        clauses,
        otherwise: ins.otherwise && clause(ins.otherwise),
        span: ins.span,
      });
      return;
    }
    default:
      unreachable(ins);
  }
}

/**
 * An expression a check or `with` evaluates: at top level it gets a slot of its own, so that
 * a value depending only on the event structure is computed once per structure.
 */
function compileChecked(e: A.Expr, name: string, scope: Scope, b: ProgramBuilder): Compiled {
  if (!isTop(scope)) return compileExpr(e, scope, b);
  const { value: init, deps } = b.withDeps(() => compileExpr(e, scope, b));
  const slot = b.addSlot(name, init, b.allStatic(deps), false, b.levelOf(deps));
  return access({ kind: 'top', slot }, name, e.span, b);
}

/** `let p1 = e1 and ...`: all right-hand sides see the scope before the instruction. */
function compileLet(bindings: readonly A.Binding[], scope: Scope, b: ProgramBuilder): void {
  if (!isTop(scope)) {
    const rhs = bindings.map((bd) => compileExpr(bd.expr, scope, b));
    bindings.forEach((bd, i) => {
      bindLocal(bd.pat, rhs[i], bd.span, scope);
    });
    return;
  }
  const defs = bindings.map((bd) => {
    const { value: init, deps } = b.withDeps(() => compileExpr(bd.expr, scope, b));
    return { bd, init, isStatic: b.allStatic(deps), level: b.levelOf(deps) };
  });
  for (const { bd, init, isStatic, level } of defs) {
    if (bd.pat.kind === 'var') {
      const slot = b.addSlot(bd.pat.name ?? '_', init, isStatic, false, level);
      if (bd.pat.name !== null) b.top.names.set(bd.pat.name, slot);
      continue;
    }
    const whole = access(
      { kind: 'top', slot: b.addSlot('_', init, isStatic, false, level) },
      '_',
      bd.span,
      b,
    );
    const size = bd.pat.names.length;
    bd.pat.names.forEach((name, k) => {
      const part: Compiled = (env) => projection(whole(env), k, size, bd.span);
      const slot = b.addSlot(name ?? '_', part, isStatic, false, level);
      if (name !== null) b.top.names.set(name, slot);
    });
  }
}

function topRecTarget(b: ProgramBuilder): RecTarget {
  return {
    declare: (name) => {
      const slot = b.addSlot(name ?? '_', undefined, undefined);
      if (name !== null) b.top.names.set(name, slot);
      return slot;
    },
    setInit: (slot, init) => {
      b.slots[slot].init = init;
    },
    store: (env, slots) => ({
      read: (k) => readTop(env.top, slots[k]),
      write: (k, v) => writeTop(env.top, slots[k], v),
    }),
  };
}

function compileLetRec(
  ins: A.Ins & { kind: 'let' },
  scope: Scope,
  ops: Op[],
  b: ProgramBuilder,
): void {
  const top = isTop(scope);
  const first = b.slots.length;
  const target = top ? topRecTarget(b) : localRecTarget(scope);
  const when = ins.when && !b.options.bellMode ? compileTest(ins.when, scope, b) : undefined;
  const { value: force, deps } = b.withDeps(() =>
    compileRecGroup(ins.bindings, target, scope, b, ins.span, when),
  );
  if (top) {
    const members = new Set<number>();
    for (let s = first; s < b.slots.length; s++) if (!b.slots[s].settled) members.add(s);
    // A `when` test may reject the candidate: such a group is recomputed in every branch.
    const isStatic = !ins.when && b.allStatic(deps, members);
    const level = ins.when ? b.level : b.levelOf(deps, members);
    for (const s of members) b.settle(s, isStatic, level);
  }
  if (ins.when && !b.options.bellMode) ops.push({ kind: 'rec-when', force });
}

/** A check's predicate as a boolean function (the `when` of a let rec), compiled on demand. */
function compileTest(t: A.Test, scope: Scope, b: ProgramBuilder): () => (env: Env) => boolean {
  return () => {
    const expr = compileExpr(t.expr, scope, b);
    return (env) => testHolds(t.pred, t.negated, expr(env), env, t.span);
  };
}

function declareWith(name: string, scope: Scope, b: ProgramBuilder): Target {
  if (!isTop(scope)) return { kind: 'local', index: scope.addLocal(name, undefined) };
  b.nextLevel();
  const slot = b.addSlot(name, undefined, false);
  b.top.names.set(name, slot);
  return { kind: 'top', slot };
}

function declare(
  name: string,
  init: Compiled,
  isStatic: boolean,
  scope: Scope,
  b: ProgramBuilder,
): void {
  if (isTop(scope)) b.top.names.set(name, b.addSlot(name, init, isStatic));
  else scope.addLocal(name, init);
}

function compileEnum(ins: A.Ins & { kind: 'enum' }, scope: Scope, b: ProgramBuilder): void {
  const tags: Value[] = ins.tags.map((name) => ({ kind: 'tag', name, enumName: ins.name }));
  for (const t of ins.tags) b.tagEnums.set(t, ins.name);
  b.enums.set(ins.name, tags);
  const all = valset({ kind: 'tag', enumName: ins.name }, tags);
  declare(ins.name, () => all, true, scope, b);
}

function compileProcedure(ins: A.Ins & { kind: 'procedure' }, scope: Scope, cx: InsContext): void {
  const { b } = cx;
  const inner = localScope(scope);
  declarePattern(ins.pat, inner);
  const body: Op[] = [];
  const proc = { name: ins.name, pat: ins.pat, layout: inner.layout!, body, span: ins.span };
  const make: Compiled = (env) => ({ kind: 'proc', proc, env });
  const compile = () => compileBody(ins.body, inner, body, cx);
  if (!isTop(scope)) {
    if (ins.rec) scope.addLocal(ins.name, make);
    compile();
    if (!ins.rec) scope.addLocal(ins.name, make);
    return;
  }
  if (ins.rec) {
    const slot = b.addSlot(ins.name, make, undefined);
    b.top.names.set(ins.name, slot);
    const { deps } = b.withDeps(compile);
    const self = new Set([slot]);
    b.settle(slot, b.allStatic(deps, self), b.levelOf(deps, self));
    return;
  }
  const { deps } = b.withDeps(compile);
  b.top.names.set(ins.name, b.addSlot(ins.name, make, b.allStatic(deps), false, b.levelOf(deps)));
}

function compileInclude(name: string, at: Span, scope: Scope, ops: Op[], cx: InsContext): void {
  const { b } = cx;
  const found = resolveInclude(name, cx.file, b.options.includeDirs, b.options.readFile, at);
  if ('diagnostic' in found) {
    b.diagnostics.push(found.diagnostic);
    return;
  }
  const file = path.resolve(found.file);
  if (file === cx.file || cx.including.includes(file)) {
    b.diagnostics.push(recursiveInclude(name, at));
    return;
  }
  const parsed = readCatFile(file, b.options.readFile, at);
  b.diagnostics.push(...parsed.diagnostics);
  if (parsed.value) {
    compileBody(parsed.value.body, scope, ops, { b, file, including: [...cx.including, cx.file] });
  }
}
