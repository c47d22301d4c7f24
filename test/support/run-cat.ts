// Test support: compile cat text held in memory and run it on a hand-built execution,
// reading results back with event names.
import * as path from 'node:path';
import { readFileOrUndefined } from '../../src/cat';
import { type AcceptedBranch, type CompiledModel, loadModel, runModel } from '../../src/interp';
import { EventSet, evset, rel } from '../../src/relations';
import type { Diagnostic, Result } from '../../src/source';
import type { BuiltExecution } from './build-execution';

/** In-memory files live under this folder; anything else is read from disk. */
export const VIRTUAL = path.resolve('/virtual-cat');

export interface CompileOptions {
  readonly files?: Readonly<Record<string, string>>;
  readonly bell?: string;
  readonly variants?: readonly string[];
  readonly skipChecks?: readonly string[];
  readonly includeDirs?: readonly string[];
}

export function compileCat(text: string, options: CompileOptions = {}): Result<CompiledModel> {
  const files: Record<string, string> = { 'model.cat': text, ...(options.files ?? {}) };
  if (options.bell !== undefined) files['model.bell'] = options.bell;
  const readFile = (p: string) => {
    const rel = path.relative(VIRTUAL, p);
    return rel.startsWith('..') ? readFileOrUndefined(p) : files[rel];
  };
  return loadModel(
    {
      model: path.join(VIRTUAL, 'model.cat'),
      bell: options.bell === undefined ? undefined : path.join(VIRTUAL, 'model.bell'),
    },
    {
      variants: options.variants ?? [],
      includeDirs: options.includeDirs ?? [],
      skipChecks: options.skipChecks,
      readFile,
    },
  );
}

export function mustCompile(text: string, options?: CompileOptions): CompiledModel {
  const r = compileCat(text, options);
  if (!r.value) throw new Error(r.diagnostics.map((d: Diagnostic) => d.message).join('\n'));
  return r.value;
}

export interface BranchResult {
  readonly flags: readonly string[];
  readonly undef: boolean;
  /** Requested names: relations as sorted "a->b" edges, event sets as sorted names. */
  readonly values: Record<string, string[] | undefined>;
}

export function show(
  v: ReturnType<AcceptedBranch['lookup']>,
  exec: BuiltExecution,
): string[] | undefined {
  if (v === undefined) return undefined;
  const names = [...exec.ids.keys()];
  if (v instanceof EventSet)
    return evset
      .members(v)
      .map((i) => names[i])
      .sort();
  return rel
    .pairs(v)
    .map(([a, b]) => `${names[a]}->${names[b]}`)
    .sort();
}

/** Every accepted branch, with the final values of `names`. */
export function runCat(
  model: CompiledModel,
  exec: BuiltExecution,
  names: readonly string[] = [],
): BranchResult[] {
  const out: BranchResult[] = [];
  runModel(model, exec, (b) => {
    const values: Record<string, string[] | undefined> = {};
    for (const n of names) values[n] = show(b.lookup(n), exec);
    out.push({ flags: b.flags, undef: b.undef, values });
  });
  return out;
}
