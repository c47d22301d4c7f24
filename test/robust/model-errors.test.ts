// Robustness: malformed model files (.cat, .bell, .def, .cfg) get positioned messages, and a
// batch prints each of them once, not once per test.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { runOrdo } from './support';

const MODELS = path.resolve('cat-models');

describe('robust: malformed model files, reported once per batch', function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-model-errors-'));
  const tests = ['SB', 'MP', 'LB'].map((t) => path.join(dir, `${t}.litmus`));
  before(() => {
    for (const t of tests) fs.copyFileSync(path.resolve('litmus/classic', path.basename(t)), t);
    for (const f of ['lkmm.cat', 'lkmm.bell', 'lkmm.def']) {
      fs.copyFileSync(path.join(MODELS, f), path.join(dir, f));
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A copy of lkmm.cfg's files with one of them broken; returns the cfg to run with. */
  function broken(file: string, damage: (text: string) => string): string {
    const text = fs.readFileSync(path.join(MODELS, file), 'utf8');
    fs.writeFileSync(path.join(dir, `bad-${file}`), damage(text));
    const cfg = path.join(dir, `bad-${file}.cfg`);
    const name = (f: string) => (f === file ? `bad-${f}` : f);
    fs.writeFileSync(
      cfg,
      `macros ${name('lkmm.def')}\nbell ${name('lkmm.bell')}\nmodel ${name('lkmm.cat')}\nvariant lkmmv2\n`,
    );
    return cfg;
  }

  const cases: [string, () => string, RegExp][] = [
    [
      '.cat syntax',
      () => broken('lkmm.cat', (t) => t.replace(/\nlet /, '\nlet = ')),
      /bad-lkmm\.cat:\d+:\d+: error: syntax error/,
    ],
    [
      '.cat evaluation (every test fails on it)',
      () => broken('lkmm.cat', (t) => `${t}\nlet oops = po ++ 0\nacyclic oops as oops\n`),
      /bad-lkmm\.cat:\d+:\d+: error: type error/,
    ],
    [
      '.bell',
      () => broken('lkmm.bell', (t) => `${t}\nenum Broken = 'a ||\n`),
      /bad-lkmm\.bell:\d+:\d+: error: /,
    ],
    [
      '.def',
      () => broken('lkmm.def', (t) => `${t}\nBROKEN(X) { __load{ONCE}(X) \n`),
      /bad-lkmm\.def:\d+:\d+: error: /,
    ],
    [
      '.cfg',
      () => {
        const cfg = path.join(dir, 'bad.cfg');
        fs.writeFileSync(cfg, 'model lkmm.cat\nunroll many\n');
        return cfg;
      },
      /bad\.cfg:2:1: error: 'unroll' expects a non-negative integer/,
    ],
  ];

  for (const [what, make, message] of cases) {
    it(`${what}: a positioned message, printed once for three tests, exit status 1`, () => {
      const r = runOrdo(['run', '--jobs', '2', '--conf', make(), ...tests], dir);
      expect(r.status, r.stderr).to.equal(1);
      expect(r.stderr).to.match(message);
      const first = r.stderr.split('\n').find((l) => message.test(l))!;
      expect(r.stderr.split('\n').filter((l) => l === first)).to.have.length(1);
      expect(r.stderr).not.to.match(/internal error|\n\s+at /);
    });
  }
});
