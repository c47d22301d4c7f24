// LSP adapter: ordo spans and diagnostics as LSP ranges and diagnostics (0-based lines, UTF-16 columns).
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  type Location,
  type Diagnostic as LspDiagnostic,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { unreachable } from '../litmus/ast';
import type { Diagnostic, Severity, SourceLookup, Span } from '../source';

/** The document being published, with the file name its spans carry. */
export interface SpanTarget {
  readonly doc: TextDocument;
  readonly file: string;
}

export function toRange(doc: TextDocument, span: Pick<Span, 'start' | 'end'>): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(Math.max(span.start, span.end)) };
}

/**
 * A diagnostic in another file (an included model, the `.def`) is shown on the document's
 * first line, its message prefixed with where it really is, and linked there.
 */
export function toLspDiagnostic(
  d: Diagnostic,
  target: SpanTarget,
  lookup: SourceLookup,
): LspDiagnostic {
  const here = d.span.file === target.file;
  const where = here ? undefined : locate(d.span, lookup);
  const message = here ? d.message : `${where?.label ?? d.span.file}: ${d.message}`;
  const related = (d.related ?? []).map((r) => ({
    message: r.message,
    location:
      r.span.file === target.file
        ? { uri: target.doc.uri, range: toRange(target.doc, r.span) }
        : locate(r.span, lookup)?.location,
  }));
  if (where) related.unshift({ message: d.message, location: where.location });
  const relatedInformation = related.flatMap((r) =>
    r.location ? [{ message: r.message, location: r.location }] : [],
  );
  return {
    range: here ? toRange(target.doc, d.span) : { start: origin, end: origin },
    severity: toSeverity(d.severity),
    code: d.code,
    source: 'ordo',
    message,
    ...(relatedInformation.length > 0 ? { relatedInformation } : {}),
  };
}

const origin = { line: 0, character: 0 };

function toSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    default:
      return unreachable(s);
  }
}

function locate(span: Span, lookup: SourceLookup): { label: string; location?: Location } {
  const src = lookup(span.file);
  if (!src) return { label: span.file };
  const s = src.lineCol(span.start);
  const e = src.lineCol(Math.max(span.start, span.end));
  const range = {
    start: { line: s.line - 1, character: s.col - 1 },
    end: { line: e.line - 1, character: e.col - 1 },
  };
  return {
    label: `${span.file}:${s.line}:${s.col}`,
    location: { uri: pathToFileURL(span.file).href, range },
  };
}
