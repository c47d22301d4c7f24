// Advise stage: the changes the advisor tries, each a small list of edits with a cost and a
// description naming the line it touches: replacing a primitive by another form, removing a
// barrier or a lock pair, inserting a barrier.
import { type CallExpr, type Expr, printExpr, printStmt, type Stmt, unreachable } from '../litmus';
import type { SourceFile, Span } from '../source';
import type { Edit } from './edits';
import { type Form, fenceForm, macroName } from './primitives';
import type { Site, StmtRef } from './sites';

export interface Change {
  /** A site or a gap between accesses: two changes of one slot never combine. */
  readonly slot: string;
  readonly thread: number;
  readonly edits: readonly Edit[];
  /** Cost against the test as written (negative for a weakening). */
  readonly cost: number;
  /** 1-based line of the original file it touches. */
  readonly line: number;
  /** Offset in the original file, to list changes in program order. */
  readonly offset: number;
  /** What the test has there, as written (`smp_wmb()`), or undefined for an insertion. */
  readonly before?: string;
  /** What the variant has instead (`smp_mb()`), or undefined for a removal. */
  readonly after?: string;
  /** For an insertion: before or after the statement on `line`. */
  readonly inserted?: 'before' | 'after';
}

/** `smp_wmb() -> smp_mb() (line 12)`, `smp_mb() removed (line 12)`, `smp_mb() inserted before line 12`. */
export function describeChange(c: Change): string {
  if (c.before === undefined) return `${c.after} inserted ${c.inserted} line ${c.line}`;
  if (c.after === undefined) return `${c.before} removed (line ${c.line})`;
  return `${c.before} -> ${c.after} (line ${c.line})`;
}

function text(source: SourceFile, span: Span): string {
  return source.text.slice(span.start, span.end);
}

function call(name: string, args: CallExpr['args'], at: Span): CallExpr {
  return { kind: 'CallExpr', name, nameSpan: at, args, span: at };
}

/** The call `to` that does what `site`'s call does, or undefined when the arguments do not fit. */
function rewriteCall(site: Site, from: Form | undefined, to: Form): Expr | undefined {
  const node = site.node;
  let args: CallExpr['args'];
  switch (node.kind) {
    case 'call':
      args = node.call.args;
      break;
    case 'plain-load':
      args = [node.deref];
      break;
    case 'plain-store':
      args = [
        { kind: 'DerefExpr', address: node.store.address, span: node.store.span },
        node.store.value,
      ];
      break;
    default:
      return unreachable(node);
  }
  const fromFirst = from?.first ?? (node.kind === 'call' ? undefined : 'loc');
  if (fromFirst !== to.first && args.length > 0) {
    const first = args[0];
    if (fromFirst === 'loc' && to.first === 'ptr') {
      if (first.kind !== 'DerefExpr') return undefined;
      args = [first.address, ...args.slice(1)];
    } else if (fromFirst === 'ptr' && to.first === 'loc' && first.kind !== 'OpArg') {
      args = [{ kind: 'DerefExpr', address: first, span: first.span }, ...args.slice(1)];
    } else return undefined;
  }
  const made = call(macroName(to), args, site.span);
  if (!to.zeroTest) return made;
  return {
    kind: 'BinaryExpr',
    op: '==',
    left: made,
    right: { kind: 'IntExpr', value: 0, span: site.span },
    span: site.span,
  };
}

/**
 * Replacing a site's primitive (or a plain access) by another form. A void atomic becoming a
 * value-returning one (an expression macro) stores its value in `freshRegister`.
 */
export function replaceSite(
  site: Site,
  to: Form,
  source: SourceFile,
  freshRegister?: string,
): Change | undefined {
  const from = site.node.kind === 'call' ? site.node.primitive?.form : undefined;
  if (
    Boolean(to.statementOnly) !== Boolean(from?.statementOnly) &&
    !(from?.statementOnly && freshRegister)
  ) {
    return undefined;
  }
  const expr = rewriteCall(site, from, to);
  if (!expr) return undefined;
  const stmtEdit = (stmt: Stmt): Edit => ({
    kind: 'ReplaceStmt',
    target: site.stmt.stmt.span,
    stmt,
  });
  const edit: Edit =
    site.node.kind === 'plain-store'
      ? stmtEdit({ kind: 'ExprStmt', expr, span: site.span })
      : from?.statementOnly && !to.statementOnly
        ? stmtEdit({
            kind: 'DeclStmt',
            type: 'int',
            name: freshRegister!,
            init: expr,
            span: site.stmt.stmt.span,
          })
        : {
            kind: 'ReplaceExpr',
            target: site.span,
            expr,
            parenthesize: !site.topLevel && expr.kind === 'BinaryExpr',
          };
  const plainText =
    site.node.kind === 'plain-store'
      ? printStmt(site.node.store, '')[0].replace(/;$/, '')
      : undefined;
  const afterText =
    edit.kind === 'ReplaceStmt' && edit.stmt.kind === 'DeclStmt'
      ? printStmt(edit.stmt, '')[0]
      : undefined;
  return {
    slot: `site:${site.span.start}`,
    thread: site.stmt.thread,
    edits: [edit],
    cost: to.cost - (from?.cost ?? 0),
    line: source.lineCol(site.span.start).line,
    offset: site.span.start,
    before: plainText ?? text(source, site.span),
    after: afterText?.replace(/;$/, '') ?? printExpr(expr),
  };
}

/** Removing whole statements: a barrier, or both ends of a lock pair. */
export function removeStmts(stmts: readonly StmtRef[], source: SourceFile, cost: number): Change {
  const first = stmts[0].stmt.span;
  return {
    slot: `site:${first.start}`,
    thread: stmts[0].thread,
    edits: stmts.map((s) => ({ kind: 'RemoveStmt', target: s.stmt.span })),
    cost: -cost,
    line: source.lineCol(first.start).line,
    offset: first.start,
    before: stmts.map((s) => text(source, s.stmt.span).replace(/;$/, '')).join(' ... '),
  };
}

function fenceStmt(name: string, at: Span): Stmt {
  return { kind: 'ExprStmt', expr: call(name, [], at), span: at };
}

/** Inserting `name();` next to a statement; `slot` names the gap between accesses it fills. */
export function insertFence(
  name: string,
  anchor: StmtRef,
  where: 'before' | 'after',
  slot: string,
  source: SourceFile,
): Change {
  const at = anchor.stmt.span;
  return {
    slot,
    thread: anchor.thread,
    edits: [{ kind: 'InsertStmt', anchor: at, where, stmt: fenceStmt(name, at) }],
    cost: fenceForm(name).cost,
    line: source.lineCol(where === 'before' ? at.start : at.end).line,
    offset: where === 'before' ? at.start : at.end,
    after: `${name}()`,
    inserted: where,
  };
}
