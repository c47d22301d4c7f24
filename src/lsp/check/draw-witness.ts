// LSP adapter: draws a witness in the worker: checks the text with a graph request and renders
// the first execution satisfying the condition (src/report's DOT and offline SVG).
import type { LoadedSetup } from '../../cli/load-setup';
import { type CheckOptions, checkTest, type TestResult } from '../../enumerate';
import { parseLitmus } from '../../litmus';
import { dotOptionsOf, renderDot, renderSvg } from '../../report';
import type { GraphOptions, GraphResult } from '../../report/graph-model';
import { hasErrors, type Result } from '../../source';
import type { WitnessAnswer } from '../witness';
import type { WitnessJob } from './messages';

export async function drawWitness(
  job: WitnessJob,
  loaded: Result<LoadedSetup>,
): Promise<WitnessAnswer> {
  const setup = loaded.value;
  if (!setup) return { kind: 'none', message: 'the model does not load: see its diagnostics' };
  const test = parseLitmus(job.text, job.file).value;
  if (!test) return { kind: 'none', message: 'the test does not parse' };
  const options: CheckOptions & GraphOptions = {
    variants: setup.setup.variants,
    unroll: setup.setup.unroll,
    timeoutMs: job.limits.timeoutMs,
    maxCandidates: job.limits.maxCandidates,
    graphs: { show: 'witness', relations: [], limit: 1 },
  };
  const result: TestResult & GraphResult = checkTest(test, setup.macros, setup.model, options);
  if (hasErrors(result.diagnostics))
    return { kind: 'none', message: result.diagnostics[0].message };
  if (!result.graphs)
    return { kind: 'none', message: 'this checker does not record execution graphs' };
  const graph = result.graphs[0];
  if (!graph) {
    const why = result.limit
      ? `the ${result.limit} limit was reached first`
      : 'no execution satisfies the condition';
    return { kind: 'none', message: `No witness to draw: ${why}.` };
  }
  const dot = renderDot(graph, dotOptionsOf(setup.setup.picture));
  try {
    return { kind: 'graph', dot, svg: await renderSvg(dot) };
  } catch {
    return { kind: 'graph', dot };
  }
}
