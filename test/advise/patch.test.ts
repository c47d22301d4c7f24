// Advise: fixes as patches: edits made on the source text, unified diffs with original lines.
import { expect } from 'chai';
import fc from 'fast-check';
import { diffHunks, editSource } from '../../src/advise/patch';
import { parseLitmus } from '../../src/litmus';
import { SourceFile } from '../../src/source';
import { applyHunks } from './support';

const MP = `C MP+wmb (* a comment that must survive *)

{}

P0(int *x, int *y)
{
\tWRITE_ONCE(*x, 1);
\tsmp_wmb();
\tWRITE_ONCE(*y, 1);
}

P1(int *x, int *y)
{
\tint r0; int r1;

\tr0 = READ_ONCE(*y);
\tr1 = READ_ONCE(*x);
}

exists (1:r0=1 /\\ 1:r1=0)
`;

describe('advise: patches', () => {
  it('applying the hunks of a diff gives the new text (random texts)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', '', '\tx();'), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, fc.integer({ min: 0, max: 3 }), (a, b, context) => {
        const before = a.join('\n');
        const after = b.join('\n');
        expect(applyHunks(before, diffHunks(before, after, context))).to.equal(after);
      }),
    );
  });

  it('numbers hunks by the original lines and lists removals before insertions', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n');
    const after = ['1', '2', '3', '4', 'five', '6', '7', '8', '9'].join('\n');
    expect(diffHunks(before, after)).to.deep.equal([
      {
        oldStart: 2,
        oldLines: 7,
        newStart: 2,
        newLines: 7,
        lines: [' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8'],
      },
    ]);
  });

  it('edits the text in place: removed lines vanish, inserted ones take the indentation, comments stay', () => {
    const source = new SourceFile('mp.litmus', MP);
    const test = parseLitmus(MP, 'mp.litmus').value!;
    const [fence, store] = test.threads[0].body.slice(1);
    const edited = editSource(source, [
      { kind: 'RemoveStmt', target: fence.span },
      {
        kind: 'InsertStmt',
        anchor: store.span,
        where: 'after',
        stmt: {
          kind: 'ExprStmt',
          expr: {
            kind: 'CallExpr',
            name: 'smp_mb',
            nameSpan: store.span,
            args: [],
            span: store.span,
          },
          span: store.span,
        },
      },
    ]);
    expect(edited).to.equal(
      MP.replace('\tsmp_wmb();\n', '').replace(
        '\tWRITE_ONCE(*y, 1);\n',
        '\tWRITE_ONCE(*y, 1);\n\tsmp_mb();\n',
      ),
    );
    // Two statements on one line: only the statement goes.
    const [decls] = [test.threads[1].body];
    expect(editSource(source, [{ kind: 'RemoveStmt', target: decls[1].span }])).to.contain(
      '\tint r0; \n',
    );
  });
});
