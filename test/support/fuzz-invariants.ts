// Test support (robustness): what must hold of any stage's answer to any input: diagnostics
// with valid positions and stable codes, an error whenever there is no value, no internal error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Diagnostic, formatDiagnostic, SourceFile } from '../../src/source';

/** Files named in diagnostics that are not files: a position there must be 0. */
const PSEUDO_FILES = new Set(['<command line>', 'ordo settings']);

/** The texts diagnostics may point into: the fuzzed input first, then files on disk. */
export class KnownTexts {
  private readonly texts = new Map<string, string | undefined>();

  constructor(given: Readonly<Record<string, string>> = {}) {
    for (const [file, text] of Object.entries(given)) this.texts.set(file, text);
  }

  text(file: string): string | undefined {
    if (!this.texts.has(file)) {
      let text: string | undefined;
      try {
        text = path.isAbsolute(file) ? fs.readFileSync(file, 'utf8') : undefined;
      } catch {
        text = undefined;
      }
      this.texts.set(file, text);
    }
    return this.texts.get(file);
  }

  private readonly sources = new Map<string, SourceFile>();

  /** One SourceFile per file: its line index is built once, however many diagnostics. */
  readonly lookup = (file: string): SourceFile | undefined => {
    const text = this.text(file);
    if (text === undefined) return undefined;
    const known = this.sources.get(file);
    if (known) return known;
    const src = new SourceFile(file, text);
    this.sources.set(file, src);
    return src;
  };
}

const CODE = /^[a-z][a-z0-9-]*\/[a-z0-9-]+$/;

/** Every way these diagnostics break the rules; empty when they are fine. */
export function diagnosticProblems(
  diagnostics: readonly Diagnostic[],
  known: KnownTexts,
): string[] {
  const problems: string[] = [];
  for (const d of diagnostics) {
    const where = `${d.code} '${d.message.slice(0, 120)}' at ${d.span.file}:${d.span.start}-${d.span.end}`;
    if (!CODE.test(d.code)) problems.push(`bad code: ${where}`);
    if (/internal/.test(d.code) || /internal error/.test(d.message)) {
      problems.push(`internal error: ${where}`);
    }
    if (!['error', 'warning', 'info'].includes(d.severity)) problems.push(`bad severity: ${where}`);
    if (d.message.trim() === '') problems.push(`empty message: ${where}`);
    const spans = [d.span, ...(d.related ?? []).map((r) => r.span)];
    for (const s of spans) {
      const problem = spanProblem(s, known);
      if (problem) problems.push(`${problem}: ${where}`);
    }
    try {
      formatDiagnostic(d, known.lookup);
    } catch (e) {
      problems.push(`printing failed (${(e as Error).message}): ${where}`);
    }
  }
  return problems;
}

function spanProblem(s: Diagnostic['span'], known: KnownTexts): string | undefined {
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return 'non-integer span';
  if (s.start < 0 || s.end < s.start) return 'inverted or negative span';
  if (PSEUDO_FILES.has(s.file)) return s.end === 0 ? undefined : 'position in a pseudo-file';
  const text = known.text(s.file);
  if (text === undefined) return 'span in an unknown file';
  return s.end <= text.length ? undefined : `span past the end (${text.length} chars)`;
}

/** A stage that gave no value must say why with an error. */
export function silentFailure(
  value: unknown,
  diagnostics: readonly Diagnostic[],
): string | undefined {
  return value === undefined && !diagnostics.some((d) => d.severity === 'error')
    ? 'no value and no error'
    : undefined;
}

/** A thrown exception, described for a failure report (first frames only). */
export function describeThrown(e: unknown): string {
  if (!(e instanceof Error)) return `threw ${String(e)}`;
  const frames = (e.stack ?? '').split('\n').slice(1, 6).join('\n');
  return `threw ${e.constructor.name}: ${e.message}\n${frames}`;
}
