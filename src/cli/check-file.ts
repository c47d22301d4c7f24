// CLI adapter: one input file through the pipeline (parse, check, report data), never throwing.
import * as fs from 'node:fs';
import { type CheckOptions, checkTest } from '../enumerate';
import { parseLitmus } from '../litmus';
import { formatCondition, type GraphPlan, requestFor, type TestOutcome, testHash } from '../report';
import { cachedParse, type Diagnostic, error, hasErrors, span, UserError } from '../source';
import { LITMUS_CODE, type LoadedSetup } from './load-setup';

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

/** With a graph plan, the outcome's result also carries the graphs it selects (outcomeGraphs). */
export function checkFile(
  file: string,
  loaded: LoadedSetup,
  limits: CheckLimits,
  graphs?: GraphPlan,
): TestOutcome {
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
    // Kernel scripts run the same tests again and again, one process each: a cached parse
    // spares such a run building the litmus parser.
    const parsed = cachedParse(parseLitmus, text, file, LITMUS_CODE);
    const test = parsed.value;
    if (!test || hasErrors(parsed.diagnostics)) {
      return { file, name: test?.name ?? headerName(text), diagnostics: parsed.diagnostics };
    }
    const options = checkOptions(loaded, limits);
    const result = checkTest(
      test,
      loaded.macros,
      loaded.model,
      graphs ? { ...options, graphs: requestFor(graphs, test.condition?.quantifier) } : options,
    );
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
