// Models stage: cat-models/lkmm.def offers exactly the upstream linux-kernel.def's primitives,
// each usable in the same places (expression or statement) with the same number of arguments.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { parseMacroFile } from '../../src/litmus';
import type { MacroFile } from '../../src/litmus/ast';
import { hasErrors } from '../../src/source';
import { LKMM, skipWithoutShared } from '../corpus/oracle-files';
import { CAT_MODELS } from './model-runs';

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
});
