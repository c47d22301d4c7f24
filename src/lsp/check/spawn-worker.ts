// LSP adapter: starts a worker thread for the server's jobs, from the bundle (dist/ordo.cjs) or
// from the sources under tsx.
import * as path from 'node:path';
import { Worker, workerData } from 'node:worker_threads';
import { WORKER_ARGV } from '../../cli/worker-mark';

/** `workerData` tag that makes the bundle serve LSP jobs instead of running the CLI. */
const LSP_WORKER_TAG = 'ordo-lsp-worker';

/** Cheap enough for the CLI's entry point to ask on every start. */
export function isLspWorker(): boolean {
  return (workerData as { ordoWorker?: unknown } | null)?.ordoWorker === LSP_WORKER_TAG;
}

/**
 * The worker's stdout must never reach ours: on stdio, ours is the protocol channel. Its output
 * is captured and handed to `log` instead.
 */
export function spawnWorker(log: (line: string) => void): Worker {
  const options = {
    stdout: true,
    stderr: true,
    workerData: { ordoWorker: LSP_WORKER_TAG },
    argv: [WORKER_ARGV],
  };
  const worker = __filename.endsWith('.ts')
    ? // Under tsx (tests, `tsx src/cli/main.ts lsp`) workers do not inherit its loader.
      new Worker(
        `require('tsx/cjs/api').register(); require(${JSON.stringify(path.join(__dirname, 'worker.ts'))}).serveJobs();`,
        { ...options, eval: true },
      )
    : // The bundle's entry point sees the tag and calls serveJobs().
      new Worker(__filename, options);
  worker.stdout.setEncoding('utf8').on('data', (s: string) => log(s.trimEnd()));
  worker.stderr.setEncoding('utf8').on('data', (s: string) => log(s.trimEnd()));
  return worker;
}
