// Advise stage: the advisor's findings for one test (the contract between src/advise/, which
// computes them, and src/report/advice-*.ts, which prints them). Lines are 1-based lines of
// the test file as written.

/**
 * The bad outcome (the condition's proposition; its negation for `forall`) under one model:
 * forbidden, allowed, forbidden but only with a data race, or not known (limit, error, a
 * primitive the target cannot lower).
 */
export type Status = 'forbidden' | 'allowed' | 'racy' | 'unknown';

export interface TargetStatus {
  readonly target: string;
  readonly status: Status;
  /** Why the status is unknown. */
  readonly why?: string;
}

export type ElementKind = 'barrier' | 'annotation' | 'rmw' | 'lock';

/** Whether the outcome stays forbidden without an element (its weakest form). */
export type Necessity = 'necessary' | 'redundant' | 'not-varied' | 'unknown';

export interface ElementAdvice {
  /** `e1`, `e2`... in program order. */
  readonly id: string;
  readonly kind: ElementKind;
  readonly thread: number;
  readonly line: number;
  /** As written: `smp_mb()`, `spin_lock(l) ... spin_unlock(l)`. */
  readonly text: string;
  /** `full barrier`, `relaxed RMW`, ... */
  readonly ordering: string;
  /** Under the first target, all other elements kept. */
  readonly necessity: Necessity;
  /** Every weaker form tried, weakest last, with the variant's status. */
  readonly weakenings: readonly { readonly form: string; readonly status: Status }[];
  /** For a necessary element: the weakest forms that still forbid the outcome. */
  readonly sufficient: readonly string[];
  /** Strengthening one other site of its thread that makes it redundant (`xchg_relaxed(pte, 0) -> xchg(pte, 0) (line 7)`). */
  readonly replacements: readonly string[];
  /** Its necessity under each other target. */
  readonly targets: readonly {
    readonly target: string;
    readonly necessity: Necessity;
    readonly why?: string;
  }[];
}

export type DependencyKind = 'addr' | 'data' | 'ctrl';

export interface DependencyAdvice {
  readonly kind: DependencyKind;
  readonly thread: number;
  readonly fromLine: number;
  readonly toLine: number;
  /** The load the dependency starts from and the access it reaches, as written. */
  readonly from: string;
  readonly to: string;
}

/** A unified diff hunk over the test file (`@@ -oldStart,oldLines +newStart,newLines @@`). */
export interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  /** Each line prefixed with ' ', '-' or '+'. */
  readonly lines: readonly string[];
}

export interface FixAdvice {
  /** The cost model's total for its changes (see COST in primitives.ts). */
  readonly cost: number;
  readonly changes: readonly {
    readonly line: number;
    readonly thread: number;
    readonly description: string;
  }[];
  readonly hunks: readonly Hunk[];
  /** The fixed test under each other target. */
  readonly targets: readonly TargetStatus[];
  /** For the best fix: elements of the test it makes redundant (ids). */
  readonly makesRedundant?: readonly string[];
}

export interface Advice {
  readonly file: string;
  readonly test: string;
  /** The condition as written: `exists (0:r0=0 /\ 1:r2=1)`. */
  readonly condition: string;
  /** The test as written under each target, the first one being the one analysed. */
  readonly targets: readonly TargetStatus[];
  /** The outcome under sequential consistency (allowed there: a logic race, no barrier helps). */
  readonly sc?: Status;
  readonly elements: readonly ElementAdvice[];
  readonly dependencies: readonly DependencyAdvice[];
  /** Forbidden test: the minimal sets of elements that, the others at their weakest, still forbid it. */
  readonly minimalSets: readonly (readonly string[])[];
  /** False when the set search hit its budget (sets with more elements were not tried). */
  readonly minimalSetsComplete: boolean;
  /** Allowed test: the cheapest fixes found, best first. */
  readonly fixes: readonly FixAdvice[];
  /** Allowed test: the largest number of changes combined, and whether the budget cut the search. */
  readonly fixSearch?: { readonly maxChanges: number; readonly complete: boolean };
  /** Variants checked, all targets together. */
  readonly variants: number;
  readonly timeMs: number;
}
