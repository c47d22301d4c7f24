// Advise stage: the sites of a test the advisor may vary: every call of a kernel primitive and
// every plain access, with the statement that holds it, in program order per thread.
import {
  type CallExpr,
  type DerefExpr,
  type Expr,
  type LitmusTest,
  type Stmt,
  type StoreStmt,
  unreachable,
} from '../litmus';
import type { Span } from '../source';
import { type Primitive, primitiveOf } from './primitives';

export interface StmtRef {
  readonly stmt: Stmt;
  readonly thread: number;
  /** The statement list that holds it, and its index there. */
  readonly list: readonly Stmt[];
  readonly index: number;
}

export type SiteNode =
  | { readonly kind: 'call'; readonly call: CallExpr; readonly primitive?: Primitive }
  | { readonly kind: 'plain-load'; readonly deref: DerefExpr }
  | { readonly kind: 'plain-store'; readonly store: StoreStmt };

export interface Site {
  readonly node: SiteNode;
  readonly stmt: StmtRef;
  readonly span: Span;
  /** The primitive as called (`smp_mb`), or `*` for a plain access. */
  readonly name: string;
  readonly reads: boolean;
  readonly writes: boolean;
  /** A barrier or critical-section marker: no access of its own. */
  readonly isFence: boolean;
  /** The call is the whole statement (`f(...);`): void forms may replace it. */
  readonly wholeStatement: boolean;
  /** Replacing it with a comparison needs no parentheses (a whole value or condition). */
  readonly topLevel: boolean;
}

export interface ThreadSites {
  readonly thread: number;
  /** Every statement, in program order (a compound statement before its body). */
  readonly stmts: readonly StmtRef[];
  /** Every site, in evaluation order. */
  readonly sites: readonly Site[];
  /** A register name the thread does not use, for the value of an atomic that had none. */
  readonly freshRegister: string;
}

/** The sites of every thread; `defined` says which macros the model's macro file has. */
export function findSites(test: LitmusTest, defined: (macro: string) => boolean): ThreadSites[] {
  return test.threads.map((t) => {
    const stmts: StmtRef[] = [];
    const sites: Site[] = [];
    const registers = new Set<string>();
    let current: StmtRef;
    const site = (node: SiteNode, span: Span, name: string, flags: Partial<Site>) => {
      sites.push({
        node,
        stmt: current,
        span,
        name,
        reads: false,
        writes: false,
        isFence: false,
        wholeStatement: false,
        topLevel: false,
        ...flags,
      });
    };

    const visitExpr = (e: Expr, topLevel: boolean, wholeStatement = false): void => {
      switch (e.kind) {
        case 'IntExpr':
        case 'RegExpr':
          break;
        case 'DerefExpr':
          visitExpr(e.address, false);
          site({ kind: 'plain-load', deref: e }, e.span, '*', { reads: true, topLevel });
          break;
        case 'CastExpr':
          visitExpr(e.expr, false);
          break;
        case 'UnaryExpr':
          visitExpr(e.operand, false);
          break;
        case 'BinaryExpr':
          visitExpr(e.left, false);
          visitExpr(e.right, false);
          break;
        case 'CallExpr': {
          const primitive = primitiveOf(e.name, defined);
          for (const [i, a] of e.args.entries()) {
            if (a.kind === 'OpArg') continue;
            // A location argument (`READ_ONCE(*x)`, any unknown macro's `*x`) is not a load.
            const location = primitive ? primitive.form.first === 'loc' && i === 0 : true;
            visitExpr(location && a.kind === 'DerefExpr' ? a.address : a, false);
          }
          const isFence = primitive
            ? ['fence', 'rcu-lock', 'rcu-unlock'].includes(primitive.role)
            : false;
          site({ kind: 'call', call: e, primitive }, e.span, e.name, {
            reads: primitive ? primitive.reads : !isFence,
            writes: primitive ? primitive.writes : !isFence,
            isFence,
            topLevel,
            wholeStatement,
          });
          break;
        }
        default:
          unreachable(e);
      }
    };

    const visitList = (list: readonly Stmt[]): void => {
      for (const [index, stmt] of list.entries()) {
        current = { stmt, thread: t.index, list, index };
        stmts.push(current);
        switch (stmt.kind) {
          case 'DeclStmt':
            registers.add(stmt.name);
            if (stmt.init) visitExpr(stmt.init, true);
            break;
          case 'AssignStmt':
            registers.add(stmt.name);
            visitExpr(stmt.value, true);
            break;
          case 'StoreStmt':
            visitExpr(stmt.address, false);
            visitExpr(stmt.value, false);
            site({ kind: 'plain-store', store: stmt }, stmt.span, '*', { writes: true });
            break;
          case 'ExprStmt':
            visitExpr(stmt.expr, true, stmt.expr.kind === 'CallExpr');
            break;
          case 'IfStmt':
            visitExpr(stmt.cond, true);
            visitList(stmt.then);
            if (stmt.else) visitList(stmt.else);
            break;
          case 'WhileStmt':
            visitExpr(stmt.cond, true);
            visitList(stmt.body);
            break;
          case 'BlockStmt':
            visitList(stmt.body);
            break;
          default:
            unreachable(stmt);
        }
      }
    };
    visitList(t.body);
    let n = 0;
    while (registers.has(`r${n}`)) n++;
    return { thread: t.index, stmts, sites, freshRegister: `r${n}` };
  });
}

/** The sites held by a statement itself (for `if`/`while`, by its condition). */
export function sitesOf(thread: ThreadSites, stmt: StmtRef): Site[] {
  return thread.sites.filter((s) => s.stmt.stmt === stmt.stmt);
}

/** A statement that accesses memory itself (not only in a nested body). */
export function isAccessStmt(thread: ThreadSites, stmt: StmtRef): boolean {
  return sitesOf(thread, stmt).some((s) => !s.isFence);
}

/** A statement that is only a barrier call: `smp_mb();`. */
export function isFenceStmt(thread: ThreadSites, stmt: StmtRef): boolean {
  const own = sitesOf(thread, stmt);
  return stmt.stmt.kind === 'ExprStmt' && own.length > 0 && own.every((s) => s.isFence);
}
