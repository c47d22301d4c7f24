// Test support: an LSP worker with a scripted verdict that computes for `delayMs` first (a
// synchronous busy loop, like a real enumeration: only terminating the thread stops it),
// after taking `startDelayMs` to take the job up (like a fresh worker loading ordo).
import * as path from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { TestResult } from '../../../src/enumerate/result';
import type { FromWorker, ToWorker } from '../../../src/lsp/check/messages';

export interface ScriptedWorkerData {
  readonly delayMs: number;
  readonly startDelayMs: number;
}

function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // computing
  }
}

export function serveScripted(): void {
  const { delayMs, startDelayMs } = workerData as ScriptedWorkerData;
  parentPort!.on('message', (m: ToWorker) => {
    if (m.kind !== 'check') return;
    busy(startDelayMs);
    parentPort!.postMessage({ kind: 'started', id: m.id } satisfies FromWorker);
    busy(delayMs);
    const result: TestResult = {
      name: 'scripted',
      file: m.file,
      kind: 'Allowed',
      states: [],
      satisfied: 0,
      unsatisfied: 3,
      flags: [],
      undef: false,
      loop: false,
      candidates: 3,
      timeMs: delayMs,
      diagnostics: [],
    };
    const reply: FromWorker = {
      kind: 'verdicts',
      id: m.id,
      verdicts: m.targets.map(() => ({ result, diagnostics: [] })),
    };
    parentPort!.postMessage(reply);
  });
}

/** A spawner for ServerOptions.spawnWorker; counts the workers it started. */
export function scriptedWorkers(
  delayMs: number,
  startDelayMs = 0,
): { spawn: () => Worker; started: () => number } {
  let started = 0;
  const entry = JSON.stringify(path.join(__dirname, 'scripted-worker.ts'));
  return {
    started: () => started,
    spawn: () => {
      started++;
      return new Worker(`require('tsx/cjs/api').register(); require(${entry}).serveScripted();`, {
        eval: true,
        workerData: { delayMs, startDelayMs } satisfies ScriptedWorkerData,
      });
    },
  };
}
