// Robustness tests' helpers: running the built CLI (the bundle) and writing test files.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const ORDO = path.resolve('bin/ordo');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export function runOrdo(args: readonly string[], cwd = process.cwd()): CliRun {
  const start = performance.now();
  const r = spawnSync(ORDO, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - start };
}

/** An n-thread test: every thread writes x then reads it (n! coherence orders and more). */
export function manyThreads(n: number): string {
  const threads = Array.from(
    { length: n },
    (_, i) =>
      `P${i}(int *x)\n{\n\tint r0;\n\n\tWRITE_ONCE(*x, ${i + 1});\n\tr0 = READ_ONCE(*x);\n}\n`,
  );
  return `C many-${n}\n\n{}\n\n${threads.join('\n')}\nexists (0:r0=0)\n`;
}

/** Herd text without its Time lines, the only part that may differ between runs. */
export const withoutTimes = (s: string): string => s.replace(/^Time .*$/gm, '');
