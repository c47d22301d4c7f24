// Test support: a command run in this process with what it writes to stdout and stderr kept.
import type { Command } from '../../src/cli/command';

export interface Captured {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command in this process, keeping what it writes to stdout and stderr. */
export async function runCaptured(command: Command, argv: readonly string[]): Promise<Captured> {
  const out = process.stdout.write;
  const err = process.stderr.write;
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((chunk: string) => {
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => {
    stderr += chunk;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { status: await command.run(argv), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
