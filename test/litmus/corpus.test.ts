// Litmus tests: every C test of the shared corpus parses without errors, every other test is
// rejected as not C, and the header agrees with herd7's own architecture column.
import { expect } from 'chai';
import { parseLitmus } from '../../src/litmus';
import { formatDiagnostic, SourceFile } from '../../src/source';
import { type CorpusFile, corpusFiles, oracleArchitectures, sharedPresent } from './support/corpus';

function errorsOf(file: CorpusFile): string[] {
  const source = new SourceFile(file.name, file.text);
  return parseLitmus(file.text, file.name)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => formatDiagnostic(d, () => source));
}

describe('litmus: corpus', () => {
  if (!sharedPresent()) {
    before(function () {
      console.log('  note: ../shared is absent, so the corpus suite is skipped');
      this.skip();
    });
    it('parses every C test of ../shared/corpus/litmus', () => {
      expect(sharedPresent()).to.equal(true);
    });
    return;
  }

  const files = corpusFiles();
  const oracle = oracleArchitectures();
  const counts = new Map<string, number>();
  for (const f of files) counts.set(f.arch, (counts.get(f.arch) ?? 0) + 1);

  after(() => {
    const others = [...counts].filter(([arch]) => arch !== 'C');
    const rejected = others.map(([arch, n]) => `${n} ${arch}`).join(', ');
    console.log(
      `\n  corpus: ${counts.get('C') ?? 0} C tests parsed; ` +
        `${others.reduce((n, [, k]) => n + k, 0)} others rejected as not C (${rejected})`,
    );
  });

  it('finds the corpus and herd7 results for it', () => {
    expect(files.length).to.be.greaterThan(0);
    expect(counts.get('C')).to.be.greaterThan(0);
  });

  describe('C tests', () => {
    for (const file of files.filter((f) => f.arch === 'C')) {
      it(file.name, () => {
        expect(errorsOf(file)).to.deep.equal([]);
        const herdArch = oracle.get(file.name);
        if (herdArch !== undefined) expect(herdArch).to.equal('C');
      });
    }
  });

  describe('tests of other architectures', () => {
    for (const file of files.filter((f) => f.arch !== 'C')) {
      it(file.name, () => {
        const { value, diagnostics } = parseLitmus(file.text, file.name);
        expect(value).to.equal(undefined);
        expect(diagnostics.map((d) => [d.code, d.message])).to.deep.equal([
          [
            'litmus/not-c',
            `not a C litmus test: the header says ${file.arch} (ordo checks C litmus tests)`,
          ],
        ]);
        const herdArch = oracle.get(file.name);
        if (herdArch !== undefined) expect(herdArch).to.equal(file.arch);
      });
    }
  });
});
