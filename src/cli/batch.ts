// CLI adapter: checks many files with one model, in worker threads, reporting outcomes in
// input order whatever the number of jobs; the model is loaded (and its errors reported) once.
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { type GraphPlan, outcomeFailed, type TestOutcome } from '../report';
import { type Diagnostic, error, span } from '../source';
import type { FromWorker, ToWorker, WorkerData } from './batch-worker';
import { type CheckLimits, checkFile } from './check-file';
import type { ModelSetup } from './config';
import { loadSetup } from './load-setup';
import { WORKER_ARGV, WORKER_MARK } from './worker-mark';

export interface BatchOptions {
  readonly setup: ModelSetup;
  /** Worker threads; 1 (or a single file) without a time limit checks in this thread. */
  readonly jobs: number;
  readonly limits: CheckLimits;
  /** Record these execution graphs in each outcome (none when absent: nothing is recorded). */
  readonly graphs?: GraphPlan;
}

export interface ModelStatus {
  /** The model's diagnostics, from loading it once (warnings included). */
  readonly modelDiagnostics: readonly Diagnostic[];
  /** False when the model could not be loaded: then no file is checked. */
  readonly modelLoaded: boolean;
}

export interface BatchSummary extends ModelStatus {
  /** Outcomes delivered (fewer than the files when a sink stopped the batch). */
  readonly checked: number;
  readonly failed: number;
}

/** Receives outcomes in input order; returning 'stop' ends the batch (herd's `-exit true`). */
export type OutcomeSink = (outcome: TestOutcome, index: number) => void | 'stop';

export interface BatchSinks {
  /** Called once, before any outcome, when the model has been loaded or has failed to load. */
  readonly model?: (status: ModelStatus) => void;
  readonly outcome: OutcomeSink;
}

export async function runBatch(
  files: readonly string[],
  options: BatchOptions,
  sinks: BatchSinks,
): Promise<BatchSummary> {
  let checked = 0;
  let failed = 0;
  let model: ModelStatus | undefined;
  const counting: BatchSinks = {
    model: (status) => {
      model = status;
      sinks.model?.(status);
    },
    outcome: (o, i) => {
      checked++;
      if (outcomeFailed(o)) failed++;
      return sinks.outcome(o, i);
    },
  };
  const jobs = Math.max(1, Math.min(options.jobs, files.length));
  // A time limit is enforced from outside too (a stuck worker is stopped), so it needs a worker.
  if (jobs === 1 && options.limits.timeoutMs === undefined) runInThread(files, options, counting);
  else await runInWorkers(files, options, jobs, counting);
  return { ...model!, checked, failed };
}

function runInThread(files: readonly string[], options: BatchOptions, sinks: BatchSinks): void {
  const loaded = loadSetup(options.setup);
  sinks.model?.({ modelDiagnostics: loaded.diagnostics, modelLoaded: loaded.value !== undefined });
  if (!loaded.value) return;
  for (let i = 0; i < files.length; i++) {
    const outcome = checkFile(files[i], loaded.value, options.limits, options.graphs);
    if (sinks.outcome(outcome, i) === 'stop') return;
  }
}

/**
 * Under tsx (tests, development) a worker must register tsx before loading TypeScript; the
 * bundle starts itself, and its entry point recognises the worker by WORKER_ARGV and workerData.
 */
export function startWorker(data: WorkerData): Worker {
  // Loaded here: a one-test run never starts a worker.
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  if (!__filename.endsWith('.ts')) {
    return new Worker(__filename, { workerData: data, argv: [WORKER_ARGV] });
  }
  const tsx = require.resolve('tsx/cjs', { paths: [__dirname] });
  const entry = path.join(__dirname, 'batch-worker.ts');
  const code = `require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)}).serveBatch();`;
  return new Worker(code, { eval: true, workerData: data });
}

/** Time a check gets beyond its own time limit before its worker is stopped. */
function hardLimitMs(timeoutMs: number): number {
  return timeoutMs * 2 + 5000;
}

function runInWorkers(
  files: readonly string[],
  options: BatchOptions,
  jobs: number,
  sinks: BatchSinks,
): Promise<void> {
  const data: WorkerData = {
    [WORKER_MARK]: true,
    setup: options.setup,
    limits: options.limits,
    graphs: options.graphs,
  };
  const pending = new Map<number, TestOutcome>();
  const live = new Set<Worker>();
  let nextToSend = 0;
  let nextToEmit = 0;
  let modelReady = false;
  let done = false;

  return new Promise((resolve) => {
    const finish = () => {
      done = true;
      for (const w of live) void w.terminate();
      live.clear();
      resolve();
    };
    const reportModel = (status: ModelStatus) => {
      sinks.model?.(status);
      if (!status.modelLoaded) finish();
    };
    const deliver = (index: number, outcome: TestOutcome) => {
      pending.set(index, outcome);
      while (!done && pending.has(nextToEmit)) {
        const o = pending.get(nextToEmit)!;
        pending.delete(nextToEmit);
        if (sinks.outcome(o, nextToEmit++) === 'stop') finish();
      }
      if (nextToEmit === files.length) finish();
    };
    const spawn = () => {
      const worker = startWorker(data);
      live.add(worker);
      let inFlight: number | undefined;
      let watchdog: NodeJS.Timeout | undefined;
      const retire = () => {
        clearTimeout(watchdog);
        live.delete(worker);
        worker.removeAllListeners();
        void worker.terminate();
      };
      const sendNext = () => {
        clearTimeout(watchdog);
        inFlight = undefined;
        if (nextToSend >= files.length) return retire();
        const index = nextToSend++;
        inFlight = index;
        worker.postMessage({ kind: 'check', index, file: files[index] } satisfies ToWorker);
        const timeoutMs = options.limits.timeoutMs;
        if (timeoutMs !== undefined) {
          const why = `did not stop at its time limit (${timeoutMs / 1000} s) nor ${hardLimitMs(timeoutMs) / 1000} s`;
          watchdog = setTimeout(() => lost(why, 'run/time-limit'), hardLimitMs(timeoutMs));
        }
      };
      /** The worker is gone: the file it had fails, and a fresh worker takes over the rest. */
      const lost = (why: string, code = 'run/worker-lost') => {
        if (done) return;
        retire();
        if (!modelReady) {
          modelReady = true;
          return reportModel({
            modelDiagnostics: [internal(`a batch worker ${why}`)],
            modelLoaded: false,
          });
        }
        if (nextToSend < files.length) spawn();
        if (inFlight !== undefined) {
          const file = files[inFlight];
          const d = error(
            code,
            `checking ${file} ${why}; its worker was stopped`,
            span(file, 0, 0),
          );
          deliver(inFlight, { file, diagnostics: [d] });
        }
      };
      worker.on('message', (m: FromWorker) => {
        if (done) return;
        if (m.kind === 'ready') {
          if (!modelReady) {
            modelReady = true;
            reportModel({ modelDiagnostics: m.diagnostics, modelLoaded: m.ok });
            if (done) return;
          }
        } else {
          // Its check is over: a watchdog left running would hold the process open once done.
          clearTimeout(watchdog);
          deliver(m.index, m.outcome);
          if (done) return;
        }
        sendNext();
      });
      worker.on('error', (e) => lost(`crashed (${e.message})`));
      worker.on('exit', (code) => lost(`ended unexpectedly (exit status ${code})`));
    };
    for (let i = 0; i < jobs; i++) spawn();
  });
}

function internal(why: string): Diagnostic {
  return error('run/internal-error', `internal error in ordo: ${why}`, span('ordo', 0, 0));
}
