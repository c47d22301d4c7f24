// Interpreter stage: compile-time scopes. Names resolve once, when a model is compiled, to
// top-level slots or (depth, index) in local frames; top-level slots record whether they
// depend only on the event structure.
import type { Diagnostic } from '../source';
import type { Compiled, Layout, TopSlot } from './compiled';
import { forceTop } from './env';
import { CANDIDATE_NAMES } from './execution';
import { PRIMITIVES, PrimitiveError, UNSUPPORTED_PRIMITIVES } from './primitives';
import { events, type Value } from './values';

/** A local scope (frame layout) or, without a layout, the top level. */
export class Scope {
  readonly names = new Map<string, number>();

  constructor(
    readonly parent: Scope | undefined,
    readonly layout: Layout | undefined,
  ) {}

  /** A new slot of this local scope; `null` names (the `_` pattern) take a slot nobody reads. */
  addLocal(name: string | null, init: Compiled | undefined): number {
    const index = this.layout!.inits.length;
    this.layout!.inits.push(init);
    if (name !== null) this.names.set(name, index);
    return index;
  }
}

/** Is `outer` the scope `inner` or one of its ancestors? */
function isWithin(inner: Scope, outer: Scope): boolean {
  for (let s: Scope | undefined = inner; s; s = s.parent) if (s === outer) return true;
  return false;
}

export function localScope(parent: Scope): Scope {
  return new Scope(parent, { inits: [] });
}

export type Resolved =
  | { readonly kind: 'local'; readonly depth: number; readonly index: number }
  | { readonly kind: 'top'; readonly slot: number };

/** A top-level slot while the model is being compiled. */
interface SlotDraft extends TopSlot {
  init: Compiled | undefined;
  isStatic: boolean;
  level: number;
  index: number;
  /** Set once isStatic is final (a let rec group decides after compiling its bodies). */
  settled: boolean;
}

interface BuildOptions {
  readonly variants: readonly string[];
  readonly includeDirs: readonly string[];
  readonly skipChecks: ReadonlySet<string>;
  readonly readFile: (path: string) => string | undefined;
  /** Bell mode: only enums, bindings and `instructions` declarations run (spec §1). */
  readonly bellMode: boolean;
  /** Tags whose annotation sets the initial environment binds (spec §12). */
  readonly annotationTags: readonly string[];
}

function unsupported(): never {
  throw new PrimitiveError('not supported by ordo');
}

/** Watches the names one expression reads: does its value depend on more than the structure? */
interface Tracker {
  readonly base: Scope;
  dynamic: boolean;
}

export class ProgramBuilder {
  readonly slots: SlotDraft[] = [];
  readonly top = new Scope(undefined, undefined);
  readonly diagnostics: Diagnostic[] = [];
  /** Tag name -> its enum; enum name -> its tags. */
  readonly tagEnums = new Map<string, string>();
  readonly enums = new Map<string, Value[]>();
  /** Number of top-level `with` instructions compiled so far. */
  level = 0;
  staticCount = 0;
  readonly levelSizes: number[] = [0];
  /** Top-level slots read by the top-level definition being compiled. */
  deps: Set<number> | undefined;
  private readonly initial = new Map<string, number>();
  private readonly trackers: Tracker[] = [];

  constructor(readonly options: BuildOptions) {
    for (const tag of options.annotationTags) {
      const name = tag.charAt(0).toUpperCase() + tag.slice(1);
      this.initial.set(
        name,
        this.addSlot(name, (env) => events(env.top.exec.tagged(tag)), true),
      );
    }
  }

  /** A new top-level slot; `isStatic` undefined leaves it to `settle` later. */
  addSlot(
    name: string,
    init: Compiled | undefined,
    isStatic: boolean | undefined,
    predefined = false,
    level = this.level,
  ): number {
    this.slots.push({ name, init, isStatic: false, level, index: -1, settled: false, predefined });
    const s = this.slots.length - 1;
    if (isStatic !== undefined) this.settle(s, isStatic);
    return s;
  }

  /** Decides where a slot's values live: the structure cache, or the arrays of its level. */
  settle(s: number, isStatic: boolean, level = this.slots[s].level): void {
    const slot = this.slots[s];
    slot.isStatic = isStatic;
    slot.level = level;
    slot.index = isStatic ? this.staticCount++ : this.levelSizes[slot.level]++;
    slot.settled = true;
  }

  /** The next top-level `with`: later dynamic slots get arrays of their own per branch. */
  nextLevel(): void {
    this.level++;
    this.levelSizes.push(0);
  }

  /** Resolves a name seen in `scope`, recording top-level dependencies. */
  resolve(name: string, scope: Scope): Resolved {
    let depth = 0;
    for (let s: Scope | undefined = scope; s?.layout; s = s.parent) {
      const index = s.names.get(name);
      if (index !== undefined) {
        // A variable bound outside a tracked expression makes it depend on its context.
        for (const t of this.trackers) if (!t.dynamic && isWithin(t.base, s)) t.dynamic = true;
        return { kind: 'local', depth, index };
      }
      depth++;
    }
    const slot = this.top.names.get(name) ?? this.initialSlot(name);
    this.deps?.add(slot);
    const info = this.slots[slot];
    if (!info.settled || !info.isStatic) for (const t of this.trackers) t.dynamic = true;
    return { kind: 'top', slot };
  }

  /**
   * Compiles an expression; when it reads only names that depend on the event structure alone
   * (and no enclosing local), its value is cached per structure in a slot of its own: a
   * relation like `[M] ; fencerel(Mb) ; [M]` inside a candidate-dependent definition is then
   * computed once per structure, not once per candidate.
   */
  hoisting(scope: Scope, worth: boolean, compile: () => Compiled): Compiled {
    if (this.options.bellMode) return compile();
    const t: Tracker = { base: scope, dynamic: false };
    this.trackers.push(t);
    let c: Compiled;
    try {
      c = compile();
    } finally {
      this.trackers.pop();
    }
    if (t.dynamic || !worth) return c;
    const slot = this.addSlot('<hoisted>', c, true, false, 0);
    const index = this.slots[slot].index;
    return (env) => env.top.cache.vals[index] ?? forceTop(env.top, slot);
  }

  /** A free name: a primitive, or a set or relation of the Execution (bound lazily). */
  private initialSlot(name: string): number {
    let slot = this.initial.get(name);
    if (slot === undefined) {
      const prim = PRIMITIVES.get(name);
      if (prim) slot = this.addSlot(name, () => prim, true, false, 0);
      else if (UNSUPPORTED_PRIMITIVES.includes(name)) {
        const stub: Value = { kind: 'prim', name, apply: unsupported };
        slot = this.addSlot(name, () => stub, true, false, 0);
      } else slot = this.addSlot(name, undefined, !CANDIDATE_NAMES.has(name), true, 0);
      this.initial.set(name, slot);
    }
    return slot;
  }

  /** Compiles a top-level definition, deciding from what it reads whether it is static. */
  withDeps<T>(compile: () => T): { value: T; deps: Set<number> } {
    const saved = this.deps;
    const deps = new Set<number>();
    this.deps = deps;
    try {
      return { value: compile(), deps };
    } finally {
      this.deps = saved;
    }
  }

  /**
   * The `with` level a definition belongs to: the highest level among what it reads. Its value
   * is then shared by the branches of every later `with` it does not depend on.
   */
  levelOf(deps: Iterable<number>, except?: ReadonlySet<number>): number {
    let level = 0;
    for (const d of deps)
      if (!except?.has(d) && !this.slots[d].isStatic) level = Math.max(level, this.slots[d].level);
    return level;
  }

  allStatic(deps: Iterable<number>, except?: ReadonlySet<number>): boolean {
    for (const d of deps) if (!except?.has(d) && !this.slots[d].isStatic) return false;
    return true;
  }

  variantSet(name: string): boolean {
    return this.options.variants.includes(name);
  }
}
