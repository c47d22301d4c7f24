// Events stage (per-architecture lowering): the table interpreter. Rewrites the LKMM's own
// macro file (lkmm.def) into a target's: each primitive keeps the shape linux-kernel.def gives
// it (which internal access, which operands) and takes the target row's annotations instead of
// the LKMM's. A row's barriers become fence events when the row has no access; around an
// access they become `Pre-`/`Post-` tags on it, which the architecture models read as that
// barrier right before the access's first event or right after its last one (so the barrier
// after a cmpxchg that the kernel skips on failure vanishes with the failed RMW's write).
import type { CallExpr, Expr, Macro, MacroFile, Stmt } from '../../litmus/ast';
import type { Span } from '../../source';
import type { Fence, Lowered, Row, Step, TargetTable } from './types';
import { callsIn, mapCalls, mapCallsInExpr } from './walk';

/** The tag an access carries for a barrier the kernel emits right before it. */
export function preTag(f: Fence): string {
  return `Pre-${f}`;
}

/** The tag an access carries for a barrier the kernel emits right after it. */
export function postTag(f: Fence): string {
  return `Post-${f}`;
}

/** A row's steps around its access (all steps are `before` when it has none). */
export interface RowShape {
  readonly before: readonly Fence[];
  readonly access?: Extract<Step, { kind: 'access' }>;
  readonly after: readonly Fence[];
}

export function rowShape(row: Lowered): RowShape {
  const at = row.steps.findIndex((s) => s.kind === 'access');
  const fences = (steps: readonly Step[]) =>
    steps.flatMap((s) => (s.kind === 'fence' ? [s.fence] : []));
  if (at < 0) return { before: fences(row.steps), after: [] };
  const access = row.steps[at] as Extract<Step, { kind: 'access' }>;
  return { before: fences(row.steps.slice(0, at)), access, after: fences(row.steps.slice(at + 1)) };
}

/** The tag of an access with no annotation: herd's `__load{t}(*p)` form needs a tag. */
export const PLAIN_TAG = 'plain';

/** Every tag a row puts on its access. */
export function accessTags(shape: RowShape): string[] {
  const tags = [
    ...(shape.access?.ann ?? []),
    ...shape.before.map(preTag),
    ...shape.after.map(postTag),
  ];
  return tags.length > 0 ? tags : [PLAIN_TAG];
}

/**
 * The target's macro file: one macro per lowered row, none for unsupported primitives (callers
 * report those per test, see unsupportedCalls). Throws on a row that does not fit its
 * primitive's shape: that is a bug in a table, which the tests catch.
 */
export function targetMacros(table: TargetTable, lkmm: MacroFile): MacroFile {
  const macros: Macro[] = [];
  for (const m of lkmm.macros) {
    const row: Row | undefined = table.rows[m.name];
    if (row?.kind !== 'lowered') continue;
    macros.push(lowerMacro(m, rowShape(row), table.id));
  }
  const file = `${lkmm.span.file} (${table.id})`;
  return { kind: 'MacroFile', macros, span: { ...lkmm.span, file } };
}

const FENCE = '__fence';

function lowerMacro(m: Macro, shape: RowShape, target: string): Macro {
  const bug = (why: string) => new Error(`${target} row for ${m.name}: ${why}`);
  if (!shape.access) {
    if (m.body.kind !== 'StmtBody') throw bug('an expression primitive needs an access step');
    return {
      ...m,
      body: { kind: 'StmtBody', body: shape.before.map((f) => fenceStmt(f, m.span)) },
    };
  }
  const tags = accessTags(shape);
  const retag = (c: CallExpr): Expr => (isAccess(c) ? { ...c, tags } : c);
  if (m.body.kind === 'ExprBody') {
    const expr = m.body.expr;
    if (!callsIn([{ kind: 'ExprStmt', expr, span: m.span }]).some(isAccess)) {
      throw bug('linux-kernel.def gives it no access');
    }
    return { ...m, body: { kind: 'ExprBody', expr: mapCallsInExpr(expr, retag) } };
  }
  // The LKMM's own barriers (smp_store_mb's smp_mb()) are replaced by the row's.
  const body = m.body.body.filter((s) => !isFenceStmt(s)).map((s) => mapCalls(s, retag));
  if (!callsIn(body).some(isAccess)) throw bug('linux-kernel.def gives it no access');
  return { ...m, body: { kind: 'StmtBody', body } };
}

function fenceStmt(f: Fence, span: Span): Stmt {
  const call: CallExpr = {
    kind: 'CallExpr',
    name: FENCE,
    nameSpan: span,
    tags: [f],
    args: [],
    span,
  };
  return { kind: 'ExprStmt', expr: call, span };
}

function isFenceStmt(s: Stmt): boolean {
  return s.kind === 'ExprStmt' && s.expr.kind === 'CallExpr' && s.expr.name === FENCE;
}

function isAccess(e: Expr): e is CallExpr {
  return e.kind === 'CallExpr' && e.name.startsWith('__') && e.name !== FENCE;
}
