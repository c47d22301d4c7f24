// LSP adapter: the worker-thread side of editor checks: keeps the loaded models, checks the
// text it is sent against each target. The server terminates it to cancel a check.
import { parentPort } from 'node:worker_threads';
import type { ModelSetup } from '../../cli/config';
import { type LoadedSetup, loadSetup } from '../../cli/load-setup';
import { checkTest } from '../../enumerate';
import { parseLitmus } from '../../litmus';
import { type Result, UserError } from '../../source';
import type { CheckRequest, FromCheckWorker, TargetVerdict, ToCheckWorker } from './messages';

/** Answers the server's requests until it terminates the thread (or closes the port). */
export function serveChecks(): Promise<number> {
  const port = parentPort!;
  const models = new ModelCache();
  port.on('message', (m: ToCheckWorker) => {
    models.use(m.generation);
    if (m.kind === 'preload') {
      for (const t of m.targets) models.get(t);
      return;
    }
    let reply: FromCheckWorker;
    try {
      reply = { kind: 'verdicts', id: m.id, verdicts: check(m, models) };
    } catch (e) {
      reply = { kind: 'crashed', id: m.id, message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
  return new Promise((resolve) => port.on('close', () => resolve(0)));
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

function check(m: CheckRequest, models: ModelCache): TargetVerdict[] {
  const test = parseLitmus(m.text, m.file).value;
  if (!test) return [];
  return m.targets.map((setup) => {
    const loaded = models.get(setup).value;
    if (!loaded) return { diagnostics: models.get(setup).diagnostics };
    try {
      const result = checkTest(test, loaded.macros, loaded.model, {
        variants: setup.variants,
        unroll: setup.unroll,
        timeoutMs: m.limits.timeoutMs,
        maxCandidates: m.limits.maxCandidates,
      });
      return { result, diagnostics: [] };
    } catch (e) {
      if (e instanceof UserError) return { diagnostics: [e.diagnostic] };
      throw e;
    }
  });
}
