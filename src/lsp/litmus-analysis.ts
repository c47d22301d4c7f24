// LSP adapter: the fast checks of a litmus document, run on every change: syntax, names,
// unknown primitives. The verdict is the slow job (see check/).

import { parseLitmus } from '../litmus';
import type { LitmusTest } from '../litmus/ast';
import type { Diagnostic } from '../source';
import { collectNames, type TestNames } from './litmus-names';

export interface LitmusAnalysis {
  /** Present when the test parsed without errors. */
  readonly test?: LitmusTest;
  readonly names?: TestNames;
  readonly diagnostics: readonly Diagnostic[];
}

export function analyseLitmus(text: string, file: string): LitmusAnalysis {
  const parsed = parseLitmus(text, file);
  const test = parsed.value;
  if (!test) return { diagnostics: parsed.diagnostics };
  return { test, names: collectNames(test), diagnostics: parsed.diagnostics };
}
