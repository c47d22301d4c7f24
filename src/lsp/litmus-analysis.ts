// LSP adapter: the fast checks of a litmus document, run on every change: syntax, names, and
// calls the `.def` in use does not define. The verdict is the slow job (see check/).
import * as path from 'node:path';
import { expandThread } from '../events/expand';
import { type LitmusTest, parseLitmus } from '../litmus';
import { type Diagnostic, hasErrors } from '../source';
import { collectNames, type TestNames } from './litmus-names';
import type { MacroTable } from './primitive-info';

export interface LitmusAnalysis {
  /** Present when the test parsed without errors. */
  readonly test?: LitmusTest;
  readonly names?: TestNames;
  readonly diagnostics: readonly Diagnostic[];
}

export function analyseLitmus(text: string, file: string, macros?: MacroTable): LitmusAnalysis {
  const parsed = parseLitmus(text, file);
  const test = parsed.value;
  if (!test) return { diagnostics: parsed.diagnostics };
  const diagnostics = [...parsed.diagnostics];
  // Expanding the macros is what finds unknown primitives (and wrong argument counts), as the
  // checker would, but in microseconds.
  if (macros && !hasErrors(diagnostics)) {
    for (const thread of test.threads) {
      diagnostics.push(
        ...expandThread(thread, macros.parsed, path.basename(macros.file)).diagnostics,
      );
    }
  }
  return { test, names: collectNames(test), diagnostics };
}
