// Report stage: the final condition re-printed in herd7's normalised syntax (`Condition` line).
import {
  type AtomProp,
  type Condition,
  type LocRef,
  type Prop,
  type Quantifier,
  unreachable,
} from '../litmus';

/**
 * Rules measured on the oracle outputs: the whole proposition in parentheses; `x` printed
 * `[x]`; `~p` and `x!=v` printed `not (p)`; `/\` binds tighter than `\/`, so only an
 * `\/` inside a `/\` keeps its parentheses; spaces only around connectives. A test without
 * a condition is `forall (true)`.
 */
export function formatCondition(condition: Condition | undefined): string {
  if (!condition) return 'forall (true)';
  return `${formatQuantifier(condition.quantifier)} (${formatProp(condition.prop)})`;
}

export function formatQuantifier(q: Quantifier): string {
  switch (q) {
    case 'exists':
      return 'exists';
    case 'not exists':
      return '~exists';
    case 'forall':
      return 'forall';
    default:
      return unreachable(q);
  }
}

/** Binding strength, loosest first; an operand looser than its context gets parentheses. */
const OR = 1;
const AND = 2;
const IMPLIES = 3;
const ATOM = 4;

function strength(p: Prop): number {
  switch (p.kind) {
    case 'OrProp':
      return OR;
    case 'AndProp':
      return AND;
    case 'ImpliesProp':
      return IMPLIES;
    case 'ConstProp':
    case 'NotProp':
    case 'AtomProp':
      return ATOM;
    default:
      return unreachable(p);
  }
}

export function formatProp(p: Prop): string {
  switch (p.kind) {
    case 'ConstProp':
      return p.value ? 'true' : 'false';
    case 'NotProp':
      return `not (${formatProp(p.prop)})`;
    case 'AndProp':
      return `${operand(p.left, AND)} /\\ ${operand(p.right, AND)}`;
    case 'OrProp':
      return `${operand(p.left, OR)} \\/ ${operand(p.right, OR)}`;
    case 'ImpliesProp':
      // Implication is not associative: parenthesise every compound operand.
      return `${operand(p.left, ATOM)} => ${operand(p.right, ATOM)}`;
    case 'AtomProp':
      return formatAtom(p);
    default:
      return unreachable(p);
  }
}

function operand(p: Prop, context: number): string {
  const text = formatProp(p);
  return strength(p) < context ? `(${text})` : text;
}

function formatAtom(a: AtomProp): string {
  const right = a.right;
  let value: string;
  switch (right.kind) {
    case 'IntValue':
      value = String(right.value);
      break;
    case 'AddressValue':
      value = right.index === undefined ? right.name : `${right.name}[${right.index}]`;
      break;
    case 'RegRef':
    case 'MemRef':
      value = formatLocRef(right);
      break;
    default:
      return unreachable(right);
  }
  const eq = `${formatLocRef(a.left)}=${value}`;
  return a.op === '=' ? eq : `not (${eq})`;
}

export function formatLocRef(loc: LocRef): string {
  switch (loc.kind) {
    case 'RegRef':
      return `${loc.thread}:${loc.reg}`;
    case 'MemRef': {
      const name = loc.index === undefined ? loc.name : `${loc.name}[${loc.index}]`;
      return loc.deref ? `*${name}` : `[${name}]`;
    }
    default:
      return unreachable(loc);
  }
}
