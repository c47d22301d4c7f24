// CLI adapter: the targets of `ordo run --arch`: ordo's LKMM and SC models, and the
// architectures C primitives are lowered to (src/events/lowering), each as a ModelSetup.
import * as path from 'node:path';
import { isTargetId, TARGETS } from '../events/lowering';
import { catModelsDir, DEFAULT_CONF, type ModelSetup } from './config';

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

/**
 * The model files of a target, from ordo's cat-models/: the LKMM as lkmm.cfg sets it up;
 * SC and the architectures over the same events (lkmm.def, variant lkmmv2), with the
 * architectures' own bell and macros rewritten by their lowering table.
 */
export function targetSetup(target: RunTarget): ModelSetup {
  const dir = catModelsDir();
  const file = (name: string) => path.join(dir, name);
  const base = {
    macros: file('lkmm.def'),
    variants: ['lkmmv2'],
    includeDirs: [dir],
    skipChecks: [],
    picture: [],
  };
  if (target === 'lkmm') {
    return { ...base, label: DEFAULT_CONF, model: file('lkmm.cat'), bell: file('lkmm.bell') };
  }
  if (!isTargetId(target)) {
    return { ...base, label: 'sc.cat', model: file('sc.cat'), bell: file('lkmm.bell') };
  }
  const model = TARGETS[target].model;
  return { ...base, label: model, model: file(model), bell: file('arch.bell'), target };
}
