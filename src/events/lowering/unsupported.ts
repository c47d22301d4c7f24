// Events stage (per-architecture lowering): which primitives of a test a target cannot check,
// so that the test is reported "not checked on power: synchronize_rcu" instead of guessed.
import type { Expr, LitmusTest, Stmt } from '../../litmus/ast';
import { unreachable } from '../../litmus/ast';
import type { Span } from '../../source';
import type { TargetTable } from './types';

export interface UnsupportedCall {
  readonly name: string;
  readonly why: string;
  /** The first call of that primitive in the test. */
  readonly span: Span;
}

/** The distinct unsupported primitives a test calls, in order of first appearance. */
export function unsupportedCalls(test: LitmusTest, table: TargetTable): UnsupportedCall[] {
  const found = new Map<string, UnsupportedCall>();
  const visitExpr = (e: Expr): void => {
    switch (e.kind) {
      case 'IntExpr':
      case 'RegExpr':
        return;
      case 'DerefExpr':
        return visitExpr(e.address);
      case 'CastExpr':
        return visitExpr(e.expr);
      case 'BinaryExpr':
        visitExpr(e.left);
        return visitExpr(e.right);
      case 'UnaryExpr':
        return visitExpr(e.operand);
      case 'CallExpr': {
        const row = table.rows[e.name];
        if (row?.kind === 'unsupported' && !found.has(e.name)) {
          found.set(e.name, { name: e.name, why: row.why, span: e.nameSpan });
        }
        for (const a of e.args) if (a.kind !== 'OpArg') visitExpr(a);
        return;
      }
      default:
        return unreachable(e);
    }
  };
  const visit = (s: Stmt): void => {
    switch (s.kind) {
      case 'DeclStmt':
        if (s.init) visitExpr(s.init);
        return;
      case 'AssignStmt':
        return visitExpr(s.value);
      case 'StoreStmt':
        visitExpr(s.address);
        return visitExpr(s.value);
      case 'ExprStmt':
        return visitExpr(s.expr);
      case 'IfStmt':
        visitExpr(s.cond);
        s.then.forEach(visit);
        s.else?.forEach(visit);
        return;
      case 'WhileStmt':
        visitExpr(s.cond);
        s.body.forEach(visit);
        return;
      case 'BlockStmt':
        s.body.forEach(visit);
        return;
      default:
        return unreachable(s);
    }
  };
  for (const t of test.threads) t.body.forEach(visit);
  return [...found.values()];
}

/** `not checked on power: synchronize_rcu, srcu_read_lock` */
export function notCheckedMessage(target: string, calls: readonly UnsupportedCall[]): string {
  return `not checked on ${target}: ${calls.map((c) => c.name).join(', ')}`;
}
