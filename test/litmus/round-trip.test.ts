// Litmus tests: printLitmus output parses back to the same AST (spans aside), for every C test
// of the shared corpus.
import { expect } from 'chai';
import { parseLitmus, printLitmus } from '../../src/litmus';
import { corpusFiles, sharedPresent } from './support/corpus';
import { withoutSpans } from './support/without-spans';

describe('litmus: print then parse gives the same AST', () => {
  if (!sharedPresent()) {
    before(function () {
      console.log('  note: ../shared is absent, so the round-trip suite is skipped');
      this.skip();
    });
    it('round-trips every C test of ../shared/corpus/litmus', () => {
      expect(sharedPresent()).to.equal(true);
    });
    return;
  }

  for (const file of corpusFiles().filter((f) => f.arch === 'C')) {
    it(file.name, () => {
      const first = parseLitmus(file.text, file.name).value!;
      const printed = printLitmus(first);
      const again = parseLitmus(printed, file.name);
      expect(again.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
      expect(withoutSpans(again.value!)).to.deep.equal(withoutSpans(first));
    });
  }
});
