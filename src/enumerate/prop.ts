// Enumeration stage: evaluating the condition and the filter on a final state. Three-valued,
// so a filter can reject a partial candidate as soon as the values it tests are known.
import type { LocRef, Prop } from '../litmus/ast';
import { unreachable } from '../litmus/ast';
import type { StateValue } from './result';

/** A location's final value; undefined while it is not known yet. */
export type Lookup = (ref: LocRef) => StateValue | undefined;

export function sameStateValue(a: StateValue, b: StateValue): boolean {
  switch (a.kind) {
    case 'int':
      return b.kind === 'int' && a.value === b.value;
    case 'addr':
    case 'sym':
      return b.kind === a.kind && a.name === b.name;
    default:
      return unreachable(a);
  }
}

/** true / false, or undefined when a location it needs is not known yet. */
export function evalProp(p: Prop, lookup: Lookup): boolean | undefined {
  switch (p.kind) {
    case 'ConstProp':
      return p.value;
    case 'NotProp': {
      const v = evalProp(p.prop, lookup);
      return v === undefined ? undefined : !v;
    }
    case 'AndProp': {
      const l = evalProp(p.left, lookup);
      if (l === false) return false;
      const r = evalProp(p.right, lookup);
      if (r === false) return false;
      return l === true && r === true ? true : undefined;
    }
    case 'OrProp': {
      const l = evalProp(p.left, lookup);
      if (l === true) return true;
      const r = evalProp(p.right, lookup);
      if (r === true) return true;
      return l === false && r === false ? false : undefined;
    }
    case 'ImpliesProp': {
      const l = evalProp(p.left, lookup);
      if (l === false) return true;
      const r = evalProp(p.right, lookup);
      if (r === true) return true;
      return l === true && r === false ? false : undefined;
    }
    case 'AtomProp': {
      const left = lookup(p.left);
      const right =
        p.right.kind === 'IntValue'
          ? ({ kind: 'int', value: p.right.value } as const)
          : p.right.kind === 'AddressValue'
            ? ({ kind: 'addr', name: p.right.name } as const)
            : lookup(p.right);
      if (left === undefined || right === undefined) return undefined;
      const same = sameStateValue(left, right);
      return p.op === '=' ? same : !same;
    }
    default:
      return unreachable(p);
  }
}
