// CLI adapter: `ordo parse` reads C litmus tests and prints them normalised or as JSON.
import * as fs from 'node:fs';
import { parseLitmus, printLitmus } from '../../litmus';
import { formatDiagnostic, hasErrors, SourceFile } from '../../source';
import { type Command, EXIT_FAILURES, EXIT_OK, EXIT_USAGE } from '../command';
import { expandInputs } from '../inputs';

const USAGE = `Usage: ordo parse [--json] FILE|DIR|@listfile ...

Parses C litmus tests (herd7 / LKMM dialect) and prints each one normalised, or its AST as
JSON with --json. Diagnostics go to stderr; a batch keeps going past bad files.

Options:
  --json      print the AST (JSON, one document per file) instead of litmus text
  -h, --help  show this help

Exit status: 0 all files parsed, 1 some file failed, 2 usage error.`;

function usageError(message: string): number {
  process.stderr.write(`ordo parse: ${message}\n\n${USAGE}\n`);
  return EXIT_USAGE;
}

export const parseCommand: Command = {
  summary: 'parse C litmus tests and print them normalised (or as JSON with --json)',
  async run(args) {
    let json = false;
    const inputs: string[] = [];
    let optionsDone = false;
    for (const arg of args) {
      if (optionsDone || !arg.startsWith('-') || arg === '-') inputs.push(arg);
      else if (arg === '--') optionsDone = true;
      else if (arg === '--json') json = true;
      else if (arg === '--help' || arg === '-h') {
        process.stdout.write(`${USAGE}\n`);
        return EXIT_OK;
      } else return usageError(`unknown option '${arg}'`);
    }
    if (inputs.length === 0) return usageError('no input files');

    const { files, problems } = expandInputs(inputs);
    for (const p of problems) process.stderr.write(`ordo parse: ${p.message}\n`);
    let failed = problems.length;
    let printed = 0;
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        process.stderr.write(`ordo parse: cannot read ${file}\n`);
        failed++;
        continue;
      }
      const source = new SourceFile(file, text);
      const result = parseLitmus(text, file);
      for (const d of result.diagnostics) {
        process.stderr.write(`${formatDiagnostic(d, () => source)}\n`);
      }
      if (!result.value || hasErrors(result.diagnostics)) {
        failed++;
        continue;
      }
      const separator = printed++ > 0 && !json ? '\n' : '';
      const out = json ? `${JSON.stringify(result.value, null, 2)}\n` : printLitmus(result.value);
      process.stdout.write(separator + out);
    }
    const total = files.length + problems.length;
    if (total > 1) {
      process.stderr.write(`parsed ${total} files, ${failed} with errors\n`);
    }
    return failed > 0 ? EXIT_FAILURES : EXIT_OK;
  },
};
