// CLI adapter: `ordo herd7`: herd7's command line, output split and exit statuses, so that the
// kernel's tools/memory-model scripts can run ordo in place of herd7.
import * as fs from 'node:fs';
import {
  type DotOptions,
  dotOptionsOf,
  emitHerdGraphs,
  formatHerdText,
  type GraphPlan,
  outcomeFailed,
  outcomeGraphs,
  selectionOfHerdShow,
  type TestOutcome,
} from '../../report';
import type { Diagnostic, SourceLookup } from '../../source';
import { runBatch } from '../batch';
import { type Command, EXIT_FAILURES, EXIT_OK, EXIT_USAGE } from '../command';
import {
  COMMAND_LINE,
  catModelsDir,
  commandLineSetting,
  isConfigKey,
  resolveSetup,
  type Setting,
} from '../config';
import { expandInputs } from '../inputs';
import { diskLookup } from '../source-lookup';
import { VERSION } from '../version';
import { defaultJobs } from './run';

/** herd7 options ordo accepts but ignores, with whether they take a value. */
const IGNORED: Readonly<Record<string, boolean>> = {
  '-view': true,
  '-gv': false,
  '-evince': false,
  '-preview': false,
  '-cycles': true,
  '-dumpes': true,
  '-candidates': true,
  '-debug': true,
  '-oknames': true,
  '-nonames': true,
  '-rename': true,
  '-badexecs': true,
  '-badflag': true,
  '-throughflag': true,
};

/** Options with a value that are not cfg keys. */
const OWN_OPTIONS = new Set(['-I', '-set-libdir', '-j', '-exit', '-o', '-suffix', '-showone']);

export interface Herd7Args {
  /** Settings in command-line order: later options override earlier ones and the cfg's. */
  readonly settings: Setting[];
  readonly includeDirs: string[];
  readonly inputs: string[];
  readonly ignored: string[];
  herdLib?: string;
  quiet: boolean;
  exitOnFailure: boolean;
  jobs: number;
  /** `-o`: a folder for `<base><suffix>.dot` files, or `-` for framed DOT on stdout. */
  output?: string;
  suffix: string;
  /** `-showone true`: herd's alias for `-nshow 1`. */
  showOne: boolean;
  action?: 'version' | 'libdir' | 'help';
}

const USAGE = `Usage: ordo herd7 [herd7 options] FILE|@listfile ...
herd7's command line (-conf, -model/-cat, -bell, -macros, -I, -variant, -unroll, -timeout,
-skipcheck(s), -q, -v, -version, -exit true|false, -set-libdir, -libdir, cfg keys as
options), herd7's output on stdout and its error messages on stderr.
Pictures in DOT, as herd draws them: -show prop|neg|all|cond|wit|none (default none),
-nshow N, -showone true, -doshow R,..., coloured by -edgeattr; -o DIR writes
<test><suffix>.dot (-suffix S), -o - prints them between DOTBEGIN and DOTEND before each
test's block. Other picture options are accepted and ignored.
ordo extension: -j N worker threads (default: the number of cores). Without file
arguments, file names are read from standard input. Exit status: 0 (1 with -exit true when
a test fails), 2 on bad options.`;

export function parseHerd7Args(argv: readonly string[]): { args?: Herd7Args; problem?: string } {
  const args: Herd7Args = {
    settings: [],
    includeDirs: [],
    inputs: [],
    ignored: [],
    quiet: false,
    exitOnFailure: false,
    jobs: defaultJobs(),
    suffix: '',
    showOne: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string | undefined => argv[++i];
    if (!a.startsWith('-') || a === '-') {
      args.inputs.push(a);
      continue;
    }
    const name = a.replace(/^--/, '-');
    if (['-help', '-h'].includes(name)) args.action = 'help';
    else if (['-version', '-libdir'].includes(name))
      args.action = name === '-version' ? 'version' : 'libdir';
    else if (name === '-q') args.quiet = true;
    else if (name === '-v') continue;
    else if (Object.hasOwn(IGNORED, name)) {
      if (IGNORED[name] && next() === undefined)
        return { problem: `option ${a} needs an argument` };
      args.ignored.push(name);
    } else {
      if (!OWN_OPTIONS.has(name) && !isConfigKey(name.slice(1))) {
        return { problem: `unknown option '${a}'` };
      }
      const value = next();
      if (value === undefined) return { problem: `option ${a} needs an argument` };
      if (name === '-I') args.includeDirs.push(value);
      else if (name === '-set-libdir') args.herdLib = value;
      else if (name === '-j') {
        if (!/^[1-9]\d*$/.test(value))
          return { problem: `-j expects a positive integer, not '${value}'` };
        args.jobs = Number(value);
      } else if (name === '-exit' || name === '-showone') {
        if (value !== 'true' && value !== 'false')
          return { problem: `${name} expects true or false, not '${value}'` };
        if (name === '-exit') args.exitOnFailure = value === 'true';
        else args.showOne = value === 'true';
      } else if (name === '-o') args.output = value;
      else if (name === '-suffix') args.suffix = value;
      else if (name === '-timeout' && !/^\d+(\.\d*)?$/.test(value)) {
        return { problem: `-timeout expects a number of seconds, not '${value}'` };
      } else args.settings.push(commandLineSetting(name.slice(1), value));
    }
  }
  return { args };
}

/**
 * herd's message frame: `File "f", line L, characters a-b: msg (User error)` with 0-based
 * columns on the first line of the span. ordo's unknown-primitive error keeps herd's phrase
 * `Unknown macro NAME`, which judgelitmus.sh extracts.
 */
export function formatHerdError(d: Diagnostic, lookup: SourceLookup): string {
  const message = herdMessage(d);
  const src = d.span.file === COMMAND_LINE ? undefined : lookup(d.span.file);
  const tail = d.severity === 'error' ? ' (User error)' : '';
  if (!src) return `Warning: File "${d.span.file}": ${message}${tail}`;
  const start = src.lineCol(d.span.start);
  const end = src.lineCol(Math.max(d.span.start, d.span.end));
  const last = end.line === start.line ? end.col - 1 : src.lineText(start.line).length;
  const where = `line ${start.line}, characters ${start.col - 1}-${Math.max(last, start.col - 1)}`;
  return `Warning: File "${d.span.file}", ${where}: ${message}${tail}`;
}

function herdMessage(d: Diagnostic): string {
  const primitive = /^unknown primitive (\S+)/.exec(d.message);
  return d.code === 'events/unknown-primitive' && primitive
    ? `Unknown macro ${primitive[1]}`
    : d.message;
}

export const herd7Command: Command = {
  summary: "herd7's command line and output (for tools/memory-model scripts)",
  async run(argv) {
    const parsed = parseHerd7Args(argv);
    if (!parsed.args) {
      process.stderr.write(`ordo herd7: ${parsed.problem}\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const args = parsed.args;
    if (args.action === 'help') return print(`${USAGE}\n`);
    if (args.action === 'version') return print(`7.58+1, Rev: ordo ${VERSION}\n`);
    if (args.action === 'libdir') return print(`${args.herdLib ?? catModelsDir()}\n`);
    return runHerd7(args);
  },
};

function print(text: string): number {
  process.stdout.write(text);
  return EXIT_OK;
}

async function runHerd7(args: Herd7Args): Promise<number> {
  const lookup = diskLookup();
  const warn = (ds: readonly Diagnostic[]) => {
    for (const d of ds) {
      if (d.severity === 'error' || !args.quiet)
        process.stderr.write(`${formatHerdError(d, lookup)}\n`);
    }
  };
  const herdLib = args.herdLib ?? process.env.HERDLIB;
  const setup = resolveSetup(args.settings, {
    cwd: process.cwd(),
    includeDirs: args.includeDirs,
    herdLib,
  });
  warn(setup.diagnostics);
  // herd stops on a model it cannot read, with exit status 2.
  if (!setup.value) return EXIT_USAGE;
  const usage = (problem: string) => {
    process.stderr.write(`ordo herd7: ${problem}\n${USAGE}\n`);
    return EXIT_USAGE;
  };
  const plan = herdGraphPlan(setup.value.picture, args.showOne);
  if (typeof plan === 'string') return usage(plan);
  if (args.output !== undefined && args.output !== '-' && !isFolder(args.output)) {
    return usage(`-o ${args.output}: not an existing folder`);
  }
  const pictures = picturesOf(args, dotOptionsOf(setup.value.picture));
  const inputs = args.inputs.length ? args.inputs : readStdinNames();
  const { files, problems } = expandInputs(inputs);
  for (const p of problems)
    process.stderr.write(`Warning: File "${p.arg}": ${p.message} (User error)\n`);
  let failures = problems.length;
  const timeoutMs =
    setup.value.timeoutSeconds === undefined ? undefined : setup.value.timeoutSeconds * 1000;
  const summary = await runBatch(
    files,
    {
      setup: setup.value,
      jobs: args.jobs,
      limits: { timeoutMs },
      // Without -o herd draws nothing (ordo has no -gv viewer), so nothing is recorded.
      graphs: args.output === undefined ? undefined : plan,
    },
    {
      model: (status) => warn(status.modelDiagnostics),
      outcome: (o) => {
        warn(firstErrorOnly(o.diagnostics));
        const limit = o.report?.result.limit;
        // herd prints nothing for a test that ran out of time.
        if (limit)
          process.stderr.write(`Warning: File "${o.file}": ${limit} limit reached, no result\n`);
        else if (!outcomeFailed(o)) process.stdout.write(pictures(o) + formatHerdText(o.report!));
        if (outcomeFailed(o) || limit) failures++;
        return args.exitOnFailure && failures > 0 ? 'stop' : undefined;
      },
    },
  );
  if (!summary.modelLoaded) return EXIT_USAGE;
  return args.exitOnFailure && failures > 0 ? EXIT_FAILURES : EXIT_OK;
}

/** The last value of a picture key (cfg files first, then the command line, as herd reads them). */
function lastSetting(picture: readonly (readonly [string, string])[], key: string) {
  return picture.filter(([k]) => k === key).at(-1)?.[1];
}

/**
 * herd's `-show` (default none), `-nshow`/`-showone` and `-doshow` settings as a batch's graph
 * plan; undefined for `none`, a usage problem for a bad value.
 */
export function herdGraphPlan(
  picture: readonly (readonly [string, string])[],
  showOne: boolean,
): GraphPlan | undefined | string {
  const word = lastSetting(picture, 'show') ?? 'none';
  const show = selectionOfHerdShow(word);
  if (show === undefined) return `-show expects prop, neg, all, cond, wit or none, not '${word}'`;
  const nshow = lastSetting(picture, 'nshow');
  if (nshow !== undefined && !/^[1-9]\d*$/.test(nshow)) {
    return `-nshow expects an integer >= 1, not '${nshow}'`;
  }
  if (show === 'none') return undefined;
  const relations = picture
    .filter(([k]) => k === 'doshow')
    .flatMap(([, v]) => v.split(','))
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const limit = showOne ? 1 : nshow === undefined ? undefined : Number(nshow);
  return { show, relations: [...new Set(relations)], limit };
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * What herd prints (or files) for a checked test's pictures before its text block, with -o;
 * a folder herd cannot write into gets a warning, and the test's block is still printed.
 */
function picturesOf(args: Herd7Args, options: DotOptions): (o: TestOutcome) => string {
  const output = args.output;
  if (output === undefined) return () => '';
  return (o) => {
    try {
      return emitHerdGraphs(output, o.file, outcomeGraphs(o), options, args.suffix);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? String(e);
      process.stderr.write(
        `Warning: File "${o.file}": cannot write its graphs into ${output}: ${why}\n`,
      );
      return '';
    }
  };
}

/** herd stops reading a test at its first error: one error line per file, as scripts expect. */
function firstErrorOnly(ds: readonly Diagnostic[]): Diagnostic[] {
  const first = ds.find((d) => d.severity === 'error');
  return ds.filter((d) => d.severity !== 'error' || d === first);
}

/** herd7 with no file arguments reads test names from standard input, one per line. */
function readStdinNames(): string[] {
  let text = '';
  try {
    text = fs.readFileSync(0, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
