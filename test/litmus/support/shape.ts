// Litmus test support: fully parenthesised renderings of expressions and propositions, so that
// tests can state how operators were grouped.
import {
  type Expr,
  type InitItem,
  type LocRef,
  type Prop,
  printExpr,
  printProp,
  unreachable,
} from '../../../src/litmus';

export function exprShape(e: Expr): string {
  switch (e.kind) {
    case 'BinaryExpr':
      return `(${e.op} ${exprShape(e.left)} ${exprShape(e.right)})`;
    case 'UnaryExpr':
      return `(${e.op} ${exprShape(e.operand)})`;
    case 'DerefExpr':
      return `(* ${exprShape(e.address)})`;
    case 'CastExpr':
      return `(cast ${e.type} ${exprShape(e.expr)})`;
    case 'IntExpr':
    case 'RegExpr':
    case 'CallExpr':
      return printExpr(e);
    default:
      return unreachable(e);
  }
}

export function propShape(p: Prop): string {
  switch (p.kind) {
    case 'OrProp':
      return `(\\/ ${propShape(p.left)} ${propShape(p.right)})`;
    case 'AndProp':
      return `(/\\ ${propShape(p.left)} ${propShape(p.right)})`;
    case 'ImpliesProp':
      return `(=> ${propShape(p.left)} ${propShape(p.right)})`;
    case 'NotProp':
      return `(~ ${propShape(p.prop)})`;
    case 'ConstProp':
    case 'AtomProp':
      return printProp(p);
    default:
      return unreachable(p);
  }
}

function locShape(l: LocRef): string {
  if (l.kind === 'RegRef') return `reg ${l.thread}:${l.reg}`;
  return `mem ${l.name}${l.index === undefined ? '' : `[${l.index}]`}${l.deref ? ' deref' : ''}`;
}

/** `type | target | value`, e.g. `int* | mem p | &x`. */
export function initShape(i: InitItem): string {
  const v = i.value;
  const value =
    v === undefined
      ? '-'
      : v.kind === 'IntValue'
        ? String(v.value)
        : v.kind === 'AddressValue'
          ? `&${v.name}${v.index === undefined ? '' : `[${v.index}]`}`
          : `[${v.size}]{${v.elements.map((e) => e.value).join(',')}}`;
  return `${i.type ?? '-'} | ${locShape(i.target)} | ${value}`;
}
