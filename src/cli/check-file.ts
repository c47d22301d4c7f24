// CLI adapter: one input file through the pipeline (parse, check, report data), never throwing.
import * as fs from 'node:fs';
import { type CheckOptions, checkTest } from '../enumerate';
import { parseLitmus } from '../litmus';
import { formatCondition, type TestOutcome, testHash } from '../report';
import { type Diagnostic, error, hasErrors, span, UserError } from '../source';
import type { LoadedSetup } from './load-setup';

/** Per-test limits of a batch (absent = none). */
export interface CheckLimits {
  readonly timeoutMs?: number;
  readonly maxCandidates?: number;
  readonly maxEvents?: number;
}

/** What checkTest needs from a batch's setup and limits. */
export function checkOptions(loaded: LoadedSetup, limits: CheckLimits): CheckOptions {
  return {
    variants: loaded.setup.variants,
    unroll: loaded.setup.unroll,
    timeoutMs: limits.timeoutMs,
    maxCandidates: limits.maxCandidates,
    maxEvents: limits.maxEvents,
  };
}

export function checkFile(file: string, loaded: LoadedSetup, limits: CheckLimits): TestOutcome {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      file,
      diagnostics: [error('run/unreadable', `cannot read ${file}: ${why}`, span(file, 0, 0))],
    };
  }
  try {
    const parsed = parseLitmus(text, file);
    const test = parsed.value;
    if (!test || hasErrors(parsed.diagnostics)) {
      return { file, name: test?.name ?? headerName(text), diagnostics: parsed.diagnostics };
    }
    const result = checkTest(test, loaded.macros, loaded.model, checkOptions(loaded, limits));
    return {
      file,
      name: test.name,
      report: { result, condition: formatCondition(test.condition), hash: testHash(test) },
      diagnostics: [...parsed.diagnostics, ...result.diagnostics],
    };
  } catch (e) {
    return { file, diagnostics: [failure(e, file)] };
  }
}

/** The name in a test's first line (`C name`), for reports on a test that did not parse. */
function headerName(text: string): string | undefined {
  return /^\s*\S+[ \t]+(\S+)/.exec(text)?.[1];
}

/** A user error escaping a stage keeps its position; anything else is ordo's bug, said so. */
function failure(e: unknown, file: string): Diagnostic {
  if (e instanceof UserError) return e.diagnostic;
  const message = e instanceof Error ? e.message : String(e);
  const stack = process.env.ORDO_DEBUG && e instanceof Error ? `\n${e.stack}` : '';
  return error(
    'run/internal-error',
    `internal error in ordo: ${message}${stack}`,
    span(file, 0, 0),
  );
}
