// Interpreter stage: the flat form a cat model is compiled into once, then run per candidate:
// closures over resolved variable slots, and a list of instructions that branch.
import type { Pattern, Predicate, TestType } from '../cat';
import type { Span } from '../source';
import type { Env } from './env';
import type { Value } from './values';

/** An expression compiled to a function of the environment it is evaluated in. */
export type Compiled = (env: Env) => Value;

/**
 * The slots of one local frame (function call, `let ... in`, procedure or forall body).
 * A slot with an initialiser is lazy: computed on first use and then kept.
 */
export interface Layout {
  readonly inits: (Compiled | undefined)[];
}

export interface CompiledFun {
  readonly pat: Pattern;
  readonly layout: Layout;
  readonly body: Compiled;
  readonly span: Span;
}

export interface CompiledProc {
  readonly name: string;
  readonly pat: Pattern;
  readonly layout: Layout;
  readonly body: readonly Op[];
  readonly span: Span;
}

/** Where a `with`, `forall` or parameter binds its value: a top-level or local slot. */
export type Target =
  | { readonly kind: 'top'; readonly slot: number }
  | { readonly kind: 'local'; readonly index: number };

export type Op =
  | {
      readonly kind: 'check';
      readonly type: TestType;
      readonly negated: boolean;
      readonly pred: Predicate;
      readonly expr: Compiled;
      readonly name: string | undefined;
      readonly span: Span;
    }
  | { readonly kind: 'with'; readonly target: Target; readonly set: Compiled; readonly span: Span }
  /** `let rec ... when test`: computed eagerly, the test checked after every step. */
  | { readonly kind: 'rec-when'; readonly force: (env: Env) => boolean }
  | { readonly kind: 'call'; readonly proc: Compiled; readonly arg: Compiled; readonly span: Span }
  | {
      readonly kind: 'forall';
      readonly set: Compiled;
      readonly layout: Layout;
      readonly body: readonly Op[];
      readonly span: Span;
    }
  | {
      readonly kind: 'match';
      readonly subject: Compiled;
      readonly clauses: ReadonlyMap<
        string,
        { readonly layout: Layout; readonly body: readonly Op[] }
      >;
      readonly otherwise: { readonly layout: Layout; readonly body: readonly Op[] } | undefined;
      readonly span: Span;
    }
  /** Bell mode: `instructions K[...]` records the tags its arguments name. */
  | {
      readonly kind: 'events';
      readonly args: readonly { readonly expr: Compiled; readonly span: Span }[];
    }
  /** The end of the model: the branch is accepted. */
  | { readonly kind: 'accept' };

export interface TopSlot {
  readonly name: string;
  /** Computes the slot's value in the top-level environment; undefined for `with` targets. */
  readonly init: Compiled | undefined;
  /** Depends only on the event structure: cached across the candidates sharing it. */
  readonly isStatic: boolean;
  /** Number of `with` instructions before the definition: values are shared by all branches of later `with`s. */
  readonly level: number;
  /** Position in its storage: the structure cache if static, else the array of its level. */
  readonly index: number;
  /** A name of the initial environment looked up in the Execution when first used. */
  readonly predefined: boolean;
}

export interface Program {
  readonly slots: readonly TopSlot[];
  readonly ops: readonly Op[];
  /** Top-level names visible at the end of the model. */
  readonly finalNames: ReadonlyMap<string, number>;
  /** Number of static slots, and of dynamic slots at each level. */
  readonly staticCount: number;
  readonly levelSizes: readonly number[];
  /** The tags of each enum, for complements of tag sets. */
  readonly enums: ReadonlyMap<string, readonly Value[]>;
}
