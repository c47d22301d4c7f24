// LSP adapter: diagnostics of an open model file (`.cat`, `.bell`) or macro file (`.def`),
// computed from the editor's text, with includes read from the allowed folders.
import * as path from 'node:path';
import { loadModel } from '../interp';
import { parseMacroFile } from '../litmus';
import type { Diagnostic } from '../source';
import type { ModelContext } from './model-context';

export function modelFileDiagnostics(
  kind: 'model' | 'macros',
  text: string,
  file: string,
  context: ModelContext,
): readonly Diagnostic[] {
  if (kind === 'macros') return parseMacroFile(text, file).diagnostics;
  const primary = context.targets().choices[0];
  const same = (f: string | undefined): boolean =>
    f !== undefined && path.resolve(f) === path.resolve(file);
  // The configured model and bell are loaded as the pair they form, so names the bell defines
  // are bound in the model; any other file is loaded on its own.
  const spec = same(primary?.bell)
    ? { model: primary.model, bell: file }
    : same(primary?.model)
      ? { model: file, bell: primary.bell }
      : { model: file };
  return loadModel(spec, {
    variants: primary?.variants ?? [],
    includeDirs: [...(primary?.includeDirs ?? []), path.dirname(file)],
    readFile: (f) => (path.resolve(f) === path.resolve(file) ? text : context.readFile(f)),
  }).diagnostics;
}
