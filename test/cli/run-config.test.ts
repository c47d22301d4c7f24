import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import {
  applySettings,
  catModelsDir,
  commandLineSetting,
  emptySettings,
  parseConfig,
  resolveSetup,
} from '../../src/cli/config';
import { formatDiagnostic, SourceFile } from '../../src/source';
import { LKMM, skipWithoutShared } from '../corpus/oracle-files';

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-cfg-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('cli: .cfg files and model resolution', () => {
  it('reads key value lines, # comments and blank lines, keeping picture keys in order', () => {
    const text =
      '# a model\nmacros m.def\n\nbell b.bell  # the bell\nmodel m.cat\nvariant lkmmv2,foo\nedgeattr hb,color,indigo\nedgeattr co,color,blue\nshowevents noregs\n';
    const parsed = parseConfig(text, 'x.cfg');
    expect(parsed.diagnostics).to.deep.equal([]);
    expect(parsed.value!.map((s) => [s.key, s.value])).to.deep.equal([
      ['macros', 'm.def'],
      ['bell', 'b.bell'],
      ['model', 'm.cat'],
      ['variant', 'lkmmv2,foo'],
      ['edgeattr', 'hb,color,indigo'],
      ['edgeattr', 'co,color,blue'],
      ['showevents', 'noregs'],
    ]);
    const settings = emptySettings();
    applySettings(settings, parsed.value!, { cwd: '.', includeDirs: [] });
    expect(settings.variants).to.deep.equal(['lkmmv2', 'foo']);
    expect(settings.picture).to.deep.equal([
      ['edgeattr', 'hb,color,indigo'],
      ['edgeattr', 'co,color,blue'],
      ['showevents', 'noregs'],
    ]);
  });

  it('reads a value with a long run of blanks inside it (linear scan)', () => {
    const parsed = parseConfig(`variant a${' '.repeat(200_000)}b  \r\n`, 'x.cfg');
    expect(parsed.value!.map((s) => [s.key, s.value.replace(/ +/, ' ')])).to.deep.equal([
      ['variant', 'a b'],
    ]);
  });

  it('reports an unknown key and a missing value with their positions', () => {
    const text = 'model m.cat\n  frobnicate 3\nbell\n';
    const parsed = parseConfig(text, 'x.cfg');
    const src = new SourceFile('x.cfg', text);
    const printed = parsed.diagnostics.map((d) => formatDiagnostic(d, () => src));
    expect(printed).to.deep.equal([
      "x.cfg:2:3: error: unknown key 'frobnicate' in configuration file\n2 |   frobnicate 3\n      ^^^^^^^^^^",
      "x.cfg:3:1: error: key 'bell' needs a value\n3 | bell\n    ^^^^",
    ]);
  });

  it('rejects bad numbers and warns about options ordo ignores', () => {
    const settings = emptySettings();
    const ds = applySettings(
      settings,
      [commandLineSetting('unroll', 'two'), commandLineSetting('speedcheck', 'fast')],
      { cwd: '.', includeDirs: [] },
    );
    expect(ds.map((d) => [d.severity, d.message])).to.deep.equal([
      ['error', "'unroll' expects a non-negative integer, not 'two'"],
      ['warning', "ordo ignores 'speedcheck' (not supported yet)"],
    ]);
  });

  it('finds files in cwd, then -I dirs, then the cfg folder; command-line settings override the cfg', () => {
    const dir = tempDir({
      'models/my.cfg':
        'model my.cat\nbell my.bell\nmacros my.def\nvariant v1\ntimeout 3\nunroll 4\n',
      'models/my.cat': '',
      'models/my.bell': '',
      'models/my.def': '',
      'inc/other.bell': '',
      'work/my.cat': '',
    });
    const work = path.join(dir, 'work');
    const setup = resolveSetup(
      [
        commandLineSetting('conf', 'my.cfg'),
        commandLineSetting('bell', 'other.bell'),
        commandLineSetting('variant', 'v2'),
      ],
      { cwd: work, includeDirs: ['../models', '../inc'] },
    );
    expect(setup.diagnostics).to.deep.equal([]);
    const v = setup.value!;
    expect(v.label).to.equal('my.cfg');
    expect(v.model).to.equal(path.join(work, 'my.cat'));
    expect(v.bell).to.equal(path.join(dir, 'inc', 'other.bell'));
    expect(v.macros).to.equal(path.join(dir, 'models', 'my.def'));
    expect(v.variants).to.deep.equal(['v1', 'v2']);
    expect([v.timeoutSeconds, v.unroll]).to.deep.equal([3, 4]);
    expect(v.includeDirs).to.include(path.join(dir, 'models'));
  });

  it('applies herd7 settings left to right: an option before -conf is overridden by it', () => {
    const dir = tempDir({ 'a.cfg': 'model a.cat\n', 'a.cat': '', 'b.cat': '' });
    const search = { cwd: dir, includeDirs: [] };
    const before = resolveSetup(
      [commandLineSetting('model', 'b.cat'), commandLineSetting('conf', 'a.cfg')],
      search,
    );
    const after = resolveSetup(
      [commandLineSetting('conf', 'a.cfg'), commandLineSetting('model', 'b.cat')],
      search,
    );
    expect(path.basename(before.value!.model)).to.equal('a.cat');
    expect(path.basename(after.value!.model)).to.equal('b.cat');
  });

  it('says where it searched for a missing file', () => {
    const dir = tempDir({ 'a.cfg': 'model nowhere.cat\n' });
    const setup = resolveSetup([commandLineSetting('conf', path.join(dir, 'a.cfg'))], {
      cwd: dir,
      includeDirs: [],
    });
    expect(setup.value).to.equal(undefined);
    const [d] = setup.diagnostics;
    expect(d.code).to.equal('config/file-not-found');
    expect(d.message).to.match(/^cannot find nowhere\.cat \(searched /);
    expect(d.span.file).to.equal(path.join(dir, 'a.cfg'));
  });

  it("uses ordo's own LKMM when no model is given, or says that it is missing", () => {
    const setup = resolveSetup([], { cwd: '.', includeDirs: [] });
    if (fs.existsSync(path.join(catModelsDir(), 'lkmm.cfg'))) {
      expect(setup.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
      expect(setup.value!.label).to.equal('lkmm.cfg');
      expect(path.dirname(setup.value!.model)).to.equal(catModelsDir());
    } else {
      expect(setup.diagnostics.map((d) => d.code)).to.deep.equal(['config/no-default-model']);
    }
  });

  describe('the upstream linux-kernel.cfg', () => {
    before(function () {
      skipWithoutShared(this, 'the upstream cfg');
    });
    it('resolves through -I as herd7 -I ../corpus/lkmm -conf linux-kernel.cfg does', () => {
      const setup = resolveSetup([commandLineSetting('conf', 'linux-kernel.cfg')], {
        cwd: '.',
        includeDirs: [LKMM],
      });
      expect(setup.diagnostics).to.deep.equal([]);
      const v = setup.value!;
      expect([v.model, v.bell, v.macros]).to.deep.equal(
        ['linux-kernel.cat', 'linux-kernel.bell', 'linux-kernel.def'].map((f) =>
          path.join(LKMM, f),
        ),
      );
      expect(v.variants).to.deep.equal(['lkmmv2']);
      expect(v.picture.filter(([k]) => k === 'edgeattr')).to.have.length.above(3);
    });
  });
});
