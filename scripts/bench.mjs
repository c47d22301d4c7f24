// Benchmark: the whole corpus in one `bin/ordo run --jobs 2` batch, compared with herd7's
// figures from the oracle (npm run bench; needs ../shared and a built dist/).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const shared = path.resolve('..', 'shared');
const corpus = path.join(shared, 'corpus', 'litmus');
const conf = path.join(shared, 'corpus', 'lkmm', 'linux-kernel.cfg');
if (!fs.existsSync(corpus)) {
  console.log(`bench: ${corpus} is absent; nothing to measure`);
  process.exit(0);
}
const jobs = process.env.ORDO_BENCH_JOBS ?? '2';
// A safety net only: every corpus test is expected to finish well within it.
const timeout = process.env.ORDO_BENCH_TIMEOUT ?? '300';
const modelArgs = process.env.ORDO_BENCH_OWN ? [] : ['--conf', conf];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-bench-'));
const out = path.join(tmp, 'out.jsonl');
const times = path.join(tmp, 'time.txt');
const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;
const command = [
  'bin/ordo',
  'run',
  '--json',
  '--jobs',
  jobs,
  '--timeout',
  timeout,
  ...modelArgs,
  corpus,
]
  .map(quote)
  .join(' ');
// bash's `time` reports the child's CPU time (all its threads), which Node cannot measure.
const script = `TIMEFORMAT='%R %U %S'; { time ${command} > ${quote(out)} 2> /dev/null ; } 2> ${quote(times)}`;
spawnSync('bash', ['-c', script], { stdio: 'inherit' });

const [wall, user, sys] = fs.readFileSync(times, 'utf8').trim().split(/\s+/).map(Number);
const records = fs
  .readFileSync(out, 'utf8')
  .split('\n')
  .filter((l) => l !== '')
  .map((l) => JSON.parse(l));
const herd = new Map(
  fs
    .readFileSync(path.join(shared, 'oracle', 'herd7-manual.tsv'), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map((c) => [c[0], { status: c[3], cpu: Number(c[10]) }]),
);
// herd7's CPU over the tests it completed (its timeouts were cut at 120 s wall).
const herdCpu = [...herd.values()].filter((h) => h.status === 'ok').reduce((s, h) => s + h.cpu, 0);
const cpu = user + sys;
const ran = records.filter((r) => r.verdict !== 'error').length;
const limited = records.filter((r) => r.verdict === 'limit').length;

const rel = (file) => path.relative(corpus, path.resolve(file));
const herdOf = (r) => herd.get(rel(r.file));
const sumSeconds = (rs) => rs.reduce((s, r) => s + (r.timeMs ?? 0), 0) / 1000;
const onHerdOk = sumSeconds(records.filter((r) => herdOf(r)?.status === 'ok'));
const onHerdTimeouts = records.filter((r) => herdOf(r)?.status === 'timeout');
const ratio = (a, b) => `${(a / b).toFixed(1)}x`;

console.log(
  `ordo ${modelArgs.length ? 'upstream linux-kernel.cfg' : 'own lkmm.cfg'}, --jobs ${jobs}`,
);
console.log(
  `files        ${records.length} (${ran} checked, ${records.length - ran} errors, ${limited} limits)`,
);
console.log(
  `wall time    ${wall.toFixed(2)} s (herd7: ~115 s two at a time, without its 7 timeouts: ${ratio(115, wall)})`,
);
console.log(`CPU time     ${cpu.toFixed(2)} s for the whole process, all threads`);
console.log(`throughput   ${(records.length / wall).toFixed(1)} tests/s`);
console.log(
  `per test     ${onHerdOk.toFixed(2)} s on the tests herd7 finished (herd7: ${herdCpu.toFixed(0)} s CPU, ${ratio(herdCpu, onHerdOk)})`,
);
console.log(
  `herd7's ${onHerdTimeouts.length} timeouts: ${onHerdTimeouts.map((r) => `${r.verdict} ${(r.timeMs / 1000).toFixed(1)} s`).join(', ')}`,
);
console.log('slowest tests (ordo ms, herd7 CPU s):');
for (const r of records.sort((a, b) => (b.timeMs ?? 0) - (a.timeMs ?? 0)).slice(0, 10)) {
  const h = herdOf(r);
  const herdText = h ? (h.status === 'timeout' ? 'timeout' : h.cpu.toFixed(2)) : '?';
  console.log(`  ${String(r.timeMs).padStart(8)}  ${herdText.padStart(8)}  ${rel(r.file)}`);
}
fs.rmSync(tmp, { recursive: true, force: true });
