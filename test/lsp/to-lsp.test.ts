import { expect } from 'chai';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLspDiagnostic } from '../../src/lsp/to-lsp';
import { error, SourceFile, span, warning } from '../../src/source';

describe('lsp/to-lsp', () => {
  const doc = TextDocument.create(
    'file:///w/t.litmus',
    'litmus',
    1,
    'C t\n{}\nP0(int *x) { é; }\n',
  );
  const target = { doc, file: '/w/t.litmus' };
  const def = new SourceFile('/m/lkmm.def', '// macros\nREAD_ONCE(X) __load{ONCE}(X)\n');
  const lookup = (f: string) => (f === def.path ? def : undefined);

  it('turns a span of the document into a 0-based range in UTF-16 columns', () => {
    const at = doc.getText().indexOf('é');
    const d = toLspDiagnostic(
      warning('litmus/x', 'here', span('/w/t.litmus', at, at + 1)),
      target,
      lookup,
    );
    expect(d).to.deep.equal({
      range: { start: { line: 2, character: 13 }, end: { line: 2, character: 14 } },
      severity: 2,
      code: 'litmus/x',
      source: 'ordo',
      message: 'here',
    });
  });

  it('shows a problem in another file on the first line, saying and linking where it is', () => {
    const d = toLspDiagnostic(
      error('litmus/syntax', 'bad macro', span(def.path, 10, 19)),
      target,
      lookup,
    );
    expect(d.range).to.deep.equal({
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    });
    expect(d.message).to.equal('/m/lkmm.def:2:1: bad macro');
    expect(d.relatedInformation).to.deep.equal([
      {
        message: 'bad macro',
        location: {
          uri: 'file:///m/lkmm.def',
          range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } },
        },
      },
    ]);
  });

  it('keeps the file name when the other file cannot be read', () => {
    const d = toLspDiagnostic(error('x/y', 'gone', span('/elsewhere.cat', 0, 1)), target, lookup);
    expect(d.message).to.equal('/elsewhere.cat: gone');
    expect(d.relatedInformation).to.equal(undefined);
  });
});
