// Advise stage: runs variants of one test (lists of changes) under a target and counts them.
import type { LitmusTest } from '../litmus';
import type { Status } from './advice';
import type { Change } from './changes';
import { statusOf, stopAtFirstFor, type VariantChecker } from './checker';
import { applyEdits } from './edits';

/** A model the advisor asks: ordo's LKMM, an architecture, SC. */
export interface AdviseTarget {
  readonly name: string;
  readonly check: VariantChecker;
}

export interface VariantStatus {
  readonly status: Status;
  readonly why?: string;
}

export class VariantRunner {
  /** Variants checked so far, every target together. */
  count = 0;

  constructor(readonly test: LitmusTest) {}

  async run(
    target: AdviseTarget,
    variants: readonly (readonly Change[])[],
  ): Promise<VariantStatus[]> {
    if (variants.length === 0) return [];
    const tests = variants.map((cs) =>
      applyEdits(
        this.test,
        cs.flatMap((c) => c.edits),
      ),
    );
    this.count += tests.length;
    const stopAtFirst = stopAtFirstFor(this.test);
    const outcomes = await target.check(tests.map((test) => ({ test, stopAtFirst })));
    return outcomes.map((o, i) => statusOf(o, tests[i]));
  }
}
