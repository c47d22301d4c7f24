// `ordo lsp --stdio` as an editor runs it: the built binary, spawned, spoken to over its
// stdin/stdout by the protocol client library.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { SB_MBS } from './support/fixtures';
import { marked, spawnedServer, type TestClient } from './support/lsp-client';

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'ordo.cjs');

/** Builds dist/ordo.cjs when a source file is newer than it (plain `mocha` runs skip `npm run build`). */
function ensureBuilt(): void {
  const built = fs.existsSync(BUNDLE) ? fs.statSync(BUNDLE).mtimeMs : 0;
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  if (Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'grammar'))) > built) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
  }
}

describe('ordo lsp --stdio', function () {
  this.timeout(60_000);
  let client: TestClient;
  let child: ReturnType<typeof spawnedServer>['child'];
  let stderr = '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-lsp-'));
  const uri = pathToFileURL(path.join(dir, 'SB+mbs.litmus')).href;

  before(async () => {
    ensureBuilt();
    ({ client, child } = spawnedServer(process.execPath, [
      path.join(ROOT, 'bin', 'ordo'),
      'lsp',
      '--stdio',
    ]));
    child.stderr?.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    await client.initialize({ debounceMs: 20 }, pathToFileURL(dir).href);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('publishes diagnostics for an opened test, then its verdict', async () => {
    const text = SB_MBS.replace('1:r0=0', '1:r3=0');
    await client.open(uri, text);
    const first = await client.diagnosticsFor(uri, (p) => p.version === 1);
    expect(first.diagnostics.map((d) => d.code)).to.include('litmus/unknown-register');
    const v2 = await client.change(uri, SB_MBS);
    const p = await client.diagnosticsFor(
      uri,
      (x) => x.version === v2 && x.diagnostics.some((d) => d.code === 'ordo/verdict'),
      50_000,
    );
    expect(p.diagnostics.map((d) => d.message)).to.deep.equal([
      'Never under LKMM (0 of 3 executions)',
    ]);
  });

  it('hovers and completes', async () => {
    const { text, offsets } = marked(
      SB_MBS.replace('smp_mb();\n  r0 = READ', 'smp_<|>mb();\n  r0 = READ'),
    );
    const v = await client.change(uri, text);
    await client.diagnosticsFor(uri, (p) => p.version === v);
    const h = await client.hover(uri, text, offsets[0]);
    expect((h?.contents as { value: string } | undefined)?.value).to.include(
      'LKMM: a full barrier',
    );
    const labels = (await client.complete(uri, text, offsets[0])).map((i) => i.label);
    expect(labels).to.include.members(['smp_mb', 'smp_rmb', 'smp_wmb']);
  });

  it('rejects options it does not know, with usage, exit status 2', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ordo'), 'lsp', '--socket=9'], {
      encoding: 'utf8',
    });
    expect(r.status).to.equal(2);
    expect(r.stderr).to.match(
      /^ordo lsp: unknown option '--socket=9' \(only --stdio is supported\)\n\nUsage: ordo lsp \[--stdio\]/,
    );
    expect(r.stdout).to.equal('');
  });

  it('exits with status 0 after shutdown and exit, writing nothing on stderr', async () => {
    const exit = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    await client.close();
    expect(await exit).to.equal(0);
    expect(stderr).to.equal('');
  });
});
