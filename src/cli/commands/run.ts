// CLI adapter: `ordo run`: check litmus tests against a model; herd7's text blocks or JSON lines.
import * as os from 'node:os';
import { dotOptionsOf, formatHerdText, formatJsonLine, outcomeFailed } from '../../report';
import { type Diagnostic, formatDiagnostic } from '../../source';
import type { RunTarget } from '../arch-targets';
import { runBatch } from '../batch';
import { type GraphOutput, graphWriter, prepareGraphDir, takeGraphOptions } from '../batch-graphs';
import type { CheckLimits } from '../check-file';
import { type Command, EXIT_FAILURES, EXIT_OK, EXIT_USAGE } from '../command';
import { commandLineSetting, resolveSetup, type Setting } from '../config';
import { expandInputs } from '../inputs';
import { progressLine } from '../progress';
import { diskLookup } from '../source-lookup';
import { runArch, setTargets } from './run-arch';

const USAGE = `Usage: ordo run [options] FILE|DIR|@listfile ...

Checks C litmus tests against a memory model and prints herd7's result block for each
(in input order), or one JSON object per line with --json. Without a model option, ordo's
own Linux-kernel memory model (cat-models/lkmm.cfg) is used.

Model:
  --conf FILE            herd-style configuration file (e.g. linux-kernel.cfg)
  --model FILE           cat model (overrides the configuration's)
  --bell FILE            bell file
  --macros FILE          .def macro file for C primitives
  -I DIR                 add DIR to the search path for model files (repeatable)
  --variant V[,V...]     model variants, e.g. lkmmv2 (repeatable)
  --arch T[,T...]        check under each target instead: lkmm, x86-64, arm64, arm64-llsc,
                         power, riscv, sc, or all; kernel primitives are lowered to what
                         Linux emits on each architecture. Each herd block is preceded by a
                         line \`Target T\` (JSON: a "target" key); a test using a primitive
                         a target cannot lower (RCU grace periods, SRCU) is reported
                         "not checked" on it
Run:
  --jobs N, -j N         worker threads (default: the number of cores)
  --timeout S            stop a test after S seconds with "limit reached"
  --max-candidates N     stop a test after N candidate executions with "limit reached"
  --max-events N         refuse tests with more than N events ("limit reached")
  --unroll N             loop unrolling bound (herd's default is 2)
  --json                 one JSON object per test and line on stdout
Graphs (not with --arch):
  --graphs DIR           also draw each test's executions into DIR (created if missing):
                         <test>.dot, or <test>.svg (<test>-<n>.svg for several); nothing
                         for a test without such an execution
  --show witness|counterexample|all
                         executions satisfying the condition (default), the others, or all
  --format dot|svg       DOT text (default) or SVG, rendered offline
Exit status: 0 all tests ran, 1 some failed (errors on stderr), 2 usage error.`;

export interface RunArgs {
  /** Model settings in the order they apply: configuration files first, then the rest. */
  readonly settings: Setting[];
  readonly includeDirs: string[];
  readonly inputs: string[];
  jobs: number;
  json: boolean;
  timeoutSeconds?: number;
  maxCandidates?: number;
  maxEvents?: number;
  /** `--arch`: the targets to check under, in order. */
  targets?: RunTarget[];
}

type Parsed = { readonly args?: RunArgs; readonly problem?: string; readonly help?: boolean };

function integer(option: string, value: string): number | string {
  return /^[1-9]\d*$/.test(value)
    ? Number(value)
    : `${option} expects an integer >= 1, not '${value}'`;
}

/** What each option taking a value does with it; a string result is a usage problem. */
type OptionHandler = (
  args: RunArgs,
  value: string,
  option: string,
  model: { confs: Setting[]; others: Setting[] },
) => string | undefined;

const setting =
  (key: string): OptionHandler =>
  (_args, value, _option, model) => {
    (key === 'conf' ? model.confs : model.others).push(commandLineSetting(key, value));
    return undefined;
  };

const count =
  (apply: (args: RunArgs, n: number) => void): OptionHandler =>
  (args, value, option) => {
    const n = integer(option, value);
    if (typeof n === 'string') return n;
    apply(args, n);
    return undefined;
  };

const VALUE_OPTIONS: Readonly<Record<string, OptionHandler>> = {
  '--conf': setting('conf'),
  '--model': setting('model'),
  '--cat': setting('model'),
  '--bell': setting('bell'),
  '--macros': setting('macros'),
  '--variant': setting('variant'),
  '--unroll': setting('unroll'),
  '-I': (args, value) => void args.includeDirs.push(value),
  '--include': (args, value) => void args.includeDirs.push(value),
  '--jobs': count((args, n) => (args.jobs = n)),
  '-j': count((args, n) => (args.jobs = n)),
  '--max-candidates': count((args, n) => (args.maxCandidates = n)),
  '--max-events': count((args, n) => (args.maxEvents = n)),
  '--arch': (args, value) => setTargets(args, value),
  '--timeout': (args, value) => {
    if (!/^\d+(\.\d*)?$/.test(value) || Number(value) <= 0) {
      return `--timeout expects a positive number of seconds, not '${value}'`;
    }
    args.timeoutSeconds = Number(value);
    return undefined;
  },
};

export function defaultJobs(): number {
  return os.availableParallelism?.() ?? os.cpus().length;
}

export function parseRunArgs(argv: readonly string[]): Parsed {
  const model = { confs: [] as Setting[], others: [] as Setting[] };
  const args: RunArgs = {
    settings: [],
    includeDirs: [],
    inputs: [],
    jobs: defaultJobs(),
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { help: true };
    if (a === '--json') args.json = true;
    else if (a === '--') {
      args.inputs.push(...argv.slice(i + 1));
      break;
    } else if (!a.startsWith('-') || a === '-') args.inputs.push(a);
    else if (/^-I./.test(a)) args.includeDirs.push(a.slice(2));
    else {
      const handle = VALUE_OPTIONS[a];
      if (!handle) return { problem: `unknown option ${a}` };
      const value = argv[++i];
      if (value === undefined) return { problem: `option ${a} needs a value` };
      const problem = handle(args, value, a, model);
      if (problem) return { problem };
    }
  }
  args.settings.push(...model.confs, ...model.others);
  return { args };
}

export const runCommand: Command = {
  summary: 'check litmus tests against a model; print herd7-style results (or JSON)',
  async run(argv) {
    const taken = takeGraphOptions(argv);
    const parsed = typeof taken === 'string' ? { problem: taken } : parseRunArgs(taken.rest);
    if (parsed.help) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    const graphs = typeof taken === 'string' ? undefined : taken.graphs;
    const args = parsed.args?.inputs.length ? parsed.args : undefined;
    let problem = args ? undefined : (parsed.problem ?? 'no input files');
    if (args && graphs) {
      problem = args.targets
        ? '--graphs is not supported with --arch (use ordo graph --arch T)'
        : prepareGraphDir(graphs.dir);
    }
    if (problem || !args) {
      process.stderr.write(`ordo run: ${problem}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    return runTests(args, graphs);
  },
};

async function runTests(args: RunArgs, graphs?: GraphOutput): Promise<number> {
  if (args.targets) return runArch(args, args.targets);
  const lookup = diskLookup();
  const printed = new Set<string>();
  const printDiagnostics = (ds: readonly Diagnostic[]) => {
    for (const d of ds) {
      const text = formatDiagnostic(d, lookup);
      // A model's error comes back from every test it stops: say it once per batch.
      if (printed.has(text)) continue;
      printed.add(text);
      process.stderr.write(`${text}\n`);
    }
  };
  const search = { cwd: process.cwd(), includeDirs: args.includeDirs };
  const setup = resolveSetup(args.settings, search);
  printDiagnostics(setup.diagnostics);
  if (!setup.value) return EXIT_FAILURES;
  const { files, problems } = expandInputs(args.inputs);
  for (const p of problems) process.stderr.write(`ordo run: ${p.message}\n`);
  const timeoutSeconds = args.timeoutSeconds ?? setup.value.timeoutSeconds;
  const limits: CheckLimits = {
    timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
    maxCandidates: args.maxCandidates,
    maxEvents: args.maxEvents,
  };
  const progress =
    process.stderr.isTTY && files.length > 1 ? progressLine(files.length) : undefined;
  const writer = graphs && graphWriter(graphs, dotOptionsOf(setup.value.picture));
  const plan = graphs && { show: graphs.show, relations: [] };
  const summary = await runBatch(
    files,
    { setup: setup.value, jobs: args.jobs, limits, graphs: plan },
    {
      model: (status) => printDiagnostics(status.modelDiagnostics),
      outcome: (o, i) => {
        progress?.clear();
        printDiagnostics(o.diagnostics);
        if (args.json) process.stdout.write(formatJsonLine(o, setup.value!.label, lookup));
        else if (!outcomeFailed(o)) process.stdout.write(formatHerdText(o.report!));
        writer?.write(o);
        progress?.show(i + 1, o.file);
      },
    },
  );
  progress?.clear();
  const drawn = await writer?.done();
  for (const p of drawn?.problems ?? []) process.stderr.write(`ordo run: ${p}\n`);
  if (summary.modelLoaded && files.length > 1) {
    process.stderr.write(`ordo run: ${summary.checked} tests, ${summary.failed} failed\n`);
  }
  if (drawn) process.stderr.write(`ordo run: ${drawn.files} graph files in ${graphs!.dir}\n`);
  const ok =
    summary.modelLoaded && summary.failed === 0 && problems.length === 0 && !drawn?.problems.length;
  return ok ? EXIT_OK : EXIT_FAILURES;
}
