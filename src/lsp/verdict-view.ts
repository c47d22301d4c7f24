// LSP adapter: how a document's verdicts and job failures appear in the editor: diagnostics
// and code lenses on the test's condition.
import * as path from 'node:path';
import {
  type CodeLens,
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Range,
} from 'vscode-languageserver';
import type { ModelSetup } from '../cli/config';
import type { TestResult } from '../enumerate';
import { type Diagnostic, hasErrors } from '../source';
import type { TargetVerdict } from './check/messages';
import { verdictText } from './verdict-text';

/** The verdicts of one document version, one per target, with the targets' display names. */
export interface DocVerdicts {
  readonly version: number;
  readonly labels: readonly string[];
  readonly items: readonly TargetVerdict[];
}

export const SHOW_WITNESS = 'ordo.showWitness';

/** Verdicts as Information diagnostics; what kept a target from one (model errors...) as is. */
export function verdictDiagnostics(
  range: Range,
  verdicts: DocVerdicts | undefined,
  failure: string | undefined,
  convert: (d: Diagnostic) => LspDiagnostic,
): LspDiagnostic[] {
  const out: LspDiagnostic[] = [];
  if (failure !== undefined) {
    const message = `ordo could not finish: ${failure}`;
    out.push({
      range,
      severity: DiagnosticSeverity.Warning,
      source: 'ordo',
      code: 'ordo/job-failed',
      message,
    });
  }
  for (const [i, v] of (verdicts?.items ?? []).entries()) {
    if (hasVerdict(v)) {
      const message = verdictText(verdicts!.labels[i], v.result);
      out.push({
        range,
        severity: DiagnosticSeverity.Information,
        source: 'ordo',
        code: 'ordo/verdict',
        message,
      });
    }
    out.push(...[...v.diagnostics, ...(v.result?.diagnostics ?? [])].map(convert));
  }
  return out;
}

/** One lens per verdict; clicking it draws a witness under that target. */
export function verdictLenses(uri: string, range: Range, verdicts: DocVerdicts): CodeLens[] {
  return verdicts.items.flatMap((v, i) => {
    if (!hasVerdict(v)) return [];
    const title = verdictText(verdicts.labels[i], v.result);
    return [{ range, command: { title, command: SHOW_WITNESS, arguments: [uri, i] } }];
  });
}

/** A result whose test could not be checked (an unknown primitive...) carries errors, not a verdict. */
function hasVerdict(v: TargetVerdict): v is TargetVerdict & { result: TestResult } {
  return v.result !== undefined && !hasErrors(v.result.diagnostics);
}

/**
 * How verdicts name a model: an architecture by its target (`arm64`), "LKMM" for ordo's and the
 * kernel's LKMM, "SC", else the file's base name.
 */
export function modelLabel(setup: ModelSetup): string {
  const base = setup.target ?? path.basename(setup.label).replace(/\.(cfg|cat)$/, '');
  return WELL_KNOWN_MODELS[base] ?? base;
}

const WELL_KNOWN_MODELS: Readonly<Record<string, string>> = {
  lkmm: 'LKMM',
  'linux-kernel': 'LKMM',
  sc: 'SC',
};
