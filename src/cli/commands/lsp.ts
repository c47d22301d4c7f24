// CLI adapter: `ordo lsp`: the language server on stdin/stdout (editors pass --stdio).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../lsp';
import { type Command, EXIT_OK, EXIT_USAGE } from '../command';

const HELP = `Usage: ordo lsp [--stdio]

Runs ordo's language server for litmus tests (.litmus), cat models (.cat, .bell) and
macro files (.def) on stdin/stdout. Editors start it; see editors/vscode/ and
scripts/nvim-lsp-demo.sh. Settings come from the editor (section "ordo").`;

export const lspCommand: Command = {
  summary: 'run the language server (diagnostics, verdicts, hovers, completion) on stdio',
  async run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`${HELP}\n`);
      return EXIT_OK;
    }
    // --clientProcessId is read by vscode-languageserver itself.
    const unknown = args.filter(
      (a, i) =>
        a !== '--stdio' &&
        !/^--clientProcessId(=|$)/.test(a) &&
        args[i - 1] !== '--clientProcessId',
    );
    if (unknown.length > 0) {
      process.stderr.write(
        `ordo lsp: unknown option '${unknown[0]}' (only --stdio is supported)\n\n${HELP}\n`,
      );
      return EXIT_USAGE;
    }
    // Given raw streams, the library also ends the process when the client closes stdin.
    const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
    // stdout is the protocol channel: stray console output goes to the client's log instead.
    console.log = (...a: unknown[]) => connection.console.log(a.join(' '));
    console.info = console.log;
    console.warn = (...a: unknown[]) => connection.console.warn(a.join(' '));
    console.error = (...a: unknown[]) => connection.console.error(a.join(' '));
    startServer(connection);
    // The connection ends the process on `exit` or when stdin closes; until then, serve.
    return new Promise<number>(() => {});
  },
};
