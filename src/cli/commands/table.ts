// CLI adapter: `ordo table`: checks tests under one or more models or targets and prints one
// row per test (allowed/forbidden per column, the expected `Result:`, a mismatch marker).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExpectedResult } from '../../litmus';
import { parseLitmus } from '../../litmus';
import {
  buildOutcomeTable,
  type ColumnOutcome,
  formatTable,
  isTableFormat,
  mismatchCount,
  outcomeFailed,
  TABLE_FORMATS,
  type TableColumn,
  type TableFormat,
  type TableRowInput,
  type TestOutcome,
} from '../../report';
import { type Diagnostic, formatDiagnostic } from '../../source';
import { runBatch } from '../batch';
import { type Command, EXIT_FAILURES, EXIT_OK, EXIT_USAGE } from '../command';
import { catModelsDir, commandLineSetting, resolveSetup, type Setting } from '../config';
import { expandInputs } from '../inputs';
import { diskLookup } from '../source-lookup';
import { VERSION } from '../version';
import { parseRunArgs, type RunArgs } from './run';

const USAGE = `Usage: ordo table [options] FILE|DIR|@listfile ...

Checks each test under each model (or target) and prints one row per test: allowed or
forbidden per column, the test's expected \`Result:\` line, and whether they agree (a
\`Result:\` line states an LKMM verdict: it is checked against model columns and the lkmm
target, not against hardware targets).

Table:
  --format md|csv|json|html   output format (default md: a Markdown table padded to read as text)
  --counts                    show witness/execution counts in the cells (allowed 1/4)
  --conf FILE                 one column per configuration file (repeatable); without it,
                              one column with the model options below or ordo's default LKMM
  --arch T[,T...]             one column per target, read from ordo's cat-models/<T>.cfg
  --title TEXT                the HTML page's title
  -o FILE                     write the table to FILE instead of stdout
Model and run options as for \`ordo run\`: --model --bell --macros -I --variant --unroll
--jobs --timeout --max-candidates --max-events.
Exit status: 0 all tests ran and agree with their Result: lines, 1 mismatches or failed
tests, 2 usage error.`;

interface TableArgs {
  readonly format: TableFormat;
  readonly counts: boolean;
  readonly confs: readonly string[];
  readonly targets: readonly string[];
  readonly out?: string;
  readonly title?: string;
  readonly run: RunArgs;
}

/** What a column checks with: its settings, before files are resolved. */
interface ColumnSpec extends TableColumn {
  readonly settings: readonly Setting[];
}

export const tableCommand: Command = {
  summary: 'outcome tables: tests x models, allowed/forbidden, vs expected (md, csv, json, html)',
  async run(argv) {
    const parsed = parseTableArgs(argv);
    if (parsed === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (typeof parsed === 'string') {
      process.stderr.write(`ordo table: ${parsed}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const columns = columnsOf(parsed);
    if (typeof columns === 'string') {
      process.stderr.write(`ordo table: ${columns}\n`);
      return EXIT_USAGE;
    }
    return makeTable(parsed, columns);
  },
};

/** Takes the table's own options out and leaves the rest to `ordo run`'s parser. */
function parseTableArgs(argv: readonly string[]): TableArgs | string | 'help' {
  let format: TableFormat = 'md';
  let counts = false;
  const confs: string[] = [];
  const targets: string[] = [];
  let out: string | undefined;
  let title: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--counts') {
      counts = true;
      continue;
    }
    if (!['--format', '--conf', '--arch', '-o', '--output', '--title'].includes(a)) {
      rest.push(a);
      continue;
    }
    const value = argv[++i];
    if (value === undefined) return `option ${a} needs a value`;
    if (a === '--format') {
      if (!isTableFormat(value))
        return `--format expects one of ${TABLE_FORMATS.join(', ')}, not '${value}'`;
      format = value;
    } else if (a === '--conf') confs.push(value);
    else if (a === '--arch') targets.push(...value.split(',').filter(Boolean));
    else if (a === '--title') title = value;
    else out = value;
  }
  const run = parseRunArgs(rest);
  if (run.help) return 'help';
  if (!run.args) return run.problem ?? 'bad options';
  if (run.args.inputs.length === 0) return 'no input files';
  if (confs.length && targets.length) return '--conf and --arch cannot be combined';
  return { format, counts, confs, targets, out, title, run: run.args };
}

function columnsOf(args: TableArgs): ColumnSpec[] | string {
  const specs: { name: string; judged: boolean; settings: readonly Setting[] }[] = [];
  if (args.targets.length) {
    for (const target of args.targets) {
      const conf = targetConf(target);
      if (typeof conf !== 'string') return conf.problem;
      specs.push({
        name: target,
        judged: target === 'lkmm',
        settings: [commandLineSetting('conf', conf), ...args.run.settings],
      });
    }
  } else if (args.confs.length) {
    for (const conf of args.confs) {
      specs.push({
        name: modelName(conf),
        judged: true,
        settings: [commandLineSetting('conf', conf), ...args.run.settings],
      });
    }
  } else {
    specs.push({ name: '', judged: true, settings: args.run.settings });
  }
  // Two columns from files of the same name (a/linux-kernel.cfg, b/linux-kernel.cfg) stay apart.
  const seen = new Map<string, number>();
  return specs.map((s) => {
    const n = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, n);
    return { id: n > 1 ? `${s.name}#${n}` : s.name, judged: s.judged, settings: s.settings };
  });
}

/** A target's configuration file in ordo's model library, or why there is none. */
export function targetConf(target: string): string | { problem: string } {
  const conf = path.join(catModelsDir(), `${target}.cfg`);
  if (fs.existsSync(conf)) return conf;
  return { problem: `unknown target '${target}' (available: ${availableTargets().join(', ')})` };
}

/** The targets ordo ships a configuration for. */
function availableTargets(): string[] {
  try {
    return fs
      .readdirSync(catModelsDir())
      .filter((f) => f.endsWith('.cfg'))
      .map((f) => f.slice(0, -'.cfg'.length))
      .sort();
  } catch {
    return [];
  }
}

/** `../lkmm/linux-kernel.cfg` -> `linux-kernel`: a column's header. */
function modelName(file: string): string {
  return path.basename(file).replace(/\.(cfg|cat)$/, '');
}

async function makeTable(args: TableArgs, specs: ColumnSpec[]): Promise<number> {
  const lookup = diskLookup();
  const printed = new Set<string>();
  const printDiagnostics = (ds: readonly Diagnostic[]) => {
    for (const d of ds) {
      const text = formatDiagnostic(d, lookup);
      if (!printed.has(text)) process.stderr.write(`${text}\n`);
      printed.add(text);
    }
  };
  const { files, problems } = expandInputs(args.run.inputs);
  for (const p of problems) process.stderr.write(`ordo table: ${p.message}\n`);
  const columns: TableColumn[] = [];
  const outcomes: TestOutcome[][] = [];
  for (const spec of specs) {
    const setup = resolveSetup(spec.settings, {
      cwd: process.cwd(),
      includeDirs: args.run.includeDirs,
    });
    printDiagnostics(setup.diagnostics);
    if (!setup.value) return EXIT_FAILURES;
    const timeoutSeconds = args.run.timeoutSeconds ?? setup.value.timeoutSeconds;
    const column: TestOutcome[] = [];
    const summary = await runBatch(
      files,
      {
        setup: setup.value,
        jobs: args.run.jobs,
        limits: {
          timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
          maxCandidates: args.run.maxCandidates,
          maxEvents: args.run.maxEvents,
        },
      },
      {
        model: (status) => printDiagnostics(status.modelDiagnostics),
        outcome: (o, i) => {
          printDiagnostics(o.diagnostics);
          column[i] = o;
        },
      },
    );
    if (!summary.modelLoaded) return EXIT_FAILURES;
    columns.push({ id: spec.id || modelName(setup.value.label), judged: spec.judged });
    outcomes.push(column);
  }
  const rows = tableRowInputs(files, outcomes);
  const table = buildOutcomeTable(columns, rows, args.counts);
  const text = formatTable(table, args.format, {
    title: args.title,
    generator: `ordo ${VERSION}`,
  });
  if (args.out) fs.writeFileSync(args.out, text);
  else process.stdout.write(text);
  const failed = outcomes.flat().filter(outcomeFailed).length;
  const mismatches = mismatchCount(table);
  process.stderr.write(
    `ordo table: ${rows.length} tests, ${mismatches} not as expected, ${failed} failed checks\n`,
  );
  return mismatches === 0 && failed === 0 && problems.length === 0 ? EXIT_OK : EXIT_FAILURES;
}

/**
 * One row per file: its name, its `Result:` line, and per column what the check gave (or, as a
 * ColumnOutcome, why the column has no check: `ordo run --arch`'s not-checked targets).
 */
export function tableRowInputs(
  files: readonly string[],
  outcomes: readonly (readonly (TestOutcome | ColumnOutcome)[])[],
): TableRowInput[] {
  return files.map((file, i) => {
    const checked = outcomes
      .map((column) => column[i])
      .find((o): o is TestOutcome => !('kind' in o));
    return {
      name: checked?.report?.result.name ?? checked?.name ?? path.basename(file, '.litmus'),
      file,
      expected: expectedOf(file),
      outcomes: outcomes.map((column) => columnOutcome(column[i])),
    };
  });
}

function columnOutcome(o: TestOutcome | ColumnOutcome): ColumnOutcome {
  if ('kind' in o) return o;
  if (!outcomeFailed(o)) return { kind: 'result', result: o.report!.result };
  const why = o.diagnostics.find((d) => d.severity === 'error');
  return { kind: 'error', message: why?.message ?? 'not checked' };
}

/** The test's `Result:` line (parse errors were reported by the check). */
function expectedOf(file: string): ExpectedResult | undefined {
  try {
    return parseLitmus(fs.readFileSync(file, 'utf8'), file).value?.expected;
  } catch {
    return undefined;
  }
}
