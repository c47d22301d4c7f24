// CLI adapter: the shape of a command and the exit statuses every command uses.

export const EXIT_OK = 0;
/** Failures found: bad input, a test that errored, a mismatch. */
export const EXIT_FAILURES = 1;
/** Usage error: unknown option, missing argument. */
export const EXIT_USAGE = 2;

export interface Command {
  readonly summary: string;
  run(args: readonly string[]): Promise<number>;
}
