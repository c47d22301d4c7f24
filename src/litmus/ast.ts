// Litmus stage: the typed AST of a C litmus test. Every node carries its source span.
// Produced by src/litmus/build-ast.ts from the chevrotain CST; consumed by src/events/.
import type { Span } from '../source';

// ---------- whole test ----------

export interface LitmusTest {
  readonly kind: 'LitmusTest';
  /** Architecture word of the header; always 'C' for a test that reached this AST. */
  readonly arch: string;
  readonly name: string;
  readonly nameSpan: Span;
  readonly doc?: string;
  /** `key=value` lines of the info area (e.g. Hash, Cycle, Relax). */
  readonly info: readonly InfoLine[];
  /** The LKMM `Result:` convention found in a leading comment, if any. */
  readonly expected?: ExpectedResult;
  readonly init: readonly InitItem[];
  readonly threads: readonly Thread[];
  /** `locations [...]` entries (extra columns of the final state). */
  readonly locations: readonly LocRef[];
  readonly filter?: Prop;
  readonly condition?: Condition;
  readonly span: Span;
}

export interface InfoLine {
  readonly key: string;
  readonly value: string;
  readonly span: Span;
}

export type ExpectedVerdict = 'Never' | 'Sometimes' | 'Always' | 'Maybe' | 'DEADLOCK';

export interface ExpectedResult {
  readonly verdict: ExpectedVerdict;
  readonly dataRace: boolean;
  readonly span: Span;
}

// ---------- init section ----------

export interface InitItem {
  readonly kind: 'InitItem';
  readonly target: LocRef;
  /** Declared type word(s) as written, e.g. `int`, `atomic_t`, `int*`; absent when untyped. */
  readonly type?: string;
  /** Absent means "declared, value 0". */
  readonly value?: InitValue;
  readonly span: Span;
}

export type InitValue = IntValue | AddressValue | ArrayValue;

export interface IntValue {
  readonly kind: 'IntValue';
  readonly value: number;
  readonly span: Span;
}

/** A bare name or `&name` as a value: the address of that location. */
export interface AddressValue {
  readonly kind: 'AddressValue';
  readonly name: string;
  /** `a[1]`: the address of element 1 of array `a`. */
  readonly index?: number;
  readonly span: Span;
}

export interface ArrayValue {
  readonly kind: 'ArrayValue';
  readonly size: number;
  readonly elements: readonly IntValue[];
  readonly span: Span;
}

// ---------- threads ----------

export interface Thread {
  readonly kind: 'Thread';
  /** n of `Pn`. */
  readonly index: number;
  readonly nameSpan: Span;
  readonly params: readonly Param[];
  readonly body: readonly Stmt[];
  readonly span: Span;
}

export interface Param {
  readonly kind: 'Param';
  /** Type as written without the name, e.g. `volatile int *`. */
  readonly type: string;
  readonly name: string;
  readonly span: Span;
}

export type Stmt = DeclStmt | AssignStmt | StoreStmt | ExprStmt | IfStmt | WhileStmt | BlockStmt;

/** `int r;`, `int *r = e;` — the declaration itself has no effect; the initialiser assigns. */
export interface DeclStmt {
  readonly kind: 'DeclStmt';
  readonly type: string;
  readonly name: string;
  readonly init?: Expr;
  readonly span: Span;
}

/** `r = e;` (register assignment). */
export interface AssignStmt {
  readonly kind: 'AssignStmt';
  readonly name: string;
  readonly nameSpan: Span;
  readonly value: Expr;
  readonly span: Span;
}

/** `*e = v;` (plain store). */
export interface StoreStmt {
  readonly kind: 'StoreStmt';
  readonly address: Expr;
  readonly value: Expr;
  readonly span: Span;
}

/** `f(args);`, `(void) e;`, `e;` */
export interface ExprStmt {
  readonly kind: 'ExprStmt';
  readonly expr: Expr;
  readonly span: Span;
}

export interface IfStmt {
  readonly kind: 'IfStmt';
  readonly cond: Expr;
  readonly then: readonly Stmt[];
  readonly else?: readonly Stmt[];
  readonly span: Span;
}

export interface WhileStmt {
  readonly kind: 'WhileStmt';
  readonly cond: Expr;
  readonly body: readonly Stmt[];
  readonly span: Span;
}

export interface BlockStmt {
  readonly kind: 'BlockStmt';
  readonly body: readonly Stmt[];
  readonly span: Span;
}

// ---------- expressions ----------

export type Expr = IntExpr | RegExpr | DerefExpr | CastExpr | BinaryExpr | UnaryExpr | CallExpr;

export interface IntExpr {
  readonly kind: 'IntExpr';
  readonly value: number;
  readonly span: Span;
}

/** A name in thread code: a register, a parameter (the address of a global) or a macro formal. */
export interface RegExpr {
  readonly kind: 'RegExpr';
  readonly name: string;
  readonly span: Span;
}

/** `*e`: a plain load when read, the target of a store when written. */
export interface DerefExpr {
  readonly kind: 'DerefExpr';
  readonly address: Expr;
  readonly span: Span;
}

/** `(T) e`: ignored by the semantics. */
export interface CastExpr {
  readonly kind: 'CastExpr';
  readonly type: string;
  readonly expr: Expr;
  readonly span: Span;
}

export type BinaryOp =
  | '+'
  | '-'
  | '*'
  | '/'
  | '&'
  | '|'
  | '^'
  | '=='
  | '!='
  | '<'
  | '>'
  | '<='
  | '>='
  | '&&'
  | '||';

export interface BinaryExpr {
  readonly kind: 'BinaryExpr';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export type UnaryOp = '~' | '!' | '-';

export interface UnaryExpr {
  readonly kind: 'UnaryExpr';
  readonly op: UnaryOp;
  readonly operand: Expr;
  readonly span: Span;
}

/**
 * A call: a `.def` macro (`READ_ONCE(*x)`) or an internal primitive (`__load{ONCE}(X)`,
 * `__atomic_op{NORETURN}(X,+,V)`, `__fence{MB}`). `tags` is present for `{...}` annotations.
 * An operator argument (`+`, `-`, `&`, `|`, `^`, `&~`) is an `OpArg`.
 */
export interface CallExpr {
  readonly kind: 'CallExpr';
  readonly name: string;
  readonly nameSpan: Span;
  readonly tags?: readonly string[];
  readonly args: readonly (Expr | OpArg)[];
  readonly span: Span;
}

export interface OpArg {
  readonly kind: 'OpArg';
  readonly op: '+' | '-' | '&' | '|' | '^' | '&~';
  readonly span: Span;
}

// ---------- final section ----------

/** A location in the init section or the final section. */
export type LocRef = RegRef | MemRef;

/** `0:r1`, `P0:r1` */
export interface RegRef {
  readonly kind: 'RegRef';
  readonly thread: number;
  readonly reg: string;
  readonly span: Span;
}

/** `x`, `[x]`, `*x` (deref of a pointer location), `a[1]` (array element). */
export interface MemRef {
  readonly kind: 'MemRef';
  readonly name: string;
  readonly index?: number;
  readonly deref?: boolean;
  readonly span: Span;
}

export type Quantifier = 'exists' | 'not exists' | 'forall';

export interface Condition {
  readonly kind: 'Condition';
  readonly quantifier: Quantifier;
  readonly prop: Prop;
  readonly span: Span;
}

export type Prop = ConstProp | NotProp | AndProp | OrProp | ImpliesProp | AtomProp;

export interface ConstProp {
  readonly kind: 'ConstProp';
  readonly value: boolean;
  readonly span: Span;
}

export interface NotProp {
  readonly kind: 'NotProp';
  readonly prop: Prop;
  readonly span: Span;
}

export interface AndProp {
  readonly kind: 'AndProp';
  readonly left: Prop;
  readonly right: Prop;
  readonly span: Span;
}

export interface OrProp {
  readonly kind: 'OrProp';
  readonly left: Prop;
  readonly right: Prop;
  readonly span: Span;
}

export interface ImpliesProp {
  readonly kind: 'ImpliesProp';
  readonly left: Prop;
  readonly right: Prop;
  readonly span: Span;
}

/** `loc = value`, `loc != value`, `loc = loc`. */
export interface AtomProp {
  readonly kind: 'AtomProp';
  readonly op: '=' | '!=';
  readonly left: LocRef;
  readonly right: LocRef | IntValue | AddressValue;
  readonly span: Span;
}

// ---------- .def macro files ----------

export interface MacroFile {
  readonly kind: 'MacroFile';
  readonly macros: readonly Macro[];
  readonly span: Span;
}

/** `NAME(formals) expr` (expression macro) or `NAME(formals) { stmts }` (statement macro). */
export interface Macro {
  readonly kind: 'Macro';
  readonly name: string;
  readonly formals: readonly string[];
  readonly body:
    | { readonly kind: 'ExprBody'; readonly expr: Expr }
    | { readonly kind: 'StmtBody'; readonly body: readonly Stmt[] };
  readonly span: Span;
}

export function unreachable(x: never): never {
  throw new Error(`unreachable: ${JSON.stringify(x)}`);
}
