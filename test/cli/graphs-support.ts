// Helpers for the graph-output suites: the bundled classic tests copied into a scratch folder,
// and what DOT texts and printed blocks hold.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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
