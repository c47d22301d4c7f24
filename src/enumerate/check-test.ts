// Enumeration stage: checking one test. For every event structure (one path per thread),
// every reads-from consistent with the values, every choice of final writes for the observed
// locations: apply the filter, run the model, and count each accepted branch as herd7 does.

import type { Atom, ThreadPath, Value } from '../events';
import { buildEvents, displayedRefs, observedRefs } from '../events';
import type { Execution } from '../interp/execution';
import type { LitmusTest, LocRef, MacroFile } from '../litmus/ast';
import { type EventSet, evset } from '../relations';
import type { Diagnostic } from '../source';
import { error, hasErrors, UserError } from '../source';
import { Candidate } from './candidate';
import { CoherenceTracker } from './coherence';
import { Combination } from './combination';
import {
  type ExecutionGraph,
  type GraphRequest,
  graphEvents,
  graphRelations,
  isSelected,
  requestedRelations,
} from './graph';
import { herdSymbol } from './herd-symbols';
import { evalProp, type Lookup } from './prop';
import type {
  FinalState,
  LimitReached,
  StateLoc,
  StateValue,
  TestKind,
  TestResult,
} from './result';
import { searchReadsFrom } from './rf-search';
import { Solver } from './solver';
import { StructureView } from './structure-view';

export interface CheckOptions {
  readonly variants: readonly string[];
  /** Record the event graphs of (some) accepted executions. */
  readonly graphs?: GraphRequest;
  /** Loop unrolling bound (herd's default 2). */
  readonly unroll?: number;
  readonly timeoutMs?: number;
  /** Stop after examining this many candidate executions. */
  readonly maxCandidates?: number;
  /** Stop if an event structure has more events than this. */
  readonly maxEvents?: number;
  /**
   * Stop at the first accepted execution that satisfies (or fails) the condition's
   * proposition: enough to know that the outcome is reachable; counts are then partial.
   */
  readonly stopAtFirst?: 'satisfied' | 'unsatisfied';
  /**
   * Reject early the candidates a model of the LKMM family rejects anyway: cyclic coherence
   * precursor (cos-opt.cat's ConsCo), initial write as final write of a written location
   * (herd's pco), two RMWs of different threads reading the same write (`atomic`). Default
   * true; set false for a model without these checks.
   */
  readonly pruning?: boolean;
}

/** A test's result, with the graphs `CheckOptions.graphs` asked for. */
export type CheckResult = TestResult & { readonly graphs?: readonly ExecutionGraph[] };

/** What a model run reports for one accepted branch. */
export interface BranchOutcome {
  readonly flags: readonly string[];
  readonly undef: boolean;
  /** The model's final binding of a name (co, fr, hb...), valid during the callback. */
  lookup?(name: string): unknown;
}

/**
 * Runs the model on one candidate, calling back once per accepted branch, and `poll` often
 * enough for a time limit to stop a long run (poll throws then).
 */
export type ModelRunner = (
  exec: Execution,
  onAccepted: (b: BranchOutcome) => void | 'stop',
  poll: () => void,
) => void;

/** Register accesses are not events of the model's universe (see Combination). */
const REGISTER_EVENTS = new Set(['RegR', 'RegW']);

class LimitError extends Error {
  constructor(readonly limit: LimitReached) {
    super(limit);
  }
}

function testKind(test: LitmusTest): TestKind {
  switch (test.condition?.quantifier) {
    case 'not exists':
      return 'Forbidden';
    case 'exists':
      return 'Allowed';
    default:
      return 'Required';
  }
}

function refKey(r: LocRef): string {
  return r.kind === 'RegRef' ? `${r.thread}:${r.reg}` : `[${r.name}]`;
}

function uniqueRefs(refs: readonly LocRef[]): LocRef[] {
  const seen = new Map<string, LocRef>();
  for (const r of refs) if (!seen.has(refKey(r))) seen.set(refKey(r), r);
  return [...seen.values()].sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'RegRef' ? -1 : 1;
    if (a.kind === 'RegRef' && b.kind === 'RegRef') {
      return a.thread - b.thread || (a.reg < b.reg ? -1 : a.reg > b.reg ? 1 : 0);
    }
    return refKey(a) < refKey(b) ? -1 : 1;
  });
}

function stateLoc(r: LocRef): StateLoc {
  return r.kind === 'RegRef'
    ? { kind: 'reg', thread: r.thread, reg: r.reg }
    : { kind: 'mem', name: r.name, index: r.index };
}

/** Every combination of one path per thread, first thread varying slowest. */
function* combinations(threads: readonly (readonly ThreadPath[])[]): Generator<ThreadPath[]> {
  if (threads.some((t) => t.length === 0)) return;
  const idx = threads.map(() => 0);
  for (;;) {
    yield threads.map((t, i) => t[idx[i]]);
    let k = threads.length - 1;
    while (k >= 0 && ++idx[k] === threads[k].length) idx[k--] = 0;
    if (k < 0) return;
  }
}

/** A path whose own equations contradict can never be part of an execution. */
function feasible(path: ThreadPath, varCount: number): boolean {
  return !new Solver(varCount, [...path.regEquations, ...path.equations]).failed;
}

export function checkWithRunner(
  test: LitmusTest,
  macros: MacroFile,
  runner: ModelRunner,
  options: CheckOptions,
): CheckResult {
  const start = performance.now();
  const run = new TestRun(test, runner, options, start);
  try {
    const events = buildEvents(test, macros, { ...options, poll: () => run.tick() });
    run.diagnostics.push(...events.diagnostics);
    if (!hasErrors(run.diagnostics)) {
      const threads = events.threads.map((paths) =>
        paths.filter((p) => feasible(p, events.varCount)),
      );
      for (const paths of combinations(threads)) {
        run.checkSize(paths, events.initWrites.length);
        if (run.checkStructure(new Combination(paths, events.initWrites), events) === 'stop') break;
      }
    }
  } catch (e) {
    // A limit ends the test with partial numbers; a user error in the model (type error,
    // unbound name...) ends it with that error.
    if (e instanceof LimitError) run.limit = e.limit;
    else if (isStackOverflow(e)) run.limit = 'recursion';
    else if (e instanceof UserError) run.diagnostics.push(e.diagnostic);
    else throw e;
  }
  return run.result(performance.now() - start);
}

class TestRun {
  readonly diagnostics: Diagnostic[] = [];
  limit: LimitReached | undefined;
  private readonly states = new Map<string, FinalState>();
  private satisfied = 0;
  private unsatisfied = 0;
  private readonly flags = new Set<string>();
  private undef = false;
  private loop = false;
  private candidates = 0;
  private readonly graphs: ExecutionGraph[] = [];
  private nodes = 0;
  private readonly observedMem: string[];
  private readonly displayed: LocRef[];
  private readonly pruning: boolean;

  constructor(
    private readonly test: LitmusTest,
    private readonly runner: ModelRunner,
    private readonly options: CheckOptions,
    private readonly start: number,
  ) {
    const observed = uniqueRefs(observedRefs(test));
    this.observedMem = observed.flatMap((r) => (r.kind === 'MemRef' ? [r.name] : []));
    this.displayed = uniqueRefs(displayedRefs(test));
    this.pruning = options.pruning ?? true;
  }

  /** The event limit, before the structure's relations are built (quadratic in its size). */
  checkSize(paths: readonly ThreadPath[], initWrites: number): void {
    const max = this.options.maxEvents;
    if (max === undefined) return;
    let size = initWrites;
    for (const p of paths) size += p.events.filter((e) => !REGISTER_EVENTS.has(e.kind)).length;
    if (size > max) throw new LimitError('events');
  }

  tick(): void {
    // Often: one step of a model recursing over a huge set can take milliseconds.
    if (++this.nodes % 16 === 0 && this.overTime()) throw new LimitError('time');
  }

  private overTime(): boolean {
    const t = this.options.timeoutMs;
    return t !== undefined && performance.now() - this.start > t;
  }

  checkStructure(comb: Combination, events: ReturnType<typeof buildEvents>): 'stop' | undefined {
    const maxEvents = this.options.maxEvents;
    if (maxEvents !== undefined && comb.size > maxEvents) throw new LimitError('events');
    const solver = new Solver(events.varCount, comb.equations);
    if (solver.failed) return undefined;
    comb.fixLocations((a) => solver.valueOf(a));
    const tracker = this.pruning ? new CoherenceTracker(comb, true) : undefined;
    const locations = events.init.locations;
    const locIndex = new Map(locations.map((l, i) => [l, i]));
    const views = new Map<string, StructureView>();
    // Addresses known before reads-from are shared by all candidates; the others (pointers
    // read from memory) are resolved per candidate, one StructureView per assignment.
    const baseLocOf = new Int32Array(comb.size).fill(-1);
    const dynamic: number[] = [];
    let badStatic: Diagnostic | undefined;
    comb.events.forEach(({ ev }, i) => {
      if (ev.loc === undefined) return;
      const v = comb.knownLoc[i];
      if (v === undefined) dynamic.push(i);
      else if (typeof v === 'string' && locIndex.has(v)) baseLocOf[i] = locIndex.get(v)!;
      else badStatic ??= badAddress(v, ev.span);
    });
    const staticView =
      dynamic.length === 0 ? new StructureView(comb, baseLocOf, locations) : undefined;
    const threadPath = (thread: number) => comb.paths.find((p) => p.thread === thread);

    const regAtom = (ref: LocRef & { kind: 'RegRef' }): Atom | undefined => {
      const p = threadPath(ref.thread);
      return p ? (p.finalRegs.get(ref.reg) ?? 0) : undefined;
    };
    let currentRf: Int32Array = new Int32Array(0);
    const toState = (a: Atom): StateValue => {
      const v = solver.valueOf(a);
      if (v !== undefined) return valueState(v);
      return { kind: 'sym', name: herdSymbol(comb, currentRf, a) };
    };
    const partial: Lookup = (ref) => {
      if (ref.kind !== 'RegRef') return undefined;
      const a = regAtom(ref);
      const v = a === undefined ? 0 : solver.valueOf(a);
      return v === undefined ? undefined : valueState(v);
    };
    const filter = this.test.filter;

    return searchReadsFrom(
      comb,
      solver,
      tracker,
      { atomicity: this.pruning },
      {
        reject: () => {
          this.tick();
          return filter !== undefined && evalProp(filter, partial) === false;
        },
        badAddress: (r, v) => {
          this.diagnostics.push(badAddress(v, comb.events[r].ev.span));
          return 'stop';
        },
        leaf: (rfOf) => {
          this.tick();
          if (!solver.complete) return undefined;
          if (badStatic) {
            this.diagnostics.push(badStatic);
            return 'stop';
          }
          currentRf = rfOf;
          let view = staticView;
          if (dynamic.length > 0) {
            const locOf = baseLocOf.slice();
            let signature = '';
            for (const i of dynamic) {
              const v = solver.valueOf(comb.events[i].ev.loc!);
              if (v === undefined) return undefined;
              const k = typeof v === 'string' ? locIndex.get(v) : undefined;
              if (k === undefined) {
                this.diagnostics.push(badAddress(v, comb.events[i].ev.span));
                return 'stop';
              }
              locOf[i] = k;
              signature += `${i}:${k},`;
            }
            view = views.get(signature);
            if (!view) {
              view = new StructureView(comb, locOf, locations);
              views.set(signature, view);
            }
          }
          if (!view) return undefined;
          if (comb.cut) {
            this.loop = true;
            return undefined;
          }
          return this.finals(comb, view, rfOf, tracker, solver, regAtom, toState);
        },
      },
    );
  }

  /** Every choice of final writes for the observed locations, then the model. */
  private finals(
    comb: Combination,
    view: StructureView,
    rfOf: Int32Array,
    tracker: CoherenceTracker | undefined,
    solver: Solver,
    regAtom: (ref: LocRef & { kind: 'RegRef' }) => Atom | undefined,
    toState: (a: Atom) => StateValue,
  ): 'stop' | undefined {
    const choices: number[][] = [];
    for (const name of this.observedMem) {
      const at = view.writesAt(name);
      let ws = at.length > 1 ? at.filter((w) => comb.events[w].thread >= 0) : at;
      if (tracker) ws = ws.filter((w) => tracker.mayBeLast(w));
      if (ws.length === 0) return undefined;
      choices.push(ws);
    }
    const rfPairs = comb.reads.map((r) => [rfOf[r], r] as const);
    const values = (e: number): number | string | undefined => {
      const v = comb.events[e].ev.value;
      return v === undefined ? undefined : solver.valueOf(v);
    };
    const pick = choices.map(() => 0);
    for (;;) {
      const fw = choices.map((ws, i) => ws[pick[i]]);
      const memValue = new Map(this.observedMem.map((name, i) => [name, fw[i]]));
      const lookup: Lookup = (ref) => {
        if (ref.kind === 'RegRef') {
          const a = regAtom(ref);
          return a === undefined ? { kind: 'int', value: 0 } : toState(a);
        }
        const w = memValue.get(ref.name);
        return w === undefined ? undefined : toState(comb.events[w].ev.value!);
      };
      if (this.test.filter === undefined || evalProp(this.test.filter, lookup) === true) {
        if (this.runModel(comb, view, rfPairs, fw, values, lookup) === 'stop') return 'stop';
      }
      let k = choices.length - 1;
      while (k >= 0 && ++pick[k] === choices[k].length) pick[k--] = 0;
      if (k < 0) return undefined;
    }
  }

  private runModel(
    comb: Combination,
    view: StructureView,
    rfPairs: readonly (readonly [number, number])[],
    fw: readonly number[],
    values: (e: number) => number | string | undefined,
    lookup: Lookup,
  ): 'stop' | undefined {
    const max = this.options.maxCandidates;
    if (max !== undefined && this.candidates >= max) throw new LimitError('candidates');
    this.candidates++;
    const finalWrites: EventSet = evset.of(comb.size, fw);
    const exec = new Candidate(view, rfPairs, finalWrites, () => pcoPairs(view, fw), values);
    let state: { key: string; values: FinalState['values'] } | undefined;
    const satisfies = this.test.condition
      ? evalProp(this.test.condition.prop, lookup) === true
      : true;
    let stop: 'stop' | undefined;
    this.runner(
      exec,
      (branch) => {
        if (satisfies) this.satisfied++;
        else this.unsatisfied++;
        for (const f of branch.flags) this.flags.add(f);
        if (branch.undef) this.undef = true;
        state ??= this.stateOf(lookup);
        const final = { values: state.values, satisfies };
        this.states.set(state.key, final);
        this.recordGraph(exec, branch, final);
        if (this.options.stopAtFirst === (satisfies ? 'satisfied' : 'unsatisfied')) stop = 'stop';
        return stop;
      },
      () => this.tick(),
    );
    return stop;
  }

  private recordGraph(exec: Candidate, branch: BranchOutcome, state: FinalState): void {
    const request = this.options.graphs;
    if (!request || (request.limit !== undefined && this.graphs.length >= request.limit)) return;
    if (!isSelected(request.show, state.satisfies)) return;
    const names = requestedRelations(request);
    this.graphs.push({
      test: this.test.name,
      index: this.graphs.length + 1,
      satisfies: state.satisfies,
      events: graphEvents(exec),
      relations: graphRelations(exec, names, branch.lookup?.bind(branch)),
      state,
      flags: [...branch.flags],
    });
  }

  private stateOf(lookup: Lookup): { key: string; values: FinalState['values'] } {
    const values = this.displayed.map((ref) => ({
      loc: stateLoc(ref),
      value: lookup(ref) ?? ({ kind: 'int', value: 0 } as const),
    }));
    const key = values
      .map((v) => `${v.value.kind}:${'value' in v.value ? v.value.value : v.value.name}`)
      .join(';');
    return { key, values };
  }

  result(timeMs: number): CheckResult {
    return {
      name: this.test.name,
      file: this.test.span.file,
      kind: testKind(this.test),
      states: [...this.states.values()],
      satisfied: this.satisfied,
      unsatisfied: this.unsatisfied,
      flags: [...this.flags].sort(),
      undef: this.undef,
      loop: this.loop,
      limit: this.limit,
      candidates: this.candidates,
      timeMs,
      diagnostics: this.diagnostics,
      ...(this.options.graphs ? { graphs: this.graphs } : {}),
    };
  }
}

/** A model recursing over a huge set (cross.cat over millions of orders) exhausts the stack. */
function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

function valueState(v: Value): StateValue {
  return typeof v === 'number' ? { kind: 'int', value: v } : { kind: 'addr', name: v };
}

/** herd's pco: the initial write before the other writes of its location, the final write after them. */
function pcoPairs(view: StructureView, fw: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  const comb = view.comb;
  for (const a of comb.writes) {
    for (const b of comb.writes) {
      if (a === b || view.locOf[a] !== view.locOf[b]) continue;
      if (comb.events[a].thread < 0 || fw.includes(b)) out.push([a, b]);
    }
  }
  return out;
}

function badAddress(v: Value, span: Diagnostic['span']): Diagnostic {
  return error(
    'events/bad-address',
    `access to ${String(v)}, which is not the address of a location`,
    span,
  );
}
