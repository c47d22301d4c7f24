import { expect } from 'chai';
import { buildExecution, init } from '../support/build-execution';
import { mustCompile, runCat } from '../support/run-cat';

// ix iy: initial writes; thread 0: a = W x, b = R y; thread 1: c = W y, d = R x (SB, reading 0).
const SB = buildExecution({
  events: [
    ...init(['x', 0], ['y', 0]),
    { name: 'a', kind: 'W', thread: 0, loc: 'x', value: 1 },
    { name: 'b', kind: 'R', thread: 0, loc: 'y', value: 0 },
    { name: 'c', kind: 'W', thread: 1, loc: 'y', value: 1 },
    { name: 'd', kind: 'R', thread: 1, loc: 'x', value: 0 },
  ],
  rf: [
    ['iy', 'b'],
    ['ix', 'd'],
  ],
});

/** The value of `e` (as event names or edges) on SB. */
function value(e: string, prelude = ''): string[] | undefined {
  const [branch] = runCat(mustCompile(`${prelude}\nlet result = ${e}`), SB, ['result']);
  return branch.values.result;
}

const ALL = ['a', 'b', 'c', 'd', 'ix', 'iy'];
const ID = ALL.map((e) => `${e}->${e}`);

describe('cat operators', () => {
  const cases: [string, string[]][] = [
    ['po | rf', ['a->b', 'c->d', 'ix->d', 'iy->b']],
    ['R | IW', ['b', 'd', 'ix', 'iy']],
    ['(loc & ext) ; [R]', ['a->d', 'c->b', 'ix->d', 'iy->b']],
    ['po ; rf^-1', ['a->iy', 'c->ix']],
    ['W * R \\ loc', ['a->b', 'c->d', 'ix->b', 'iy->d']],
    ['~W', ['b', 'd']],
    ['W & ~IW', ['a', 'c']],
    ['po & (W * R)', ['a->b', 'c->d']],
    ['rf & (_ * IW)', []],
    ['rf & (IW * _)', ['ix->d', 'iy->b']],
    ['po+', ['a->b', 'c->d']],
    ['(po | rf^-1)+', ['a->b', 'a->iy', 'b->iy', 'c->d', 'c->ix', 'd->ix']],
    ['po*', [...ID, 'a->b', 'c->d'].sort()],
    ['po?', [...ID, 'a->b', 'c->d'].sort()],
    ['[W] ; loc ; [R]', ['a->d', 'c->b', 'ix->d', 'iy->b']],
    ['[W] ; [IW]', ['ix->ix', 'iy->iy']],
    ['[_]', ID],
    ['domain(rf)', ['ix', 'iy']],
    ['range rf', ['b', 'd']],
    // \ is left-associative
    ['W \\ IW \\ W', []],
    ['W \\ (IW \\ W)', ['a', 'c', 'ix', 'iy']],
  ];
  for (const [e, expected] of cases) {
    it(`${e} = {${expected.join(', ')}}`, () => expect(value(e)).to.deep.equal(expected));
  }
});

describe('cat operators: {}, 0 and _ (herd quirks)', () => {
  const cases: [string, string[]][] = [
    ['{} | R', ['b', 'd']],
    ['0 | rf', ['ix->d', 'iy->b']],
    ['_ \\ W', ['b', 'd']],
    ['(W | _) & R', ['b', 'd']],
    ['W \\ _', []],
    ['~_ | R', ['b', 'd']],
    ['(~{}) & R', ['b', 'd']],
    // In a sequence `_` is skipped, not read as E x E; a `{}` operand empties it.
    ['po ; _ ; rf^-1', ['a->iy', 'c->ix']],
    ['po ; {}', []],
    ['{}*', ID],
    ['domain(0)', []],
  ];
  for (const [e, expected] of cases) {
    it(`${e} = {${expected.join(', ')}}`, () => expect(value(e)).to.deep.equal(expected));
  }

  it('types 0 as a relation: a set union with 0 is an error', () => {
    expect(() => value('W | 0')).to.throw('type error: events expected, rel found');
  });
});

describe('cat values: sets, tuples, tags, functions', () => {
  it('matches a set as element ++ rest, and as before | element ++ after', () => {
    expect(value('match R with || {} -> W || e ++ rest -> rest end')).to.have.length(1);
    expect(value('match W with || {} -> 0 || lo | x ++ hi -> lo | hi end')).to.have.length(3);
    expect(value('match {} with || {} -> IW || e ++ rest -> rest end')).to.deep.equal(['ix', 'iy']);
  });

  it('adds elements with ++: events to event sets, pairs to relations', () => {
    expect(value('match R with || {} -> {} || e ++ rest -> e ++ IW end')).to.have.length(3);
    expect(value('match rf with || {} -> 0 || p ++ rest -> p ++ 0 end')).to.have.length(1);
    expect(value('match rf with || {} -> 0 || p ++ rest -> p ++ po end')).to.have.length(3);
    // A pair destructures as a 2-tuple of events, and (e1, e2) ++ r adds an edge.
    expect(
      value('match rf with || {} -> 0 || p ++ rest -> let (w, r) = p in (r, w) ++ 0 end'),
    ).to.satisfy(
      (edges: string[]) =>
        edges.length === 1 && edges[0].endsWith('->ix') !== edges[0].endsWith('->iy'),
    );
    expect(value('match R with || {} -> 0 || e ++ rest -> [{e}] end')).to.have.length(1);
  });

  it('compares values, tests membership and inclusion', () => {
    expect(value('if R in {W, R} then po else rf')).to.deep.equal(['a->b', 'c->d']);
    expect(value('if {W, W} = {W} then po else rf')).to.deep.equal(['a->b', 'c->d']);
    expect(value('if R subset M then po else rf')).to.deep.equal(['a->b', 'c->d']);
    expect(value('if po subset rf then po else rf')).to.deep.equal(['ix->d', 'iy->b']);
    expect(
      value('match rf with || {} -> 0 || p ++ rest -> if p in rf then po else 0 end'),
    ).to.deep.equal(['a->b', 'c->d']);
  });

  it('applies curried functions, tuple parameters and closures (static scope)', () => {
    expect(value('f(W, R)', 'let f(A, B) = A * B & loc')).to.deep.equal([
      'a->d',
      'c->b',
      'ix->d',
      'iy->b',
    ]);
    expect(value('g W R', 'let g A = fun B -> (A * B) & po')).to.deep.equal(['a->b', 'c->d']);
    expect(value('h()', 'let h() = rf')).to.deep.equal(['ix->d', 'iy->b']);
    expect(value('k R', 'let s = W\nlet k x = x | s\nlet s = 0')).to.deep.equal([
      'a',
      'b',
      'c',
      'd',
      'ix',
      'iy',
    ]);
  });

  it('maps a function over a set with the library map', () => {
    const union2 =
      'match singles with || {} -> 0 || s ++ rest -> match rest with || {} -> 0 || t ++ _ -> s | t end end';
    expect(value(union2, 'let singles = map (fun p -> p ++ 0) rf')).to.deep.equal([
      'ix->d',
      'iy->b',
    ]);
    expect(value('if map (fun e -> e ++ {}) R = classes([R]) then po else 0')).to.deep.equal([
      'a->b',
      'c->d',
    ]);
  });

  it('evaluates tags: enum sets, complements and matches', () => {
    const colours = "enum Colour = 'red || 'green || 'blue";
    expect(value("if ~{'red} = {'green, 'blue} then po else 0", colours)).to.deep.equal([
      'a->b',
      'c->d',
    ]);
    expect(value("if 'red | 'green = Colour \\ 'blue then po else 0", colours)).to.deep.equal([
      'a->b',
      'c->d',
    ]);
    expect(
      value("match 'green with 'red -> po || 'green -> rf || _ -> 0 end", colours),
    ).to.deep.equal(['ix->d', 'iy->b']);
    expect(value("match 'blue with 'red -> po || _ -> rf end", colours)).to.deep.equal([
      'ix->d',
      'iy->b',
    ]);
  });

  it('catches any evaluation error in try ... with', () => {
    expect(value('try NOT-DEFINED with R')).to.deep.equal(['b', 'd']);
    expect(value('try W | 0 with R')).to.deep.equal(['b', 'd']);
    expect(value('try fail(W) with rf')).to.deep.equal(['ix->d', 'iy->b']);
    expect(value('try W with R')).to.deep.equal(['a', 'c', 'ix', 'iy']);
  });

  it('computes the primitives', () => {
    const firstClass = (set: string) => `match ${set} with || {} -> {} || s ++ _ -> s end`;
    expect(value(firstClass('classes-loc(M)'))).to.have.length(3);
    expect(value(firstClass('partition(W)'))).to.have.length(2);
    expect(value(firstClass('classes(loc)'))).to.have.length(3);
    expect(value('if linearisations({}, 0) = {0} then po else 0')).to.deep.equal(['a->b', 'c->d']);
    expect(value('if linearisations(R, rf) = {} then 0 else po')).to.deep.equal(['a->b', 'c->d']);
    expect(value('different-values(loc & (W * R))')).to.deep.equal(['a->d', 'c->b']);
    expect(value('fromto(W)')).to.deep.equal([]);
    expect(value('as_transitive(po)')).to.deep.equal(['a->b', 'c->d']);
    expect(value("tag2events('t)", "enum T = 't")).to.deep.equal([]);
  });
});
