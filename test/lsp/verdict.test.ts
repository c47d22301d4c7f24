// The language server with the real checker in its worker threads: verdicts agree with
// herd7's (read from the oracle), and a slow 6-thread test never blocks typing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { inMemoryServer, type TestClient } from './support/lsp-client';

const SHARED = path.resolve('..', 'shared');
const CORPUS = path.join(SHARED, 'corpus', 'litmus');
const UPSTREAM_CFG = path.join(SHARED, 'corpus', 'lkmm', 'linux-kernel.cfg');

/** herd7's `Observation <name> <word> <P> <N>` line for a corpus file. */
function oracleObservation(relpath: string): { word: string; p: number; n: number } {
  const out = fs.readFileSync(path.join(SHARED, 'oracle', 'herd7', `${relpath}.out`), 'utf8');
  const m = /^Observation \S+ (\w+) (\d+) (\d+)$/m.exec(out);
  if (!m) throw new Error(`no Observation line for ${relpath}`);
  return { word: m[1], p: Number(m[2]), n: Number(m[3]) };
}

const verdictOf = (p: PublishDiagnosticsParams) =>
  p.diagnostics.find((d) => d.code === 'ordo/verdict')?.message;

describe('lsp/server with the real checker', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;

  // One server for all: its worker keeps the loaded model, as in an editor session.
  before(async function () {
    if (!fs.existsSync(SHARED)) {
      console.log('    note: ../shared is absent; skipping the LSP oracle tests');
      this.skip();
    }
    client = inMemoryServer();
    await client.initialize({ config: UPSTREAM_CFG, debounceMs: 20 }, pathToFileURL(SHARED).href);
  });

  after(async () => {
    await client?.close();
  });

  for (const relpath of [
    'manual/absperf/C-SB+l-o-o-u+l-o-o-u.litmus',
    'manual/extra/C-alt-ww-rw+rel+acq-o+o-rel+acq-o+o-wb-rel+acq-o.litmus',
  ]) {
    it(`shows herd7's verdict for ${relpath}`, async () => {
      const file = path.join(CORPUS, relpath);
      const uri = pathToFileURL(file).href;
      await client!.open(uri, fs.readFileSync(file, 'utf8'));
      const p = await client!.diagnosticsFor(uri, (x) => verdictOf(x) !== undefined, 50_000);
      const o = oracleObservation(relpath);
      expect(verdictOf(p)).to.equal(`${o.word} under LKMM (${o.p} of ${o.p + o.n} executions)`);
    });
  }
});

/** Six threads hammering two locations: enough candidates (co orders x rf) to keep a check busy. */
const SIX_THREADS = `C six-writers
{}
${[0, 1, 2, 3, 4, 5]
  .map(
    (i) => `P${i}(int *x, int *y) {
  WRITE_ONCE(*x, ${i + 1});
  WRITE_ONCE(*y, ${i + 1});
  r0 = READ_ONCE(*y);
  r1 = READ_ONCE(*x);
}`,
  )
  .join('\n')}
exists (0:r0=1 /\\ 5:r1=6)
`;

describe('lsp/server typing while the real checker runs', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;
  after(async () => {
    await client?.close();
  });

  it('a 6-thread test: fresh diagnostics within 500 ms, the running check cancelled', async () => {
    client = inMemoryServer();
    await client.initialize({ debounceMs: 20 });
    const uri = 'file:///work/six.litmus';
    await client.open(uri, SIX_THREADS);
    await client.status((s) => s.state === 'running' && s.version === 1, 50_000);
    // Let the worker get into the enumeration before typing.
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    const v2 = await client.change(uri, SIX_THREADS.replace('r0 = READ_ONCE(*y);', 'r0 = READ_ONCE(*y)'));
    const p = await client.diagnosticsFor(uri, (x) => x.version === v2, 500);
    expect(Date.now() - t0).to.be.below(500);
    expect(p.diagnostics.some((d) => d.severity === 1)).to.equal(true);
    const first = await client.status((s) => s.version === 1 && s.state !== 'running', 500);
    expect(first.state).to.equal('cancelled');
  });
});
