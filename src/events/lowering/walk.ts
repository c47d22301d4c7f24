// Events stage (per-architecture lowering): rewriting and listing the calls of C code (macro
// bodies, test threads).
import type { CallExpr, Expr, Stmt } from '../../litmus/ast';
import { unreachable } from '../../litmus/ast';

/** `e` with `f` applied to every call, innermost first. */
export function mapCallsInExpr(e: Expr, f: (c: CallExpr) => Expr): Expr {
  switch (e.kind) {
    case 'IntExpr':
    case 'RegExpr':
      return e;
    case 'DerefExpr':
      return { ...e, address: mapCallsInExpr(e.address, f) };
    case 'CastExpr':
      return { ...e, expr: mapCallsInExpr(e.expr, f) };
    case 'BinaryExpr':
      return { ...e, left: mapCallsInExpr(e.left, f), right: mapCallsInExpr(e.right, f) };
    case 'UnaryExpr':
      return { ...e, operand: mapCallsInExpr(e.operand, f) };
    case 'CallExpr':
      return f({ ...e, args: e.args.map((a) => (a.kind === 'OpArg' ? a : mapCallsInExpr(a, f))) });
    default:
      return unreachable(e);
  }
}

/** `s` with `f` applied to every call it contains. */
export function mapCalls(s: Stmt, f: (c: CallExpr) => Expr): Stmt {
  const exp = (e: Expr) => mapCallsInExpr(e, f);
  const stmts = (ss: readonly Stmt[]) => ss.map((t) => mapCalls(t, f));
  switch (s.kind) {
    case 'DeclStmt':
      return s.init ? { ...s, init: exp(s.init) } : s;
    case 'AssignStmt':
      return { ...s, value: exp(s.value) };
    case 'StoreStmt':
      return { ...s, address: exp(s.address), value: exp(s.value) };
    case 'ExprStmt':
      return { ...s, expr: exp(s.expr) };
    case 'IfStmt':
      return {
        ...s,
        cond: exp(s.cond),
        // biome-ignore lint/suspicious/noThenProperty: the AST contract names the branch `then`
        then: stmts(s.then),
        else: s.else && stmts(s.else),
      };
    case 'WhileStmt':
      return { ...s, cond: exp(s.cond), body: stmts(s.body) };
    case 'BlockStmt':
      return { ...s, body: stmts(s.body) };
    default:
      return unreachable(s);
  }
}

/** Every call in `stmts`, in source order of their end (arguments before their call). */
export function callsIn(stmts: readonly Stmt[]): CallExpr[] {
  const out: CallExpr[] = [];
  for (const s of stmts) {
    mapCalls(s, (c) => {
      out.push(c);
      return c;
    });
  }
  return out;
}
