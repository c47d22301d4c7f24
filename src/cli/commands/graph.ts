// CLI adapter: `ordo graph`: the execution graphs of a test's witnesses or counterexamples, as
// DOT or as SVG rendered offline, on stdout or one file per test in a folder.
import * as fs from 'node:fs';
import { type CheckOptions, checkTest, type TestResult } from '../../enumerate';
import { parseLitmus } from '../../litmus';
import {
  type DotOptions,
  dotOptionsOf,
  type ExecutionGraph,
  type GraphFormat,
  type GraphRequest,
  type GraphSelection,
  renderDot,
  renderSvg,
  writeTestGraphs,
} from '../../report';
import type { GraphOptions, GraphResult } from '../../report/graph-model';
import { type Diagnostic, formatDiagnostic, hasErrors } from '../../source';
import { type Command, EXIT_FAILURES, EXIT_OK, EXIT_USAGE } from '../command';
import { resolveSetup } from '../config';
import { expandInputs } from '../inputs';
import { type LoadedSetup, loadSetup } from '../load-setup';
import { diskLookup } from '../source-lookup';
import { parseRunArgs, type RunArgs } from './run';
import { targetConf } from './table';

const USAGE = `Usage: ordo graph [options] FILE|DIR|@listfile ...

Draws the executions of each test the model accepts: events labelled as herd7 labels them
(a: W[ONCE][x]=1), one column per thread, po, rf, co and fr edges plus the model's relations
named with --relations, coloured by the configuration's edgeattr keys.

  --show witness|counterexample|all   executions satisfying the condition (default), the
                                      others, or all of them
  --relations R[,R...]                also draw these relations of the model (e.g. hb,pb)
  --format dot|svg                    DOT text (default) or SVG, rendered offline
  --max N                             at most N executions per test
  --arch T                            check under ordo's cat-models/<T>.cfg
  -o DIR                              write <test>.dot (or <test>.svg, <test>-<n>.svg per
                                      execution) into DIR instead of printing
Model and run options as for \`ordo run\`: --conf --model --bell --macros -I --variant
--unroll --timeout --max-candidates --max-events.
Exit status: 0 graphs drawn, 1 a test failed or has nothing to draw, 2 usage error.`;

interface GraphArgs {
  readonly request: GraphRequest;
  readonly format: GraphFormat;
  readonly out?: string;
  readonly run: RunArgs;
}

const SELECTIONS: readonly GraphSelection[] = ['witness', 'counterexample', 'all'];

export const graphCommand: Command = {
  summary: 'draw the execution graphs of a test (witnesses, counterexamples) as DOT or SVG',
  async run(argv) {
    const parsed = parseGraphArgs(argv);
    if (parsed === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (typeof parsed === 'string') {
      process.stderr.write(`ordo graph: ${parsed}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    return drawGraphs(parsed);
  },
};

function parseGraphArgs(argv: readonly string[]): GraphArgs | string | 'help' {
  let show: GraphSelection = 'witness';
  const relations: string[] = [];
  let format: GraphFormat = 'dot';
  let limit: number | undefined;
  let out: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!['--show', '--relations', '--format', '--max', '--arch', '-o', '--output'].includes(a)) {
      rest.push(a);
      continue;
    }
    const value = argv[++i];
    if (value === undefined) return `option ${a} needs a value`;
    if (a === '--show') {
      if (!(SELECTIONS as readonly string[]).includes(value)) {
        return `--show expects one of ${SELECTIONS.join(', ')}, not '${value}'`;
      }
      show = value as GraphSelection;
    } else if (a === '--relations') relations.push(...value.split(',').filter(Boolean));
    else if (a === '--format') {
      if (value !== 'dot' && value !== 'svg') return `--format expects dot or svg, not '${value}'`;
      format = value;
    } else if (a === '--max') {
      if (!/^\d+$/.test(value) || Number(value) < 1)
        return `--max expects an integer >= 1, not '${value}'`;
      limit = Number(value);
    } else if (a === '--arch') {
      const conf = targetConf(value);
      if (typeof conf !== 'string') return conf.problem;
      rest.unshift('--conf', conf);
    } else out = value;
  }
  const run = parseRunArgs(rest);
  if (run.help) return 'help';
  if (!run.args) return run.problem ?? 'bad options';
  if (run.args.inputs.length === 0) return 'no input files';
  return { request: { show, relations, limit }, format, out, run: run.args };
}

async function drawGraphs(args: GraphArgs): Promise<number> {
  const lookup = diskLookup();
  const printDiagnostics = (ds: readonly Diagnostic[]) => {
    for (const d of ds) process.stderr.write(`${formatDiagnostic(d, lookup)}\n`);
  };
  if (args.out && !fs.existsSync(args.out)) {
    process.stderr.write(`ordo graph: no such folder: ${args.out}\n`);
    return EXIT_USAGE;
  }
  const setup = resolveSetup(args.run.settings, {
    cwd: process.cwd(),
    includeDirs: args.run.includeDirs,
  });
  printDiagnostics(setup.diagnostics);
  if (!setup.value) return EXIT_FAILURES;
  const loaded = loadSetup(setup.value);
  printDiagnostics(loaded.diagnostics);
  if (!loaded.value) return EXIT_FAILURES;
  const dotOptions = dotOptionsOf(setup.value.picture);
  const { files, problems } = expandInputs(args.run.inputs);
  for (const p of problems) process.stderr.write(`ordo graph: ${p.message}\n`);
  let failed = problems.length;
  const drawn: { file: string; graphs: readonly ExecutionGraph[] }[] = [];
  for (const file of files) {
    const graphs = graphsOf(file, loaded.value, args, printDiagnostics);
    if (!graphs) failed++;
    else if (graphs.length === 0) {
      process.stderr.write(
        `ordo graph: ${file}: no ${args.request.show === 'all' ? 'execution' : args.request.show}\n`,
      );
      failed++;
    } else drawn.push({ file, graphs });
  }
  const status = await emit(drawn, args, dotOptions);
  if (status !== EXIT_OK) return status;
  return failed === 0 ? EXIT_OK : EXIT_FAILURES;
}

/** The selected graphs of one test, or undefined when it could not be checked (reported). */
function graphsOf(
  file: string,
  loaded: LoadedSetup,
  args: GraphArgs,
  printDiagnostics: (ds: readonly Diagnostic[]) => void,
): readonly ExecutionGraph[] | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`ordo graph: cannot read ${file}\n`);
    return undefined;
  }
  const parsed = parseLitmus(text, file);
  printDiagnostics(parsed.diagnostics);
  if (!parsed.value || hasErrors(parsed.diagnostics)) return undefined;
  const timeoutSeconds = args.run.timeoutSeconds ?? loaded.setup.timeoutSeconds;
  const options: CheckOptions & GraphOptions = {
    variants: loaded.setup.variants,
    unroll: loaded.setup.unroll,
    timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
    maxCandidates: args.run.maxCandidates,
    maxEvents: args.run.maxEvents,
    graphs: args.request,
  };
  const result: TestResult & GraphResult = checkTest(
    parsed.value,
    loaded.macros,
    loaded.model,
    options,
  );
  printDiagnostics(result.diagnostics);
  if (hasErrors(result.diagnostics)) return undefined;
  if (!result.graphs) throw new Error('the enumerator did not record execution graphs');
  if (result.limit)
    process.stderr.write(
      `ordo graph: ${file}: ${result.limit} limit reached, graphs may be missing\n`,
    );
  const missing = args.request.relations.filter(
    (r) => !result.graphs!.some((g) => g.relations.some((x) => x.name === r)),
  );
  if (result.graphs.length && missing.length) {
    process.stderr.write(`ordo graph: the model defines no relation named ${missing.join(', ')}\n`);
  }
  return result.graphs;
}

/** Files into a folder, or DOT (any number of graphs) or a single SVG on stdout. */
async function emit(
  drawn: readonly { file: string; graphs: readonly ExecutionGraph[] }[],
  args: GraphArgs,
  options: DotOptions,
): Promise<number> {
  if (args.out) {
    for (const { file, graphs } of drawn) {
      for (const written of await writeTestGraphs(args.out, file, graphs, args.format, options)) {
        process.stderr.write(`ordo graph: wrote ${written}\n`);
      }
    }
    return EXIT_OK;
  }
  const all = drawn.flatMap((d) => d.graphs);
  if (args.format === 'dot') {
    process.stdout.write(all.map((g) => renderDot(g, options)).join(''));
    return EXIT_OK;
  }
  if (all.length > 1) {
    process.stderr.write(
      `ordo graph: ${all.length} graphs make several SVG files: use -o DIR (or --max 1)\n`,
    );
    return EXIT_USAGE;
  }
  if (all.length === 1) process.stdout.write(await renderSvg(renderDot(all[0], options)));
  return EXIT_OK;
}
