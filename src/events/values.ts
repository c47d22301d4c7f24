// Events stage: the values C litmus code computes with. An integer, a symbolic address (the
// location's name, `x` or `x+4` after pointer arithmetic), or a variable standing for a value
// not known until reads-from is chosen (herd names them S0, S1...).

/** A known value: a JS number is an integer, a string is the address of that location. */
export type Value = number | string;

/** An unknown value, numbered in creation order like herd's symbols. */
export interface Var {
  readonly id: number;
}

export type Atom = Value | Var;

export function isVar(a: Atom): a is Var {
  return typeof a === 'object';
}

/** Thrown for an operation herd rejects on known values (e.g. multiplying an address). */
export class ValueError extends Error {}

/** Operators of expressions, conditions and atomic primitives (`&~` is and-not). */
export type BinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '&'
  | '|'
  | '^'
  | '&~'
  | '=='
  | '!='
  | '<'
  | '>'
  | '<='
  | '>='
  | '&&'
  | '||';

export type UnaryOperator = '~' | '!' | '-';

/** `x+4` -> [`x`, 4]; `x` -> [`x`, 0]. */
function splitAddress(a: string): [string, number] {
  const plus = a.lastIndexOf('+');
  if (plus <= 0) return [a, 0];
  return [a.slice(0, plus), Number(a.slice(plus + 1))];
}

function offsetAddress(a: string, delta: number): string {
  const [base, off] = splitAddress(a);
  const o = off + delta;
  return o === 0 ? base : `${base}+${o}`;
}

function truth(b: boolean): number {
  return b ? 1 : 0;
}

/** Equality as herd decides it: an address differs from every integer (NULL included). */
function sameValue(a: Value, b: Value): boolean {
  return a === b;
}

function compareInts(op: '<' | '>' | '<=' | '>=', a: number, b: number): number {
  switch (op) {
    case '<':
      return truth(a < b);
    case '>':
      return truth(a > b);
    case '<=':
      return truth(a <= b);
    case '>=':
      return truth(a >= b);
  }
}

export function evalBinary(op: BinaryOperator, a: Value, b: Value): Value {
  if (op === '==') return truth(sameValue(a, b));
  if (op === '!=') return truth(!sameValue(a, b));
  if (typeof a === 'string' || typeof b === 'string') return addressArithmetic(op, a, b);
  switch (op) {
    case '+':
      return (a + b) | 0;
    case '-':
      return (a - b) | 0;
    case '*':
      return Math.imul(a, b);
    case '/':
      if (b === 0) throw new ValueError('division by zero');
      return (a / b) | 0;
    case '&':
      return a & b;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '&~':
      return a & ~b;
    case '<':
    case '>':
    case '<=':
    case '>=':
      return compareInts(op, a, b);
    case '&&':
      return truth(a !== 0 && b !== 0);
    case '||':
      return truth(a !== 0 || b !== 0);
  }
}

/** Pointer arithmetic: an address plus or minus an integer offset, nothing else. */
function addressArithmetic(op: BinaryOperator, a: Value, b: Value): Value {
  if (op === '+' && typeof a === 'string' && typeof b === 'number') return offsetAddress(a, b);
  if (op === '+' && typeof a === 'number' && typeof b === 'string') return offsetAddress(b, a);
  if (op === '-' && typeof a === 'string' && typeof b === 'number') return offsetAddress(a, -b);
  if (op === '&&' || op === '||') {
    const ta = a !== 0;
    const tb = b !== 0;
    return truth(op === '&&' ? ta && tb : ta || tb);
  }
  throw new ValueError(`operator ${op} applied to an address`);
}

export function evalUnary(op: UnaryOperator, a: Value): Value {
  if (typeof a === 'string') {
    if (op === '!') return 0;
    throw new ValueError(`operator ${op} applied to an address`);
  }
  switch (op) {
    case '~':
      return ~a;
    case '!':
      return truth(a === 0);
    case '-':
      return -a | 0;
  }
}
