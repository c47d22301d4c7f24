// Advise stage: the barrier advisor for one test. Forbidden outcome: which ordering elements
// are necessary, which redundant, which sets suffice. Allowed outcome: the cheapest fixes.
// Every claim comes from running a variant of the test through the ordinary checker.
import { type LitmusTest, unreachable } from '../litmus';
import type { SourceFile } from '../source';
import type { Advice, ElementAdvice, FixAdvice, TargetStatus } from './advice';
import { fixCandidates, strengthenings } from './candidates';
import { type Change, describeChange } from './changes';
import { findDependencies } from './dependencies';
import { type Element, findElements, weakestOf } from './elements';
import { searchFixes } from './fixes';
import { analyseNecessity } from './necessity';
import { diffHunks, editSource } from './patch';
import { findSites, type ThreadSites } from './sites';
import { type AdviseTarget, VariantRunner } from './variants';

export interface AdviseOptions {
  /** Fixes to report for an allowed outcome. */
  readonly maxFixes: number;
  /** The most changes one fix may combine. */
  readonly maxChanges: number;
  /** Variants the fix search may check. */
  readonly maxVariants: number;
  /** Variants the minimal-set search may check. */
  readonly maxSetVariants: number;
  /** Variants sent to the checker at once. */
  readonly batch: number;
}

export const DEFAULT_ADVISE_OPTIONS: AdviseOptions = {
  maxFixes: 3,
  maxChanges: 3,
  maxVariants: 3000,
  maxSetVariants: 256,
  batch: 32,
};

export interface AdviseInput {
  readonly source: SourceFile;
  readonly test: LitmusTest;
  /** Whether the model's macro file defines a macro: forms it lacks are never proposed. */
  readonly defined: (macro: string) => boolean;
  /** The models to ask, the first one analysed; the others are compared with it. */
  readonly targets: readonly AdviseTarget[];
  /** Sequential consistency, to tell a logic race (no barrier helps) from a missing barrier. */
  readonly sc?: AdviseTarget;
}

function listedElement(e: Element): ElementAdvice {
  const { id, kind, thread, line, text, ordering } = e;
  return {
    id,
    kind,
    thread,
    line,
    text,
    ordering,
    necessity: 'not-varied',
    weakenings: [],
    sufficient: [],
    replacements: [],
    targets: [],
  };
}

/** The elements of the test that each become redundant once `fix` is made. */
async function madeRedundant(
  runner: VariantRunner,
  target: AdviseTarget,
  elements: readonly Element[],
  fix: readonly Change[],
): Promise<string[]> {
  const candidates = elements.filter((e) => {
    const w = weakestOf(e);
    return w && !fix.some((c) => c.slot === w.slot || c.offset === e.offset);
  });
  const statuses = await runner.run(
    target,
    candidates.map((e) => [...fix, weakestOf(e)!]),
  );
  return candidates.filter((_, i) => statuses[i].status === 'forbidden').map((e) => e.id);
}

function fixAdvice(source: SourceFile, fix: readonly Change[], targets: TargetStatus[]): FixAdvice {
  return {
    cost: fix.reduce((n, c) => n + c.cost, 0),
    changes: [...fix]
      .sort((a, b) => a.offset - b.offset)
      .map((c) => ({ line: c.line, thread: c.thread, description: describeChange(c) })),
    hunks: diffHunks(
      source.text,
      editSource(
        source,
        fix.flatMap((c) => c.edits),
      ),
    ),
    targets,
  };
}

type Findings = Omit<
  Advice,
  'file' | 'test' | 'condition' | 'targets' | 'dependencies' | 'variants' | 'timeMs'
>;

/** An allowed outcome: a logic race under SC, or the cheapest fixes checked on every target. */
async function adviseAllowed(
  input: AdviseInput,
  runner: VariantRunner,
  threads: readonly ThreadSites[],
  elements: readonly Element[],
  options: AdviseOptions,
): Promise<Findings> {
  const listed = {
    elements: elements.map(listedElement),
    minimalSets: [],
    minimalSetsComplete: true,
  };
  const sc = input.sc ? (await runner.run(input.sc, [[]]))[0].status : undefined;
  if (sc === 'allowed') return { ...listed, sc, fixes: [] };
  const [primary, ...others] = input.targets;
  const candidates = fixCandidates(threads, input.source, input.defined);
  const search = await searchFixes(runner, primary, candidates, options);
  const elsewhere = await Promise.all(others.map((t) => runner.run(t, search.fixes)));
  const fixes = search.fixes.map((fix, i) =>
    fixAdvice(
      input.source,
      fix,
      others.map((t, k) => ({ target: t.name, ...elsewhere[k][i] })),
    ),
  );
  if (fixes.length > 0) {
    fixes[0] = {
      ...fixes[0],
      makesRedundant: await madeRedundant(runner, primary, elements, search.fixes[0]),
    };
  }
  return {
    ...listed,
    ...(sc ? { sc } : {}),
    fixes,
    fixSearch: { maxChanges: options.maxChanges, complete: search.complete },
  };
}

export async function adviseTest(
  input: AdviseInput,
  options: AdviseOptions = DEFAULT_ADVISE_OPTIONS,
): Promise<Advice> {
  const start = performance.now();
  const { source, test, targets } = input;
  const threads = findSites(test, input.defined);
  const elements = findElements(threads, source);
  const runner = new VariantRunner(test);
  const asWritten = await Promise.all(targets.map((t) => runner.run(t, [[]]).then((s) => s[0])));
  let findings: Findings;
  switch (asWritten[0].status) {
    case 'forbidden': {
      const others = targets.slice(1).filter((_, i) => asWritten[i + 1].status === 'forbidden');
      const strengthened = strengthenings(threads, source, input.defined);
      const limits = { maxSetVariants: options.maxSetVariants };
      findings = {
        ...(await analyseNecessity(runner, targets[0], others, elements, strengthened, limits)),
        fixes: [],
      };
      break;
    }
    case 'allowed':
    case 'racy':
      findings = await adviseAllowed(input, runner, threads, elements, options);
      break;
    case 'unknown':
      findings = {
        elements: elements.map(listedElement),
        minimalSets: [],
        minimalSetsComplete: true,
        fixes: [],
      };
      break;
    default:
      return unreachable(asWritten[0].status);
  }
  return {
    file: source.path,
    test: test.name,
    condition: test.condition
      ? source.text.slice(test.condition.span.start, test.condition.span.end)
      : '',
    targets: targets.map((t, i) => ({ target: t.name, ...asWritten[i] })),
    dependencies: findDependencies(threads, source),
    ...findings,
    variants: runner.count,
    timeMs: performance.now() - start,
  };
}
