// Report stage: `--json`, one JSON object per test and per line, with a fixed set of keys.
import type { LimitReached } from '../enumerate/result';
import type { Diagnostic, SourceLookup } from '../source';
import { herdTestName, sortedFlags } from './herd-text';
import { outcomeFailed, type TestOutcome } from './outcome';
import { sortedStates } from './states';
import { verdictOf } from './verdict';

export interface JsonProblem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly code: string;
  readonly message: string;
}

/**
 * Every key is always present, in this order (null when not known), so that consumers
 * can rely on the shape. Counts are herd's `Witnesses` numbers (swapped for `~exists`).
 */
export interface JsonTestRecord {
  readonly name: string | null;
  readonly file: string;
  readonly model: string;
  readonly kind: 'Allowed' | 'Forbidden' | 'Required' | null;
  /** Observation word, `limit` when a limit stopped the test, `error` when it could not run. */
  readonly verdict: 'Never' | 'Sometimes' | 'Always' | 'limit' | 'error';
  readonly ok: boolean | null;
  readonly positive: number | null;
  readonly negative: number | null;
  /** Distinct final states in herd's order, location -> value as herd prints them. */
  readonly states: readonly Readonly<Record<string, string>>[];
  readonly flags: readonly string[];
  readonly limit: LimitReached | null;
  readonly timeMs: number | null;
  readonly errors: readonly JsonProblem[];
  readonly warnings: readonly JsonProblem[];
}

export function toJsonRecord(o: TestOutcome, model: string, lookup: SourceLookup): JsonTestRecord {
  const problems = (severity: Diagnostic['severity']) =>
    o.diagnostics.filter((d) => d.severity === severity).map((d) => toProblem(d, lookup));
  const failed = outcomeFailed(o);
  const r = failed ? undefined : o.report?.result;
  const v = r && verdictOf(r);
  const name = o.report?.result.name ?? o.name;
  return {
    name: name === undefined ? null : herdTestName(name),
    file: o.file,
    model,
    kind: r?.kind ?? null,
    verdict: !r || !v ? 'error' : r.limit ? 'limit' : v.observation,
    ok: r && !r.limit ? v!.ok : null,
    positive: v?.positive ?? null,
    negative: v?.negative ?? null,
    states: r ? sortedStates(r.states).map((entries) => Object.fromEntries(entries)) : [],
    flags: r ? sortedFlags(r.flags) : [],
    limit: r?.limit ?? null,
    timeMs: r ? Math.round(r.timeMs) : null,
    errors: problems('error'),
    warnings: problems('warning'),
  };
}

function toProblem(d: Diagnostic, lookup: SourceLookup): JsonProblem {
  const { line, col } = lookup(d.span.file)?.lineCol(d.span.start) ?? { line: 0, col: 0 };
  return { file: d.span.file, line, col, code: d.code, message: d.message };
}

export function formatJsonLine(o: TestOutcome, model: string, lookup: SourceLookup): string {
  return `${JSON.stringify(toJsonRecord(o, model, lookup))}\n`;
}
