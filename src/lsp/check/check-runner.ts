// LSP adapter: runs checks in worker threads; cancelling a check terminates its worker, so a
// slow enumeration never outlives the text it was started for.
import type { Worker } from 'node:worker_threads';
import type {
  CheckRequest,
  FromCheckWorker,
  PreloadRequest,
  TargetVerdict,
  ToCheckWorker,
} from './messages';

export type CheckOutcome =
  | { readonly kind: 'verdicts'; readonly verdicts: readonly TargetVerdict[] }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'crashed'; readonly message: string };

export interface RunningCheck {
  readonly outcome: Promise<CheckOutcome>;
  /** Stops the check at once (its worker is terminated); `outcome` resolves to `cancelled`. */
  cancel(): void;
}

/** Safety margin over the checker's own time limit before a silent worker is killed. */
const WATCHDOG_GRACE_MS = 5_000;

/**
 * Keeps one warm idle worker (models preloaded) so that the check following a cancellation
 * does not pay for a worker start and a model load.
 */
export class CheckRunner {
  private idle: Worker | undefined;
  private nextId = 1;
  private readonly busy = new Set<Worker>();
  private lastPreload: PreloadRequest | undefined;

  constructor(
    private readonly spawn: () => Worker,
    private readonly graceMs = WATCHDOG_GRACE_MS,
  ) {}

  /** Starts (or restarts) the spare worker with these models loaded. */
  preload(request: Omit<PreloadRequest, 'kind'>): void {
    this.lastPreload = { kind: 'preload', ...request };
    if (this.idle) void this.idle.terminate();
    this.idle = this.startSpare();
  }

  run(request: Omit<CheckRequest, 'kind' | 'id'>): RunningCheck {
    const id = this.nextId++;
    const worker = this.idle ?? this.spawnQuiet();
    this.idle = undefined;
    this.busy.add(worker);
    let settle: (o: CheckOutcome) => void = () => {};
    const outcome = new Promise<CheckOutcome>((resolve) => {
      settle = resolve;
    });
    let settled = false;
    const budget = request.limits.timeoutMs * Math.max(1, request.targets.length);
    const finish = (o: CheckOutcome, reusable: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      this.busy.delete(worker);
      if (reusable && !this.idle) this.idle = worker;
      else void worker.terminate();
      if (!this.idle) this.idle = this.startSpare();
      settle(o);
    };
    const onMessage = (m: FromCheckWorker): void => {
      if (m.id !== id) return;
      if (m.kind === 'verdicts') finish({ kind: 'verdicts', verdicts: m.verdicts }, true);
      else finish({ kind: 'crashed', message: m.message }, false);
    };
    const onError = (e: Error): void => finish({ kind: 'crashed', message: e.message }, false);
    const onExit = (): void =>
      finish({ kind: 'crashed', message: 'the check worker stopped unexpectedly' }, false);
    const watchdog = setTimeout(
      () =>
        finish(
          { kind: 'crashed', message: `the check did not finish within ${budget / 1000} s` },
          false,
        ),
      budget + this.graceMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const message: ToCheckWorker = { kind: 'check', id, ...request };
    worker.postMessage(message);
    return { outcome, cancel: () => finish({ kind: 'cancelled' }, false) };
  }

  async dispose(): Promise<void> {
    const all = [...this.busy, ...(this.idle ? [this.idle] : [])];
    this.busy.clear();
    this.idle = undefined;
    this.lastPreload = undefined;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private startSpare(): Worker | undefined {
    if (!this.lastPreload) return undefined;
    const w = this.spawnQuiet();
    w.postMessage(this.lastPreload);
    return w;
  }

  /** A worker whose crash while idle is not an unhandled error. */
  private spawnQuiet(): Worker {
    const w = this.spawn();
    w.on('error', () => {
      if (this.idle === w) this.idle = undefined;
    });
    w.unref();
    return w;
  }
}
