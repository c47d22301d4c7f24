// Test support: a plain reference for src/relations: sets of numbers and sets of "i,j" strings,
// written for clarity, not speed, to check the bitset implementation against.

export interface RefRel {
  readonly n: number;
  readonly pairs: ReadonlySet<string>;
}

const key = (i: number, j: number) => `${i},${j}`;
const unkey = (k: string) => k.split(',').map(Number) as [number, number];
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export const refSet = {
  of: (members: Iterable<number>): Set<number> => new Set(members),
  full: (n: number): Set<number> => new Set(range(n)),
  union: (a: ReadonlySet<number>, b: ReadonlySet<number>) => new Set([...a, ...b]),
  inter: (a: ReadonlySet<number>, b: ReadonlySet<number>) =>
    new Set([...a].filter((x) => b.has(x))),
  diff: (a: ReadonlySet<number>, b: ReadonlySet<number>) =>
    new Set([...a].filter((x) => !b.has(x))),
  complement: (n: number, a: ReadonlySet<number>) => new Set(range(n).filter((x) => !a.has(x))),
  subset: (a: ReadonlySet<number>, b: ReadonlySet<number>) => [...a].every((x) => b.has(x)),
  sorted: (a: ReadonlySet<number>) => [...a].sort((x, y) => x - y),
};

export const refRel = {
  of: (n: number, pairs: Iterable<readonly [number, number]>): RefRel => ({
    n,
    pairs: new Set([...pairs].map(([i, j]) => key(i, j))),
  }),
  list: (r: RefRel): [number, number][] =>
    [...r.pairs].map(unkey).sort((a, b) => a[0] - b[0] || a[1] - b[1]),
  has: (r: RefRel, i: number, j: number) => r.pairs.has(key(i, j)),
  id: (n: number): RefRel =>
    refRel.of(
      n,
      range(n).map((i) => [i, i] as const),
    ),
  idOn: (n: number, s: ReadonlySet<number>): RefRel =>
    refRel.of(
      n,
      [...s].map((i) => [i, i] as const),
    ),
  full: (n: number): RefRel =>
    refRel.of(
      n,
      range(n).flatMap((i) => range(n).map((j) => [i, j] as const)),
    ),
  cartesian: (n: number, a: ReadonlySet<number>, b: ReadonlySet<number>): RefRel =>
    refRel.of(
      n,
      [...a].flatMap((i) => [...b].map((j) => [i, j] as const)),
    ),
  union: (a: RefRel, b: RefRel): RefRel => ({ n: a.n, pairs: new Set([...a.pairs, ...b.pairs]) }),
  inter: (a: RefRel, b: RefRel): RefRel => ({
    n: a.n,
    pairs: new Set([...a.pairs].filter((p) => b.pairs.has(p))),
  }),
  diff: (a: RefRel, b: RefRel): RefRel => ({
    n: a.n,
    pairs: new Set([...a.pairs].filter((p) => !b.pairs.has(p))),
  }),
  complement: (a: RefRel): RefRel => refRel.diff(refRel.full(a.n), a),
  inverse: (a: RefRel): RefRel =>
    refRel.of(
      a.n,
      refRel.list(a).map(([i, j]) => [j, i] as const),
    ),
  seq: (a: RefRel, b: RefRel): RefRel =>
    refRel.of(
      a.n,
      refRel
        .list(a)
        .flatMap(([i, k]) =>
          refRel.list(b).flatMap(([k2, j]) => (k === k2 ? [[i, j] as const] : [])),
        ),
    ),
  restrictDomain: (r: RefRel, s: ReadonlySet<number>): RefRel =>
    refRel.of(
      r.n,
      refRel.list(r).filter(([i]) => s.has(i)),
    ),
  restrictRange: (r: RefRel, s: ReadonlySet<number>): RefRel =>
    refRel.of(
      r.n,
      refRel.list(r).filter(([, j]) => s.has(j)),
    ),
  /** Transitive closure by iterating r ∪ r;r to a fixpoint. */
  plus: (r: RefRel): RefRel => {
    let cur = r;
    for (;;) {
      const next = refRel.union(cur, refRel.seq(cur, cur));
      if (next.pairs.size === cur.pairs.size) return cur;
      cur = next;
    }
  },
  star: (r: RefRel): RefRel => refRel.union(refRel.plus(r), refRel.id(r.n)),
  opt: (r: RefRel): RefRel => refRel.union(r, refRel.id(r.n)),
  domain: (r: RefRel): Set<number> => new Set(refRel.list(r).map(([i]) => i)),
  range: (r: RefRel): Set<number> => new Set(refRel.list(r).map(([, j]) => j)),
  row: (r: RefRel, i: number): Set<number> =>
    new Set(refRel.list(r).flatMap(([a, b]) => (a === i ? [b] : []))),
  subset: (a: RefRel, b: RefRel) => [...a.pairs].every((p) => b.pairs.has(p)),
  isIrreflexive: (r: RefRel) => refRel.list(r).every(([i, j]) => i !== j),
  isAcyclic: (r: RefRel) => refRel.isIrreflexive(refRel.plus(r)),
};
