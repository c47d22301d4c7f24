// Advise: every change the advisor makes, as an AST edit (what the checker runs) and as a text
// edit (what the patch shows), gives the same test, on every test of the library.

import * as fs from 'node:fs';
import { expect } from 'chai';
import { fixCandidates, strengthenings } from '../../src/advise/candidates';
import { describeChange } from '../../src/advise/changes';
import { applyEdits } from '../../src/advise/edits';
import { findElements } from '../../src/advise/elements';
import { editSource } from '../../src/advise/patch';
import { findSites } from '../../src/advise/sites';
import { parseLitmus } from '../../src/litmus';
import { SourceFile } from '../../src/source';
import { libraryTests } from '../library/library-files';
import { withoutSpans } from '../litmus/support/without-spans';
import { defined } from './support';

describe('advise: AST edits and text edits agree', () => {
  let changes = 0;
  after(() => expect(changes).to.be.greaterThan(500));
  for (const file of libraryTests()) {
    it(file, () => {
      const source = new SourceFile(file, fs.readFileSync(file, 'utf8'));
      const test = parseLitmus(source.text, file).value!;
      const threads = findSites(test, defined);
      const all = [
        ...findElements(threads, source).flatMap((e) => e.weakenings),
        ...fixCandidates(threads, source, defined),
        ...strengthenings(threads, source, defined),
      ];
      for (const c of all) {
        const text = editSource(source, c.edits);
        const reparsed = parseLitmus(text, file);
        const errors = reparsed.diagnostics.filter((d) => d.severity === 'error');
        expect(errors, `${describeChange(c)}:\n${text}`).to.deep.equal([]);
        expect(withoutSpans(reparsed.value), describeChange(c)).to.deep.equal(
          withoutSpans(applyEdits(test, c.edits)),
        );
        changes++;
      }
    });
  }
});
