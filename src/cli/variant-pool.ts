// CLI adapter: checks the variants `ordo advise` makes on batch worker threads, each loading
// one model once; a variant whose worker fails comes back "not checked", with the reason.
import type { Worker } from 'node:worker_threads';
import type { CheckRequest, VariantChecker, VariantOutcome } from '../advise';
import type { Diagnostic } from '../source';
import { startWorker } from './batch';
import type { FromWorker, ToWorker, VariantReply } from './batch-worker';
import type { CheckLimits } from './check-file';
import type { ModelSetup } from './config';
import { WORKER_MARK } from './worker-mark';

export interface VariantPool {
  readonly check: VariantChecker;
  /** The model's diagnostics from the first worker to load it (starts the workers). */
  ready(): Promise<{ readonly ok: boolean; readonly diagnostics: readonly Diagnostic[] }>;
  close(): Promise<void>;
}

interface Job {
  readonly request: CheckRequest;
  readonly resolve: (o: VariantOutcome) => void;
}

export function variantPool(setup: ModelSetup, limits: CheckLimits, jobs: number): VariantPool {
  const queue: Job[] = [];
  const idle: (() => void)[] = [];
  const live = new Set<Worker>();
  let failed: string | undefined;
  let loaded: ((status: { ok: boolean; diagnostics: readonly Diagnostic[] }) => void) | undefined;
  const status = new Promise<{ ok: boolean; diagnostics: readonly Diagnostic[] }>((r) => {
    loaded = r;
  });

  const failAll = (why: string) => {
    failed = why;
    for (const job of queue.splice(0)) job.resolve({ kind: 'not-checked', why });
  };

  const spawn = () => {
    const worker = startWorker({ [WORKER_MARK]: true, setup, limits });
    live.add(worker);
    let current: Job | undefined;
    const next = () => {
      current = queue.shift();
      if (current) {
        worker.postMessage({ kind: 'check-variant', request: current.request } satisfies ToWorker);
      } else idle.push(next);
    };
    const lost = (why: string) => {
      live.delete(worker);
      worker.removeAllListeners();
      void worker.terminate();
      current?.resolve({ kind: 'not-checked', why });
      current = undefined;
      const at = idle.indexOf(next);
      if (at >= 0) idle.splice(at, 1);
      loaded?.({ ok: false, diagnostics: [] });
      if (live.size === 0) failAll(why);
      else if (queue.length > 0 && failed === undefined) spawn();
    };
    worker.on('message', (m: FromWorker | VariantReply) => {
      if (m.kind === 'ready') {
        loaded?.({ ok: m.ok, diagnostics: m.diagnostics });
        loaded = undefined;
        if (m.ok) return next();
        failAll(`the model ${setup.label} did not load`);
        return lost(`the model ${setup.label} did not load`);
      }
      if (m.kind === 'variant') {
        current?.resolve(m.outcome);
        next();
      }
    });
    worker.on('error', (e) => lost(`a worker crashed (${e.message})`));
    worker.on('exit', (code) => lost(`a worker ended unexpectedly (exit status ${code})`));
  };

  const start = () => {
    if (live.size === 0 && failed === undefined) for (let i = 0; i < jobs; i++) spawn();
  };

  return {
    check: (requests) => {
      start();
      return Promise.all(
        requests.map(
          (request) =>
            new Promise<VariantOutcome>((resolve) => {
              if (failed !== undefined) return resolve({ kind: 'not-checked', why: failed });
              queue.push({ request, resolve });
              idle.shift()?.();
            }),
        ),
      );
    },
    ready: () => {
      start();
      return status;
    },
    close: async () => {
      const workers = [...live];
      live.clear();
      for (const w of workers) w.removeAllListeners();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
