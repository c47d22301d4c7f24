// `bin/ordo run --arch` and `bin/ordo lower` end to end (the bundle, its workers, exit statuses).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { parseHerdLog } from '../../src/report';
import { litmus } from './arch-runs';
import { validateAsm } from './asm-validator';

const FILES: Record<string, string> = {
  'SB+xchg-relaxeds.litmus': litmus(
    'SB+xchg-relaxeds',
    [
      'int r0;\nint r1;\nr1 = xchg_relaxed(x, 1);\nr0 = READ_ONCE(*y);',
      'int r0;\nint r1;\nr1 = xchg_relaxed(y, 1);\nr0 = READ_ONCE(*x);',
    ],
    '0:r0=0 /\\ 1:r0=0',
  ),
  'gp.litmus': litmus(
    'gp',
    ['synchronize_rcu();\nWRITE_ONCE(*x, 1);', 'int r0;\nr0 = READ_ONCE(*x);'],
    '1:r0=1',
    {
      params: 'int *x',
    },
  ),
};

function ordo(args: string[], cwd: string) {
  const r = spawnSync(path.resolve('bin/ordo'), args, { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('arch: ordo run --arch and ordo lower (bundle)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    execFileSync('node', ['scripts/build.mjs']);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-arch-'));
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints a herd block per test and target, each after a Target line', () => {
    const r = ordo(['run', '-j', '1', '--arch', 'x86-64,arm64,sc', 'SB+xchg-relaxeds.litmus'], dir);
    expect(r.status, r.stderr).to.equal(0);
    const markers = [...r.stdout.matchAll(/^Target (\S+)$/gm)].map((m) => m[1]);
    expect(markers).to.deep.equal(['x86-64', 'arm64', 'sc']);
    const blocks = parseHerdLog(r.stdout);
    expect(blocks.map((b) => [b.name, b.observation?.word])).to.deep.equal([
      ['SB+xchg-relaxeds', 'Never'],
      ['SB+xchg-relaxeds', 'Sometimes'],
      ['SB+xchg-relaxeds', 'Never'],
    ]);
  });

  it('reports a test a target cannot lower as not checked, without failing', () => {
    const r = ordo(['run', '-j', '1', '--arch', 'power,lkmm', 'gp.litmus'], dir);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^Target power\nNot checked gp: synchronize_rcu\n/m);
    expect(r.stderr).to.include('warning: not checked on power: synchronize_rcu');
    expect(parseHerdLog(r.stdout).map((b) => b.name)).to.deep.equal(['gp']);
  });

  it('adds a target to every JSON record', () => {
    const r = ordo(
      ['run', '-j', '1', '--json', '--arch', 'riscv,lkmm', 'gp.litmus', 'SB+xchg-relaxeds.litmus'],
      dir,
    );
    const records = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((x) => [x.name, x.target, x.verdict])).to.deep.equal([
      ['gp', 'riscv', 'not-checked'],
      ['gp', 'lkmm', 'Sometimes'],
      ['SB+xchg-relaxeds', 'riscv', 'Sometimes'],
      ['SB+xchg-relaxeds', 'lkmm', 'Sometimes'],
    ]);
    expect(records[0].model).to.equal('riscv.cfg');
  });

  it('rejects unknown targets and model options it would ignore', () => {
    const bad = ordo(['run', '--arch', 'mips', 'gp.litmus'], dir);
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.include("--arch: unknown target 'mips'");
    const clash = ordo(['run', '--arch', 'arm64', '--model', 'x.cat', 'gp.litmus'], dir);
    expect(clash.status).to.equal(2);
    expect(clash.stderr).to.include('--arch chooses the models itself');
  });

  it('reads a target from its cat-models/<target>.cfg, and rejects an unknown one', () => {
    const conf = path.resolve('cat-models', 'arm64.cfg');
    const r = ordo(['run', '--conf', conf, 'SB+xchg-relaxeds.litmus'], dir);
    expect(r.status, r.stderr).to.equal(0);
    expect(parseHerdLog(r.stdout).map((b) => b.observation?.word)).to.deep.equal(['Sometimes']);
    fs.writeFileSync(
      path.join(dir, 'mips.cfg'),
      `include ${path.resolve('cat-models')}\n${fs.readFileSync(conf, 'utf8').replace('target arm64', 'target mips')}`,
    );
    const bad = ordo(['run', '--conf', 'mips.cfg', 'SB+xchg-relaxeds.litmus'], dir);
    expect(bad.status).to.equal(1);
    expect(bad.stderr).to.include(
      "'target' expects one of x86-64, arm64, arm64-llsc, power, riscv, not 'mips'",
    );
  });

  it('lowers a test to herd7 assembly', () => {
    const r = ordo(['lower', '--arch', 'power', 'SB+xchg-relaxeds.litmus'], dir);
    expect(r.status, r.stderr).to.equal(0);
    expect(validateAsm(r.stdout, 'PPC', 2)).to.deep.equal([]);
    expect(r.stdout).to.match(/lwarx r2,0,r\d+/);
  });

  it('fails on what it cannot lower, and on usage errors', () => {
    const r = ordo(['lower', '--arch', 'x86-64', 'gp.litmus'], dir);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.include('error: cannot lower synchronize_rcu to x86-64');
    expect(ordo(['lower', 'gp.litmus'], dir).status).to.equal(2);
    expect(ordo(['lower', '--arch', 'sparc', 'gp.litmus'], dir).status).to.equal(2);
  });
});
