// Events tests: .def macro expansion, and the unknown-primitive error at its call site.
import { expect } from 'chai';
import { expandThread, herdUnknownMacroMessage } from '../../src/events/expand';
import { type Expr, printStmt, type Stmt } from '../../src/litmus';
import { formatDiagnostic, SourceFile } from '../../src/source';
import { cTest, MACROS } from './support';

function expand(body: string): { stmts: string[]; errors: string[] } {
  const text = `C t\n{}\n${body}\nexists (0:r0=0)\n`;
  const test = cTest(`${body}\nexists (0:r0=0)`);
  const r = expandThread(test.threads[0], MACROS, 'test.def');
  const source = new SourceFile('test.litmus', text);
  return {
    stmts: r.thread.body.map((s: Stmt) => printStmt(s).join(' ').trim().replace(/\s+/g, ' ')),
    errors: r.diagnostics.map((d) => formatDiagnostic(d, () => source)),
  };
}

describe('events: macro expansion', () => {
  it('replaces statement and expression macros by internal primitives', () => {
    const { stmts, errors } = expand(
      'P0(int *x, int *y) { int r0; r0 = READ_ONCE(*x); WRITE_ONCE(*y, r0); }',
    );
    expect(errors).to.deep.equal([]);
    expect(stmts.slice(1)).to.deep.equal(['r0 = __load{ONCE}(*x);', '{ __store{ONCE}(*y, r0); }']);
  });

  it('expands macros used inside macro bodies and arguments', () => {
    const { stmts } = expand('P0(atomic_t *a, int *y) { WRITE_ONCE(*y, atomic_read(a)); }');
    expect(stmts).to.deep.equal(['{ __store{ONCE}(*y, __load{ONCE}(*a)); }']);
  });

  it('leaves internal primitives written in the test alone', () => {
    const { stmts } = expand('P0(int *x) { __fence{MB}; int r0 = __load{ACQUIRE}(*x); }');
    expect(stmts).to.deep.equal(['__fence{MB};', 'int r0 = __load{ACQUIRE}(*x);']);
  });

  it("falls back to herd's built-in atomic_add_unless", () => {
    const { stmts, errors } = expand('P0(atomic_t *a) { int r0 = atomic_add_unless(a, 1, 5); }');
    expect(errors).to.deep.equal([]);
    expect(stmts).to.deep.equal(['int r0 = __atomic_add_unless{MB}(a, 1, 5);']);
  });

  it("reports an unknown primitive at its call site, with herd's wording kept apart", () => {
    const text = 'P0(int *x) {\n  smp_memb();\n}';
    const { errors } = expand(text);
    expect(errors).to.deep.equal([
      [
        'test.litmus:4:3: error: unknown primitive smp_memb (not in test.def)',
        '4 |   smp_memb();',
        '      ^^^^^^^^',
      ].join('\n'),
    ]);
    const test = cTest(`${text}\nexists (0:r0=0)`);
    const d = expandThread(test.threads[0], MACROS, 'test.def').diagnostics[0];
    expect(d.code).to.equal('events/unknown-primitive');
    expect(herdUnknownMacroMessage(d)).to.equal('Unknown macro smp_memb');
  });

  it('finds only statement macros for a call statement (herd: xchg(x, 1); is unknown)', () => {
    const { errors } = expand('P0(int *x) {\n  xchg(x, 1);\n}');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(
      /^test\.litmus:4:3: error: unknown primitive xchg \(not in test\.def\)/,
    );
  });

  it('reports a call with the wrong number of arguments', () => {
    const { errors } = expand('P0(int *x) {\n  WRITE_ONCE(*x);\n}');
    expect(errors[0]).to.match(/^test\.litmus:4:3: error: WRITE_ONCE expects 2 arguments, got 1/);
  });

  it('gives expanded code the call site position', () => {
    const test = cTest('P0(int *x) {\n  smp_mb();\n}\nexists (0:r0=0)');
    const r = expandThread(test.threads[0], MACROS, 'test.def');
    const block = r.thread.body[0] as Stmt & { kind: 'BlockStmt' };
    const inner = (block.body[0] as Stmt & { kind: 'ExprStmt' }).expr as Expr;
    expect(inner.span).to.deep.equal(block.span);
    expect(block.span.file).to.equal('test.litmus');
  });
});
