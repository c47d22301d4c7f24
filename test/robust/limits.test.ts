// Robustness: --timeout, --max-candidates and --max-events end a test with an explicit
// "limit reached" result (text and JSON), within its limit, and the batch goes on.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { resolveSetup } from '../../src/cli/config';
import { loadSetup } from '../../src/cli/load-setup';
import { checkTest } from '../../src/enumerate';
import { parseLitmus } from '../../src/litmus';
import { manyThreads, runOrdo } from './support';

describe('robust: limits', function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-limits-'));
  const big = path.join(dir, 'many-20.litmus');
  const sb = path.join(dir, 'SB.litmus');
  before(() => {
    fs.writeFileSync(big, manyThreads(20));
    fs.copyFileSync(path.resolve('litmus/classic/SB.litmus'), sb);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a 20-thread test stops at --timeout 2 with "Limit reached: time"; the batch goes on', () => {
    const r = runOrdo(['run', '--jobs', '2', '--timeout', '2', big, sb]);
    expect(r.status, r.stderr).to.equal(0);
    const blocks = r.stdout.split(/\n\n+/).filter((b) => b.startsWith('Test '));
    expect(blocks.map((b) => b.split('\n')[0])).to.deep.equal([
      'Test many-20 Allowed',
      'Test SB Allowed',
    ]);
    expect(blocks[0]).to.include('\nLimit reached: time\n');
    expect(blocks[0]).to.match(/\nObservation many-20 Limit \d+ \d+\n/);
    expect(blocks[1]).to.match(/\nObservation SB Sometimes 1 3\n/);
    // Started, stopped by its own clock (2 s) and reported: far below the watchdog's 9 s.
    expect(r.ms).to.be.below(20_000);
  });

  it('--max-events and --max-candidates, in JSON', () => {
    const events = runOrdo(['run', '--json', '--max-events', '30', big, sb]);
    expect(events.status, events.stderr).to.equal(0);
    const records = (r: typeof events) =>
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    expect(records(events).map((x) => [x.name, x.verdict, x.limit, x.ok])).to.deep.equal([
      ['many-20', 'limit', 'events', null],
      ['SB', 'Sometimes', null, true],
    ]);
    const candidates = runOrdo(['run', '--json', '--max-candidates', '2', sb, sb]);
    expect(candidates.status, candidates.stderr).to.equal(0);
    expect(records(candidates).map((x) => [x.verdict, x.limit, x.ok])).to.deep.equal([
      ['limit', 'candidates', null],
      ['limit', 'candidates', null],
    ]);
  });

  // Twelve writes to one lock word have millions of coherence orders: cross.cat's recursion
  // over them outgrows the stack, or, with a deeper stack, must still stop at the time limit.
  const lockWord = (() => {
    const threads = [0, 1, 2, 3, 4, 5].map(
      (i) =>
        `P${i}(int *sl, int *x${i})\n{\n\tint r2;\n\tr2 = xchg_acquire(sl, 1);\n` +
        `\tWRITE_ONCE(*x${i}, 1);\n\tsmp_store_release(sl, 0);\n}\n`,
    );
    return `C lock-word\n{}\n${threads.join('\n')}\nexists (0:r2=0)\n`;
  })();

  it('a model recursing past the stack ends with "Limit reached: recursion", not a crash', () => {
    const file = path.join(dir, 'lock-word.litmus');
    fs.writeFileSync(file, lockWord);
    const r = runOrdo(['run', '--json', file, sb]);
    expect(r.status, r.stderr).to.equal(0);
    const records = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((x) => [x.name, x.verdict, x.limit])).to.deep.equal([
      ['lock-word', 'limit', 'recursion'],
      ['SB', 'Sometimes', null],
    ]);
  });

  it('the same model with a time limit stops on time while its recursion unwinds', () => {
    const file = path.join(dir, 'lock-word.litmus');
    const r = runOrdo(['run', '--jobs', '2', '--timeout', '1', file, sb]);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/\nLimit reached: (time|recursion)\n/);
    expect(r.stderr).to.not.include('did not stop');
  });

  it('memory stays bounded: 2,000 candidates of the 20-thread test in well under 1 GB', () => {
    const setup = resolveSetup([], { cwd: process.cwd(), includeDirs: [] }).value!;
    const loaded = loadSetup(setup).value!;
    const test = parseLitmus(fs.readFileSync(big, 'utf8'), big).value!;
    const before = process.memoryUsage().heapUsed;
    const r = checkTest(test, loaded.macros, loaded.model, {
      variants: setup.variants,
      maxCandidates: 2_000,
      timeoutMs: 5_000,
    });
    const grown = process.memoryUsage().heapUsed - before;
    expect(r.limit).to.be.oneOf(['candidates', 'time']);
    expect(grown).to.be.below(1024 ** 3);
  });
});
