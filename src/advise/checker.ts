// Advise stage: how variants reach the ordinary checker. The advisor hands over batches of
// variant tests; a checker runs them in this thread or on workers, each stopping at its first
// execution that reaches the outcome.
import { type CheckOptions, checkTest, type TestResult } from '../enumerate';
import type { CompiledModel } from '../interp';
import type { LitmusTest, MacroFile } from '../litmus';
import { hasErrors, UserError } from '../source';
import type { Status } from './advice';

export interface CheckRequest {
  readonly test: LitmusTest;
  readonly stopAtFirst?: CheckOptions['stopAtFirst'];
}

export type VariantOutcome =
  | { readonly kind: 'checked'; readonly result: TestResult }
  | { readonly kind: 'not-checked'; readonly why: string };

/** Checks a batch of variants; outcomes come back in request order. */
export type VariantChecker = (requests: readonly CheckRequest[]) => Promise<VariantOutcome[]>;

/** One variant through the ordinary checker; a failure makes it "not checked", with the reason. */
export function checkVariant(
  request: CheckRequest,
  macros: MacroFile,
  model: CompiledModel,
  options: Omit<CheckOptions, 'stopAtFirst'>,
): VariantOutcome {
  try {
    const result = checkTest(request.test, macros, model, {
      ...options,
      stopAtFirst: request.stopAtFirst,
    });
    return { kind: 'checked', result };
  } catch (e) {
    const why =
      e instanceof UserError
        ? e.diagnostic.message
        : `internal error in ordo: ${e instanceof Error ? e.message : String(e)}`;
    return { kind: 'not-checked', why };
  }
}

/** A checker running in this thread, with the model compiled once. */
export function inThreadChecker(
  macros: MacroFile,
  model: CompiledModel,
  options: Omit<CheckOptions, 'stopAtFirst'>,
): VariantChecker {
  return async (requests) => requests.map((r) => checkVariant(r, macros, model, options));
}

/** Executions that reach the outcome: the proposition holds, or fails for `forall`. */
export function stopAtFirstFor(test: LitmusTest): CheckOptions['stopAtFirst'] {
  return test.condition?.quantifier === 'forall' ? 'unsatisfied' : 'satisfied';
}

export function statusOf(
  outcome: VariantOutcome,
  test: LitmusTest,
): { status: Status; why?: string } {
  if (outcome.kind === 'not-checked') return { status: 'unknown', why: outcome.why };
  const r = outcome.result;
  const firstError = r.diagnostics.find((d) => d.severity === 'error');
  if (hasErrors(r.diagnostics)) return { status: 'unknown', why: firstError?.message };
  const reached = test.condition?.quantifier === 'forall' ? r.unsatisfied > 0 : r.satisfied > 0;
  if (reached) return { status: 'allowed' };
  if (r.limit) return { status: 'unknown', why: `limit reached (${r.limit})` };
  return { status: r.flags.includes('data-race') ? 'racy' : 'forbidden' };
}
