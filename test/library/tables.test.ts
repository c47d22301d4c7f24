// Library tables: each litmus/ folder README's verdict table is exactly what
// scripts/library-tables.ts generates now (so it cannot go stale), and how "what it models" is
// taken from a test's leading comment.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import {
  generateTables,
  type LibraryTables,
  tableFolders,
  whatItModels,
  withTable,
} from '../../scripts/library-tables';

describe('library: verdict tables in the READMEs', function () {
  this.timeout(120_000);
  const folders = tableFolders();
  let generated: LibraryTables;

  before(async () => {
    generated = await generateTables(folders);
  });

  it('finds the classic and mm folders, with every test under them', () => {
    const names = folders.map((f) => path.relative(process.cwd(), path.dirname(f.readme)));
    expect(names).to.include('litmus/classic');
    expect(names.filter((n) => n.startsWith('litmus/mm/')).length).to.be.greaterThan(0);
    expect(folders.flatMap((f) => f.tests).length).to.be.greaterThan(0);
  });

  it('checks every test under every target without errors, limits or mismatches', () => {
    expect(generated.problems).to.deep.equal([]);
  });

  for (const folder of folders) {
    const readme = path.relative(process.cwd(), folder.readme);
    it(`${readme} holds the table ordo generates (npm run library-tables)`, () => {
      const text = fs.readFileSync(folder.readme, 'utf8');
      const body = generated.tables.get(folder.readme) ?? '';
      expect(body.split('\n').length, 'a row per test').to.be.greaterThan(folder.tests.length);
      expect(withTable(text, body) === text, `${readme} is stale`).to.equal(true);
    });
  }
});

describe('library: what a test models', () => {
  const comment = (lines: string[]) =>
    `C T\n\n(*\n${lines.map((l) => ` * ${l}`).join('\n')}\n *)\n`;

  it('takes the first sentence of the leading comment', () => {
    expect(
      whatItModels(comment(['Store buffering, no ordering. Each CPU sets', 'its own flag.'])),
    ).to.equal('Store buffering, no ordering.');
  });

  it('prefers the Models paragraph, over lines, stopping before an indented sketch', () => {
    const text = comment([
      'Thread: seeds/x.txt, "a subject".',
      'Models the v2 check (i.e. the posted one) against',
      '  the completion:',
      '    put_page(page)',
      'SC: allowed.',
    ]);
    expect(whatItModels(text)).to.equal(
      'Models the v2 check (i.e. the posted one) against the completion.',
    );
  });

  it('drops the label of a `Models:` line', () => {
    expect(whatItModels(comment(['Thread: t.', 'Models: CPU0 unmaps a page: it zaps.']))).to.equal(
      'CPU0 unmaps a page: it zaps.',
    );
  });
});
