// Events stage: from a parsed test and its .def macros to event structures: the initial
// writes and, per thread, one ThreadPath per path through its code.
import type { LitmusTest, MacroFile } from '../litmus/ast';
import type { Diagnostic } from '../source';
import { hasErrors } from '../source';
import { LowerCtx } from './builder';
import { expandThread } from './expand';
import { type InitState, initialState } from './init-state';
import { finishPath, lowerThread } from './lower';
import type { LoweredEvent, ThreadPath } from './structure';
import type { Atom } from './values';

export interface EventOptions {
  readonly variants: readonly string[];
  /** Loop unrolling bound; herd's default is 2. */
  readonly unroll?: number;
  /** Called at every event created; may throw (a time limit: huge tests lower slowly). */
  readonly poll?: () => void;
}

export interface TestEvents {
  readonly init: InitState;
  /** One initial write per location, in `init.locations` order. */
  readonly initWrites: readonly LoweredEvent[];
  /** Per thread (in thread order), its paths. */
  readonly threads: readonly (readonly ThreadPath[])[];
  /** Number of unknowns created (their ids are 0..varCount-1). */
  readonly varCount: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Base name of the .def file, for messages (`linux-kernel.def`). */
function defName(macros: MacroFile): string {
  const f = macros.span.file;
  return f.slice(Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\')) + 1) || 'the .def file';
}

export function buildEvents(
  test: LitmusTest,
  macros: MacroFile,
  options: EventOptions,
): TestEvents {
  const diagnostics: Diagnostic[] = [];
  const init = initialState(test, diagnostics);
  const expanded = test.threads.map((t) => {
    const r = expandThread(t, macros, defName(macros));
    diagnostics.push(...r.diagnostics);
    return r.thread;
  });
  const ctx = new LowerCtx(options.poll);
  if (hasErrors(diagnostics)) {
    return { init, initWrites: [], threads: [], varCount: 0, diagnostics };
  }
  const lowerOpts = { lkmmv2: options.variants.includes('lkmmv2'), unroll: options.unroll ?? 2 };
  const threads = expanded.map((t, i) => {
    const regs = new Map<string, Atom>(init.registers[i]);
    const { alts } = lowerThread(t, ctx, lowerOpts, diagnostics);
    return alts.map((alt) => finishPath(t.index, alt, ctx.events, regs));
  });
  const initWrites = init.locations.map((loc) => {
    const eiid = ctx.addEvent({
      kind: 'W',
      thread: -1,
      poi: 0,
      loc,
      value: init.memory.get(loc) ?? 0,
      atomic: false,
      tags: [],
      span: test.span,
    });
    return ctx.events[eiid];
  });
  return {
    init,
    initWrites,
    threads,
    varCount: ctx.varCount,
    diagnostics: dedupeDiagnostics(diagnostics),
  };
}

/** Lowering re-runs code after each branch (as herd does): report each problem once. */
function dedupeDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.span.file}|${d.span.start}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
