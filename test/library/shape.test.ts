// Library tests: the library's files keep their promises to readers: every test parses in
// herd7's dialect, is named after its file, states its LKMM and SC claims, and the seed-thread
// tests name their thread; every folder has a README with the verdict-table markers; every
// test named in a comment or README exists, and every test is discussed in its folder's README.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { parseLitmus } from '../../src/litmus';
import { LIBRARY, leadingComment, libraryFolders, libraryTests, scClaim } from './library-files';

const TEST_REFERENCE = /[A-Za-z0-9+.-]+\.litmus\b/g;
const allNames = new Set(libraryTests().map((f) => path.basename(f)));

function unknownReferences(text: string): string[] {
  return [...text.matchAll(TEST_REFERENCE)].map((m) => m[0]).filter((n) => !allNames.has(n));
}

describe('library: test files', () => {
  for (const file of libraryTests()) {
    it(file, () => {
      const text = fs.readFileSync(file, 'utf8');
      const parsed = parseLitmus(text, file);
      expect(parsed.diagnostics.map((d) => d.message)).to.deep.equal([]);
      expect(parsed.value?.name).to.equal(path.basename(file, '.litmus'));
      expect(parsed.value?.expected, 'a Result: line').to.not.equal(undefined);
      expect(scClaim(text), 'an SC: allowed|forbidden line').to.not.equal(undefined);
      const comment = leadingComment(text);
      if (file.includes(`${path.sep}mm${path.sep}`)) {
        expect(comment, 'names its seed thread').to.match(/Thread: seeds\/\d{3}_[0-9a-f]+\.txt/);
      }
      expect(unknownReferences(comment), 'tests it refers to').to.deep.equal([]);
    });
  }
});

describe('library: folder READMEs', () => {
  for (const dir of libraryFolders()) {
    it(path.relative(process.cwd(), dir) || LIBRARY, () => {
      const readme = path.join(dir, 'README.md');
      expect(fs.existsSync(readme), `${readme} exists`).to.equal(true);
      const text = fs.readFileSync(readme, 'utf8');
      const tests = fs
        .readdirSync(dir)
        .filter((n) => n.endsWith('.litmus'))
        .map((n) => path.basename(n, '.litmus'));
      if (tests.length > 0) {
        expect(text).to.match(/<!-- verdict-table -->[\s\S]*<!-- \/verdict-table -->/);
      }
      const undiscussed = tests.filter(
        (n) => !text.includes(`\`${n}\``) && !text.includes(`${n}.litmus`),
      );
      expect(undiscussed, 'tests the README does not mention').to.deep.equal([]);
      expect(unknownReferences(text), 'tests it refers to').to.deep.equal([]);
    });
  }
});
