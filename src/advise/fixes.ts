// Advise stage: for a test whose outcome is allowed, the cheapest sets of changes that forbid
// it: single changes first, then combinations of two, three..., each size checked in order of
// cost, stopping when no combination left can beat the fixes already found.
import type { Change } from './changes';
import type { AdviseTarget, VariantRunner } from './variants';

export interface FixSearchOptions {
  /** How many fixes to report. */
  readonly maxFixes: number;
  /** The most changes one fix may combine. */
  readonly maxChanges: number;
  /** Variants the search may check. */
  readonly maxVariants: number;
  /** Variants checked per round trip to the checker (enough to keep the workers busy). */
  readonly batch: number;
}

export interface FixSearchResult {
  /** Best first: by cost, then fewer changes, then program order. */
  readonly fixes: Change[][];
  /** False when the variant budget ran out before the search was done. */
  readonly complete: boolean;
}

const costOf = (cs: readonly Change[]) => cs.reduce((n, c) => n + c.cost, 0);

function rank(a: readonly Change[], b: readonly Change[]): number {
  return costOf(a) - costOf(b) || a.length - b.length || a[0].offset - b[0].offset;
}

/** Combinations of k changes with distinct slots, cheapest first. */
function combinations(candidates: readonly Change[], k: number): Change[][] {
  const out: Change[][] = [];
  const pick = (from: number, chosen: Change[]) => {
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let i = from; i < candidates.length; i++) {
      if (chosen.some((c) => c.slot === candidates[i].slot)) continue;
      chosen.push(candidates[i]);
      pick(i + 1, chosen);
      chosen.pop();
    }
  };
  pick(0, []);
  return out.sort(rank);
}

/**
 * Single changes are all tried. Combinations of k changes are tried cheapest first: while no
 * fix is known, until one is found and then for one more batch (alternatives of that size);
 * once a fix is known, only those that would be cheaper than the best one.
 */
export async function searchFixes(
  runner: VariantRunner,
  target: AdviseTarget,
  candidates: readonly Change[],
  options: FixSearchOptions,
): Promise<FixSearchResult> {
  const fixes: Change[][] = [];
  let used = 0;
  const best = () => (fixes.length === 0 ? Number.POSITIVE_INFINITY : costOf(fixes.sort(rank)[0]));
  /** A combination must cost less than the worst fix kept to be worth checking. */
  const kept = () =>
    fixes.length < options.maxFixes
      ? Number.POSITIVE_INFINITY
      : costOf(fixes.sort(rank)[options.maxFixes - 1]);
  let pool = [...candidates];
  for (let k = 1; k <= options.maxChanges && pool.length >= k; k++) {
    const cheapest = costOf([...pool].sort((a, b) => a.cost - b.cost).slice(0, k));
    if (k > 1 && cheapest >= best()) break;
    const known = fixes.length;
    const bound = k > 1 && known > 0 ? best() : Number.POSITIVE_INFINITY;
    const combos = combinations(pool, k).filter(
      (cs) => costOf(cs) < bound && !fixes.some((f) => f.every((c) => cs.includes(c))),
    );
    let foundEarlier = false;
    for (let i = 0; i < combos.length; i += options.batch) {
      const chunk = combos.slice(i, i + options.batch).filter((cs) => costOf(cs) < kept());
      if (chunk.length === 0 || (k > 1 && foundEarlier)) break;
      if (used + chunk.length > options.maxVariants)
        return { fixes: fixes.sort(rank), complete: false };
      used += chunk.length;
      const statuses = await runner.run(target, chunk);
      chunk.forEach((cs, j) => {
        if (statuses[j].status === 'forbidden') fixes.push(cs);
      });
      foundEarlier = fixes.length > known;
    }
    // A change that fixes alone is never part of a larger minimal fix.
    pool = pool.filter((c) => !fixes.some((f) => f.length === 1 && f[0] === c));
  }
  return { fixes: fixes.sort(rank).slice(0, options.maxFixes), complete: true };
}
