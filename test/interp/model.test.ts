import { expect } from 'chai';
import { bellTags, runModel } from '../../src/interp';
import { buildExecution, init } from '../support/build-execution';
import { compileCat, mustCompile, runCat } from '../support/run-cat';

// ix iy: initial writes; thread 0: a = W x, b = R y; thread 1: c = W y, d = R x.
const SB = buildExecution({
  events: [
    ...init(['x', 0], ['y', 0]),
    { name: 'a', kind: 'W', thread: 0, loc: 'x', value: 1, tags: ['once'] },
    { name: 'b', kind: 'R', thread: 0, loc: 'y', value: 0, tags: ['once', 'acquire'] },
    { name: 'c', kind: 'W', thread: 1, loc: 'y', value: 1 },
    { name: 'd', kind: 'R', thread: 1, loc: 'x', value: 0 },
  ],
  rf: [
    ['iy', 'b'],
    ['ix', 'd'],
  ],
});

const PO = ['a->b', 'c->d'];
const RF = ['ix->d', 'iy->b'];

function run(text: string, names: string[] = [], options = {}) {
  return runCat(mustCompile(text, options), SB, names);
}

describe('cat models: bindings', () => {
  it('evaluates bindings lazily: a failing definition is harmless while unused', () => {
    expect(run('let bad = W | 0\nlet ok = po', ['ok'])[0].values.ok).to.deep.equal(PO);
  });

  it('scopes statically: redefining a name does not change earlier definitions', () => {
    const r = run('let a = po\nlet b = a | rf\nlet a = 0', ['a', 'b'])[0].values;
    expect(r).to.deep.equal({ a: [], b: [...PO, ...RF].sort() });
  });

  it('binds simultaneously with and', () => {
    expect(run('let a = po\nlet a = rf and b = a', ['b'])[0].values.b).to.deep.equal(PO);
  });

  it('destructures tuples in bindings', () => {
    expect(run('let (p, q) = (po, rf)\nlet r, s = q, p', ['r', 's'])[0].values).to.deep.equal({
      r: RF,
      s: PO,
    });
  });

  it('ignores a trailing in after a top-level binding', () => {
    expect(run('let a = po in\nlet b = a', ['b'])[0].values.b).to.deep.equal(PO);
  });
});

describe('cat models: let rec', () => {
  it('computes the least fixpoint of recursive relations', () => {
    const r = run('let rec t = po | rf^-1 | (t ; (po | rf^-1))', ['t']);
    expect(r[0].values.t).to.deep.equal(['a->b', 'a->iy', 'b->iy', 'c->d', 'c->ix', 'd->ix']);
  });

  it('iterates mutually recursive bindings together', () => {
    const r = run('let rec even = id & po | (odd ; po) and odd = po | (even ; po)', [
      'even',
      'odd',
    ]);
    expect(r[0].values).to.deep.equal({ even: [], odd: PO });
  });

  it('evaluates each binding with the values just computed in the same step (Gauss-Seidel)', () => {
    // Jacobi steps (both bindings reading the previous step) would end with x = y = {}.
    const r = run('let rec x = po \\ y and y = po \\ x', ['x', 'y']);
    expect(r[0].values).to.deep.equal({ x: PO, y: [] });
  });

  it('ties recursive functions together', () => {
    const text =
      'let rec size s = match s with || {} -> 0 || e ++ rest -> po | size rest end\nlet n = size(W)';
    expect(run(text, ['n'])[0].values.n).to.deep.equal(PO);
  });

  it('checks the when test of a let rec group', () => {
    expect(run('let rec t = po | (t ; rf) when acyclic t')).to.have.length(1);
    expect(run('let rec t = po | (t ; rf) when ~acyclic t')).to.have.length(0);
  });

  it('stops a let rec that never converges with a positioned error', () => {
    const model = mustCompile('let rec x = if x = po then rf else po\nacyclic x');
    expect(() => runModel(model, SB, () => undefined)).to.throw(
      /let rec x does not converge after 10000 steps/,
    );
  });
});

describe('cat models: instructions', () => {
  it('accepts when every check holds, rejects on the first failing one', () => {
    expect(run('acyclic po\nirreflexive po\n~empty po\nempty po & rf')).to.have.length(1);
    expect(run('acyclic po\nempty po')).to.have.length(0);
    expect(run('irreflexive po?')).to.have.length(0);
  });

  it('skips checks named in skipChecks', () => {
    expect(run('empty po as nonsense', [], { skipChecks: ['nonsense'] })).to.have.length(1);
  });

  it('records flags per branch, losing those of rejected branches', () => {
    expect(run('flag ~empty po as has-po\nflag ~empty 0 as never')[0].flags).to.deep.equal([
      'has-po',
    ]);
    expect(run('flag ~empty po as has-po\nempty po')).to.deep.equal([]);
  });

  it('raises Undef from a failing undefined_unless, and fails a run on a failing assert', () => {
    expect(run('undefined_unless empty po')[0].undef).to.equal(true);
    expect(run('undefined_unless empty 0')[0].undef).to.equal(false);
    expect(() => run('assert empty po as no-po')).to.throw('assertion no-po failed');
  });

  it('branches on with: one accepted execution per surviving choice', () => {
    const text =
      'with r from {po, rf, 0, po | rf}\nflag ~empty r & rf as reads\nacyclic r\nempty r & po & rf';
    const r = run(text, ['r']);
    expect(r.map((b) => [b.values.r, b.flags])).to.have.deep.members([
      [PO, []],
      [RF, ['reads']],
      [[], []],
      [[...PO, ...RF].sort(), ['reads']],
    ]);
    expect(run('with r from {}')).to.have.length(0);
  });

  it('stops enumerating branches when the callback says stop', () => {
    let seen = 0;
    runModel(mustCompile('with r from {po, rf, 0}'), SB, () => {
      seen++;
      return 'stop';
    });
    expect(seen).to.equal(1);
  });

  it('keeps values computed before a with for all its branches', () => {
    const r = run('let a = po\nwith r from {rf, 0}\nlet b = a | r', ['b']);
    expect(r.map((b) => b.values.b)).to.have.deep.members([[...PO, ...RF].sort(), PO]);
  });

  it('calls procedures: checks inside reject, flags stay, bindings are dropped', () => {
    const proc =
      'procedure chk(r, name) = let x = r\nempty x end\nprocedure fl(r) = flag ~empty r as seen end\n';
    expect(run(`${proc}call chk(0, po)`)).to.have.length(1);
    expect(run(`${proc}call chk(po, 0)`)).to.have.length(0);
    expect(run(`${proc}call fl(po)\nlet x = rf`, ['x'])[0]).to.deep.equal({
      flags: ['seen'],
      undef: false,
      values: { x: RF },
    });
    expect(
      run(`${proc}call chk(po, 0) as skipped`, [], { skipChecks: ['skipped'] }),
    ).to.have.length(1);
  });

  it('runs forall once per element', () => {
    expect(run('forall s in {0, po} do flag ~empty s as nonempty end')[0].flags).to.deep.equal([
      'nonempty',
    ]);
    expect(run('forall s in {0, po} do empty s end')).to.have.length(0);
  });

  it('matches tags in instructions', () => {
    const text = "enum T = 'a || 'b\nmatch 'b with 'a -> empty po || 'b -> flag ~empty po as b end";
    expect(run(text)[0].flags).to.deep.equal(['b']);
  });

  it('chooses variant blocks and variant expressions', () => {
    const text =
      'if "v" && not "w" let x = po else let x = rf end\nlet y = if "w" || "v" then po else rf';
    expect(run(text, ['x', 'y'], { variants: ['v'] })[0].values).to.deep.equal({ x: PO, y: PO });
    expect(run(text, ['x', 'y'])[0].values).to.deep.equal({ x: RF, y: RF });
  });

  it('includes files from the including folder, executing them at each include', () => {
    const files = { 'inc.cat': 'let count = {count}' };
    const r = run(
      'let count = 0\ninclude "inc.cat"\ninclude "inc.cat"\nlet two = if count = {{0}} then po else rf',
      ['two'],
      {
        files,
      },
    );
    expect(r[0].values.two).to.deep.equal(PO);
  });

  it('lets the bell declare annotation sets and tag sets', () => {
    const bell =
      "enum Marks = 'once || 'acquire || 'release\ninstructions R[Marks]\ninstructions W[{'once}]";
    const model = mustCompile(
      'let a = Once | Acquire\nlet r = Release\nlet all = if ~Marks = {} then po else 0',
      { bell },
    );
    expect(bellTags(model)).to.deep.equal(['once', 'acquire', 'release']);
    expect(runCat(model, SB, ['a', 'r', 'all'])[0].values).to.deep.equal({
      a: ['a', 'b'],
      r: [],
      all: PO,
    });
  });
});

describe('cat models: load diagnostics', () => {
  it('reports syntax errors of included files and missing includes', () => {
    const missing = compileCat('include "nowhere.cat"');
    expect(missing.value).to.equal(undefined);
    expect(missing.diagnostics.map((d) => [d.code, d.span.start, d.span.end])).to.deep.equal([
      ['cat/include-not-found', 0, 21],
    ]);
    const broken = compileCat('include "bad.cat"', { files: { 'bad.cat': 'let x = ' } });
    expect(broken.diagnostics.map((d) => [d.code, d.span.file.endsWith('bad.cat')])).to.deep.equal([
      ['cat/syntax', true],
    ]);
  });

  it('reports an include cycle', () => {
    const r = compileCat('include "a.cat"', {
      files: { 'a.cat': 'include "b.cat"', 'b.cat': 'include "a.cat"' },
    });
    expect(r.diagnostics.map((d) => d.message)).to.deep.equal(['"a.cat" includes itself']);
  });

  it('reports a bell declaring a class of events herd does not know', () => {
    const r = compileCat('let x = 0', { bell: "enum T = 't\ninstructions Q[T]" });
    expect(r.diagnostics.map((d) => d.message)).to.deep.equal([
      'event class Q is not one of R W F RMW B CALL SRCU',
    ]);
  });

  it('warns about a flag without a name', () => {
    const r = compileCat('flag ~empty po');
    expect(r.value).to.not.equal(undefined);
    expect(r.diagnostics.map((d) => [d.severity, d.code])).to.deep.equal([
      ['warning', 'cat/unnamed-flag'],
    ]);
  });
});
