// Advise stage: for a test whose outcome is forbidden, which ordering elements it needs: each
// element weakened one form at a time (the others kept), the strengthenings elsewhere in its
// thread that would make it redundant, and the minimal sets of elements that suffice.
import type { ElementAdvice, Necessity } from './advice';
import { type Change, describeChange } from './changes';
import { type Element, weakestOf } from './elements';
import type { AdviseTarget, VariantRunner, VariantStatus } from './variants';

export interface NecessityOptions {
  /** Variants the minimal-set search may check. */
  readonly maxSetVariants: number;
}

function necessityOf(s: VariantStatus | undefined): Necessity {
  if (!s) return 'not-varied';
  if (s.status === 'unknown') return 'unknown';
  return s.status === 'forbidden' ? 'redundant' : 'necessary';
}

/** Each element weakened in every way under the first target. */
async function weakenEach(
  runner: VariantRunner,
  target: AdviseTarget,
  elements: readonly Element[],
): Promise<Map<Element, VariantStatus[]>> {
  const flat = elements.flatMap((e) => e.weakenings.map((c) => ({ e, c })));
  const statuses = await runner.run(
    target,
    flat.map((x) => [x.c]),
  );
  const out = new Map<Element, VariantStatus[]>(elements.map((e) => [e, []]));
  for (const [i, x] of flat.entries()) out.get(x.e)!.push(statuses[i]);
  return out;
}

/** Strengthenings of other sites in a necessary element's thread that let it go. */
async function replacementsOf(
  runner: VariantRunner,
  target: AdviseTarget,
  necessary: readonly Element[],
  strengthenings: readonly Change[],
): Promise<Map<Element, string[]>> {
  const tries = necessary.flatMap((e) =>
    strengthenings
      .filter((s) => s.thread === e.thread && !e.weakenings.some((w) => w.slot === s.slot))
      .map((s) => ({ e, s })),
  );
  const statuses = await runner.run(
    target,
    tries.map((x) => [weakestOf(x.e)!, x.s]),
  );
  // Per element and site, the cheapest strengthenings that do it.
  const best = new Map<string, { e: Element; changes: Change[] }>();
  tries.forEach((x, i) => {
    if (statuses[i].status !== 'forbidden') return;
    const key = `${x.e.id}:${x.s.slot}`;
    const cur = best.get(key);
    if (!cur || x.s.cost < cur.changes[0].cost) best.set(key, { e: x.e, changes: [x.s] });
    else if (x.s.cost === cur.changes[0].cost) cur.changes.push(x.s);
  });
  const out = new Map<Element, string[]>();
  for (const { e, changes } of best.values())
    out.set(e, [...(out.get(e) ?? []), ...changes.map(describeChange)]);
  return out;
}

/** Subsets of `items` of size k, in lexicographic order of indices. */
function* subsets<T>(items: readonly T[], k: number): Generator<T[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  if (k > items.length) return;
  for (;;) {
    yield idx.map((i) => items[i]);
    let p = k - 1;
    while (p >= 0 && idx[p] === items.length - k + p) p--;
    if (p < 0) return;
    idx[p]++;
    for (let q = p + 1; q < k; q++) idx[q] = idx[q - 1] + 1;
  }
}

/**
 * The minimal sets of varied elements that, every other element at its weakest, keep the
 * outcome forbidden. Stronger ordering never allows more under the LKMM, so every such set
 * holds all necessary elements and the search adds redundant ones, fewest first.
 */
async function minimalSets(
  runner: VariantRunner,
  target: AdviseTarget,
  varied: readonly Element[],
  necessary: ReadonlySet<Element>,
  budget: number,
): Promise<{ sets: Element[][]; complete: boolean }> {
  const optional = varied.filter((e) => !necessary.has(e));
  const found: Element[][] = [];
  let used = 0;
  for (let k = 0; k <= optional.length; k++) {
    const tries = [...subsets(optional, k)].filter(
      (t) => !found.some((f) => f.every((e) => t.includes(e))),
    );
    if (tries.length === 0) break;
    if (used + tries.length > budget) return { sets: found, complete: false };
    used += tries.length;
    const statuses = await runner.run(
      target,
      tries.map((t) =>
        varied.filter((e) => !necessary.has(e) && !t.includes(e)).map((e) => weakestOf(e)!),
      ),
    );
    tries.forEach((t, i) => {
      if (statuses[i].status === 'forbidden') found.push(t);
    });
  }
  const withNecessary = found.map((t) => varied.filter((e) => necessary.has(e) || t.includes(e)));
  return { sets: withNecessary, complete: true };
}

export interface NecessityResult {
  readonly elements: ElementAdvice[];
  readonly minimalSets: string[][];
  readonly minimalSetsComplete: boolean;
}

/**
 * `others` are the other targets on which the test as written is forbidden; each element's
 * weakest form is checked there too.
 */
export async function analyseNecessity(
  runner: VariantRunner,
  primary: AdviseTarget,
  others: readonly AdviseTarget[],
  elements: readonly Element[],
  strengthenings: readonly Change[],
  options: NecessityOptions,
): Promise<NecessityResult> {
  const weakened = await weakenEach(runner, primary, elements);
  const necessity = new Map(elements.map((e) => [e, necessityOf(weakened.get(e)!.at(-1))]));
  const necessary = elements.filter((e) => necessity.get(e) === 'necessary');
  const varied = elements.filter((e) => e.weakenings.length > 0);
  const weakestElsewhere = async (t: AdviseTarget) => {
    const statuses = await runner.run(
      t,
      varied.map((e) => [weakestOf(e)!]),
    );
    return new Map(varied.map((e, i) => [e, statuses[i]]));
  };
  // Independent questions: asked together, so that workers of every target stay busy.
  const [replacements, sets, ...perTarget] = await Promise.all([
    replacementsOf(runner, primary, necessary, strengthenings),
    varied.length === 0
      ? { sets: [], complete: true }
      : minimalSets(runner, primary, varied, new Set(necessary), options.maxSetVariants),
    ...others.map(weakestElsewhere),
  ]);

  const advice = elements.map((e): ElementAdvice => {
    const tried = weakened.get(e)!;
    const forbidding = e.weakenings.filter((_, i) => tried[i].status === 'forbidden');
    const min = Math.min(...forbidding.map((c) => c.cost));
    return {
      id: e.id,
      kind: e.kind,
      thread: e.thread,
      line: e.line,
      text: e.text,
      ordering: e.ordering,
      necessity: necessity.get(e)!,
      weakenings: e.weakenings.map((c, i) => ({
        form: c.after ?? 'removed',
        status: tried[i].status,
      })),
      sufficient:
        necessity.get(e) === 'necessary'
          ? forbidding.filter((c) => c.cost === min).map((c) => c.after ?? 'removed')
          : [],
      replacements: replacements.get(e) ?? [],
      targets: others.map((t, k) => {
        const s = perTarget[k].get(e);
        return { target: t.name, necessity: necessityOf(s), ...(s?.why ? { why: s.why } : {}) };
      }),
    };
  });
  return {
    elements: advice,
    minimalSets: sets.sets.map((s) => s.map((e) => e.id)),
    minimalSetsComplete: sets.complete,
  };
}
