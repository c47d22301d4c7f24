// Test support for the models suites: load a cfg (or a model with the LKMM bell and macros)
// the way `ordo run` does, check litmus text with it, and reduce results to comparable data.
import * as path from 'node:path';
import { catModelsDir, commandLineSetting, resolveSetup, type Setting } from '../../src/cli/config';
import { type LoadedSetup, loadSetup } from '../../src/cli/load-setup';
import { checkTest } from '../../src/enumerate';
import type { TestResult } from '../../src/enumerate/result';
import { parseLitmus } from '../../src/litmus';
import type { LitmusTest } from '../../src/litmus/ast';
import { formatStates } from '../../src/report';
import { type Diagnostic, hasErrors } from '../../src/source';

export const CAT_MODELS = catModelsDir();

function describeDiagnostics(diags: readonly Diagnostic[]): string {
  return diags.map((d) => `${d.span.file}:${d.span.start}: ${d.severity}: ${d.message}`).join('\n');
}

/** A model as `ordo run` would load it from these settings; throws with the diagnostics on error. */
export function loadSettings(settings: readonly Setting[]): LoadedSetup {
  const setup = resolveSetup(settings, { cwd: process.cwd(), includeDirs: [] });
  if (!setup.value || hasErrors(setup.diagnostics)) {
    throw new Error(`cannot resolve the model:\n${describeDiagnostics(setup.diagnostics)}`);
  }
  const loaded = loadSetup(setup.value);
  if (!loaded.value || hasErrors(loaded.diagnostics)) {
    throw new Error(
      `cannot load ${setup.value.label}:\n${describeDiagnostics(loaded.diagnostics)}`,
    );
  }
  return loaded.value;
}

export function loadConf(cfg: string): LoadedSetup {
  return loadSettings([commandLineSetting('conf', cfg)]);
}

/** ordo's SC model over the LKMM bell and macros (sc.cat has no cfg of its own). */
export function loadSc(): LoadedSetup {
  return loadSettings([
    commandLineSetting('model', path.join(CAT_MODELS, 'sc.cat')),
    commandLineSetting('bell', path.join(CAT_MODELS, 'lkmm.bell')),
    commandLineSetting('macros', path.join(CAT_MODELS, 'lkmm.def')),
    commandLineSetting('variant', 'lkmmv2'),
  ]);
}

export function parseTest(text: string, file: string): LitmusTest {
  const parsed = parseLitmus(text, file);
  if (!parsed.value || hasErrors(parsed.diagnostics)) {
    throw new Error(`cannot parse ${file}:\n${describeDiagnostics(parsed.diagnostics)}`);
  }
  return parsed.value;
}

export function check(test: LitmusTest, loaded: LoadedSetup): TestResult {
  return checkTest(test, loaded.macros, loaded.model, {
    variants: loaded.setup.variants,
    unroll: loaded.setup.unroll,
  });
}

/** Everything herd7 prints about a test's outcome, minus its time: what "same answer" means. */
export interface Answer {
  readonly states: readonly string[];
  readonly positive: number;
  readonly negative: number;
  readonly flags: readonly string[];
  readonly undef: boolean;
  readonly loop: boolean;
  readonly limit?: string;
  readonly errors: readonly string[];
}

export function answerOf(r: TestResult): Answer {
  return {
    states: formatStates(r.states),
    positive: r.satisfied,
    negative: r.unsatisfied,
    flags: [...r.flags].sort(),
    undef: r.undef,
    loop: r.loop,
    limit: r.limit,
    errors: r.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.code}: ${d.message}`),
  };
}
