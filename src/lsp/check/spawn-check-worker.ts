// LSP adapter: starts a check worker, from the bundle (dist/ordo.cjs) or from the sources under tsx.
import * as path from 'node:path';
import { Worker, workerData } from 'node:worker_threads';

/** `workerData` tag that makes the bundle run the check worker instead of the CLI. */
const CHECK_WORKER_TAG = 'ordo-lsp-check';

/** Cheap enough for the CLI's entry point to ask on every start. */
export function isCheckWorker(): boolean {
  return (workerData as { ordoWorker?: unknown } | null)?.ordoWorker === CHECK_WORKER_TAG;
}

/**
 * The worker's stdout must never reach ours: on stdio, ours is the protocol channel. Its output
 * is captured and handed to `log` instead.
 */
export function spawnCheckWorker(log: (line: string) => void): Worker {
  const options = { stdout: true, stderr: true, workerData: { ordoWorker: CHECK_WORKER_TAG } };
  const worker = __filename.endsWith('.ts')
    ? // Under tsx (tests, `npx tsx src/cli/main.ts lsp`), workers do not inherit its loader.
      new Worker(
        `require('tsx/cjs/api').register(); require(${JSON.stringify(path.join(__dirname, 'check-worker.ts'))}).serveChecks();`,
        { ...options, eval: true },
      )
    : // The bundle's entry point sees the tag and calls serveChecks().
      new Worker(__filename, options);
  worker.stdout.setEncoding('utf8').on('data', (s: string) => log(s.trimEnd()));
  worker.stderr.setEncoding('utf8').on('data', (s: string) => log(s.trimEnd()));
  return worker;
}
