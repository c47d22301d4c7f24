// CLI adapter: `ordo parse` (placeholder until the litmus front end lands).
import { type Command, EXIT_USAGE } from '../command';

export const parseCommand: Command = {
  summary: 'parse C litmus tests and print them normalised (or as JSON with --json)',
  async run() {
    process.stderr.write('ordo parse: not implemented yet\n');
    return EXIT_USAGE;
  },
};
