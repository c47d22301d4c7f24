// Test support: an LSP worker with a scripted verdict that computes for `delayMs` first (a
// synchronous busy loop, like a real enumeration: only terminating the thread stops it).
import * as path from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { TestResult } from '../../../src/enumerate/result';
import type { FromWorker, ToWorker } from '../../../src/lsp/check/messages';

export interface ScriptedWorkerData {
  readonly delayMs: number;
}

export function serveScripted(): void {
  const { delayMs } = workerData as ScriptedWorkerData;
  parentPort!.on('message', (m: ToWorker) => {
    if (m.kind !== 'check') return;
    const until = Date.now() + delayMs;
    while (Date.now() < until) {
      // computing
    }
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
export function scriptedWorkers(delayMs: number): { spawn: () => Worker; started: () => number } {
  let started = 0;
  const entry = JSON.stringify(path.join(__dirname, 'scripted-worker.ts'));
  return {
    started: () => started,
    spawn: () => {
      started++;
      return new Worker(`require('tsx/cjs/api').register(); require(${entry}).serveScripted();`, {
        eval: true,
        workerData: { delayMs } satisfies ScriptedWorkerData,
      });
    },
  };
}
