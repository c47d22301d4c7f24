// Advise: `bin/ordo advise` end to end (the bundle, its worker threads, exit statuses).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';

const PIN = path.resolve('litmus/mm/gup-pin-vs-writeback/pin-wmb-vs-writeback-mb.litmus');
const RECLAIM = path.resolve(
  'litmus/mm/madvfree-vs-dio/gup-fast-vs-reclaim-xchg-relaxed-mb.litmus',
);

function advise(args: string[], cwd = process.cwd()) {
  const r = spawnSync(path.resolve('bin/ordo'), ['advise', ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const withoutTime = (s: string) => s.replace(/\(\d+ variants checked in [\d.]+ s\)/g, '');

describe('advise: bin/ordo advise', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    execFileSync('node', ['scripts/build.mjs']);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-advise-'));
    fs.writeFileSync(
      path.join(dir, 'none.litmus'),
      'C none\n\n{}\n\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\n',
    );
    fs.writeFileSync(
      path.join(dir, 'broken.litmus'),
      'C broken\n{}\nP0(int *x) {\n  WRITE_ONCE(*x 1);\n}\nexists (x=1)\n',
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON object per test with --json', () => {
    const r = advise(['--json', '-j', '1', '--arch', 'lkmm,arm64', RECLAIM]);
    expect(r.stderr).to.equal('');
    expect(r.status).to.equal(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).to.have.length(1);
    const a = JSON.parse(lines[0]);
    expect(a.targets).to.deep.equal([
      { target: 'lkmm', status: 'forbidden' },
      { target: 'arm64', status: 'forbidden' },
    ]);
    const mb = a.elements.find((e: { text: string }) => e.text === 'smp_mb()');
    expect([mb.necessity, mb.targets]).to.deep.equal([
      'necessary',
      [{ target: 'arm64', necessity: 'necessary' }],
    ]);
  });

  it('checks variants on worker threads with the same findings as in one thread', () => {
    const one = advise(['-j', '1', '--arch', 'lkmm,x86-64', PIN]);
    const two = advise(['-j', '2', '--arch', 'lkmm,x86-64', PIN]);
    expect(two.stderr).to.equal('');
    expect([one.status, two.status]).to.deep.equal([0, 0]);
    expect(withoutTime(two.stdout)).to.equal(withoutTime(one.stdout));
    expect(two.stdout).to.contain('1. cost 1: smp_wmb() -> smp_mb__after_atomic()');
    expect(two.stdout).to.contain(`--- ${PIN}\n+++ ${PIN}\n@@ -40,7 +40,7 @@`);
  });

  it('explains its cost model in --help', () => {
    const r = advise(['--help']);
    expect(r.status).to.equal(0);
    expect(r.stdout).to.contain('smp_mb() or a fully ordered RMW 4');
  });

  it('refuses bad options with exit status 2', () => {
    expect(advise(['--fixes', '0', PIN]).status).to.equal(2);
    expect(advise(['--arch', 'vax', PIN]).status).to.equal(2);
    const clash = advise(['--arch', 'lkmm', '--conf', 'lkmm.cfg', PIN]);
    expect([clash.status, clash.stderr]).to.deep.equal([
      2,
      'ordo advise: --arch chooses the models itself; drop the conf setting\n',
    ]);
    expect(advise([]).status).to.equal(2);
  });

  it('fails with status 1 on a test it cannot advise, and goes on with the others', () => {
    const r = advise(['-j', '1', 'none.litmus', 'broken.litmus', RECLAIM], dir);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.contain(
      'ordo advise: none.litmus: the test has no condition, so no outcome to advise on',
    );
    expect(r.stderr).to.contain('broken.litmus:4:');
    expect(r.stdout).to.contain('gup-fast-vs-reclaim-xchg-relaxed-mb');
  });
});
