// Helpers for the graph-output suites: commands run in-process with their output captured,
// the bundled classic tests copied into a scratch folder, and the edges a DOT text draws.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

/** A scratch folder holding copies of `litmus/classic/<name>.litmus` in `tests/`. */
export function scratchWithClassics(names: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-graphs-'));
  fs.mkdirSync(path.join(dir, 'tests'));
  for (const name of names) {
    fs.copyFileSync(
      path.resolve('litmus', 'classic', `${name}.litmus`),
      path.join(dir, 'tests', `${name}.litmus`),
    );
  }
  return dir;
}

/** `from -label-> to` for each edge of a DOT text, events by letter, initial-value dots `init`. */
export function drawnEdges(dot: string): string[] {
  const letters = new Map(
    [...dot.matchAll(/^ +(e\d+) \[label="(\w+): /gm)].map((m) => [m[1], m[2]] as const),
  );
  const name = (node: string) => letters.get(node) ?? (node.startsWith('init') ? 'init' : node);
  return [...dot.matchAll(/^ {2}(\w+) -> (\w+) \[label="([^"]*)"/gm)].map(
    (m) => `${name(m[1])} -${m[3]}-> ${name(m[2])}`,
  );
}

/** How many `digraph` a DOT text holds (one per execution drawn). */
export function digraphCount(dot: string): number {
  return dot.match(/^digraph G \{$/gm)?.length ?? 0;
}

/** A herd block's `Positive: p Negative: q` numbers, by test name. */
export function witnessCounts(
  stdout: string,
  test: string,
): { positive: number; negative: number } {
  const block = stdout.slice(stdout.indexOf(`Test ${test} `));
  const m = /^Positive: (\d+) Negative: (\d+)$/m.exec(block);
  if (!m) throw new Error(`no Witnesses line for ${test}`);
  return { positive: Number(m[1]), negative: Number(m[2]) };
}

/** Bad input must give a message, never a stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text);
}
