// Robustness: a model's `include` reads only inside the search path (the including file's
// folder, -I folders, ordo's library) unless the user adds a folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { loadModel } from '../../src/interp';

describe('robust: include stays within the search path', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-include-'));
  const models = path.join(tmp, 'models');
  const outside = path.join(tmp, 'outside');
  const load = (text: string, includeDirs: string[] = []) => {
    fs.writeFileSync(path.join(models, 'main.cat'), `"main"\n${text}\nacyclic po as ok\n`);
    return loadModel({ model: path.join(models, 'main.cat') }, { variants: [], includeDirs });
  };
  before(() => {
    fs.mkdirSync(models);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.cat'), '"secret"\nlet secret = po\n');
    fs.writeFileSync(path.join(models, 'mine.cat'), '"mine"\nlet mine = po\n');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reads a file beside the model', () => {
    expect(load('include "mine.cat"').diagnostics).to.deep.equal([]);
  });

  it("refuses `..` out of the search path and an absolute path, at the include's position", () => {
    for (const name of ['../outside/secret.cat', path.join(outside, 'secret.cat')]) {
      const text = `include "${name}"`;
      const r = load(text);
      expect(r.value).to.equal(undefined);
      expect(r.diagnostics.map((d) => d.code)).to.deep.equal(['cat/include-outside']);
      expect(r.diagnostics[0].message).to.include('add its folder with -I');
      const start = r.diagnostics[0].span.start;
      expect(fs.readFileSync(path.join(models, 'main.cat'), 'utf8').slice(start)).to.match(
        /^include/,
      );
    }
  });

  it('reads it once the user adds its folder (-I)', () => {
    for (const name of ['../outside/secret.cat', path.join(outside, 'secret.cat')]) {
      expect(load(`include "${name}"`, [outside]).diagnostics).to.deep.equal([]);
    }
  });
});
