// Robustness: `npm run fuzz -- --runs N --seed S [--target litmus,cat] [--jobs J]` feeds damaged
// inputs to every stage (test/support/fuzz-targets.ts) and reports broken invariants, hangs
// included: each campaign runs in a worker thread that a watchdog stops when a case stalls.
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { runCampaign } from '../test/support/fuzz-run';
import { FUZZ_TARGETS, fuzzTarget } from '../test/support/fuzz-targets';

/** Share of the runs per target: the model targets cost a model load per case. */
const WEIGHTS: Readonly<Record<string, number>> = {
  litmus: 55,
  pipeline: 25,
  def: 9,
  cat: 5,
  bell: 3,
  cfg: 3,
};

/** A case silent this long is a hang (checks stop at 1 s; a loaded model takes well under). */
const STALL_MS = 120_000;

interface Job {
  readonly target: string;
  readonly runs: number;
  readonly seed: number;
}

type FromCampaign =
  | { readonly kind: 'case'; readonly n: number; readonly describe: string }
  | {
      readonly kind: 'done';
      readonly runs: number;
      readonly slowestMs: number;
      readonly failure?: string;
    };

const USAGE = `Usage: npm run fuzz -- [--runs N] [--seed S] [--target NAME[,NAME...]] [--jobs J]

Feeds damaged copies of real inputs (and token soup) to ordo's stages and checks that every
answer is a value or positioned diagnostics: no exception, no internal error, no span outside
its file, no case over 10 s, no stall. Targets: ${FUZZ_TARGETS.map((t) => t.name).join(', ')}.
--runs is split across the targets (default 1000); --seed reproduces a run (default: random,
printed); --jobs runs targets in parallel worker threads (default: the number of cores).
Exit status: 0 clean, 1 a broken invariant or a hang (the case is printed), 2 usage error.`;

interface Options {
  runs: number;
  seed: number;
  targets: string[];
  jobs: number;
}

function parseArgs(argv: readonly string[]): Options | string {
  const o: Options = {
    runs: 1000,
    seed: Math.floor(Math.random() * 2 ** 31),
    targets: FUZZ_TARGETS.map((t) => t.name),
    jobs: os.availableParallelism?.() ?? os.cpus().length,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--help' || flag === '-h') return USAGE;
    if (value === undefined) return `option ${flag} needs a value`;
    i++;
    if (flag === '--runs' || flag === '--seed' || flag === '--jobs') {
      if (!/^\d+$/.test(value)) return `${flag} expects a non-negative integer, not '${value}'`;
      o[flag.slice(2) as 'runs' | 'seed' | 'jobs'] = Number(value);
    } else if (flag === '--target') {
      o.targets = value.split(',');
      const bad = o.targets.find((t) => !fuzzTarget(t));
      if (bad) return `unknown target '${bad}'`;
    } else return `unknown option ${flag}`;
  }
  return o;
}

/** Splits the runs by weight; every chosen target gets at least one. */
function plan(o: Options): Job[] {
  const total = o.targets.reduce((s, t) => s + WEIGHTS[t], 0);
  return o.targets.map((target, i) => ({
    target,
    runs: Math.max(1, Math.round((o.runs * WEIGHTS[target]) / total)),
    seed: o.seed + i,
  }));
}

function startCampaign(job: Job): Worker {
  const tsx = require.resolve('tsx/cjs', { paths: [__dirname] });
  const code = `require(${JSON.stringify(tsx)}); require(${JSON.stringify(__filename)});`;
  return new Worker(code, { eval: true, workerData: job });
}

/** Runs one campaign in a worker; resolves with its report lines and whether it failed. */
function supervise(job: Job): Promise<{ lines: string[]; failed: boolean }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const worker = startCampaign(job);
    let last = { n: 0, describe: '(before the first case)' };
    let watchdog: NodeJS.Timeout | undefined;
    const finish = (lines: string[], failed: boolean) => {
      clearTimeout(watchdog);
      worker.removeAllListeners();
      void worker.terminate();
      resolve({ lines, failed });
    };
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(
        () =>
          finish(
            [`${job.target}: case ${last.n} stalled for ${STALL_MS / 1000} s: ${last.describe}`],
            true,
          ),
        STALL_MS,
      );
    };
    arm();
    worker.on('message', (m: FromCampaign) => {
      if (m.kind === 'case') {
        last = m;
        arm();
        return;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const head = `${job.target}: ${m.runs} cases in ${seconds} s (slowest ${Math.round(m.slowestMs)} ms)`;
      finish(m.failure ? [`${head}: FAILED`, m.failure] : [`${head}: clean`], !!m.failure);
    });
    worker.on('error', (e) => finish([`${job.target}: the fuzzer crashed: ${e.stack}`], true));
    worker.on('exit', (code) => finish([`${job.target}: worker exited (${code})`], true));
  });
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  if (typeof o === 'string') {
    const help = o === USAGE;
    (help ? process.stdout : process.stderr).write(`${help ? '' : `fuzz: ${o}\n\n`}${USAGE}\n`);
    return help ? 0 : 2;
  }
  const jobs = plan(o);
  const total = jobs.reduce((s, j) => s + j.runs, 0);
  console.log(`fuzz: ${total} cases, seed ${o.seed}, ${o.jobs} in parallel`);
  const queue = [...jobs];
  let failed = false;
  const lane = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const r = await supervise(job);
      for (const line of r.lines) console.log(line);
      failed ||= r.failed;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.jobs) }, lane));
  console.log(`fuzz: ${failed ? 'FAILED' : 'clean'} (seed ${o.seed}; rerun with --seed ${o.seed})`);
  return failed ? 1 : 0;
}

/** The worker side: one campaign, reporting each case before running it. */
function campaign(job: Job): void {
  const port = parentPort!;
  let n = 0;
  const result = runCampaign(fuzzTarget(job.target)!, {
    seed: job.seed,
    runs: job.runs,
    onCase: (describe) => port.postMessage({ kind: 'case', n: ++n, describe: describe() }),
  });
  port.postMessage({ kind: 'done', ...result } satisfies FromCampaign);
}

if (isMainThread) {
  main().then((code) => {
    process.exitCode = code;
  });
} else campaign(workerData as Job);
