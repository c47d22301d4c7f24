// Enumeration tests: reads-from, final writes and final states on small tests, with a model
// that accepts every candidate (so the numbers count candidates), and the early rejections.
import { expect } from 'chai';
import { type CheckOptions, checkWithRunner, toGraph } from '../../src/enumerate';
import { formatStates } from '../../src/report/states';
import { cTest, MACROS, parseTest } from '../events/support';

function run(body: string, options: Partial<CheckOptions> = {}) {
  const r = checkWithRunner(
    cTest(body),
    MACROS,
    (_exec, accept) => void accept({ flags: [], undef: false }),
    {
      variants: ['lkmmv2'],
      ...options,
    },
  );
  expect(r.diagnostics).to.deep.equal([]);
  return {
    candidates: r.candidates,
    states: formatStates(r.states),
    satisfied: r.satisfied,
    result: r,
  };
}

const SB = `
P0(int *x, int *y) { WRITE_ONCE(*x, 1); int r0 = READ_ONCE(*y); }
P1(int *x, int *y) { WRITE_ONCE(*y, 1); int r0 = READ_ONCE(*x); }
exists (0:r0=0 /\\ 1:r0=0)`;

describe('enumerate: reads-from and final states', () => {
  it('lets each read read the initial value or any write to its location', () => {
    const r = run(SB);
    expect(r.candidates).to.equal(4);
    expect(r.states).to.deep.equal([
      '0:r0=0; 1:r0=0;',
      '0:r0=0; 1:r0=1;',
      '0:r0=1; 1:r0=0;',
      '0:r0=1; 1:r0=1;',
    ]);
    expect(r.satisfied).to.equal(1);
  });

  it('rejects reads-from that coherence forbids, unless pruning is off', () => {
    const corr = `
P0(int *x) { WRITE_ONCE(*x, 1); }
P1(int *x) { int r0 = READ_ONCE(*x); int r1 = READ_ONCE(*x); }
exists (1:r0=1 /\\ 1:r1=0)`;
    expect(run(corr).states).to.deep.equal([
      '1:r0=0; 1:r1=0;',
      '1:r0=0; 1:r1=1;',
      '1:r0=1; 1:r1=1;',
    ]);
    expect(run(corr, { pruning: false }).candidates).to.equal(4);
  });

  it('chooses a final write per observed location, never the initial one if there are others', () => {
    const r = run(`
P0(int *x) { WRITE_ONCE(*x, 1); }
P1(int *x) { WRITE_ONCE(*x, 2); }
exists (x=1)`);
    expect(r.states).to.deep.equal(['[x]=1;', '[x]=2;']);
    expect(r.candidates).to.equal(2);
  });

  it('propagates values through registers and stores', () => {
    const r = run(`
P0(int *x, int *y) { int r0 = READ_ONCE(*x); WRITE_ONCE(*y, r0 + 1); }
P1(int *x) { WRITE_ONCE(*x, 5); }
exists (y=6)`);
    expect(r.states).to.deep.equal(['[y]=1;', '[y]=6;']);
  });

  it('drops reads-from whose values contradict a branch taken', () => {
    const r = run(`
P0(int *x, int *y) { int r0 = READ_ONCE(*x); if (r0 == 1) { WRITE_ONCE(*y, 1); } }
P1(int *x) { WRITE_ONCE(*x, 1); }
exists (y=1)`);
    expect(r.states).to.deep.equal(['[y]=0;', '[y]=1;']);
    expect(r.candidates).to.equal(2);
  });

  it('follows pointers read from memory', () => {
    const r = checkWithRunner(
      parseTest(`C t
{ p = b; b = 7; }
P0(int **p, int *a) { WRITE_ONCE(*a, 1); WRITE_ONCE(*p, a); }
P1(int **p) { int *r0 = READ_ONCE(*p); int r1 = READ_ONCE(*r0); }
exists (1:r0=a /\\ 1:r1=0)`),
      MACROS,
      (_e, accept) => void accept({ flags: [], undef: false }),
      { variants: ['lkmmv2'] },
    );
    expect(formatStates(r.states)).to.deep.equal([
      '1:r0=a; 1:r1=0;',
      '1:r0=a; 1:r1=1;',
      '1:r0=b; 1:r1=7;',
    ]);
  });

  it('rejects two RMWs of different threads reading the same write', () => {
    const r = run(`
P0(int *x) { int r0 = xchg(x, 1); }
P1(int *x) { int r0 = xchg(x, 2); }
exists (0:r0=0 /\\ 1:r0=0)`);
    expect(r.states).to.not.include('0:r0=0; 1:r0=0;');
  });

  it('applies the filter, even to partial candidates', () => {
    const r = run(`${SB.replace('exists', 'filter (0:r0=1)\nexists')}`);
    expect(r.states).to.deep.equal(['0:r0=1; 1:r0=0;', '0:r0=1; 1:r0=1;']);
    expect(r.candidates).to.equal(2);
  });

  it('names undetermined (out-of-thin-air) values as herd does', () => {
    const r = run(`
P0(int *x, int *y) { int r1; r1 = *x; *y = r1; }
P1(int *x, int *y) { int r1; r1 = *y; *x = r1; }
exists (0:r1=1)`);
    expect(r.states).to.include('0:r1=S8;');
  });

  it('ends with a limit instead of running forever', () => {
    const r = run(SB, { maxCandidates: 2 });
    expect(r.result.limit).to.equal('candidates');
    expect(r.candidates).to.equal(2);
    expect(run(SB, { maxEvents: 3 }).result.limit).to.equal('events');
  });

  it('reports paths cut by the loop unrolling bound', () => {
    const loop = `
P0(int *x) { int r0 = READ_ONCE(*x); while (r0 == 1) { r0 = READ_ONCE(*x); } }
P1(int *x) { WRITE_ONCE(*x, 1); }
exists (0:r0=0)`;
    const r = run(loop);
    expect(r.result.loop).to.equal(true);
    expect(r.states).to.deep.equal(['0:r0=0;']);
  });

  it('records execution graphs when asked', () => {
    const r = run(SB, { graphs: { show: 'witness', relations: [] } }).result;
    expect(r.graphs).to.have.length(1);
    const g = r.graphs![0];
    expect(
      g.events.map(
        (e) => `${e.action}${e.location ?? ''}${e.value === undefined ? '' : `=${e.value}`}`,
      ),
    ).to.deep.equal(['Wx=0', 'Wy=0', 'Wx=1', 'Ry=0', 'Wy=1', 'Rx=0']);
    expect(g.relations.find((x) => x.name === 'rf')!.pairs).to.deep.equal([
      [0, 5],
      [1, 3],
    ]);
    const graph = toGraph(g);
    expect(graph.order).to.equal(6);
    expect(graph.filterEdges((_e, attrs) => attrs.type === 'rf')).to.have.length(2);
    expect(graph.getNodeAttribute('3', 'action')).to.equal('R');
  });
});

describe('enumerate: errors', () => {
  it('turns a user error raised by the model into a diagnostic of the result', () => {
    const { error: mk, UserError } =
      require('../../src/source') as typeof import('../../src/source');
    const r = checkWithRunner(
      cTest(SB),
      MACROS,
      () => {
        throw new UserError(
          mk('cat/unbound', 'unbound name foo', { file: 'm.cat', start: 0, end: 3 }),
        );
      },
      { variants: ['lkmmv2'] },
    );
    expect(r.diagnostics.map((d) => d.message)).to.deep.equal(['unbound name foo']);
  });

  it('reports an access through a pointer that holds no address', () => {
    const r = checkWithRunner(
      cTest('P0(int *x) { int *r0 = READ_ONCE(*x); int r1 = READ_ONCE(*r0); }\nexists (0:r1=0)'),
      MACROS,
      (_e, accept) => void accept({ flags: [], undef: false }),
      { variants: ['lkmmv2'] },
    );
    expect(r.diagnostics.map((d) => d.code)).to.deep.equal(['events/bad-address']);
  });
});
