// CLI tests: `ordo parse` on good, bad, non-C and missing files, directories and @lists, run as
// child processes, all started at once: bin/ordo after a build when dist/ is stale, or through
// tsx when the tree does not build.
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** How to start ordo: the bundle when it is (or can be made) up to date, else tsx on the sources. */
function ordoLauncher(): string[] {
  const bundle = 'dist/ordo.cjs';
  const fresh = (): boolean =>
    fs.existsSync(bundle) &&
    fs.statSync(bundle).mtimeMs >= Math.max(newestSource('src'), newestSource('grammar'));
  if (!fresh()) {
    try {
      execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
    } catch {
      return [process.execPath, '--conditions=import', '--import', 'tsx', 'src/cli/main.ts'];
    }
  }
  return [process.execPath, 'bin/ordo'];
}

function ordo(launcher: readonly string[], args: readonly string[]): Promise<Run> {
  const [command, ...prefix] = launcher;
  return new Promise((resolve) => {
    execFile(command, [...prefix, ...args], (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

const GOOD = 'C good\n{ x=1; }\nP0(int *x)\n{\n\tint r0 = READ_ONCE(*x);\n}\nexists (0:r0=1)\n';
const BAD = 'C bad\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1)\n}\nexists (x=1)\n';
const LISA = 'LISA other\n{}\n P0 ;\n r[once] r0 x ;\nexists (0:r0=1)\n';

describe('cli: ordo parse', function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-parse-'));
  const file = (name: string): string => path.join(dir, name);
  const runs = new Map<string, Run>();
  const run = (name: string): Run => runs.get(name)!;

  before(async () => {
    fs.writeFileSync(file('good.litmus'), GOOD);
    fs.writeFileSync(file('bad.litmus'), BAD);
    fs.mkdirSync(file('tests'));
    fs.writeFileSync(file('tests/a.litmus'), GOOD.replace('good', 'a'));
    fs.writeFileSync(file('tests/b.litmus'), LISA);
    fs.writeFileSync(file('list'), '# tests\ngood.litmus\ntests/a.litmus\n');
    const cases: Record<string, string[]> = {
      good: ['parse', file('good.litmus')],
      json: ['parse', '--json', file('good.litmus')],
      bad: ['parse', file('bad.litmus')],
      dir: ['parse', file('tests')],
      list: ['parse', `@${file('list')}`],
      missing: ['parse', file('nope.litmus')],
      none: ['parse'],
      option: ['parse', '--frobnicate', file('good.litmus')],
      help: ['parse', '--help'],
    };
    const launcher = ordoLauncher();
    const results = await Promise.all(Object.values(cases).map((args) => ordo(launcher, args)));
    for (const [i, name] of Object.keys(cases).entries()) runs.set(name, results[i]);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints a good file normalised and exits 0', () => {
    expect(run('good')).to.deep.equal({
      status: 0,
      stdout:
        'C good\n\n{\n\tx = 1;\n}\n\nP0(int *x)\n{\n\tint r0 = READ_ONCE(*x);\n}\n\nexists (0:r0=1)\n',
      stderr: '',
    });
  });

  it('prints the AST as JSON with --json', () => {
    const { status, stdout } = run('json');
    expect(status).to.equal(0);
    const ast = JSON.parse(stdout);
    expect([ast.kind, ast.name, ast.threads.length]).to.deep.equal(['LitmusTest', 'good', 1]);
  });

  it('reports a bad file on stderr with its position, without a stack trace, and exits 1', () => {
    expect(run('bad')).to.deep.equal({
      status: 1,
      stdout: '',
      stderr: `${file('bad.litmus')}:6:1: error: expected ';' but found '}'\n6 | }\n    ^\n`,
    });
  });

  it('parses a directory, rejects the non-C test in it, and ends with a summary', () => {
    const { status, stdout, stderr } = run('dir');
    expect(status).to.equal(1);
    expect(stdout).to.match(/^C a\n/);
    expect(stderr).to.equal(
      `${file('tests/b.litmus')}:1:1: error: not a C litmus test: the header says LISA (ordo checks C litmus tests)\n` +
        '1 | LISA other\n    ^^^^\nparsed 2 files, 1 with errors\n',
    );
  });

  it('reads the files named in an @list', () => {
    const { status, stdout, stderr } = run('list');
    expect(status).to.equal(0);
    expect(stdout.match(/^C \w+$/gm)).to.deep.equal(['C good', 'C a']);
    expect(stderr).to.equal('parsed 2 files, 0 with errors\n');
  });

  it('exits 1 on a missing file', () => {
    expect(run('missing')).to.deep.equal({
      status: 1,
      stdout: '',
      stderr: `ordo parse: no such file or directory: ${file('nope.litmus')}\n`,
    });
  });

  it('exits 2 without files or with an unknown option, and shows the usage', () => {
    expect(run('none').status).to.equal(2);
    expect(run('none').stderr).to.match(/^ordo parse: no input files\n\nUsage: ordo parse/);
    expect(run('option').status).to.equal(2);
    expect(run('option').stderr).to.match(/^ordo parse: unknown option '--frobnicate'\n/);
  });

  it('prints its help on --help', () => {
    expect(run('help').status).to.equal(0);
    expect(run('help').stdout).to.match(/^Usage: ordo parse \[--json\] FILE\|DIR\|@listfile/);
  });
});
