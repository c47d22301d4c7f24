// CLI adapter: `ordo compare A B`: two sets of results (ordo JSON lines, herd7 or litmus7 logs,
// or folders of them, in any mix) aligned by test name; prints what differs.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type CompareRecord,
  type CompareSide,
  compareRecords,
  formatComparison,
  formatComparisonJson,
  isIdentical,
  readCompareRecords,
} from '../../report';
import { type Command, EXIT_FAILURES, EXIT_OK, EXIT_USAGE } from '../command';
import { expandInputs } from '../inputs';

const USAGE = `Usage: ordo compare [--json] A B

A and B are each a file or a folder of files: JSON lines from \`ordo run --json\`, herd7
output (one or many tests, e.g. the kernel scripts' .litmus.out files), or litmus7/klitmus7
logs. Tests are aligned by name; the report lists verdict changes, final states found on
one side only, different execution counts and flags, and tests found on one side only.

  --json    print the comparison as one JSON document

Exit status: 0 same results, 1 differences found, 2 usage error or unreadable input.
`;

/** The files a folder may hold: herd7's per-test `.out`, logs, JSON lines. */
const RESULT_EXTENSIONS = ['.out', '.log', '.json', '.jsonl'];

export const compareCommand: Command = {
  summary: 'compare two sets of results (ordo JSON, herd7/litmus7 logs) test by test',
  async run(args) {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(args);
    } catch (e) {
      process.stderr.write(`ordo compare: ${(e as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (parsed.values.help) {
      process.stdout.write(USAGE);
      return EXIT_OK;
    }
    if (parsed.positionals.length !== 2) {
      process.stderr.write(
        `ordo compare: expected two inputs, got ${parsed.positionals.length}\n\n${USAGE}`,
      );
      return EXIT_USAGE;
    }
    const sides: CompareSide[] = [];
    for (const arg of parsed.positionals) {
      const side = readSide(arg);
      if (typeof side === 'string') {
        process.stderr.write(`ordo compare: ${side}\n`);
        return EXIT_USAGE;
      }
      sides.push(side);
    }
    const [a, b] = sides;
    const comparison = compareRecords(a.records, b.records);
    const print = parsed.values.json ? formatComparisonJson : formatComparison;
    process.stdout.write(print(comparison, a, b));
    return isIdentical(comparison) ? EXIT_OK : EXIT_FAILURES;
  },
};

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
}

/** Every record of a file or folder, or why it cannot be read. */
export function readSide(arg: string): CompareSide | string {
  let files: string[];
  try {
    files = fs.statSync(arg).isDirectory()
      ? RESULT_EXTENSIONS.flatMap((ext) => expandInputs([arg], ext).files).sort()
      : [arg];
  } catch {
    return `no such file or directory: ${arg}`;
  }
  const records: CompareRecord[] = [];
  for (const file of files) {
    try {
      records.push(...readCompareRecords(fs.readFileSync(file, 'utf8'), file));
    } catch {
      return `cannot read ${file}`;
    }
  }
  if (records.length === 0) return `no test results found in ${arg}`;
  return { label: arg, records };
}
