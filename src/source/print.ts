// Source stage: the one printer of diagnostics: `file:line:col: severity: message`, the line, a caret.
import type { Diagnostic } from './diagnostic';
import type { SourceFile } from './span';

export type SourceLookup = (path: string) => SourceFile | undefined;

export function formatDiagnostic(d: Diagnostic, lookup: SourceLookup): string {
  const src = lookup(d.span.file);
  if (!src) return `${d.span.file}: ${d.severity}: ${d.message}`;
  const { line, col } = src.lineCol(d.span.start);
  const text = src.lineText(line);
  const endLc = src.lineCol(Math.max(d.span.start, d.span.end));
  const width =
    endLc.line === line ? Math.max(1, endLc.col - col) : Math.max(1, text.length - col + 1);
  const gutter = `${line} | `;
  const pad = ' '.repeat(gutter.length) + text.slice(0, col - 1).replace(/[^\t]/g, ' ');
  return `${d.span.file}:${line}:${col}: ${d.severity}: ${d.message}\n${gutter}${text}\n${pad}${'^'.repeat(width)}`;
}
