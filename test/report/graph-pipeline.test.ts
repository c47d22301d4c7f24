import { expect } from 'chai';
import { resolveSetup } from '../../src/cli/config';
import { type LoadedSetup, loadSetup } from '../../src/cli/load-setup';
import { type CheckOptions, checkTest, type TestResult } from '../../src/enumerate';
import { parseLitmus } from '../../src/litmus';
import { dotOptionsOf, renderDot } from '../../src/report/dot';
import type {
  ExecutionGraph,
  GraphOptions,
  GraphRequest,
  GraphResult,
} from '../../src/report/graph-model';
import { renderSvg } from '../../src/report/graph-svg';
import { drawnEdges } from '../support/drawn-edges';

const SB = `C SB
{}
P0(int *x, int *y) { int r0; WRITE_ONCE(*x, 1); r0 = READ_ONCE(*y); }
P1(int *x, int *y) { int r0; WRITE_ONCE(*y, 1); r0 = READ_ONCE(*x); }
exists (0:r0=0 /\\ 1:r0=0)
`;

const MP = `C MP+wmb+rmb
{}
P0(int *data, int *flag) { WRITE_ONCE(*data, 1); smp_wmb(); WRITE_ONCE(*flag, 1); }
P1(int *data, int *flag) { int r0; int r1; r0 = READ_ONCE(*flag); smp_rmb(); r1 = READ_ONCE(*data); }
exists (1:r0=1 /\\ 1:r1=0)
`;

/** The executions of SB and MP as ordo's default model accepts them, drawn. */
describe('report: execution graphs from the checker', function () {
  this.timeout(60000);
  let loaded: LoadedSetup;

  before(function () {
    const setup = resolveSetup([], { cwd: process.cwd(), includeDirs: [] });
    const model = setup.value && loadSetup(setup.value);
    if (!model?.value) throw new Error('cannot load the default model');
    loaded = model.value;
    const probe = graphsOf(SB, { show: 'all', relations: [] });
    if (probe.graphs === undefined) {
      console.log(
        '    note: checkTest does not record execution graphs yet (CheckOptions.graphs); skipping',
      );
      this.skip();
    }
  });

  function graphsOf(text: string, request: GraphRequest): TestResult & GraphResult {
    const test = parseLitmus(text, 'test.litmus').value!;
    const options: CheckOptions & GraphOptions = {
      variants: loaded.setup.variants,
      graphs: request,
    };
    return checkTest(test, loaded.macros, loaded.model, options);
  }

  function only(result: GraphResult): ExecutionGraph {
    expect(result.graphs).to.have.length(1);
    return result.graphs![0];
  }

  it("draws SB's one witness: both reads from the initial values, fr to the other thread's write", () => {
    const g = only(graphsOf(SB, { show: 'witness', relations: [] }));
    const dot = renderDot(g, dotOptionsOf(loaded.setup.picture));
    expect(dot).to.contain('[label="a: W[ONCE][x]=1"]');
    expect(dot).to.contain('[label="b: R[ONCE][y]=0"]');
    expect(dot).to.contain('[label="c: W[ONCE][y]=1"]');
    expect(dot).to.contain('[label="d: R[ONCE][x]=0"]');
    expect(drawnEdges(dot)).to.have.members([
      'a -po-> b',
      'c -po-> d',
      'init -rf-> b',
      'init -rf-> d',
      'b -fr-> c',
      'd -fr-> a',
    ]);
  });

  it("draws SB's counterexamples and all its executions", () => {
    const result = graphsOf(SB, { show: 'counterexample', relations: [] });
    expect(result.graphs).to.have.length(result.unsatisfied);
    expect(result.graphs!.every((g) => !g.satisfies)).to.equal(true);
    expect(graphsOf(SB, { show: 'all', relations: [], limit: 2 }).graphs).to.have.length(2);
  });

  it('draws no witness of MP+wmb+rmb, and its counterexamples with the fences and hb', () => {
    expect(graphsOf(MP, { show: 'witness', relations: [] }).graphs).to.deep.equal([]);
    const result = graphsOf(MP, { show: 'counterexample', relations: ['hb'] });
    const seen = result.graphs!.find((g) =>
      g.state?.values.some(
        (v) =>
          v.loc.kind === 'reg' &&
          v.loc.reg === 'r0' &&
          v.value.kind === 'int' &&
          v.value.value === 1,
      ),
    )!;
    const dot = renderDot(seen);
    // The fences' tags are the .def's spelling (`wmb` in ordo's, `WMB` in lkmmv2 upstream).
    expect(dot).to.match(/\[label="b: F\[wmb\]"\]/i);
    expect(dot).to.match(/\[label="e: F\[rmb\]"\]/i);
    expect(drawnEdges(dot)).to.include.members([
      'c -rf-> d',
      'a -po-> b',
      'b -po-> c',
      'd -po-> e',
      'e -po-> f',
    ]);
    expect(drawnEdges(dot).filter((e) => e.includes('-hb->'))).not.to.deep.equal([]);
  });

  it('renders a witness as SVG offline', async () => {
    const svg = await renderSvg(renderDot(only(graphsOf(SB, { show: 'witness', relations: [] }))));
    expect(svg).to.contain('a: W[ONCE][x]=1');
    expect(svg.match(/class="edge"/g)).to.have.length(6);
  });
});
