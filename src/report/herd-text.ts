// Report stage: herd7's text block for one checked test, byte for byte as herd 7.58 prints it.
import type { TestResult } from '../enumerate/result';
import { formatStates } from './states';
import { verdictOf } from './verdict';

/** What the report needs of a checked test: its result plus two facts from its AST. */
export interface TestReport {
  readonly result: TestResult;
  /** The condition as herd re-prints it (formatCondition), e.g. `exists ([x]=1)`. */
  readonly condition: string;
  /** 32 hex digits (see test-hash.ts). */
  readonly hash: string;
}

/**
 * The block ends with an empty line, as herd's does. A test stopped by a limit keeps the
 * block's shape so that log readers still find it, but says so where herd puts Ok/No and
 * has `Limit` for its Observation word: partial counts never pass for a verdict.
 */
export function formatHerdText(report: TestReport): string {
  const r = report.result;
  const name = herdTestName(r.name);
  const v = verdictOf(r);
  const states = formatStates(r.states);
  const lines = [`Test ${name} ${r.kind}`, `States ${states.length}`, ...states];
  if (r.limit) lines.push(`Limit reached: ${r.limit}`);
  else lines.push(`${r.loop ? 'Loop ' : ''}${v.validation}`);
  lines.push('Witnesses', `Positive: ${v.positive} Negative: ${v.negative}`);
  for (const flag of sortedFlags(r.flags)) lines.push(`Flag ${flag}`);
  lines.push(`Condition ${report.condition}`);
  const word = r.limit ? 'Limit' : v.observation;
  lines.push(`Observation ${name} ${word} ${r.satisfied} ${r.unsatisfied}`);
  lines.push(`Time ${name} ${(r.timeMs / 1000).toFixed(2)}`);
  lines.push(`Hash=${report.hash}`, '', '');
  return lines.join('\n');
}

/** herd drops a `.litmus` suffix from the name in the header (`C AlanStern.2018.01.11a.litmus`). */
export function herdTestName(name: string): string {
  return name.endsWith('.litmus') ? name.slice(0, -'.litmus'.length) : name;
}

/** herd keeps flags in a set of names, hence alphabetical order and no duplicates. */
export function sortedFlags(flags: readonly string[]): string[] {
  return [...new Set(flags)].sort();
}
