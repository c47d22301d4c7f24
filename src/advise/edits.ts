// Advise stage: a variant of a test is a list of edits of its AST, addressed by the spans of
// the nodes they change; applying them gives the test the ordinary checker runs.
import { type Expr, type LitmusTest, type Stmt, type Thread, unreachable } from '../litmus';
import type { Span } from '../source';

export type Edit =
  /** Replace an expression (a call, a plain load) wherever it is. */
  | {
      readonly kind: 'ReplaceExpr';
      readonly target: Span;
      readonly expr: Expr;
      readonly parenthesize: boolean;
    }
  | { readonly kind: 'ReplaceStmt'; readonly target: Span; readonly stmt: Stmt }
  | { readonly kind: 'RemoveStmt'; readonly target: Span }
  | {
      readonly kind: 'InsertStmt';
      readonly anchor: Span;
      readonly where: 'before' | 'after';
      readonly stmt: Stmt;
    };

function same(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

/** The test with every edit applied; edits address nodes of `test` itself. */
export function applyEdits(test: LitmusTest, edits: readonly Edit[]): LitmusTest {
  if (edits.length === 0) return test;
  const find = <K extends Edit['kind']>(kind: K, at: Span, where?: 'before' | 'after') =>
    edits.filter(
      (e): e is Extract<Edit, { kind: K }> =>
        e.kind === kind &&
        (e.kind === 'InsertStmt'
          ? same(e.anchor, at) && e.where === where
          : same((e as { target: Span }).target, at)),
    );

  const mapExpr = (e: Expr): Expr => {
    const replaced = find('ReplaceExpr', e.span)[0];
    if (replaced) return replaced.expr;
    switch (e.kind) {
      case 'IntExpr':
      case 'RegExpr':
        return e;
      case 'DerefExpr':
        return { ...e, address: mapExpr(e.address) };
      case 'CastExpr':
        return { ...e, expr: mapExpr(e.expr) };
      case 'UnaryExpr':
        return { ...e, operand: mapExpr(e.operand) };
      case 'BinaryExpr':
        return { ...e, left: mapExpr(e.left), right: mapExpr(e.right) };
      case 'CallExpr':
        return { ...e, args: e.args.map((a) => (a.kind === 'OpArg' ? a : mapExpr(a))) };
      default:
        return unreachable(e);
    }
  };

  const mapStmt = (s: Stmt): Stmt => {
    const replaced = find('ReplaceStmt', s.span)[0];
    if (replaced) return replaced.stmt;
    switch (s.kind) {
      case 'DeclStmt':
        return s.init ? { ...s, init: mapExpr(s.init) } : s;
      case 'AssignStmt':
        return { ...s, value: mapExpr(s.value) };
      case 'StoreStmt':
        return { ...s, address: mapExpr(s.address), value: mapExpr(s.value) };
      case 'ExprStmt':
        return { ...s, expr: mapExpr(s.expr) };
      case 'IfStmt':
        return {
          ...s,
          cond: mapExpr(s.cond),
          // biome-ignore lint/suspicious/noThenProperty: the AST contract names the branch `then`
          then: mapList(s.then),
          ...(s.else ? { else: mapList(s.else) } : {}),
        };
      case 'WhileStmt':
        return { ...s, cond: mapExpr(s.cond), body: mapList(s.body) };
      case 'BlockStmt':
        return { ...s, body: mapList(s.body) };
      default:
        return unreachable(s);
    }
  };

  const mapList = (list: readonly Stmt[]): Stmt[] =>
    list.flatMap((s) => [
      ...find('InsertStmt', s.span, 'before').map((e) => e.stmt),
      ...(find('RemoveStmt', s.span).length > 0 ? [] : [mapStmt(s)]),
      ...find('InsertStmt', s.span, 'after').map((e) => e.stmt),
    ]);

  const mapThread = (t: Thread): Thread => ({ ...t, body: mapList(t.body) });
  return { ...test, threads: test.threads.map(mapThread) };
}
