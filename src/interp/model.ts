// Interpreter stage: loading a model (stdlib, bell, model) into one compiled program, and
// running it on candidate executions.
import * as path from 'node:path';
import { readCatFile, readFileOrUndefined, resolveInclude } from '../cat';
import { type EventSet, evset, type Relation, rel } from '../relations';
import { type Diagnostic, hasErrors, type Result, span, UserError } from '../source';
import { predefinedValue } from './compile-expr';
import { compileBody } from './compile-ins';
import type { Op, Program } from './compiled';
import {
  type AcceptedState,
  forceTop,
  type RunContext,
  readTop,
  StructureCache,
  TopEnv,
} from './env';
import type { Execution } from './execution';
import { runOps } from './run';
import { ProgramBuilder } from './scope';
import type { Value } from './values';

export interface ModelOptions {
  readonly variants: readonly string[];
  readonly includeDirs: readonly string[];
  /** Names of checks (`as name`) and procedure calls to skip, like herd's -skipchecks. */
  readonly skipChecks?: readonly string[];
  /** Reads a file; undefined if absent. Defaults to the file system. */
  readonly readFile?: (path: string) => string | undefined;
}

export interface CompiledModel {
  readonly program: Program;
  /** Tags declared by the bell's `instructions` (each binds an annotation set). */
  readonly bellTags: readonly string[];
  /** Values that depend only on the event structure, per Execution.structureKey. */
  readonly caches: WeakMap<object, StructureCache>;
  /** The model says `catdep`: it computes dependencies itself, from register events (spec §3). */
  readonly catdep: boolean;
}

export interface AcceptedBranch {
  readonly flags: readonly string[];
  readonly undef: boolean;
  /** A final top-level binding (co, rf, fr, hb...), or a predefined set or relation; valid during the callback. */
  lookup(name: string): EventSet | Relation | undefined;
}

/** What bell mode runs against: herd runs the bell once on an empty event structure. */
const NO_EVENTS: Execution = {
  size: 0,
  set: () => undefined,
  relation: () => undefined,
  tagged: () => evset.empty(0),
  locationOf: () => -1,
  valueOf: () => undefined,
  structureKey: {},
};

export function loadModel(
  spec: { model: string; bell?: string },
  options: ModelOptions,
): Result<CompiledModel> {
  const readFile = options.readFile ?? readFileOrUndefined;
  const includeDirs = options.includeDirs;
  const base = {
    variants: options.variants,
    includeDirs,
    skipChecks: new Set(options.skipChecks ?? []),
    readFile,
  };
  const diagnostics: Diagnostic[] = [];
  const modelFile = path.resolve(spec.model);
  const start = span(modelFile, 0, 0);

  const bellFile = spec.bell === undefined ? undefined : path.resolve(spec.bell);
  const bell =
    bellFile === undefined ? undefined : readCatFile(bellFile, readFile, span(bellFile, 0, 0));
  const model = readCatFile(modelFile, readFile, start);
  diagnostics.push(...(bell?.diagnostics ?? []), ...model.diagnostics);

  let bellTags: readonly string[] = [];
  if (bell?.value && bellFile) {
    const b = new ProgramBuilder({ ...base, bellMode: true, annotationTags: [] });
    const ops: Op[] = [];
    compileBody(bell.value.body, b.top, ops, { b, file: bellFile, including: [] });
    diagnostics.push(...b.diagnostics);
    bellTags = runBell(finish(b, ops), diagnostics) ?? [];
  }

  const b = new ProgramBuilder({ ...base, bellMode: false, annotationTags: bellTags });
  const ops: Op[] = [];
  const stdlib = resolveInclude('stdlib.cat', modelFile, includeDirs, readFile, start);
  if ('diagnostic' in stdlib) diagnostics.push(stdlib.diagnostic);
  else {
    const file = path.resolve(stdlib.file);
    const parsed = readCatFile(file, readFile, start);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.value) compileBody(parsed.value.body, b.top, ops, { b, file, including: [] });
  }
  if (bell?.value && bellFile)
    compileBody(bell.value.body, b.top, ops, { b, file: bellFile, including: [] });
  if (model.value) compileBody(model.value.body, b.top, ops, { b, file: modelFile, including: [] });
  ops.push({ kind: 'accept' });
  diagnostics.push(...b.diagnostics);
  if (hasErrors(diagnostics) || !model.value) return { value: undefined, diagnostics };
  const program = finish(b, ops);
  return {
    value: { program, bellTags, caches: new WeakMap(), catdep: model.value.catdep },
    diagnostics,
  };
}

function finish(b: ProgramBuilder, ops: readonly Op[]): Program {
  return {
    slots: b.slots,
    ops,
    finalNames: b.top.names,
    staticCount: b.staticCount,
    levelSizes: b.levelSizes,
    enums: b.enums,
  };
}

/** The bell in bell mode, once: the tags of its `instructions`; errors go to `diagnostics`. */
function runBell(program: Program, diagnostics: Diagnostic[]): readonly string[] | undefined {
  try {
    return start(program, NO_EVENTS, new StructureCache(0, program.staticCount)).bellTags;
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    diagnostics.push(e.diagnostic);
    return undefined;
  }
}

function start(
  program: Program,
  exec: Execution,
  cache: StructureCache,
  onAccepted?: (branch: AcceptedBranch) => void | 'stop',
  poll?: () => void,
): RunContext {
  const run: RunContext = {
    stopped: false,
    poll,
    bellTags: [],
    accept: (st, top) => {
      if (onAccepted?.(branchView(st, top)) === 'stop') run.stopped = true;
    },
  };
  const levels = program.levelSizes.map((size) => new Array<Value | undefined>(size));
  const top = new TopEnv(program, exec, cache, levels, run);
  const initial: AcceptedState = { flags: [], undef: false };
  runOps(program.ops, 0, top, initial, () => undefined);
  return run;
}

/**
 * Runs the model on one candidate execution, calling `onAccepted` once per accepted branch
 * (each `with` choice that passes every check); returning 'stop' abandons the remaining
 * branches. Evaluation errors are thrown as UserError with a positioned diagnostic. `poll`,
 * called at every function call, may throw to stop a run that takes too long (one candidate
 * of a model enumerating coherence orders with `linearisations` can run for hours).
 */
export function runModel(
  model: CompiledModel,
  exec: Execution,
  onAccepted: (branch: AcceptedBranch) => void | 'stop',
  poll?: () => void,
): void {
  let cache = model.caches.get(exec.structureKey);
  if (!cache) {
    cache = new StructureCache(exec.size, model.program.staticCount);
    model.caches.set(exec.structureKey, cache);
  }
  start(model.program, exec, cache, onAccepted, poll);
}

function branchView(st: AcceptedState, top: TopEnv): AcceptedBranch {
  return {
    flags: st.flags,
    undef: st.undef,
    lookup(name) {
      const s = top.program.finalNames.get(name);
      if (s === undefined) return top.exec.set(name) ?? top.exec.relation(name);
      const slot = top.program.slots[s];
      const v =
        readTop(top, s) ?? (slot.predefined ? predefinedValue(top, name) : forceTop(top, s));
      switch (v?.kind) {
        case 'events':
          return v.set;
        case 'rel':
          return v.rel;
        case 'empty':
          return rel.empty(top.cache.n);
        default:
          return undefined;
      }
    },
  };
}

export function bellTags(model: CompiledModel): readonly string[] {
  return model.bellTags;
}
