// Litmus tests: `.def` macro files, the LKMM's linux-kernel.def in full and small inline ones.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { type Macro, parseMacroFile, printExpr, printStmt } from '../../src/litmus';
import { formatDiagnostic, SourceFile } from '../../src/source';
import { SHARED_DIR, sharedPresent } from './support/corpus';

const bodyText = (m: Macro): string =>
  m.body.kind === 'ExprBody'
    ? printExpr(m.body.expr)
    : `{ ${m.body.body.flatMap((s) => printStmt(s, '')).join(' ')} }`;

describe('litmus: the LKMM linux-kernel.def', () => {
  const defPath = path.join(SHARED_DIR, 'corpus', 'lkmm', 'linux-kernel.def');
  let macros: Map<string, Macro>;
  let text: string;

  before(function () {
    if (!sharedPresent()) {
      console.log('  note: ../shared is absent, so linux-kernel.def is not checked');
      this.skip();
    }
    text = fs.readFileSync(defPath, 'utf8');
    const result = parseMacroFile(text, defPath);
    expect(result.diagnostics).to.deep.equal([]);
    macros = new Map(result.value!.macros.map((m) => [m.name, m]));
  });

  it('parses every macro of the file', () => {
    // One macro per line that starts with a name and `(`.
    const expected = text.split('\n').filter((l) => /^\w+\(/.test(l)).length;
    expect(expected).to.be.greaterThan(100);
    expect(macros.size).to.equal(expected);
  });

  it('tells expression macros from statement macros', () => {
    const kinds = ['READ_ONCE', 'WRITE_ONCE', 'smp_mb', 'xchg', 'spin_lock', 'atomic_inc'].map(
      (name) => `${name}: ${macros.get(name)?.body.kind}`,
    );
    expect(kinds).to.deep.equal([
      'READ_ONCE: ExprBody',
      'WRITE_ONCE: StmtBody',
      'smp_mb: StmtBody',
      'xchg: ExprBody',
      'spin_lock: StmtBody',
      'atomic_inc: StmtBody',
    ]);
  });

  it('keeps formals, tags, operator arguments and comparisons', () => {
    const shown = [
      'smp_store_release',
      'smp_mb',
      'smp_mb__after_srcu_read_unlock',
      'atomic_andnot',
      'atomic_dec_and_test',
      'cmpxchg',
      'atomic_read',
    ].map((name) => {
      const m = macros.get(name)!;
      return `${m.name}(${m.formals.join(',')}) ${bodyText(m)}`;
    });
    expect(shown).to.deep.equal([
      'smp_store_release(X,V) { __store{RELEASE}(*X, V); }',
      'smp_mb() { __fence{MB}; }',
      'smp_mb__after_srcu_read_unlock() { __fence{after-srcu-read-unlock}; }',
      'atomic_andnot(V,X) { __atomic_op{NORETURN}(X, &~, V); }',
      'atomic_dec_and_test(X) __atomic_op_return{MB}(X, -, 1) == 0',
      'cmpxchg(X,V,W) __cmpxchg{MB}(X, V, W)',
      'atomic_read(X) READ_ONCE(*X)',
    ]);
  });
});

describe('litmus: small .def files', () => {
  it('reads expression and statement macros with // comments', () => {
    const r = parseMacroFile('// c\nf(X) g(X) + 1\nh() { __fence{a-b}; }\n', 'm.def');
    expect(r.value!.macros.map((m) => `${m.name}: ${bodyText(m)}`)).to.deep.equal([
      'f: g(X) + 1',
      'h: { __fence{a-b}; }',
    ]);
  });

  it('reports a malformed macro with its position', () => {
    const text = 'f(X) { __store{ONCE}(X,V) }\n';
    const r = parseMacroFile(text, 'm.def');
    expect(r.value).to.equal(undefined);
    expect(
      r.diagnostics.map((d) => formatDiagnostic(d, () => new SourceFile('m.def', text))),
    ).to.deep.equal([
      "m.def:1:27: error: expected ';' but found '}'\n1 | f(X) { __store{ONCE}(X,V) }\n                              ^",
    ]);
  });
});
