// `bin/ordo run` and `bin/ordo herd7` end to end (the bundle, its worker threads, exit statuses).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { CORPUS, hasShared, LKMM, oracleOutput } from '../corpus/oracle-files';

const SB = (name: string, fence: string, fence1 = fence) => `C ${name}

{}

P0(int *x, int *y)
{
\tint r0;

\tWRITE_ONCE(*x, 1);${fence}
\tr0 = READ_ONCE(*y);
}

P1(int *x, int *y)
{
\tint r0;

\tWRITE_ONCE(*y, 1);${fence1}
\tr0 = READ_ONCE(*x);
}

exists (0:r0=0 /\\ 1:r0=0)
`;

const FILES: Record<string, string> = {
  'a/SB.litmus': SB('SB', ''),
  'a/SB+mbs.litmus': SB('SB+mbs', '\n\tsmp_mb();'),
  'a/SB+wmbs.litmus': SB('SB+wmbs', '\n\tsmp_wmb();'),
  'a/SB+rmbs.litmus': SB('SB+rmbs', '\n\tsmp_rmb();'),
  'b/SB+mb-o.litmus': SB('SB+mb-o', '\n\tsmp_mb();', ''),
  'b/unknown.litmus': SB('unknown', '\n\tsmp_frobnicate();'),
  'b/broken.litmus': 'C broken\n{}\nP0(int *x) {\n  WRITE_ONCE(*x 1);\n}\nexists (x=1)\n',
  'bad.cat': 'let x = (* never closed\n',
};

function run(args: string[], cwd: string) {
  const r = spawnSync(path.resolve('bin/ordo'), args, { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const withoutTime = (s: string) => s.replace(/^Time .*$/gm, '');

describe('cli: ordo run and ordo herd7 (bundle)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    execFileSync('node', ['scripts/build.mjs']);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-run-'));
    for (const [name, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
  });

  it('prints one herd7 block for one test and exits 0', () => {
    const r = run(['run', 'a/SB.litmus'], dir);
    expect(r.stderr).to.equal('');
    expect(r.status).to.equal(0);
    expect(r.stdout).to.match(/^Test SB Allowed\nStates 4\n/);
    expect(r.stdout).to.match(
      /\nObservation SB Sometimes 1 3\nTime SB \d+\.\d\d\nHash=[0-9a-f]{32}\n\n$/,
    );
  });

  it('keeps going past bad files, reports them with positions and no stack trace, exits 1', () => {
    const r = run(['run', 'b'], dir);
    expect(r.status).to.equal(1);
    expect(r.stdout.match(/^Test /gm)).to.have.length(1);
    expect(r.stderr).to.include(path.join('b', 'broken.litmus:4:'));
    expect(r.stderr).to.match(
      /b\/unknown\.litmus:\d+:\d+: error: unknown primitive smp_frobnicate/,
    );
    expect(r.stderr).not.to.match(/\n\s+at /);
  });

  it('gives the same output, in input order, whatever --jobs', () => {
    const one = run(['run', '--jobs', '1', 'a', 'b'], dir);
    const three = run(['run', '--jobs', '3', 'a', 'b'], dir);
    expect(one.stdout.match(/^Test /gm)).to.have.length(5);
    expect(withoutTime(three.stdout)).to.equal(withoutTime(one.stdout));
    expect(three.stderr).to.equal(one.stderr);
    expect(three.status).to.equal(1);
  });

  it('prints JSON lines in input order with --json', () => {
    const r = run(
      ['run', '--json', '--jobs', '2', 'a/SB.litmus', 'b/broken.litmus', 'a/SB+mbs.litmus'],
      dir,
    );
    const records = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((x) => [x.name, x.verdict])).to.deep.equal([
      ['SB', 'Sometimes'],
      ['broken', 'error'],
      ['SB+mbs', 'Never'],
    ]);
    expect(records[1].errors[0]).to.include({ file: 'b/broken.litmus', line: 4 });
    expect(records[0].model).to.equal('lkmm.cfg');
  });

  it('reports an explicit limit, in text and JSON', () => {
    const text = run(['run', '--max-candidates', '1', 'a/SB.litmus'], dir);
    expect(text.stdout).to.include('\nLimit reached: candidates\n');
    expect(text.stdout).to.include('\nObservation SB Limit ');
    const json = JSON.parse(
      run(['run', '--json', '--max-candidates', '1', 'a/SB.litmus'], dir).stdout,
    );
    expect([json.verdict, json.limit, json.ok]).to.deep.equal(['limit', 'candidates', null]);
  });

  it('reports a model error once per batch and exits 1', () => {
    const r = run(['run', '--model', 'bad.cat', '--jobs', '2', 'a'], dir);
    expect(r.status).to.equal(1);
    expect(r.stdout).to.equal('');
    expect(r.stderr.match(/bad\.cat:1:\d+: error/g)).to.have.length(1);
  });

  it('exits 2 on usage errors and 1 on a missing model file', () => {
    expect(run(['run', '--frob', 'a'], dir).status).to.equal(2);
    expect(run(['run'], dir).status).to.equal(2);
    const missing = run(['run', '--model', 'nowhere.cat', 'a/SB.litmus'], dir);
    expect(missing.status).to.equal(1);
    expect(missing.stderr).to.include('cannot find nowhere.cat');
  });

  it("herd7: herd's stderr frame for an unknown macro, exit 0 (1 with -exit true, 2 on a bad option)", () => {
    const r = run(['herd7', '-conf', 'lkmm.cfg', 'b/unknown.litmus'], dir);
    expect(r.status).to.equal(0);
    expect(r.stdout).to.equal('');
    expect(r.stderr).to.match(
      /^Warning: File "b\/unknown\.litmus", line \d+, characters \d+-\d+: Unknown macro smp_frobnicate \(User error\)\n$/,
    );
    // What judgelitmus.sh extracts:
    const macro = r.stderr.replace(/^.*: Unknown macro /, '').replace(/ \(User error\).*\n$/, '');
    expect(macro).to.equal('smp_frobnicate');
    expect(run(['herd7', '-exit', 'true', 'b/unknown.litmus'], dir).status).to.equal(1);
    expect(run(['herd7', '-frobnicate', 'b/unknown.litmus'], dir).status).to.equal(2);
  });

  it("herd7: as the kernel's scripts run it (-conf linux-kernel.cfg in tools/memory-model)", function () {
    if (!hasShared) {
      console.log('    note: ../shared is absent; skipping the upstream-model run');
      return this.skip();
    }
    const rel = 'manual/kernel/C-srcu-nest-4.litmus';
    const r = run(['herd7', '-conf', 'linux-kernel.cfg', path.join(CORPUS, rel)], LKMM);
    const drop = (s: string) => s.replace(/^(Time|Hash=).*\n/gm, '');
    expect(r.status).to.equal(0);
    expect(drop(r.stdout)).to.equal(drop(oracleOutput(rel).stdout));
    // judgelitmus.sh prints `tail -2 | head -1` of the output: herd's Hash line.
    expect(r.stdout.split('\n').slice(-3, -2)[0]).to.match(/^Hash=/);
  });

  it('herd7: the same block as ordo run, for @list files', () => {
    fs.writeFileSync(path.join(dir, 'list'), 'a/SB.litmus\na/SB+mbs.litmus\n');
    const herd = run(['herd7', '@list'], dir);
    const ordo = run(['run', 'a/SB.litmus', 'a/SB+mbs.litmus'], dir);
    expect(herd.status).to.equal(0);
    expect(withoutTime(herd.stdout)).to.equal(withoutTime(ordo.stdout));
  });
});
