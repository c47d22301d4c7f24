// CLI adapter: how ordo's entry point recognises a batch worker thread (kept free of heavy
// imports: every start of ordo asks it).
import { workerData } from 'node:worker_threads';

/** The key in workerData that marks a thread started by a batch. */
export const WORKER_MARK = 'ordoBatchWorker';

export function isBatchWorker(): boolean {
  return Boolean(workerData?.[WORKER_MARK]);
}
