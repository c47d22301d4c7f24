// CLI adapter: turns a resolved ModelSetup into a compiled model and its macro file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTargetId, TARGETS, targetMacros } from '../events/lowering';
import { type CompiledModel, loadModel } from '../interp';
import { type MacroFile, parseMacroFile } from '../litmus';
import { cachedParse, type Diagnostic, hasErrors, type Result, span } from '../source';
import type { ModelSetup } from './config';

/** Under tsx, the sources whose changes invalidate cached litmus and .def parses. */
export const LITMUS_CODE = [
  path.join(__dirname, '..', 'litmus'),
  path.join(__dirname, '..', '..', 'grammar'),
];

export interface LoadedSetup {
  readonly setup: ModelSetup;
  readonly model: CompiledModel;
  readonly macros: MacroFile;
}

/** A model without a macro file: C tests may then use only herd's internal primitives. */
function noMacros(file: string): MacroFile {
  return { kind: 'MacroFile', macros: [], span: span(file, 0, 0) };
}

export function loadSetup(setup: ModelSetup): Result<LoadedSetup> {
  const diagnostics: Diagnostic[] = [];
  let macros = noMacros(setup.model);
  if (setup.macros) {
    const text = fs.readFileSync(setup.macros, 'utf8');
    const parsed = cachedParse(parseMacroFile, text, setup.macros, LITMUS_CODE);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.value) macros = parsed.value;
  }
  // `ordo run --arch`, a cfg's `target`: primitives become the architecture's instructions.
  if (setup.target && isTargetId(setup.target)) {
    macros = targetMacros(TARGETS[setup.target], macros);
  }
  const compiled = loadModel(
    { model: setup.model, bell: setup.bell },
    { variants: setup.variants, includeDirs: setup.includeDirs, skipChecks: setup.skipChecks },
  );
  diagnostics.push(...compiled.diagnostics);
  if (!compiled.value || hasErrors(diagnostics)) return { value: undefined, diagnostics };
  return { value: { setup, model: compiled.value, macros }, diagnostics };
}
