// Test support (robustness): one fuzz campaign over one target: fast-check draws cases from a
// seed, each case must keep every invariant and end within its time bound.
import * as path from 'node:path';
import fc from 'fast-check';
import { caseText, describeCase, type FuzzCase, fuzzCases } from './fuzz-mutate';
import { CASE_TIME_LIMIT_MS, type FuzzTarget } from './fuzz-targets';

export interface CampaignOptions {
  readonly seed: number;
  readonly runs: number;
  /** Called before each case (the fuzz script's watchdog hears of progress this way). */
  readonly onCase?: (describe: () => string) => void;
}

export interface CampaignResult {
  readonly target: string;
  readonly runs: number;
  /** The shrunk failing case and what broke, or undefined when every case held. */
  readonly failure?: string;
  /** The slowest case, in milliseconds. */
  readonly slowestMs: number;
}

/** ORDO_NO_CACHE keeps the mutants out of the on-disk parse cache. */
function withoutParseCache<T>(run: () => T): T {
  const before = process.env.ORDO_NO_CACHE;
  process.env.ORDO_NO_CACHE = '1';
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env.ORDO_NO_CACHE;
    else process.env.ORDO_NO_CACHE = before;
  }
}

export function runCampaign(target: FuzzTarget, options: CampaignOptions): CampaignResult {
  const seeds = target.seeds();
  if (seeds.length === 0) throw new Error(`no seed files for the ${target.name} fuzzer`);
  const texts = seeds.map((s) => s.text);
  const name = (i: number) => path.relative(process.cwd(), seeds[i].path);
  let slowestMs = 0;
  // Loading grammars and models once is not a case: time cases only after it.
  target.check(seeds[0].text, seeds[0]);
  const property = fc.property(fuzzCases(seeds.length), (c: FuzzCase) => {
    options.onCase?.(() => describeCase(c, name));
    const text = caseText(c, texts);
    const seed = seeds[c.kind === 'mutant' ? c.base : 0];
    const start = performance.now();
    const problems = target.check(text, seed);
    const ms = performance.now() - start;
    slowestMs = Math.max(slowestMs, ms);
    if (ms > CASE_TIME_LIMIT_MS) problems.push(`took ${Math.round(ms)} ms`);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });
  const details = withoutParseCache(() =>
    fc.check(property, { seed: options.seed, numRuns: options.runs, endOnFailure: false }),
  );
  if (!details.failed) return { target: target.name, runs: details.numRuns, slowestMs };
  const c = details.counterexample?.[0] as FuzzCase | undefined;
  const failure = [
    `${target.name} fuzzer: seed ${details.seed}, path "${details.counterexamplePath}"`,
    c ? `case: ${describeCase(c, name)}` : 'case: (none)',
    String(
      details.errorInstance instanceof Error
        ? details.errorInstance.message
        : details.errorInstance,
    ),
  ].join('\n');
  return { target: target.name, runs: details.numRuns, failure, slowestMs };
}
