import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { parseMacroFile } from '../../src/litmus';
import { describePrimitive, macroTable } from '../../src/lsp/primitive-info';

const DEF = `// a small .def
READ_ONCE(X) __load{ONCE}(X)
atomic_read(X) READ_ONCE(*X)
smp_mb() { __fence{MB}; }
cmpxchg_acquire(X,V,W) __cmpxchg{ACQUIRE}(X,V,W)
atomic_inc(X) { __atomic_op{NORETURN}(X,+,1); }
loop(X) loop(X)
`;

describe('lsp/primitive-info', () => {
  const table = macroTable('small.def', DEF, parseMacroFile(DEF, 'small.def').value!);

  it('quotes the definition and follows macros down to the internal forms', () => {
    const info = describePrimitive('atomic_read', table)!;
    expect(info.definition).to.equal('atomic_read(X) READ_ONCE(*X)');
    expect(info.internals).to.deep.equal([{ op: '__load', tags: ['ONCE'] }]);
    expect(info.ordering).to.have.length(1);
    expect(info.ordering[0]).to.match(/^a marked load/);
  });

  it('explains each ordering family', () => {
    expect(describePrimitive('smp_mb', table)?.ordering[0]).to.match(/^a full barrier/);
    expect(describePrimitive('cmpxchg_acquire', table)?.ordering[0]).to.match(
      /^a conditional atomic read-modify-write, acquire: .* when it fails it is a lone read/,
    );
    expect(describePrimitive('atomic_inc', table)?.ordering[0]).to.match(
      /void atomic: atomic but unordered/,
    );
  });

  it('survives a self-recursive macro and unknown names', () => {
    expect(describePrimitive('loop', table)?.internals).to.deep.equal([]);
    expect(describePrimitive('nope', table)).to.equal(undefined);
  });

  const silentPrimitives = (file: string): string[] => {
    const text = fs.readFileSync(file, 'utf8');
    const table = macroTable(file, text, parseMacroFile(text, file).value!);
    return [...table.macros.keys()].filter(
      (n) => describePrimitive(n, table)?.ordering.length === 0,
    );
  };

  it("knows the ordering of every primitive of ordo's own lkmm.def", () => {
    expect(silentPrimitives(path.resolve('cat-models', 'lkmm.def'))).to.deep.equal([]);
  });

  it("knows the ordering of every primitive of the kernel's linux-kernel.def", function () {
    const upstream = path.resolve('..', 'shared', 'corpus', 'lkmm', 'linux-kernel.def');
    if (!fs.existsSync(upstream)) {
      console.log('    note: ../shared is absent; skipping the upstream .def');
      this.skip();
    }
    expect(silentPrimitives(upstream)).to.deep.equal([]);
  });
});
