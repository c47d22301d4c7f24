// Advise stage: the barrier advisor for one test. Forbidden outcome: which ordering elements
// are necessary, which redundant, which sets suffice. Allowed outcome: the cheapest fixes.
// Every claim comes from running a variant of the test through the ordinary checker.
import type { LitmusTest } from '../litmus';
import type { SourceFile } from '../source';
import type { Advice, ElementAdvice, FixAdvice, Status, TargetStatus } from './advice';
import { fixCandidates, strengthenings } from './candidates';
import { type Change, describeChange } from './changes';
import { findDependencies } from './dependencies';
import { type Element, findElements } from './elements';
import { searchFixes } from './fixes';
import { analyseNecessity } from './necessity';
import { diffHunks, editSource } from './patch';
import { findSites } from './sites';
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

function weakest(e: Element): Change | undefined {
  return e.weakenings[e.weakenings.length - 1];
}

export async function adviseTest(input: AdviseInput, options: AdviseOptions = DEFAULT_ADVISE_OPTIONS): Promise<Advice> {
  const start = performance.now();
  const { source, test, targets } = input;
  const threads = findSites(test, input.defined);
  const elements = findElements(threads, source);
  const runner = new VariantRunner(test);
  const asWritten = await Promise.all(targets.map((t) => runner.run(t, [[]]).then((s) => s[0])));
  const targetStatus: TargetStatus[] = targets.map((t, i) => ({ target: t.name, ...asWritten[i] }));
  const base = {
    file: source.path,
    test: test.name,
    condition: test.condition ? source.text.slice(test.condition.span.start, test.condition.span.end) : '',
    targets: targetStatus,
    dependencies: findDependencies(threads, source),
  };
  const done = (rest: Omit<Advice, keyof typeof base | 'variants' | 'timeMs'>): Advice => ({
    ...base,
    ...rest,
    variants: runner.count,
    timeMs: performance.now() - start,
  });
  const primary: Status = asWritten[0].status;

  if (primary === 'forbidden') {
    const others = targets.slice(1).filter((_, i) => asWritten[i + 1].status === 'forbidden');
    const result = await analyseNecessity(
      runner,
      targets[0],
      others,
      elements,
      strengthenings(threads, source, input.defined),
      { maxSetVariants: options.maxSetVariants },
    );
    return done({ ...result, fixes: [] });
  }

  const listed = { elements: elements.map(listedElement), minimalSets: [], minimalSetsComplete: true };
  if (primary === 'unknown') return done({ ...listed, fixes: [] });
  const sc = input.sc ? (await runner.run(input.sc, [[]]))[0].status : undefined;
  if (sc === 'allowed') return done({ ...listed, sc, fixes: [] });

  const search = await searchFixes(runner, targets[0], fixCandidates(threads, source, input.defined), options);
  const elsewhere = await Promise.all(targets.slice(1).map((t) => runner.run(t, search.fixes)));
  const best = search.fixes[0];
  const letGo = best
    ? elements.filter((e) => weakest(e) && !best.some((c) => weakest(e)!.slot === c.slot || c.offset === e.offset))
    : [];
  const letGoStatus = best ? await runner.run(targets[0], letGo.map((e) => [...best, weakest(e)!])) : [];
  const fixes = search.fixes.map(
    (fix, i): FixAdvice => ({
      cost: fix.reduce((n, c) => n + c.cost, 0),
      changes: [...fix]
        .sort((a, b) => a.offset - b.offset)
        .map((c) => ({ line: c.line, thread: c.thread, description: describeChange(c) })),
      hunks: diffHunks(source.text, editSource(source, fix.flatMap((c) => c.edits))),
      targets: targets.slice(1).map((t, k) => ({ target: t.name, ...elsewhere[k][i] })),
      ...(i === 0 ? { makesRedundant: letGo.filter((_, j) => letGoStatus[j].status === 'forbidden').map((e) => e.id) } : {}),
    }),
  );
  return done({
    ...listed,
    ...(sc ? { sc } : {}),
    fixes,
    fixSearch: { maxChanges: options.maxChanges, complete: search.complete },
  });
}
