// CLI adapter: the worker-thread side of a batch: loads the model once, then checks the files
// it is sent, one at a time, answering with their outcomes.
import { parentPort, workerData } from 'node:worker_threads';
import { type CheckRequest, checkVariant, type VariantOutcome } from '../advise';
import type { GraphPlan, TestOutcome } from '../report';
import type { Diagnostic } from '../source';
import { type CheckLimits, checkFile, checkOptions } from './check-file';
import type { ModelSetup } from './config';
import { loadSetup } from './load-setup';
import { WORKER_MARK } from './worker-mark';

export interface WorkerData {
  readonly [WORKER_MARK]: true;
  readonly setup: ModelSetup;
  readonly limits: CheckLimits;
  readonly graphs?: GraphPlan;
}

export type ToWorker =
  | { readonly kind: 'check'; readonly index: number; readonly file: string }
  /** A variant of a test made by `ordo advise`, answered with a VariantReply. */
  | { readonly kind: 'check-variant'; readonly request: CheckRequest };

export type VariantReply = { readonly kind: 'variant'; readonly outcome: VariantOutcome };

export type FromWorker =
  | { readonly kind: 'ready'; readonly ok: boolean; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'outcome'; readonly index: number; readonly outcome: TestOutcome };

/** Runs until the parent terminates the thread. */
export function serveBatch(): Promise<number> {
  const port = parentPort!;
  const data = workerData as WorkerData;
  const loaded = loadSetup(data.setup);
  const send = (m: FromWorker) => port.postMessage(m);
  send({ kind: 'ready', ok: loaded.value !== undefined, diagnostics: loaded.diagnostics });
  return new Promise((resolve) => {
    if (!loaded.value) return resolve(0);
    const setup = loaded.value;
    port.on('message', (m: ToWorker) => {
      if (m.kind === 'check-variant') {
        const outcome = checkVariant(
          m.request,
          setup.macros,
          setup.model,
          checkOptions(setup, data.limits),
        );
        port.postMessage({ kind: 'variant', outcome } satisfies VariantReply);
      } else {
        const outcome = checkFile(m.file, setup, data.limits, data.graphs);
        send({ kind: 'outcome', index: m.index, outcome });
      }
    });
    port.on('close', () => resolve(0));
  });
}
