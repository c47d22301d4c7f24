// Report stage: `ordo compare`: aligns two sets of per-test records by test name and lists
// what changed (verdicts, state sets, execution counts, flags), as mcompare7 does for logs.
import { type CompareRecord, isObservation } from './compare-input';

export type TestDifference =
  | { readonly kind: 'verdict'; readonly a: string; readonly b: string }
  | {
      readonly kind: 'states';
      readonly onlyA: readonly string[];
      readonly onlyB: readonly string[];
    }
  /** herd's Witnesses numbers as `[positive, negative]`; compared only between model runs. */
  | {
      readonly kind: 'counts';
      readonly a: readonly [number, number];
      readonly b: readonly [number, number];
    }
  | { readonly kind: 'flags'; readonly a: readonly string[]; readonly b: readonly string[] };

export interface TestComparison {
  readonly a: CompareRecord;
  readonly b: CompareRecord;
  readonly differences: readonly TestDifference[];
}

export interface Comparison {
  /** Every aligned pair, in A's order. */
  readonly pairs: readonly TestComparison[];
  readonly onlyA: readonly CompareRecord[];
  readonly onlyB: readonly CompareRecord[];
}

export function compareRecords(
  as: readonly CompareRecord[],
  bs: readonly CompareRecord[],
): Comparison {
  const byName = new Map<string, CompareRecord[]>();
  for (const b of bs) byName.set(b.name, [...(byName.get(b.name) ?? []), b]);
  const pairs: TestComparison[] = [];
  const onlyA: CompareRecord[] = [];
  for (const a of as) {
    const candidates = byName.get(a.name) ?? [];
    const b = takeClosest(a, candidates);
    if (b) pairs.push({ a, b, differences: differencesOf(a, b) });
    else onlyA.push(a);
  }
  const paired = new Set(pairs.map((p) => p.b));
  return { pairs, onlyA, onlyB: bs.filter((b) => !paired.has(b)) };
}

/**
 * Several tests may share a name (the corpus has copies in different folders): pick the one
 * whose file path shares the longest tail with A's, the first one on a tie.
 */
function takeClosest(a: CompareRecord, candidates: CompareRecord[]): CompareRecord | undefined {
  let best = -1;
  let bestScore = -1;
  candidates.forEach((b, i) => {
    const score = sharedPathTail(a.path, b.path);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best < 0 ? undefined : candidates.splice(best, 1)[0];
}

function sharedPathTail(p: string | undefined, q: string | undefined): number {
  if (!p || !q) return 0;
  const xs = p.split(/[\\/]/);
  const ys = q.split(/[\\/]/);
  let n = 0;
  while (n < xs.length && n < ys.length && xs[xs.length - 1 - n] === ys[ys.length - 1 - n]) n++;
  return n;
}

export function differencesOf(a: CompareRecord, b: CompareRecord): TestDifference[] {
  const diffs: TestDifference[] = [];
  if (a.verdict !== b.verdict) diffs.push({ kind: 'verdict', a: a.verdict, b: b.verdict });
  // Without an Observation on both sides (an error, a limit) the rest has no meaning.
  if (!isObservation(a.verdict) || !isObservation(b.verdict)) return diffs;
  const inB = new Set(b.states);
  const inA = new Set(a.states);
  const onlyA = a.states.filter((s) => !inB.has(s));
  const onlyB = b.states.filter((s) => !inA.has(s));
  if (onlyA.length || onlyB.length) diffs.push({ kind: 'states', onlyA, onlyB });
  // litmus7 counts runs on hardware and records no flags: only model runs compare on these.
  if (a.tool === 'litmus7' || b.tool === 'litmus7') return diffs;
  const countsA = counts(a);
  const countsB = counts(b);
  if (countsA && countsB && (countsA[0] !== countsB[0] || countsA[1] !== countsB[1])) {
    diffs.push({ kind: 'counts', a: countsA, b: countsB });
  }
  if (a.flags.join(',') !== b.flags.join(','))
    diffs.push({ kind: 'flags', a: a.flags, b: b.flags });
  return diffs;
}

function counts(r: CompareRecord): [number, number] | undefined {
  return r.positive === undefined || r.negative === undefined
    ? undefined
    : [r.positive, r.negative];
}

export function differingPairs(c: Comparison): TestComparison[] {
  return c.pairs.filter((p) => p.differences.length > 0);
}

/** Whether A and B say the same about the same tests. */
export function isIdentical(c: Comparison): boolean {
  return c.onlyA.length === 0 && c.onlyB.length === 0 && differingPairs(c).length === 0;
}
