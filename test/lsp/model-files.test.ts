// Model files in the editor: `.cat`/`.bell` linted off the main thread from the unsaved text,
// `.def` parsed on every change.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { inMemoryServer, positionOf, type TestClient } from './support/lsp-client';

const MODELS = path.resolve('cat-models');

describe('lsp/server on model files', function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async () => {
    client = inMemoryServer();
    await client.initialize({ debounceMs: 20 }, pathToFileURL(path.resolve('.')).href);
  });

  after(async () => {
    await client.close();
  });

  it('reports a syntax error in the configured model as typed, and clears it when fixed', async () => {
    const file = path.join(MODELS, 'lkmm.cat');
    const uri = pathToFileURL(file).href;
    const good = fs.readFileSync(file, 'utf8');
    const at = good.indexOf('let ');
    const broken = `${good.slice(0, at)}let = ${good.slice(at + 4)}`;
    await client.open(uri, broken, 'cat');
    const p = await client.diagnosticsFor(
      uri,
      (x) => x.version === 1 && x.diagnostics.length > 0,
      50_000,
    );
    expect(p.diagnostics.map((d) => d.code)).to.deep.equal(['cat/syntax']);
    expect(p.diagnostics[0].range.start.line).to.equal(positionOf(broken, at).line);
    const v2 = await client.change(uri, good);
    const fixed = await client.diagnosticsFor(uri, (x) => x.version === v2, 50_000);
    expect(fixed.diagnostics).to.deep.equal([]);
  });

  it('reports an include the allowed folders do not have', async () => {
    const uri = pathToFileURL(path.resolve('scratch-model.cat')).href;
    await client.open(uri, '"scratch"\ninclude "no-such-file.cat"\n', 'cat');
    const p = await client.diagnosticsFor(uri, (x) => x.diagnostics.length > 0, 50_000);
    expect(p.diagnostics.map((d) => d.code)).to.deep.equal(['cat/include-not-found']);
  });

  it('parses a .def on every change', async () => {
    const uri = pathToFileURL(path.resolve('scratch.def')).href;
    const text = 'READ_ONCE(X) __load{ONCE}(X)\nWRITE_ONCE(X,V) { __store{ONCE}(X,V) }\n';
    await client.open(uri, text, 'litmus-macros');
    const p = await client.diagnosticsFor(uri);
    expect(p.diagnostics).to.have.length.greaterThan(0);
    expect(p.diagnostics[0].range.start.line).to.equal(1);
    const v2 = await client.change(uri, text.replace('(X,V) }', '(X,V); }'));
    expect((await client.diagnosticsFor(uri, (x) => x.version === v2)).diagnostics).to.deep.equal(
      [],
    );
  });
});
