// The language server with the real checker in its worker threads: verdicts agree with
// herd7's (read from the oracle), checker errors reach the editor, and a slow 6-thread test
// never blocks typing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SB_MBS } from './support/fixtures';
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

describe('lsp/server with the real checker and the default model', function () {
  this.timeout(60_000);
  let client: TestClient;
  before(async () => {
    client = inMemoryServer();
    await client.initialize({ debounceMs: 20 });
  });
  after(async () => {
    await client.close();
  });

  it("reports a model's error on the test that could not be checked, with no verdict", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-bad-model-'));
    fs.writeFileSync(
      path.join(dir, 'bad.cfg'),
      'macros lkmm.def\nbell lkmm.bell\nmodel bad.cat\nvariant lkmmv2\n',
    );
    fs.writeFileSync(
      path.join(dir, 'bad.cat'),
      '"bad"\nlet a = po | no-such-relation\nacyclic a as oops\n',
    );
    try {
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { ordo: { config: path.join(dir, 'bad.cfg'), debounceMs: 20 } },
      });
      const uri = 'file:///work/checked-by-a-bad-model.litmus';
      await client.open(uri, SB_MBS);
      await client.status((s) => s.uri === uri && s.state === 'done', 50_000);
      const last = client.diagnostics.filter((x) => x.uri === uri).at(-1);
      expect(last?.diagnostics.map((d) => [d.code, d.message, d.range.start])).to.deep.equal([
        [
          'cat/unbound',
          `${path.join(dir, 'bad.cat')}:2:14: unbound name no-such-relation`,
          { line: 0, character: 0 },
        ],
      ]);
    } finally {
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { ordo: { debounceMs: 20 } },
      });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws the witness the code lens offers (DOT and offline SVG from src/report)', async () => {
    const uri = 'file:///work/sb.litmus';
    const text = SB_MBS.replace(/ {2}smp_mb\(\);\n/g, '');
    await client.open(uri, text);
    await client.diagnosticsFor(
      uri,
      (x) => x.diagnostics.some((d) => d.code === 'ordo/verdict'),
      50_000,
    );
    const answer = (await client.connection.sendRequest('workspace/executeCommand', {
      command: 'ordo.showWitness',
      arguments: [uri, 0],
    })) as { kind: string; dot?: string; svg?: string; message?: string };
    if (
      answer.kind === 'none' &&
      answer.message === 'this checker does not record execution graphs'
    ) {
      console.log(
        '    note: the enumerator does not record execution graphs yet; no witness drawn',
      );
      return;
    }
    expect(answer.kind).to.equal('graph');
    expect(answer.dot).to.match(/^digraph/);
    expect(answer.svg).to.match(/<svg/);
  });

  it('adds a verdict per architecture when targets are configured', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { ordo: { targets: ['arm64', 'x86-64'], debounceMs: 20 } },
    });
    const uri = 'file:///work/sb-mbs.litmus';
    await client.open(uri, SB_MBS);
    const p = await client.diagnosticsFor(
      uri,
      (x) => x.diagnostics.filter((d) => d.code === 'ordo/verdict').length === 3,
      50_000,
    );
    const verdicts = p.diagnostics.filter((d) => d.code === 'ordo/verdict').map((d) => d.message);
    expect(verdicts[0]).to.equal('Never under LKMM (0 of 3 executions)');
    expect(verdicts[1]).to.match(/^Never under arm64 \(0 of \d+ executions\)$/);
    expect(verdicts[2]).to.match(/^Never under x86-64 \(0 of \d+ executions\)$/);
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { ordo: { debounceMs: 20 } },
    });
  });

  it('a 6-thread test: fresh diagnostics within 500 ms, the running check cancelled', async () => {
    const uri = 'file:///work/six.litmus';
    await client.open(uri, SIX_THREADS);
    await client.status((s) => s.uri === uri && s.state === 'running' && s.version === 1, 50_000);
    // Let the worker get into the enumeration before typing.
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    const v2 = await client.change(
      uri,
      SIX_THREADS.replace('r0 = READ_ONCE(*y);', 'r0 = READ_ONCE(*y)'),
    );
    const p = await client.diagnosticsFor(uri, (x) => x.version === v2, 500);
    expect(Date.now() - t0).to.be.below(500);
    expect(p.diagnostics.some((d) => d.severity === 1)).to.equal(true);
    const first = await client.status(
      (s) => s.uri === uri && s.version === 1 && s.state !== 'running',
      500,
    );
    expect(first.state).to.equal('cancelled');
  });
});
