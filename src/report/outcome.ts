// Report stage: what a batch knows about one input file once it has been processed.
import { type Diagnostic, hasErrors } from '../source';
import type { TestReport } from './herd-text';

export interface TestOutcome {
  readonly file: string;
  /** The test's name, when its header could be read. */
  readonly name?: string;
  /** Present when the test was checked (possibly with a limit reached). */
  readonly report?: TestReport;
  /** Every diagnostic for this file: parsing, checking (the result's own), warnings. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A failed test has no report or an error diagnostic: it prints no herd block. */
export function outcomeFailed(o: TestOutcome): boolean {
  return !o.report || hasErrors(o.diagnostics);
}
