// Test support for the architecture suites: each `ordo run --arch` target loaded once, and
// C litmus text checked under it.
import { type RunTarget, targetSetup } from '../../src/cli/arch-targets';
import { type LoadedSetup, loadSetup } from '../../src/cli/load-setup';
import { checkTest } from '../../src/enumerate';
import type { TestResult } from '../../src/enumerate/result';
import { hasErrors } from '../../src/source';
import { parseTest } from '../models/model-runs';

const loaded = new Map<RunTarget, LoadedSetup>();

export function loadTarget(target: RunTarget): LoadedSetup {
  let l = loaded.get(target);
  if (!l) {
    const r = loadSetup(targetSetup(target));
    if (!r.value || hasErrors(r.diagnostics)) {
      throw new Error(`cannot load ${target}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
    }
    l = r.value;
    loaded.set(target, l);
  }
  return l;
}

export function checkUnder(text: string, target: RunTarget, file = 'test.litmus'): TestResult {
  const l = loadTarget(target);
  const r = checkTest(parseTest(text, file), l.macros, l.model, {
    variants: l.setup.variants,
    unroll: l.setup.unroll,
  });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`${file} under ${target}: ${errors.map((d) => d.message).join('; ')}`);
  }
  return r;
}

/** A C litmus test from thread bodies (each thread takes every location as a parameter). */
export function litmus(
  name: string,
  threads: readonly string[],
  condition: string,
  options: { readonly init?: string; readonly params?: string } = {},
): string {
  const params = options.params ?? 'int *x, int *y';
  const body = threads.map((t, i) => `P${i}(${params})\n{\n${t}\n}\n`).join('\n');
  return `C ${name}\n\n{${options.init ?? ''}}\n\n${body}\nexists (${condition})\n`;
}
