// CLI adapter: dispatches `ordo <command>`; each command lives in src/cli/commands/ and is
// loaded only when used, so that `ordo --version` and one-test runs stay near Node's floor.
import { type Command, EXIT_USAGE } from './command';
import { VERSION } from './version';

const COMMANDS: Record<string, () => Command> = {
  parse: () => require('./commands/parse').parseCommand,
  run: () => require('./commands/run').runCommand,
  herd7: () => require('./commands/herd7').herd7Command,
  table: () => require('./commands/table').tableCommand,
  compare: () => require('./commands/compare').compareCommand,
  graph: () => require('./commands/graph').graphCommand,
  lsp: () => require('./commands/lsp').lspCommand,
  lower: () => require('./commands/lower').lowerCommand,
  advise: () => require('./commands/advise').adviseCommand,
};

function usage(): string {
  const lines = [
    `ordo ${VERSION}: a memory-ordering litmus-test engine (C litmus tests, cat models, LKMM)`,
    '',
    'Usage: ordo <command> [options] FILE|DIR|@listfile ...',
    '',
    'Commands:',
  ];
  for (const name of Object.keys(COMMANDS)) {
    lines.push(`  ${name.padEnd(10)} ${COMMANDS[name]().summary}`);
  }
  lines.push('', 'Run `ordo <command> --help` for the options of a command.');
  lines.push('Exit status: 0 success, 1 failures found (bad input, failed checks), 2 usage error.');
  return lines.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const mark = require('./worker-mark') as typeof import('./worker-mark');
  if (mark.isWorkerThread()) {
    if (mark.isBatchWorker()) return require('./batch-worker').serveBatch();
    if (require('../lsp/check/spawn-worker').isLspWorker())
      return require('../lsp/check/worker').serveJobs();
  }
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(`${usage()}\n`);
    return first === undefined ? EXIT_USAGE : 0;
  }
  if (first === '--version' || first === '-V' || first === '-version') {
    process.stdout.write(`ordo ${VERSION}\n`);
    return 0;
  }
  const load = COMMANDS[first];
  if (!load) {
    process.stderr.write(`ordo: unknown command '${first}'\n\n${usage()}\n`);
    return EXIT_USAGE;
  }
  return load().run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug in ordo, not the user's fault: say so, without a stack trace unless asked.
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`ordo: internal error: ${msg}\n`);
    if (process.env.ORDO_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 70;
  },
);
