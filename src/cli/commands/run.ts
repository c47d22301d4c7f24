// CLI adapter: `ordo run`: check litmus tests against a model; herd7's text blocks or JSON lines.
import * as os from 'node:os';
import { formatHerdText, formatJsonLine, outcomeFailed } from '../../report';
import { type Diagnostic, formatDiagnostic } from '../../source';
import { runBatch } from '../batch';
import type { CheckLimits } from '../check-file';
import { type Command, EXIT_FAILURES, EXIT_OK, EXIT_USAGE } from '../command';
import { commandLineSetting, resolveSetup, type Setting } from '../config';
import { expandInputs } from '../inputs';
import { progressLine } from '../progress';
import { diskLookup } from '../source-lookup';

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
Run:
  --jobs N, -j N         worker threads (default: the number of cores)
  --timeout S            stop a test after S seconds with "limit reached"
  --max-candidates N     stop a test after N candidate executions with "limit reached"
  --max-events N         refuse tests with more than N events ("limit reached")
  --unroll N             loop unrolling bound (herd's default is 2)
  --json                 one JSON object per test and line on stdout
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
}

type Parsed = { readonly args?: RunArgs; readonly problem?: string; readonly help?: boolean };

const SETTING_OPTIONS: Readonly<Record<string, string>> = {
  '--conf': 'conf',
  '--model': 'model',
  '--cat': 'model',
  '--bell': 'bell',
  '--macros': 'macros',
  '--variant': 'variant',
  '--unroll': 'unroll',
};

export function defaultJobs(): number {
  return os.availableParallelism?.() ?? os.cpus().length;
}

function count(option: string, value: string, min: number): number | string {
  return /^\d+$/.test(value) && Number(value) >= min
    ? Number(value)
    : `${option} expects an integer >= ${min}, not '${value}'`;
}

export function parseRunArgs(argv: readonly string[]): Parsed {
  const confs: Setting[] = [];
  const others: Setting[] = [];
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
    if (a === '--json') {
      args.json = true;
      continue;
    }
    if (a === '--') {
      args.inputs.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      args.inputs.push(a);
      continue;
    }
    const inline = /^-I(.+)$/.exec(a);
    if (inline) {
      args.includeDirs.push(inline[1]);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) return { problem: `option ${a} needs a value` };
    i++;
    const key = SETTING_OPTIONS[a];
    let n: number | string = 0;
    if (key === 'conf') confs.push(commandLineSetting(key, value));
    else if (key) others.push(commandLineSetting(key, value));
    else if (a === '-I' || a === '--include') args.includeDirs.push(value);
    else if (a === '--jobs' || a === '-j') n = count(a, value, 1);
    else if (a === '--max-candidates' || a === '--max-events') n = count(a, value, 1);
    else if (a === '--timeout') {
      if (!/^\d+(\.\d*)?$/.test(value) || Number(value) <= 0) {
        return { problem: `--timeout expects a positive number of seconds, not '${value}'` };
      }
      args.timeoutSeconds = Number(value);
    } else return { problem: `unknown option ${a}` };
    if (typeof n === 'string') return { problem: n };
    if (a === '--jobs' || a === '-j') args.jobs = n;
    if (a === '--max-candidates') args.maxCandidates = n;
    if (a === '--max-events') args.maxEvents = n;
  }
  args.settings.push(...confs, ...others);
  return { args };
}

export const runCommand: Command = {
  summary: 'check litmus tests against a model; print herd7-style results (or JSON)',
  async run(argv) {
    const parsed = parseRunArgs(argv);
    if (parsed.help) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (!parsed.args || parsed.args.inputs.length === 0) {
      process.stderr.write(`ordo run: ${parsed.problem ?? 'no input files'}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    return runTests(parsed.args);
  },
};

async function runTests(args: RunArgs): Promise<number> {
  const lookup = diskLookup();
  const printDiagnostics = (ds: readonly Diagnostic[]) => {
    for (const d of ds) process.stderr.write(`${formatDiagnostic(d, lookup)}\n`);
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
  const summary = await runBatch(
    files,
    { setup: setup.value, jobs: args.jobs, limits },
    {
      model: (status) => printDiagnostics(status.modelDiagnostics),
      outcome: (o, i) => {
        progress?.clear();
        printDiagnostics(o.diagnostics);
        if (args.json) process.stdout.write(formatJsonLine(o, setup.value!.label, lookup));
        else if (!outcomeFailed(o)) process.stdout.write(formatHerdText(o.report!));
        progress?.show(i + 1, o.file);
      },
    },
  );
  progress?.clear();
  if (summary.modelLoaded && files.length > 1) {
    process.stderr.write(`ordo run: ${summary.checked} tests, ${summary.failed} failed\n`);
  }
  const ok = summary.modelLoaded && summary.failed === 0 && problems.length === 0;
  return ok ? EXIT_OK : EXIT_FAILURES;
}
