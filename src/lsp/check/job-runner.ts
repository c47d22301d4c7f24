// LSP adapter: runs jobs (checks, model lints) in worker threads; cancelling a job terminates
// its worker, so a slow enumeration never outlives the text it was started for.
import type { Worker } from 'node:worker_threads';
import type { FromWorker, Job, JobAnswer, PreloadRequest, ToWorker } from './messages';

export type JobOutcome =
  | JobAnswer
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'crashed'; readonly message: string };

export interface RunningJob {
  readonly outcome: Promise<JobOutcome>;
  /** Stops the job at once (its worker is terminated); `outcome` resolves to `cancelled`. */
  cancel(): void;
}

/** Safety margin over the checker's own time limit before a silent worker is killed. */
const WATCHDOG_GRACE_MS = 5_000;
/** A fresh worker loads ordo (and a busy spare finishes preloading) before it starts a job. */
const STARTUP_LIMIT_MS = 120_000;

/**
 * Keeps one warm idle worker (models preloaded) so that the job following a cancellation
 * does not pay for a worker start and a model load.
 */
export class JobRunner {
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

  run(job: Job): RunningJob {
    const id = this.nextId++;
    const worker = this.idle ?? this.spawnQuiet();
    this.idle = undefined;
    this.busy.add(worker);
    let settle: (o: JobOutcome) => void = () => {};
    const outcome = new Promise<JobOutcome>((resolve) => {
      settle = resolve;
    });
    let settled = false;
    const budget =
      job.limits.timeoutMs * (job.kind === 'check' ? Math.max(1, job.targets.length) : 1);
    const finish = (o: JobOutcome, reusable: boolean): void => {
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
    const crash = (message: string) => () => finish({ kind: 'crashed', message }, false);
    // The time limit counts from when the worker takes the job up, not from when it was sent.
    let watchdog = setTimeout(crash('the worker did not start'), STARTUP_LIMIT_MS);
    const onMessage = (m: FromWorker): void => {
      if (m.id !== id) return;
      if (m.kind === 'started') {
        clearTimeout(watchdog);
        const message = `the ${job.kind} did not finish within ${budget / 1000} s`;
        watchdog = setTimeout(crash(message), budget + this.graceMs);
        return;
      }
      const { id: _, ...answer } = m;
      finish(answer, answer.kind !== 'crashed');
    };
    const onError = (e: Error): void => finish({ kind: 'crashed', message: e.message }, false);
    const onExit = (): void =>
      finish({ kind: 'crashed', message: 'the worker stopped unexpectedly' }, false);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const message: ToWorker = { ...job, id };
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
