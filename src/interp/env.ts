// Interpreter stage: run-time environments. Top-level slots live in a per-structure cache
// (static slots) or in per-branch arrays (one per `with` level); local frames hold the
// slots of function calls and `let ... in`.
import { type EventSet, evset, type Relation, rel } from '../relations';
import type { Layout, Program } from './compiled';
import type { Execution } from './execution';
import { relation, type Value } from './values';

/** Values that depend only on the event structure, shared by all its candidates. */
export class StructureCache {
  readonly vals: (Value | undefined)[];
  private universeSet: EventSet | undefined;
  private identityRel: Relation | undefined;
  private universeRel: Relation | undefined;
  private emptyRel: Value | undefined;

  constructor(
    readonly n: number,
    slots: number,
  ) {
    this.vals = new Array(slots);
  }

  /** E */
  all(): EventSet {
    this.universeSet ??= evset.full(this.n);
    return this.universeSet;
  }

  /** id on E */
  id(): Relation {
    this.identityRel ??= rel.id(this.n);
    return this.identityRel;
  }

  /** E x E */
  unv(): Relation {
    this.universeRel ??= rel.full(this.n);
    return this.universeRel;
  }

  /** `0`, shared: values are never mutated. */
  zero(): Value {
    this.emptyRel ??= relation(rel.empty(this.n));
    return this.emptyRel;
  }
}

export interface AcceptedState {
  readonly flags: readonly string[];
  readonly undef: boolean;
}

/** What one run of a model reports to and learns from its caller. */
export interface RunContext {
  stopped: boolean;
  accept(state: AcceptedState, env: TopEnv): void;
  /** Called at every function call: may throw to end a run that is past its caller's limits. */
  readonly poll?: () => void;
  /** Bell mode: the tags named by `instructions` declarations, in order. */
  readonly bellTags: string[];
}

export class TopEnv {
  readonly top: TopEnv = this;

  constructor(
    readonly program: Program,
    readonly exec: Execution,
    readonly cache: StructureCache,
    /** levels[l][index]: values of level-l dynamic slots (see TopSlot.level). */
    readonly levels: (Value | undefined)[][],
    readonly run: RunContext,
  ) {}

  /** The environment of one branch of the `with` at `level`: earlier levels stay shared. */
  branch(level: number): TopEnv {
    const levels = this.levels.slice();
    for (let l = level; l < levels.length; l++) levels[l] = new Array(levels[l].length);
    return new TopEnv(this.program, this.exec, this.cache, levels, this.run);
  }
}

export class LocalFrame {
  constructor(
    readonly layout: Layout,
    readonly parent: Env,
    readonly top: TopEnv,
    readonly vals: (Value | undefined)[],
  ) {}
}

export type Env = TopEnv | LocalFrame;

export function newFrame(layout: Layout, parent: Env): LocalFrame {
  return new LocalFrame(layout, parent, parent.top, new Array(layout.inits.length));
}

export function forceTop(top: TopEnv, s: number): Value {
  const v = top.program.slots[s].init!(top);
  writeTop(top, s, v);
  return v;
}

export function readTop(top: TopEnv, s: number): Value | undefined {
  const slot = top.program.slots[s];
  return slot.isStatic ? top.cache.vals[slot.index] : top.levels[slot.level][slot.index];
}

export function writeTop(top: TopEnv, s: number, v: Value | undefined): void {
  const slot = top.program.slots[s];
  if (slot.isStatic) top.cache.vals[slot.index] = v;
  else top.levels[slot.level][slot.index] = v;
}

export function forceLocal(f: LocalFrame, i: number): Value {
  const v = f.layout.inits[i]!(f);
  f.vals[i] = v;
  return v;
}
