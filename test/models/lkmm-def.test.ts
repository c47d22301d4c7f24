// Models stage: cat-models/lkmm.def offers exactly the upstream linux-kernel.def's primitives,
// each usable in the same places (expression or statement) with the same number of arguments,
// and each expanding to the same internal primitives (hence the same events).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { expandThread } from '../../src/events/expand';
import { parseMacroFile, printStmt } from '../../src/litmus';
import type { Macro, MacroFile, Stmt } from '../../src/litmus/ast';
import { hasErrors } from '../../src/source';
import { LKMM, skipWithoutShared } from '../corpus/oracle-files';
import { CAT_MODELS, parseTest } from './model-runs';

function readMacros(file: string): MacroFile {
  const parsed = parseMacroFile(fs.readFileSync(file, 'utf8'), file);
  expect(hasErrors(parsed.diagnostics), `${file} parses`).to.equal(false);
  return parsed.value!;
}

/** `name/arity expr|stmt` for every macro, sorted. */
function signatures(macros: MacroFile): string[] {
  return macros.macros
    .map((m) => `${m.name}/${m.formals.length} ${m.body.kind === 'ExprBody' ? 'expr' : 'stmt'}`)
    .sort();
}

/** A one-thread test calling `m` with distinct argument names, as a statement or a value. */
function callingTest(m: Macro): string {
  const args = m.formals.map((_, i) => `a${i}`);
  const call = `${m.name}(${args.join(', ')})`;
  const stmt = m.body.kind === 'StmtBody' ? `${call};` : `r = ${call};`;
  return `C call\n\n{}\n\nP0(${args.map((a) => `int *${a}`).join(', ')})\n{\n\tint r;\n\t${stmt}\n}\n\nexists (0:r=0)\n`;
}

/** Statements with `{ }` blocks opened up: a statement macro's braces make no events. */
function unblock(body: readonly Stmt[]): Stmt[] {
  return body.flatMap((s) => (s.kind === 'BlockStmt' ? unblock(s.body) : [s]));
}

/** The thread code after expanding every macro call: internal primitives only. */
function expanded(text: string, macros: MacroFile): string {
  const thread = parseTest(text, 'call.litmus').threads[0];
  const out = expandThread(thread, macros, 'def');
  expect(out.diagnostics).to.deep.equal([]);
  return unblock(out.thread.body)
    .flatMap((s) => printStmt(s))
    .join('\n');
}

describe('models: lkmm.def', () => {
  const own = () => readMacros(path.join(CAT_MODELS, 'lkmm.def'));

  it('defines each primitive once', () => {
    const names = own().macros.map((m) => m.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).to.deep.equal([]);
  });

  it('has the same primitives, kinds and arities as linux-kernel.def', function () {
    skipWithoutShared(this, 'the comparison with linux-kernel.def');
    expect(signatures(own())).to.deep.equal(
      signatures(readMacros(path.join(LKMM, 'linux-kernel.def'))),
    );
  });

  it('expands each primitive to the same internal primitives as linux-kernel.def', function () {
    skipWithoutShared(this, 'the comparison with linux-kernel.def');
    const ours = own();
    const theirs = readMacros(path.join(LKMM, 'linux-kernel.def'));
    const differ = theirs.macros.filter((m) => {
      const text = callingTest(m);
      return expanded(text, ours) !== expanded(text, theirs);
    });
    expect(differ.map((m) => m.name)).to.deep.equal([]);
  });
});
