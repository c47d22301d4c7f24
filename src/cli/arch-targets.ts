// CLI adapter: the targets of `ordo run --arch`: ordo's LKMM and SC models, and the
// architectures C primitives are lowered to (src/events/lowering); each is a configuration
// file of ordo's cat-models/ (`<target>.cfg`).
import * as path from 'node:path';
import { hasErrors, type Result } from '../source';
import { catModelsDir, commandLineSetting, type ModelSetup, resolveSetup } from './config';

/** Every name `--arch` accepts, in the order `--arch all` runs them. */
export const RUN_TARGETS = [
  'lkmm',
  'x86-64',
  'arm64',
  'arm64-llsc',
  'power',
  'riscv',
  'sc',
] as const;
export type RunTarget = (typeof RUN_TARGETS)[number];

export function isRunTarget(name: string): name is RunTarget {
  return (RUN_TARGETS as readonly string[]).includes(name);
}

/** The targets of an `--arch` value (`all` = every target); a string names the bad one. */
export function parseTargets(value: string): RunTarget[] | string {
  const names = value.split(',').map((n) => n.trim());
  if (names.length === 1 && names[0] === 'all') return [...RUN_TARGETS];
  const bad = names.find((n) => !isRunTarget(n));
  if (bad !== undefined) {
    return `unknown target '${bad}' (expected ${RUN_TARGETS.join(', ')} or all)`;
  }
  return [...new Set(names)] as RunTarget[];
}

/** A target's model files, from its cat-models/<target>.cfg; reported as `<target>.cfg`. */
export function resolveTarget(target: RunTarget): Result<ModelSetup> {
  const conf = path.join(catModelsDir(), `${target}.cfg`);
  const r = resolveSetup([commandLineSetting('conf', conf)], {
    cwd: process.cwd(),
    includeDirs: [],
  });
  return r.value ? { ...r, value: { ...r.value, label: `${target}.cfg` } } : r;
}

/** Like resolveTarget, for ordo's own files: a failure is a broken installation, a bug. */
export function targetSetup(target: RunTarget): ModelSetup {
  const r = resolveTarget(target);
  if (!r.value || hasErrors(r.diagnostics)) {
    throw new Error(`cat-models/${target}.cfg: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  }
  return r.value;
}
