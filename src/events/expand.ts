// Events stage: expand `.def` macro calls in thread code into herd's internal primitives
// (`__load{ONCE}(X)`, `__store{RELEASE}(*X,V)`...) by syntactic substitution, like herd7.
import type { CallExpr, Expr, Macro, MacroFile, OpArg, Stmt, Thread } from '../litmus/ast';
import { unreachable } from '../litmus/ast';
import type { Diagnostic, Span } from '../source';
import { error } from '../source';

/** The internal primitives herd's C semantics knows; everything else must be a macro. */
export const INTERNAL_PRIMITIVES: ReadonlySet<string> = new Set([
  '__load',
  '__store',
  '__fence',
  '__xchg',
  '__cmpxchg',
  '__atomic_op',
  '__atomic_op_return',
  '__atomic_fetch_op',
  '__atomic_add_unless',
  '__lock',
  '__unlock',
  '__trylock',
  '__islocked',
  '__srcu',
]);

export const UNKNOWN_PRIMITIVE = 'events/unknown-primitive';
const MACRO_ARITY = 'events/macro-arity';
const MACRO_DEPTH = 'events/macro-recursion';
const MAX_DEPTH = 64;

/** ordo's message for a call that is neither a macro of the .def file nor an internal primitive. */
export function unknownPrimitive(name: string, defName: string, span: Span): Diagnostic {
  return error(UNKNOWN_PRIMITIVE, `unknown primitive ${name} (not in ${defName})`, span);
}

/**
 * herd7's wording for the same error (`Unknown macro foo`), which kernel scripts grep on
 * stderr; undefined for other diagnostics.
 */
export function herdUnknownMacroMessage(d: Diagnostic): string | undefined {
  if (d.code !== UNKNOWN_PRIMITIVE) return undefined;
  const m = /^unknown primitive (\S+) /.exec(d.message);
  return m ? `Unknown macro ${m[1]}` : undefined;
}

interface MacroTable {
  readonly statements: ReadonlyMap<string, Macro>;
  readonly expressions: ReadonlyMap<string, Macro>;
  readonly defName: string;
}

function macroTable(macros: MacroFile, defName: string): MacroTable {
  const statements = new Map<string, Macro>();
  const expressions = new Map<string, Macro>();
  for (const m of macros.macros) {
    (m.body.kind === 'StmtBody' ? statements : expressions).set(m.name, m);
  }
  return { statements, expressions, defName };
}

/**
 * herd's built-in `atomic_add_unless` (used when the .def file has no macro of that name, as
 * in pre-2018 kernels): the full-barrier add-unless primitive.
 */
const BUILTIN_ADD_UNLESS: Macro = {
  kind: 'Macro',
  name: 'atomic_add_unless',
  formals: ['X', 'V', 'W'],
  body: {
    kind: 'ExprBody',
    expr: {
      kind: 'CallExpr',
      name: '__atomic_add_unless',
      nameSpan: { file: '<builtin>', start: 0, end: 0 },
      tags: ['MB'],
      args: ['X', 'V', 'W'].map((name) => ({
        kind: 'RegExpr' as const,
        name,
        span: { file: '<builtin>', start: 0, end: 0 },
      })),
      span: { file: '<builtin>', start: 0, end: 0 },
    },
  },
  span: { file: '<builtin>', start: 0, end: 0 },
};

/** Expands every macro call of one thread; calls left in the result are internal primitives. */
export function expandThread(
  thread: Thread,
  macros: MacroFile,
  defName: string,
): { thread: Thread; diagnostics: Diagnostic[] } {
  const expander = new Expander(macroTable(macros, defName));
  const body = expander.stmts(thread.body, 0);
  return { thread: { ...thread, body }, diagnostics: expander.diagnostics };
}

/** Formal name -> argument expression; `site` re-spans macro-body nodes to the call site. */
interface Binding {
  readonly args: ReadonlyMap<string, Expr | OpArg>;
  readonly site: Span;
}

class Expander {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly table: MacroTable) {}

  stmts(body: readonly Stmt[], depth: number): Stmt[] {
    return body.map((s) => this.stmt(s, depth));
  }

  private stmt(s: Stmt, depth: number): Stmt {
    switch (s.kind) {
      case 'DeclStmt':
        return s.init ? { ...s, init: this.expr(s.init, depth) } : s;
      case 'AssignStmt':
        return { ...s, value: this.expr(s.value, depth) };
      case 'StoreStmt':
        return { ...s, address: this.expr(s.address, depth), value: this.expr(s.value, depth) };
      case 'ExprStmt':
        if (s.expr.kind === 'CallExpr' && !INTERNAL_PRIMITIVES.has(s.expr.name)) {
          return this.statementCall(s.expr, depth);
        }
        return { ...s, expr: this.expr(s.expr, depth) };
      case 'IfStmt':
        return {
          ...s,
          cond: this.expr(s.cond, depth),
          // biome-ignore lint/suspicious/noThenProperty: the AST contract names the branch `then`
          then: this.stmts(s.then, depth),
          else: s.else && this.stmts(s.else, depth),
        };
      case 'WhileStmt':
        return { ...s, cond: this.expr(s.cond, depth), body: this.stmts(s.body, depth) };
      case 'BlockStmt':
        return { ...s, body: this.stmts(s.body, depth) };
      default:
        return unreachable(s);
    }
  }

  /** `f(args);` only finds statement macros (herd: "Unknown macro" for `xchg(x, 1);`). */
  private statementCall(call: CallExpr, depth: number): Stmt {
    const macro = this.table.statements.get(call.name);
    const args = this.args(call, depth);
    if (!macro) {
      this.diagnostics.push(unknownPrimitive(call.name, this.table.defName, call.nameSpan));
      return { kind: 'BlockStmt', body: [], span: call.span };
    }
    const binding = this.bind(macro, { ...call, args }, depth);
    if (!binding || macro.body.kind !== 'StmtBody') {
      return { kind: 'BlockStmt', body: [], span: call.span };
    }
    const body = macro.body.body.map((st) => substStmt(st, binding));
    return { kind: 'BlockStmt', body: this.stmts(body, depth + 1), span: call.span };
  }

  private args(call: CallExpr, depth: number): (Expr | OpArg)[] {
    return call.args.map((a) => (a.kind === 'OpArg' ? a : this.expr(a, depth)));
  }

  private bind(macro: Macro, call: CallExpr, depth: number): Binding | undefined {
    if (depth > MAX_DEPTH) {
      this.diagnostics.push(
        error(MACRO_DEPTH, `macro ${call.name} expands too deeply (recursive?)`, call.nameSpan),
      );
      return undefined;
    }
    if (macro.formals.length !== call.args.length) {
      this.diagnostics.push(
        error(
          MACRO_ARITY,
          `${call.name} expects ${macro.formals.length} argument${macro.formals.length === 1 ? '' : 's'}, got ${call.args.length}`,
          call.nameSpan,
        ),
      );
      return undefined;
    }
    const args = new Map<string, Expr | OpArg>();
    macro.formals.forEach((f, i) => {
      args.set(f, call.args[i]);
    });
    return { args, site: call.span };
  }

  expr(e: Expr, depth: number): Expr {
    switch (e.kind) {
      case 'IntExpr':
      case 'RegExpr':
        return e;
      case 'DerefExpr':
        return { ...e, address: this.expr(e.address, depth) };
      case 'CastExpr':
        return { ...e, expr: this.expr(e.expr, depth) };
      case 'BinaryExpr':
        return { ...e, left: this.expr(e.left, depth), right: this.expr(e.right, depth) };
      case 'UnaryExpr':
        return { ...e, operand: this.expr(e.operand, depth) };
      case 'CallExpr':
        return this.exprCall(e, depth);
      default:
        return unreachable(e);
    }
  }

  private exprCall(call: CallExpr, depth: number): Expr {
    const args = this.args(call, depth);
    if (INTERNAL_PRIMITIVES.has(call.name)) return { ...call, args };
    const macro =
      this.table.expressions.get(call.name) ??
      (call.name === 'atomic_add_unless' && !this.table.statements.has(call.name)
        ? BUILTIN_ADD_UNLESS
        : undefined);
    if (!macro) {
      this.diagnostics.push(unknownPrimitive(call.name, this.table.defName, call.nameSpan));
      return { kind: 'IntExpr', value: 0, span: call.span };
    }
    const binding = this.bind(macro, { ...call, args }, depth);
    if (!binding || macro.body.kind !== 'ExprBody')
      return { kind: 'IntExpr', value: 0, span: call.span };
    return this.expr(substExpr(macro.body.expr, binding), depth + 1);
  }
}

function substStmt(s: Stmt, b: Binding): Stmt {
  const span = b.site;
  switch (s.kind) {
    case 'DeclStmt':
      return { ...s, init: s.init && substExpr(s.init, b), span };
    case 'AssignStmt': {
      const value = substExpr(s.value, b);
      const target = b.args.get(s.name);
      // herd: assigning to a formal bound to `*p` stores to p.
      if (target && target.kind === 'DerefExpr') {
        return { kind: 'StoreStmt', address: target.address, value, span };
      }
      const name = target && target.kind === 'RegExpr' ? target.name : s.name;
      return { ...s, name, nameSpan: span, value, span };
    }
    case 'StoreStmt':
      return { ...s, address: substExpr(s.address, b), value: substExpr(s.value, b), span };
    case 'ExprStmt':
      return { ...s, expr: substExpr(s.expr, b), span };
    case 'IfStmt':
      return {
        ...s,
        cond: substExpr(s.cond, b),
        // biome-ignore lint/suspicious/noThenProperty: the AST contract names the branch `then`
        then: s.then.map((t) => substStmt(t, b)),
        else: s.else?.map((t) => substStmt(t, b)),
        span,
      };
    case 'WhileStmt':
      return { ...s, cond: substExpr(s.cond, b), body: s.body.map((t) => substStmt(t, b)), span };
    case 'BlockStmt':
      return { ...s, body: s.body.map((t) => substStmt(t, b)), span };
    default:
      return unreachable(s);
  }
}

function substExpr(e: Expr, b: Binding): Expr {
  const span = b.site;
  switch (e.kind) {
    case 'IntExpr':
      return { ...e, span };
    case 'RegExpr': {
      const arg = b.args.get(e.name);
      if (arg === undefined) return { ...e, span };
      if (arg.kind === 'OpArg') return { ...e, span };
      return arg;
    }
    case 'DerefExpr':
      return { ...e, address: substExpr(e.address, b), span };
    case 'CastExpr':
      return { ...e, expr: substExpr(e.expr, b), span };
    case 'BinaryExpr':
      return { ...e, left: substExpr(e.left, b), right: substExpr(e.right, b), span };
    case 'UnaryExpr':
      return { ...e, operand: substExpr(e.operand, b), span };
    case 'CallExpr':
      return {
        ...e,
        nameSpan: span,
        args: e.args.map((a) => (a.kind === 'OpArg' ? substOpArg(a, b) : substExpr(a, b))),
        span,
      };
    default:
      return unreachable(e);
  }
}

/** An operator argument may itself be a formal (`op`) in hand-written macros: keep literal ones. */
function substOpArg(a: OpArg, b: Binding): OpArg {
  return { ...a, span: b.site };
}
