import { expect } from 'chai';
import fc from 'fast-check';
import { type EventSet, evset, type Relation, rel } from '../../src/relations';
import { type RefRel, refRel, refSet } from '../support/reference-relation';

// Sizes around one and two 32-bit words per row.
const size = fc.oneof(
  fc.integer({ min: 0, max: 5 }),
  fc.integer({ min: 30, max: 34 }),
  fc.integer({ min: 62, max: 70 }),
);

interface Sample {
  readonly n: number;
  readonly r: [number, number][];
  readonly s: [number, number][];
  readonly a: number[];
  readonly b: number[];
}

const sample: fc.Arbitrary<Sample> = size.chain((n) => {
  const ev = n === 0 ? fc.constant(-1) : fc.nat(n - 1);
  const pairs = fc.array(fc.tuple(ev, ev), { maxLength: 3 * n });
  const members = fc.array(ev, { maxLength: n });
  const valid = <T>(xs: T[]) => (n === 0 ? [] : xs);
  return fc.record({ r: pairs, s: pairs, a: members, b: members }).map((x) => ({
    n,
    r: valid(x.r),
    s: valid(x.s),
    a: valid(x.a),
    b: valid(x.b),
  }));
});

const bits = (x: Sample) => ({
  r: rel.ofPairs(x.n, x.r),
  s: rel.ofPairs(x.n, x.s),
  a: evset.of(x.n, x.a),
  b: evset.of(x.n, x.b),
});
const refs = (x: Sample) => ({
  r: refRel.of(x.n, x.r),
  s: refRel.of(x.n, x.s),
  a: refSet.of(x.a),
  b: refSet.of(x.b),
});

const pairsOf = (r: Relation) => rel.pairs(r);
const membersOf = (s: EventSet) => evset.members(s);

function check(name: string, prop: (x: Sample) => void): void {
  it(name, () =>
    fc.assert(
      fc.property(sample, (x) => {
        prop(x);
      }),
      { numRuns: 150 },
    ),
  );
}

describe('relations: bitsets against a Set<string> reference', () => {
  const relOps: [
    string,
    (b: ReturnType<typeof bits>) => Relation,
    (r: ReturnType<typeof refs>, n: number) => RefRel,
  ][] = [
    ['ofPairs', (b) => b.r, (r) => r.r],
    ['clone', (b) => rel.clone(b.r), (r) => r.r],
    ['id', (b) => rel.id(b.r.n), (_, n) => refRel.id(n)],
    ['idOn', (b) => rel.idOn(b.a), (r, n) => refRel.idOn(n, r.a)],
    ['full', (b) => rel.full(b.r.n), (_, n) => refRel.full(n)],
    ['cartesian', (b) => rel.cartesian(b.a, b.b), (r, n) => refRel.cartesian(n, r.a, r.b)],
    ['union', (b) => rel.union(b.r, b.s), (r) => refRel.union(r.r, r.s)],
    ['inter', (b) => rel.inter(b.r, b.s), (r) => refRel.inter(r.r, r.s)],
    ['diff', (b) => rel.diff(b.r, b.s), (r) => refRel.diff(r.r, r.s)],
    ['complement', (b) => rel.complement(b.r), (r) => refRel.complement(r.r)],
    ['inverse', (b) => rel.inverse(b.r), (r) => refRel.inverse(r.r)],
    ['seq', (b) => rel.seq(b.r, b.s), (r) => refRel.seq(r.r, r.s)],
    ['restrictDomain', (b) => rel.restrictDomain(b.r, b.a), (r) => refRel.restrictDomain(r.r, r.a)],
    ['restrictRange', (b) => rel.restrictRange(b.r, b.a), (r) => refRel.restrictRange(r.r, r.a)],
    ['plus', (b) => rel.plus(b.r), (r) => refRel.plus(r.r)],
    ['star', (b) => rel.star(b.r), (r) => refRel.star(r.r)],
    ['opt', (b) => rel.opt(b.r), (r) => refRel.opt(r.r)],
    ['empty', (b) => rel.empty(b.r.n), (_, n) => refRel.of(n, [])],
  ];
  for (const [name, fast, plain] of relOps) {
    check(`rel.${name}`, (x) =>
      expect(pairsOf(fast(bits(x)))).to.deep.equal(refRel.list(plain(refs(x), x.n))),
    );
  }

  check('rel.unionInto updates its first argument only', (x) => {
    const b = bits(x);
    const before = pairsOf(b.s);
    rel.unionInto(b.r, b.s);
    expect(pairsOf(b.r)).to.deep.equal(refRel.list(refRel.union(refs(x).r, refs(x).s)));
    expect(pairsOf(b.s)).to.deep.equal(before);
  });

  check('rel.add and rel.has', (x) => {
    const r = rel.empty(x.n);
    for (const [i, j] of x.r) rel.add(r, i, j);
    for (const [i, j] of [...x.r, ...x.s])
      expect(rel.has(r, i, j)).to.equal(refRel.has(refs(x).r, i, j));
  });

  check('rel.domain, rel.range, rel.row', (x) => {
    const b = bits(x);
    const r = refs(x).r;
    expect(membersOf(rel.domain(b.r))).to.deep.equal(refSet.sorted(refRel.domain(r)));
    expect(membersOf(rel.range(b.r))).to.deep.equal(refSet.sorted(refRel.range(r)));
    for (let i = 0; i < x.n; i++)
      expect(membersOf(rel.row(b.r, i))).to.deep.equal(refSet.sorted(refRel.row(r, i)));
  });

  check('rel predicates: isEmpty, equals, subset, count, isIrreflexive, isAcyclic', (x) => {
    const b = bits(x);
    const r = refs(x);
    expect(rel.isEmpty(b.r)).to.equal(r.r.pairs.size === 0);
    expect(rel.equals(b.r, b.s)).to.equal(refRel.subset(r.r, r.s) && refRel.subset(r.s, r.r));
    expect(rel.subset(b.r, b.s)).to.equal(refRel.subset(r.r, r.s));
    expect(rel.count(b.r)).to.equal(r.r.pairs.size);
    expect(rel.isIrreflexive(b.r)).to.equal(refRel.isIrreflexive(r.r));
    expect(rel.isAcyclic(b.r)).to.equal(refRel.isAcyclic(r.r));
  });

  check('event sets: of, full, union, inter, diff, complement', (x) => {
    const b = bits(x);
    const r = refs(x);
    expect(membersOf(b.a)).to.deep.equal(refSet.sorted(r.a));
    expect(membersOf(evset.full(x.n))).to.deep.equal(refSet.sorted(refSet.full(x.n)));
    expect(membersOf(evset.union(b.a, b.b))).to.deep.equal(refSet.sorted(refSet.union(r.a, r.b)));
    expect(membersOf(evset.inter(b.a, b.b))).to.deep.equal(refSet.sorted(refSet.inter(r.a, r.b)));
    expect(membersOf(evset.diff(b.a, b.b))).to.deep.equal(refSet.sorted(refSet.diff(r.a, r.b)));
    expect(membersOf(evset.complement(b.a))).to.deep.equal(
      refSet.sorted(refSet.complement(x.n, r.a)),
    );
  });

  check('event sets: has, add, isEmpty, equals, subset, count, first', (x) => {
    const b = bits(x);
    const r = refs(x);
    const built = evset.empty(x.n);
    for (const e of x.a) evset.add(built, e);
    expect(evset.equals(built, b.a)).to.equal(true);
    for (let i = 0; i < x.n; i++) expect(evset.has(b.a, i)).to.equal(r.a.has(i));
    expect(evset.isEmpty(b.a)).to.equal(r.a.size === 0);
    expect(evset.equals(b.a, b.b)).to.equal(refSet.subset(r.a, r.b) && refSet.subset(r.b, r.a));
    expect(evset.subset(b.a, b.b)).to.equal(refSet.subset(r.a, r.b));
    expect(evset.count(b.a)).to.equal(r.a.size);
    expect(evset.first(b.a)).to.equal(r.a.size === 0 ? -1 : Math.min(...r.a));
  });
});

describe('relations: algebra laws', () => {
  const eq = (a: Relation, b: Relation) => expect(pairsOf(a)).to.deep.equal(pairsOf(b));

  check('; is associative and distributes over |', (x) => {
    const { r, s } = bits(x);
    const t = rel.inverse(r);
    eq(rel.seq(rel.seq(r, s), t), rel.seq(r, rel.seq(s, t)));
    eq(rel.seq(r, rel.union(s, t)), rel.union(rel.seq(r, s), rel.seq(r, t)));
  });

  check('inverse is an involution and reverses sequences', (x) => {
    const { r, s } = bits(x);
    eq(rel.inverse(rel.inverse(r)), r);
    eq(rel.inverse(rel.seq(r, s)), rel.seq(rel.inverse(s), rel.inverse(r)));
  });

  check('closures: r+ = r ; r*, r* is idempotent, r+ is transitive', (x) => {
    const { r } = bits(x);
    eq(rel.plus(r), rel.seq(r, rel.star(r)));
    eq(rel.star(rel.star(r)), rel.star(r));
    const p = rel.plus(r);
    expect(rel.subset(rel.seq(p, p), p)).to.equal(true);
  });

  check('complement is an involution; De Morgan', (x) => {
    const { r, s } = bits(x);
    eq(rel.complement(rel.complement(r)), r);
    eq(rel.complement(rel.union(r, s)), rel.inter(rel.complement(r), rel.complement(s)));
  });

  check('[A] ; r ; [B] = r & (A * B)', (x) => {
    const { r, a, b } = bits(x);
    eq(rel.seq(rel.seq(rel.idOn(a), r), rel.idOn(b)), rel.inter(r, rel.cartesian(a, b)));
    eq(rel.restrictRange(rel.restrictDomain(r, a), b), rel.inter(r, rel.cartesian(a, b)));
  });

  check('acyclic iff the transitive closure is irreflexive', (x) => {
    const { r } = bits(x);
    expect(rel.isAcyclic(r)).to.equal(rel.isIrreflexive(rel.plus(r)));
  });
});
