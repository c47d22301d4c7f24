// Per-architecture lowering tables: one row per primitive of linux-kernel.def (ordo's lkmm.def
// has the same primitives), each citing a kernel file, each fitting its primitive's shape, and
// every tag they emit declared by the architecture bell.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { catModelsDir } from '../../src/cli/config';
import {
  accessTags,
  PLAIN_TAG,
  rowShape,
  TARGETS,
  type TargetTable,
  targetMacros,
} from '../../src/events/lowering';
import { loadModel } from '../../src/interp';
import { type MacroFile, parseMacroFile } from '../../src/litmus';

function lkmmDef(): MacroFile {
  const file = path.join(catModelsDir(), 'lkmm.def');
  const parsed = parseMacroFile(fs.readFileSync(file, 'utf8'), file);
  if (!parsed.value) throw new Error('cannot parse lkmm.def');
  return parsed.value;
}

/** The tags arch.bell declares, as the interpreter reads them. */
function bellTags(): readonly string[] {
  const dir = catModelsDir();
  const loaded = loadModel(
    { model: path.join(dir, 'x86-tso.cat'), bell: path.join(dir, 'arch.bell') },
    { variants: ['lkmmv2'], includeDirs: [dir] },
  );
  if (!loaded.value) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  return loaded.value.bellTags;
}

const tables = Object.values(TARGETS) as TargetTable[];

describe('arch: lowering tables', () => {
  const macros = lkmmDef();
  const primitives = macros.macros.map((m) => m.name).sort();

  it('cover the 114 primitives of linux-kernel.def', () => {
    expect(primitives).to.have.length(114);
  });

  for (const table of tables) {
    describe(table.id, () => {
      it('has exactly one row per primitive', () => {
        expect(Object.keys(table.rows).sort()).to.deep.equal(primitives);
      });

      it('cites a kernel file in every row', () => {
        for (const [name, row] of Object.entries(table.rows)) {
          expect(row.source, name).to.match(/^(arch|include|kernel)\/[\w/.-]+\.[ch]\b/);
        }
      });

      it('has at most one access per row, and only RCU/SRCU algorithms unsupported', () => {
        for (const [name, row] of Object.entries(table.rows)) {
          if (row.kind === 'unsupported') {
            expect(name, table.id).to.match(/srcu|synchronize_rcu/);
            continue;
          }
          expect(row.steps.filter((s) => s.kind === 'access').length, name).to.be.at.most(1);
        }
      });

      it('emits only tags the architecture bell declares', () => {
        const declared = new Set(bellTags());
        for (const [name, row] of Object.entries(table.rows)) {
          if (row.kind !== 'lowered') continue;
          const shape = rowShape(row);
          const tags = shape.access ? accessTags(shape) : shape.before;
          for (const t of tags) expect(declared.has(t), `${name}: ${t}`).to.equal(true);
        }
      });

      it('fits every primitive of lkmm.def (the interpreter accepts the table)', () => {
        const out = targetMacros(table, macros);
        const lowered = Object.entries(table.rows).filter(([, r]) => r.kind === 'lowered');
        expect(out.macros.map((m) => m.name).sort()).to.deep.equal(lowered.map(([n]) => n).sort());
      });
    });
  }

  it('puts the row annotations on the access, fences around it as Pre-/Post- tags', () => {
    const out = targetMacros(TARGETS.power, macros);
    const xchg = out.macros.find((m) => m.name === 'xchg')!;
    expect(
      xchg.body.kind === 'ExprBody' && xchg.body.expr.kind === 'CallExpr' && xchg.body.expr.tags,
    ).to.deep.equal(['EX', 'Pre-SYNC', 'Post-SYNC']);
    const mb = out.macros.find((m) => m.name === 'smp_mb')!;
    expect(
      mb.body.kind === 'StmtBody' && mb.body.body.map((s) => s.kind === 'ExprStmt' && s.expr),
    ).to.deep.include({
      ...(mb.body.kind === 'StmtBody' && mb.body.body[0].kind === 'ExprStmt'
        ? mb.body.body[0].expr
        : {}),
      tags: ['SYNC'],
    });
    const read = targetMacros(TARGETS['x86-64'], macros).macros.find(
      (m) => m.name === 'READ_ONCE',
    )!;
    expect(
      read.body.kind === 'ExprBody' && read.body.expr.kind === 'CallExpr' && read.body.expr.tags,
    ).to.deep.equal([PLAIN_TAG]);
  });

  it('rejects a row that does not fit its primitive', () => {
    const bad: TargetTable = {
      ...TARGETS.riscv,
      rows: { ...TARGETS.riscv.rows, xchg: { kind: 'lowered', steps: [], source: 'x.h' } },
    };
    expect(() => targetMacros(bad, macros)).to.throw(/riscv row for xchg/);
  });
});
