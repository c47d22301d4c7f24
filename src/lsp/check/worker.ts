// LSP adapter: the worker-thread side of the server: checks litmus texts against the targets
// (keeping the loaded models) and lints model files. The server terminates it to cancel a job.
import { parentPort } from 'node:worker_threads';
import type { ModelSetup } from '../../cli/config';
import { type LoadedSetup, loadSetup } from '../../cli/load-setup';
import { checkTest } from '../../enumerate';
import { parseLitmus, unreachable } from '../../litmus';
import { type Result, UserError } from '../../source';
import { drawWitness } from './draw-witness';
import { lintModel } from './lint-model';
import type { CheckJob, FromWorker, JobAnswer, TargetVerdict, ToWorker } from './messages';

/** Answers the server's jobs until it terminates the thread (or closes the port). */
export function serveJobs(): Promise<number> {
  const port = parentPort!;
  const models = new ModelCache();
  port.on('message', async (m: ToWorker) => {
    if (m.kind === 'preload') {
      models.use(m.generation);
      for (const t of m.targets) models.get(t);
      return;
    }
    const started: FromWorker = { kind: 'started', id: m.id };
    port.postMessage(started);
    let reply: FromWorker;
    try {
      reply = { ...(await answer(m, models)), id: m.id };
    } catch (e) {
      reply = { kind: 'crashed', id: m.id, message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
  return new Promise((resolve) => port.on('close', () => resolve(0)));
}

async function answer(
  m: Exclude<ToWorker, { kind: 'preload' }>,
  models: ModelCache,
): Promise<JobAnswer> {
  switch (m.kind) {
    case 'check':
      models.use(m.generation);
      return { kind: 'verdicts', verdicts: check(m, models) };
    case 'lint':
      return { kind: 'lint', diagnostics: lintModel(m) };
    case 'witness':
      models.use(m.generation);
      return { kind: 'witness', answer: await drawWitness(m, models.get(m.target)) };
    default:
      return unreachable(m);
  }
}

class ModelCache {
  private generation = -1;
  private readonly loaded = new Map<string, Result<LoadedSetup>>();

  use(generation: number): void {
    if (generation !== this.generation) this.loaded.clear();
    this.generation = generation;
  }

  get(setup: ModelSetup): Result<LoadedSetup> {
    const key = JSON.stringify(setup);
    const r = this.loaded.get(key) ?? loadSetup(setup);
    this.loaded.set(key, r);
    return r;
  }
}

function check(job: CheckJob, models: ModelCache): TargetVerdict[] {
  const test = parseLitmus(job.text, job.file).value;
  if (!test) return [];
  return job.targets.map((setup) => {
    const loaded = models.get(setup);
    if (!loaded.value) return { diagnostics: loaded.diagnostics };
    try {
      const result = checkTest(test, loaded.value.macros, loaded.value.model, {
        variants: setup.variants,
        unroll: setup.unroll,
        timeoutMs: job.limits.timeoutMs,
        maxCandidates: job.limits.maxCandidates,
      });
      return { result, diagnostics: [] };
    } catch (e) {
      if (e instanceof UserError) return { diagnostics: [e.diagnostic] };
      throw e;
    }
  });
}
