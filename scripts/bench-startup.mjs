// Benchmark: start-up of one-test runs (kernel scripts start one process per test), as
// medians of wall and CPU time and as ratios to a bare `node -e 0` measured in the same run
// (npm run bench; needs a built dist/; ORDO_BENCH_STARTUP_N sets the runs per command).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const runs = Number(process.env.ORDO_BENCH_STARTUP_N ?? 20);
const conf = path.resolve('..', 'shared', 'corpus', 'lkmm', 'linux-kernel.cfg');
const test = 'litmus/classic/SB+mbs.litmus';
// A test ordo has not parsed before (a new path each time) shows what the parse cache saves.
const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-bench-startup-'));
const freshCopy = (round) => {
  const file = path.join(fresh, `${round}.litmus`);
  fs.copyFileSync(test, file);
  return file;
};
const commands = [
  { label: 'node -e 0', argv: () => ['node', '-e', '0'] },
  { label: 'ordo --version', argv: () => ['bin/ordo', '--version'] },
  { label: 'ordo run SB+mbs', argv: () => ['bin/ordo', 'run', test] },
  { label: 'ordo run SB+mbs, new to ordo', argv: (round) => ['bin/ordo', 'run', freshCopy(round)] },
];
if (fs.existsSync(conf)) {
  commands.push({
    label: 'ordo herd7 -conf upstream SB',
    argv: () => ['bin/ordo', 'herd7', '-conf', conf, 'litmus/classic/SB.litmus'],
  });
} else console.log(`bench-startup: ${conf} is absent; no herd7 -conf row`);

const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;
// One warm-up round fills ordo's disk caches (parse results, V8 code), as the first test of a
// kernel script run does; then the commands take turns so that load changes hit all alike.
// bash's `time` gives each child's wall, user and system time, which Node cannot measure.
const rounds = [];
for (let round = 0; round <= runs; round++) {
  for (const [i, c] of commands.entries()) {
    const command = `${c.argv(round).map(quote).join(' ')} > /dev/null 2>&1`;
    rounds.push(round === 0 ? command : `echo ${i} $({ time ${command} ; } 2>&1)`);
  }
}
const script = `TIMEFORMAT='%3R %3U %3S'\n${rounds.join('\n')}\n`;
const out = spawnSync('bash', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
fs.rmSync(fresh, { recursive: true, force: true });
if (out.status !== 0) {
  console.error(`bench-startup: bash failed: ${out.stderr}`);
  process.exit(1);
}

const samples = commands.map(() => ({ wall: [], cpu: [] }));
for (const line of out.stdout.trim().split('\n')) {
  const [i, wall, user, sys] = line.split(/\s+/).map(Number);
  samples[i].wall.push(wall * 1000);
  samples[i].cpu.push((user + sys) * 1000);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const medians = samples.map((s) => ({ wall: median(s.wall), cpu: median(s.cpu) }));
const [floor] = medians;

console.log(`start-up, median of ${runs} runs each (ratio to node -e 0 in this run)`);
console.log(`${'command'.padEnd(30)} ${'wall ms'.padStart(14)} ${'CPU ms'.padStart(14)}`);
for (const [i, c] of commands.entries()) {
  const m = medians[i];
  const cell = (ms, base) =>
    `${ms.toFixed(0).padStart(5)} (${(ms / base).toFixed(2)}x)`.padStart(14);
  console.log(`${c.label.padEnd(30)} ${cell(m.wall, floor.wall)} ${cell(m.cpu, floor.cpu)}`);
}
