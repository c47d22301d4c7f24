// CLI tests: what a one-test run loads and keeps between runs (bin/ordo's V8 code cache, lazy
// parsers), the costs that decide start-up time (scripts/bench-startup.mjs measures it).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';

const ORDO = path.resolve('bin', 'ordo');
const TEST = path.resolve('litmus', 'classic', 'SB+mbs.litmus');
const user = process.getuid?.() ?? os.userInfo().username;

describe('cli: start-up of a one-test run', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => {
    execFileSync(process.execPath, ['scripts/build.mjs']);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-start-up-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('loads neither chevrotain nor ohm when the test and the model come from the parse cache', () => {
    // Under tsx every module is a file of its own: require.cache shows which were loaded.
    const code = `
      process.on('exit', () => console.error(JSON.stringify(Object.keys(require.cache)
        .filter((k) => /node_modules.(chevrotain|ohm-js)/.test(k)))));
      process.argv = [process.argv[0], 'ordo', 'run', ${JSON.stringify(TEST)}];
      require(${JSON.stringify(path.resolve('src', 'cli', 'main.ts'))});`;
    const loaded = () => {
      const r = spawnSync(
        process.execPath,
        ['--conditions=import', '--import', 'tsx', '-e', code],
        {
          encoding: 'utf8',
        },
      );
      expect(r.stdout).to.match(/^Test SB\+mbs Allowed/);
      return JSON.parse(r.stderr.trim().split('\n').at(-1) ?? '');
    };
    loaded(); // fills the cache if this build of the sources has not run yet
    expect(loaded()).to.deep.equal([]);
  });

  it('does not load node:worker_threads for one test', () => {
    const preload = path.join(tmp, 'builtins.js');
    fs.writeFileSync(
      preload,
      `process.on('exit', () => process.stderr.write(String(process.moduleLoadList.includes('NativeModule worker_threads'))));`,
    );
    const r = spawnSync(process.execPath, ['-r', preload, ORDO, 'run', TEST], { encoding: 'utf8' });
    expect(r.stdout).to.match(/^Test SB\+mbs Allowed/);
    expect(r.stderr).to.equal('false');
  });

  it('ends a run with --timeout when its test ends, not at the watchdog (2 x limit + 5 s)', () => {
    const start = Date.now();
    const r = spawnSync(ORDO, ['run', '--timeout', '30', TEST], { encoding: 'utf8' });
    expect(r.stdout).to.match(/^Test SB\+mbs Allowed/);
    expect(Date.now() - start).to.be.lessThan(30_000);
  });

  describe("bin/ordo's code cache (Node 20)", () => {
    const root = () => path.join(tmp, `ordo-code-cache-${user}`);
    const ordo = (...args: string[]) =>
      spawnSync(ORDO, args, { env: { ...process.env, TMPDIR: tmp }, encoding: 'utf8' }).status;
    /** The cache files of the bundle's one folder. */
    const cached = () =>
      fs.existsSync(root())
        ? fs.readdirSync(root()).flatMap((d) => fs.readdirSync(path.join(root(), d)))
        : [];
    before(function () {
      if ((Module as { enableCompileCache?: unknown }).enableCompileCache) {
        console.log('    note: this Node has module.enableCompileCache; bin/ordo uses it instead');
        this.skip();
      }
    });

    it('keeps one cache per command, written only by a run that exits 0', () => {
      expect(ordo('--version')).to.equal(0);
      expect(cached()).to.have.length(1);
      expect(cached()[0]).to.match(/^\d+-\d+-v[\d.]+---version\.bin$/);
      expect(ordo('frobnicate')).to.equal(2);
      expect(ordo('--version')).to.equal(0);
      expect(cached()).to.have.length(1);
    });

    it("removes earlier builds' caches when it writes one", () => {
      const [folder] = fs.readdirSync(root());
      fs.writeFileSync(path.join(root(), folder, '1-2-v0.0.0-run.bin'), 'stale');
      expect(ordo('--help')).to.equal(0);
      expect(cached()).to.have.length(2);
      expect(cached().some((f) => f.startsWith('1-2-'))).to.equal(false);
    });

    it('writes no cache into a folder others may write into', function () {
      if (process.getuid === undefined) this.skip();
      fs.rmSync(root(), { recursive: true });
      fs.mkdirSync(root(), { mode: 0o700 });
      fs.chmodSync(root(), 0o777);
      expect(ordo('--version')).to.equal(0);
      expect(cached()).to.deep.equal([]);
    });
  });
});
