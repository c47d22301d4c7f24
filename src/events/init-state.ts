// Events stage: the initial state of a test. Every memory location the test can reach gets an
// initial write, as herd creates them: locations initialised or pointed to by the init
// section, thread parameters, and locations of the final condition, `locations` and `filter`.
import type { InitValue, LitmusTest, LocRef, Prop } from '../litmus/ast';
import { unreachable } from '../litmus/ast';
import type { Diagnostic } from '../source';
import { error } from '../source';
import type { Value } from './values';

export interface InitState {
  /** Memory locations, sorted by name. */
  readonly locations: readonly string[];
  readonly memory: ReadonlyMap<string, Value>;
  /** Per thread: its registers' initial values (parameters hold their location's address). */
  readonly registers: readonly ReadonlyMap<string, Value>[];
}

function initValue(v: InitValue | undefined, diagnostics: Diagnostic[]): Value {
  if (v === undefined) return 0;
  switch (v.kind) {
    case 'IntValue':
      return v.value;
    case 'AddressValue':
      return v.name;
    case 'ArrayValue':
      diagnostics.push(error('events/unsupported', 'arrays are not supported', v.span));
      return 0;
    default:
      return unreachable(v);
  }
}

export function initialState(test: LitmusTest, diagnostics: Diagnostic[]): InitState {
  const locations = new Set<string>();
  const memory = new Map<string, Value>();
  const registers = test.threads.map(() => new Map<string, Value>());
  test.threads.forEach((t, i) => {
    for (const p of t.params) {
      locations.add(p.name);
      registers[i].set(p.name, p.name);
    }
  });
  for (const item of test.init) {
    const v = initValue(item.value, diagnostics);
    if (typeof v === 'string') locations.add(v);
    const target = item.target;
    if (target.kind === 'RegRef') {
      const regs = registers[test.threads.findIndex((t) => t.index === target.thread)];
      regs?.set(target.reg, v);
    } else {
      locations.add(target.name);
      memory.set(target.name, v);
    }
  }
  for (const ref of observedRefs(test)) {
    if (ref.kind === 'MemRef') locations.add(ref.name);
  }
  for (const loc of locations) if (!memory.has(loc)) memory.set(loc, 0);
  return { locations: [...locations].sort(), memory, registers };
}

/** Locations of the condition, `locations [...]` and `filter`: herd's observed locations. */
export function observedRefs(test: LitmusTest): LocRef[] {
  const out: LocRef[] = [...test.locations];
  if (test.filter) propRefs(test.filter, out);
  if (test.condition) propRefs(test.condition.prop, out);
  return out;
}

/** Locations printed in final states: the condition's and `locations [...]`. */
export function displayedRefs(test: LitmusTest): LocRef[] {
  const out: LocRef[] = [...test.locations];
  if (test.condition) propRefs(test.condition.prop, out);
  return out;
}

function propRefs(p: Prop, out: LocRef[]): void {
  switch (p.kind) {
    case 'ConstProp':
      return;
    case 'NotProp':
      propRefs(p.prop, out);
      return;
    case 'AndProp':
    case 'OrProp':
    case 'ImpliesProp':
      propRefs(p.left, out);
      propRefs(p.right, out);
      return;
    case 'AtomProp':
      out.push(p.left);
      if (p.right.kind === 'RegRef' || p.right.kind === 'MemRef') out.push(p.right);
      return;
    default:
      unreachable(p);
  }
}
