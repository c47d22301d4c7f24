import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { ModelContext } from '../../src/lsp/model-context';
import { DEFAULT_SETTINGS } from '../../src/lsp/settings';

describe('lsp/model-context', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-model-context-'));
  const workspace = path.join(tmp, 'workspace');
  const elsewhere = path.join(tmp, 'elsewhere');
  const noOverlay = () => undefined;
  before(() => {
    fs.mkdirSync(workspace);
    fs.mkdirSync(elsewhere);
    fs.writeFileSync(path.join(elsewhere, 'secret.cat'), 'let x = 0\n');
    fs.writeFileSync(
      path.join(workspace, 'escape.cfg'),
      `model ${path.join(elsewhere, 'secret.cat')}\n`,
    );
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("defaults to ordo's own LKMM and its .def", () => {
    const ctx = new ModelContext(DEFAULT_SETTINGS, [workspace], noOverlay);
    const { choices, problems } = ctx.targets();
    expect(problems.filter((d) => d.severity === 'error')).to.deep.equal([]);
    expect(choices.map((c) => path.basename(c.model))).to.deep.equal(['lkmm.cat']);
    expect(ctx.macros()?.macros.has('READ_ONCE')).to.equal(true);
  });

  it('refuses a model a cfg names outside the workspace and the configured folders', () => {
    const settings = { ...DEFAULT_SETTINGS, config: 'escape.cfg' };
    const ctx = new ModelContext(settings, [workspace], noOverlay);
    const { choices, problems } = ctx.targets();
    expect(choices).to.deep.equal([]);
    expect(problems.map((d) => d.code)).to.deep.equal(['lsp/outside-roots']);
    expect(problems[0].message).to.include('secret.cat is outside them');
  });

  it('reads no file outside its roots, but open documents always', () => {
    const secret = path.join(elsewhere, 'secret.cat');
    const ctx = new ModelContext(DEFAULT_SETTINGS, [workspace], (f) =>
      f === '/open.cat' ? 'open' : undefined,
    );
    expect(ctx.readFile(secret)).to.equal(undefined);
    expect(ctx.readFile(path.join(workspace, 'escape.cfg'))).to.include('model');
    expect(ctx.readFile('/open.cat')).to.equal('open');
  });
});
