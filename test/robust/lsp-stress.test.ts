// Robustness: the language server under a huge document and bursts of edits to it (the burst
// on a small test is test/lsp/server.test.ts), and a check past its limit shown as such.
import { expect } from 'chai';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SB_MBS } from '../lsp/support/fixtures';
import { inMemoryServer, positionOf, type TestClient } from '../lsp/support/lsp-client';
import { scriptedWorkers } from '../lsp/support/scripted-worker';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

/** SB+mbs with `lines` comment lines and 2,000 more statements per thread. */
function huge(register: string, lines = 20_000): string {
  const filler = `// ${'x'.repeat(200)}\n`.repeat(lines);
  const body = '  smp_mb();\n'.repeat(2_000);
  return SB_MBS.replace('{}\n', `{}\n${filler}`)
    .replaceAll('  smp_mb();\n', body)
    .replace('1:r0=0', `1:${register}=0`);
}

describe('robust: the language server under stress', function () {
  this.timeout(120_000);
  let client: TestClient;
  afterEach(async () => {
    await client?.close();
  });

  it('a 4 MB document: diagnostics and hovers still come, memory stays bounded', async () => {
    client = inMemoryServer(scriptedWorkers(20).spawn);
    await client.initialize({ debounceMs: 20 });
    const rss = process.memoryUsage().rss;
    const uri = 'file:///work/huge.litmus';
    const text = huge('r7');
    expect(text.length).to.be.above(4_000_000);
    await client.open(uri, text);
    const p = await client.diagnosticsFor(uri, (x) => x.version === 1, 60_000);
    expect(codes(p)).to.include('litmus/unknown-register');
    const hover = await client.hover(uri, text, text.indexOf('WRITE_ONCE') + 2);
    expect(JSON.stringify(hover)).to.include('WRITE_ONCE');
    expect(process.memoryUsage().rss - rss).to.be.below(1024 ** 3);
  });

  it('a burst of 100 edits to a 0.5 MB document: the last diagnostics match the last text', async () => {
    client = inMemoryServer(scriptedWorkers(60_000).spawn);
    await client.initialize({ debounceMs: 50 });
    const uri = 'file:///work/huge-burst.litmus';
    // 0.5 MB a version: the whole text travels with every change, as editors send it.
    await client.open(uri, huge('r0', 2_000));
    let last = 1;
    let lastText = '';
    const start = Date.now();
    for (let i = 0; i < 100; i++) {
      lastText = huge(`r${i + 100}`, 2_000);
      last = await client.change(uri, lastText);
    }
    expect(Date.now() - start).to.be.below(30_000);
    const p = await client.diagnosticsFor(uri, (x) => x.version === last, 60_000);
    const unknown = p.diagnostics.filter((d) => d.code === 'litmus/unknown-register');
    expect(unknown.map((d) => d.message)).to.have.length(1);
    expect(unknown[0].message).to.include('`r199`');
    expect(unknown[0].range.start).to.deep.equal(positionOf(lastText, lastText.indexOf('1:r199')));
  });

  it('a check past its candidate limit says "limit reached", with no verdict', async () => {
    client = inMemoryServer();
    await client.initialize({ debounceMs: 20, limits: { maxCandidates: 1 } });
    const uri = 'file:///work/limited.litmus';
    await client.open(uri, SB_MBS);
    const p = await client.diagnosticsFor(uri, (x) => codes(x).includes('ordo/verdict'), 60_000);
    const verdict = p.diagnostics.find((d) => d.code === 'ordo/verdict');
    expect(verdict?.message).to.match(
      /^Unknown under .*: candidate limit reached after 1 candidates/,
    );
  });
});
