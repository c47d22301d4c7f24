// Advise stage: a fix as a patch of the test file: its edits applied to the source text as
// written (comments and layout kept), then a unified diff against the original lines.
import { printExpr, printStmt, type Stmt, unreachable } from '../litmus';
import type { SourceFile } from '../source';
import type { Hunk } from './advice';
import type { Edit } from './edits';

interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** The offset just past the line's newline (or the end of the text). */
function nextLineStart(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

const blank = (s: string) => /^[ \t]*\r?\n?$/.test(s);

function stmtText(s: Stmt): string {
  return printStmt(s, '')[0];
}

function textEdit(text: string, e: Edit): TextEdit {
  switch (e.kind) {
    case 'ReplaceExpr': {
      const printed = printExpr(e.expr);
      return {
        start: e.target.start,
        end: e.target.end,
        text: e.parenthesize ? `(${printed})` : printed,
      };
    }
    case 'ReplaceStmt':
      return { start: e.target.start, end: e.target.end, text: stmtText(e.stmt) };
    case 'RemoveStmt': {
      const from = lineStart(text, e.target.start);
      const to = nextLineStart(text, e.target.end);
      const alone = blank(text.slice(from, e.target.start)) && blank(text.slice(e.target.end, to));
      return alone
        ? { start: from, end: to, text: '' }
        : { start: e.target.start, end: e.target.end, text: '' };
    }
    case 'InsertStmt': {
      const from = lineStart(text, e.anchor.start);
      const indent = /^[ \t]*/.exec(text.slice(from))![0];
      if (e.where === 'before') {
        const at = blank(text.slice(from, e.anchor.start)) ? from : e.anchor.start;
        return {
          start: at,
          end: at,
          text: at === from ? `${indent}${stmtText(e.stmt)}\n` : `${stmtText(e.stmt)} `,
        };
      }
      const to = nextLineStart(text, e.anchor.end);
      if (blank(text.slice(e.anchor.end, to)))
        return { start: to, end: to, text: `${indent}${stmtText(e.stmt)}\n` };
      return { start: e.anchor.end, end: e.anchor.end, text: ` ${stmtText(e.stmt)}` };
    }
    default:
      return unreachable(e);
  }
}

/** The source text with the edits made, layout and comments kept. */
export function editSource(source: SourceFile, edits: readonly Edit[]): string {
  let text = source.text;
  const ordered = edits
    .map((e) => textEdit(source.text, e))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  for (const t of ordered) text = text.slice(0, t.start) + t.text + text.slice(t.end);
  return text;
}

/** Longest-common-subsequence table of two line arrays (tests are a few dozen lines). */
function commonSuffixLengths(a: readonly string[], b: readonly string[]): Uint32Array[] {
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] =
        a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  return table;
}

type Op = {
  readonly kind: ' ' | '-' | '+';
  readonly line: string;
  readonly oldNo: number;
  readonly newNo: number;
};

function diffOps(a: readonly string[], b: readonly string[]): Op[] {
  const lcs = commonSuffixLengths(a, b);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j])
      ops.push({ kind: ' ', line: a[i++], oldNo: i, newNo: ++j });
    // Deletions before insertions, as diff(1) prints them.
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1]))
      ops.push({ kind: '-', line: a[i++], oldNo: i, newNo: j });
    else ops.push({ kind: '+', line: b[j++], oldNo: i, newNo: j });
  }
  return ops;
}

/** Unified diff hunks from `before` to `after`, with `context` unchanged lines around changes. */
export function diffHunks(before: string, after: string, context = 3): Hunk[] {
  const ops = diffOps(before.split('\n'), after.split('\n'));
  const changed = ops.flatMap((o, k) => (o.kind === ' ' ? [] : [k]));
  const hunks: Hunk[] = [];
  let k = 0;
  while (k < changed.length) {
    const first = Math.max(0, changed[k] - context);
    let last = changed[k];
    while (k + 1 < changed.length && changed[k + 1] - last <= 2 * context) last = changed[++k];
    k++;
    const slice = ops.slice(first, Math.min(ops.length, last + context + 1));
    const oldCount = slice.filter((o) => o.kind !== '+').length;
    const newCount = slice.filter((o) => o.kind !== '-').length;
    // A hunk's start is the first line it shows (or the line before, when it shows none).
    const oldStart = slice.find((o) => o.kind !== '+')?.oldNo ?? slice[0].oldNo;
    const newStart = slice.find((o) => o.kind !== '-')?.newNo ?? slice[0].newNo;
    hunks.push({
      oldStart,
      oldLines: oldCount,
      newStart,
      newLines: newCount,
      lines: slice.map((o) => `${o.kind}${o.line}`),
    });
  }
  return hunks;
}
