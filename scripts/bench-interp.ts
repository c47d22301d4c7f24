// Benchmark of the cat interpreter alone: the upstream LKMM (../shared/corpus/lkmm) run on
// hand-built event structures, every reads-from choice a candidate, with and without the
// per-structure cache; CPU microseconds per candidate. Run: npx tsx scripts/bench-interp.ts [iterations]
// tsx's module wrappers make it about 3x slower than the bundle; for the bundle's figures:
//   npx esbuild scripts/bench-interp.ts --bundle --platform=node --loader:.ohm=text --outfile=/tmp/b.cjs && node /tmp/b.cjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadModel, runModel } from '../src/interp';
import {
  buildExecution,
  type EventSpec,
  type ExecutionSpec,
  init,
} from '../test/support/build-execution';

const LKMM = path.resolve('..', 'shared', 'corpus', 'lkmm');

const once = (
  name: string,
  kind: 'R' | 'W',
  thread: number,
  loc: string,
  value: number,
): EventSpec => ({
  name,
  kind,
  thread,
  loc,
  value,
  tags: ['ONCE'],
});
const fence = (name: string, thread: number, tag: string): EventSpec => ({
  name,
  kind: 'F',
  thread,
  tags: [tag],
});

/** Event structures of classic litmus tests (no rf yet). */
const STRUCTURES: Record<string, EventSpec[]> = {
  'SB+mbs': [
    ...init(['x', 0], ['y', 0]),
    once('a', 'W', 0, 'x', 1),
    fence('f0', 0, 'MB'),
    once('b', 'R', 0, 'y', 0),
    once('c', 'W', 1, 'y', 1),
    fence('f1', 1, 'MB'),
    once('d', 'R', 1, 'x', 0),
  ],
  'MP+wmb+rmb': [
    ...init(['x', 0], ['y', 0]),
    once('a', 'W', 0, 'x', 1),
    fence('f0', 0, 'wmb'),
    once('b', 'W', 0, 'y', 1),
    once('c', 'R', 1, 'y', 1),
    fence('f1', 1, 'rmb'),
    once('d', 'R', 1, 'x', 0),
  ],
  IRIW: [
    ...init(['x', 0], ['y', 0]),
    once('a', 'W', 0, 'x', 1),
    once('b', 'W', 1, 'y', 1),
    once('c', 'R', 2, 'x', 1),
    once('d', 'R', 2, 'y', 0),
    once('e', 'R', 3, 'y', 1),
    once('f', 'R', 3, 'x', 0),
  ],
  '3.2W+RCU': [
    ...init(['x', 0], ['y', 0], ['z', 0]),
    fence('l0', 0, 'rcu-lock'),
    once('a', 'W', 0, 'x', 2),
    once('b', 'R', 0, 'y', 0),
    fence('u0', 0, 'rcu-unlock'),
    once('c', 'W', 1, 'y', 2),
    fence('s1', 1, 'sync-rcu'),
    once('d', 'W', 1, 'z', 1),
    once('e', 'W', 2, 'z', 2),
    fence('f2', 2, 'MB'),
    once('g', 'W', 2, 'x', 1),
  ],
};

/** Every reads-from choice: each read from any write to its location. */
function candidates(events: EventSpec[]): [string, string][][] {
  let choices: [string, string][][] = [[]];
  for (const r of events.filter((e) => e.kind === 'R')) {
    const writes = events.filter((w) => (w.kind === 'W' || w.kind === 'IW') && w.loc === r.loc);
    choices = choices.flatMap((c) =>
      writes.map((w) => [...c, [w.name, r.name] as [string, string]]),
    );
  }
  return choices;
}

function main(): void {
  if (!fs.existsSync(LKMM)) {
    console.log(`bench-interp: ${LKMM} not found (the upstream LKMM files are needed)`);
    return;
  }
  const iterations = Number(process.argv[2] ?? 200);
  const loaded = loadModel(
    { model: path.join(LKMM, 'linux-kernel.cat'), bell: path.join(LKMM, 'linux-kernel.bell') },
    { variants: ['lkmmv2'], includeDirs: [] },
  );
  const model = loaded.value;
  if (!model) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  console.log(
    `${'structure'.padEnd(12)} cands  accepted  cached µs/cand  uncached µs/cand  speed-up`,
  );
  for (const [name, events] of Object.entries(STRUCTURES)) {
    const rfs = candidates(events);
    const key = {};
    const specs: ExecutionSpec[] = rfs.map((rf) => ({ events, rf, structureKey: key }));
    const time = (fresh: boolean) => {
      const execs = specs.map((s) => buildExecution(s));
      let accepted = 0;
      // CPU time, not wall time: the figures should not depend on the machine's other load.
      const t0 = process.cpuUsage();
      for (let it = 0; it < iterations; it++) {
        for (const e of execs) {
          // A fresh structure key makes every candidate start from an empty cache.
          runModel(model, fresh ? { ...e, structureKey: {} } : e, () => {
            accepted++;
          });
        }
      }
      const used = process.cpuUsage(t0);
      const us = (used.user + used.system) / (iterations * specs.length);
      return { us, accepted: accepted / iterations };
    };
    time(false); // warm-up
    const cached = time(false);
    const uncached = time(true);
    console.log(
      `${name.padEnd(12)} ${String(specs.length).padStart(5)}  ${String(cached.accepted).padStart(8)}  ${cached.us.toFixed(1).padStart(14)}  ${uncached.us.toFixed(1).padStart(16)}  ${(uncached.us / cached.us).toFixed(1).padStart(8)}x`,
    );
  }
}

main();
