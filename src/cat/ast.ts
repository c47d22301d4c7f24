// Cat stage: the cat AST built from grammar/cat.ohm (herd's lib/AST.mli, one span per node).
import type { Span } from '../source';

/** A pattern variable; `null` is the discard pattern `_`. */
export type Pat0 = string | null;

export type Pattern =
  | { readonly kind: 'var'; readonly name: Pat0 }
  | { readonly kind: 'tuple'; readonly names: readonly Pat0[] };

export type UnaryOp = 'star' | 'plus' | 'opt' | 'inv' | 'comp' | 'toid';
export type NaryOp = 'union' | 'seq';
export type BinaryOp = 'inter' | 'diff' | 'cartesian' | 'add';

export type Expr =
  | { readonly kind: 'empty-rel'; readonly span: Span }
  | { readonly kind: 'universe'; readonly span: Span }
  | { readonly kind: 'tag'; readonly name: string; readonly span: Span }
  | { readonly kind: 'var'; readonly name: string; readonly span: Span }
  | { readonly kind: 'set'; readonly elems: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'tuple'; readonly elems: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly arg: Expr; readonly span: Span }
  | {
      readonly kind: 'nary';
      readonly op: NaryOp;
      readonly args: readonly Expr[];
      readonly span: Span;
    }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: Span;
    }
  | { readonly kind: 'app'; readonly fn: Expr; readonly arg: Expr; readonly span: Span }
  | { readonly kind: 'fun'; readonly pat: Pattern; readonly body: Expr; readonly span: Span }
  | {
      readonly kind: 'let';
      readonly rec: boolean;
      readonly bindings: readonly Binding[];
      readonly body: Expr;
      readonly span: Span;
    }
  | { readonly kind: 'try'; readonly body: Expr; readonly handler: Expr; readonly span: Span }
  | {
      readonly kind: 'if';
      readonly cond: Cond;
      readonly ifTrue: Expr;
      readonly ifFalse: Expr;
      readonly span: Span;
    }
  | {
      readonly kind: 'match-tag';
      readonly subject: Expr;
      readonly clauses: readonly { readonly tag: string; readonly body: Expr }[];
      readonly otherwise: Expr | undefined;
      readonly span: Span;
    }
  | {
      readonly kind: 'match-set';
      readonly subject: Expr;
      readonly ifEmpty: Expr;
      /** `x ++ rest` binds before = undefined; `before | x ++ after` binds all three. */
      readonly split: { readonly before?: Pat0; readonly elem: Pat0; readonly rest: Pat0 };
      readonly body: Expr;
      readonly span: Span;
    };

export interface Binding {
  readonly pat: Pattern;
  readonly expr: Expr;
  readonly span: Span;
}

export type VCond =
  | { readonly kind: 'variant'; readonly name: string; readonly span: Span }
  | { readonly kind: 'not'; readonly arg: VCond }
  | { readonly kind: 'and' | 'or'; readonly left: VCond; readonly right: VCond };

export type Cond =
  | { readonly kind: 'eq' | 'subset' | 'in'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'vcond'; readonly cond: VCond };

export type TestType = 'check' | 'flag' | 'undefined_unless' | 'assert';
export type Predicate = 'acyclic' | 'irreflexive' | 'empty';

export interface Test {
  readonly negated: boolean;
  readonly pred: Predicate;
  readonly expr: Expr;
  readonly name: string | undefined;
  readonly span: Span;
}

export type Ins =
  | {
      readonly kind: 'let';
      readonly rec: boolean;
      readonly bindings: readonly Binding[];
      readonly when: Test | undefined;
      readonly span: Span;
    }
  | { readonly kind: 'check'; readonly type: TestType; readonly test: Test; readonly span: Span }
  | { readonly kind: 'show'; readonly names: readonly string[]; readonly span: Span }
  | { readonly kind: 'show-as'; readonly expr: Expr; readonly name: string; readonly span: Span }
  | { readonly kind: 'unshow'; readonly names: readonly string[]; readonly span: Span }
  | { readonly kind: 'include'; readonly file: string; readonly span: Span }
  | {
      readonly kind: 'procedure';
      readonly name: string;
      readonly rec: boolean;
      readonly pat: Pattern;
      readonly body: readonly Ins[];
      readonly span: Span;
    }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly arg: Expr;
      readonly as: string | undefined;
      readonly span: Span;
    }
  | { readonly kind: 'debug'; readonly expr: Expr; readonly span: Span }
  | {
      readonly kind: 'forall';
      readonly name: string;
      readonly set: Expr;
      readonly body: readonly Ins[];
      readonly span: Span;
    }
  | { readonly kind: 'with'; readonly name: string; readonly set: Expr; readonly span: Span }
  | {
      readonly kind: 'if-variant';
      readonly cond: VCond;
      readonly ifTrue: readonly Ins[];
      readonly ifFalse: readonly Ins[];
      readonly span: Span;
    }
  | {
      readonly kind: 'events';
      readonly set: string;
      readonly args: readonly Expr[];
      readonly isDefault: boolean;
      readonly span: Span;
    }
  | {
      readonly kind: 'enum';
      readonly name: string;
      readonly tags: readonly string[];
      readonly span: Span;
    }
  | {
      readonly kind: 'match';
      readonly subject: Expr;
      readonly clauses: readonly { readonly tag: string; readonly body: readonly Ins[] }[];
      readonly otherwise: readonly Ins[] | undefined;
      readonly span: Span;
    };

export interface CatModel {
  readonly file: string;
  /** The identity line: its first word (maybe an architecture name) and the title. */
  readonly identity: { readonly name: string; readonly title: string } | undefined;
  readonly catdep: boolean;
  readonly body: readonly Ins[];
}
