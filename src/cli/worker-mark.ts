// CLI adapter: how ordo's entry point recognises the worker threads it starts (kept free of
// heavy imports: every start of ordo asks it).

/** The key in workerData that marks a thread started by a batch. */
export const WORKER_MARK = 'ordoBatchWorker';

/**
 * Appended to process.argv of every worker thread ordo starts, so that the entry point can
 * tell a worker without loading node:worker_threads, which costs a one-test run several ms.
 */
export const WORKER_ARGV = '--ordo-worker-thread';

export function isWorkerThread(): boolean {
  return process.argv.includes(WORKER_ARGV) && !require('node:worker_threads').isMainThread;
}

/** Asked in worker threads only. */
export function isBatchWorker(): boolean {
  return Boolean(require('node:worker_threads').workerData?.[WORKER_MARK]);
}
