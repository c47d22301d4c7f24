// Report stage: final states as herd7 prints them: `0:r0=1; [x]=1;`, in herd's sort order.
import type { FinalState, StateLoc, StateValue } from '../enumerate/result';
import { unreachable } from '../litmus';

/** `0:r1`, `[x]`, `[a[1]]`: a location's name in a state line (herd 7.58 brackets globals). */
export function formatLoc(loc: StateLoc): string {
  switch (loc.kind) {
    case 'reg':
      return `${loc.thread}:${loc.reg}`;
    case 'mem':
      return loc.index === undefined ? `[${loc.name}]` : `[${loc.name}[${loc.index}]]`;
    default:
      return unreachable(loc);
  }
}

export function formatValue(v: StateValue): string {
  switch (v.kind) {
    case 'int':
      return String(v.value);
    case 'addr':
    case 'sym':
      return v.name;
    default:
      return unreachable(v);
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * herd's location order (measured on the oracle): registers before globals, registers by
 * thread number then by name as a string (`r10` < `r2`), globals by name, elements by index.
 */
export function compareLocs(a: StateLoc, b: StateLoc): number {
  if (a.kind !== b.kind) return a.kind === 'reg' ? -1 : 1;
  if (a.kind === 'reg' && b.kind === 'reg') {
    return a.thread - b.thread || compareStrings(a.reg, b.reg);
  }
  if (a.kind === 'mem' && b.kind === 'mem') {
    return compareStrings(a.name, b.name) || (a.index ?? -1) - (b.index ?? -1);
  }
  return 0;
}

/** herd's value order: undetermined values, then integers (signed), then addresses by name. */
const VALUE_RANK = { sym: 0, int: 1, addr: 2 } as const;

export function compareValues(a: StateValue, b: StateValue): number {
  if (a.kind !== b.kind) return VALUE_RANK[a.kind] - VALUE_RANK[b.kind];
  if (a.kind === 'int' && b.kind === 'int') return a.value - b.value;
  if (a.kind === 'sym' && b.kind === 'sym') return symbolIndex(a.name) - symbolIndex(b.name);
  if (a.kind === 'addr' && b.kind === 'addr') return compareStrings(a.name, b.name);
  return 0;
}

/** herd numbers its symbols: `S8` < `S23`. */
function symbolIndex(name: string): number {
  return Number(/\d+$/.exec(name)?.[0] ?? 0);
}

function sortedValues(state: FinalState): FinalState['values'] {
  return [...state.values].sort((x, y) => compareLocs(x.loc, y.loc));
}

/** herd sorts its set of states lexicographically on the values, in location order. */
export function compareStates(a: FinalState, b: FinalState): number {
  const xs = sortedValues(a);
  const ys = sortedValues(b);
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const c = compareLocs(xs[i].loc, ys[i].loc) || compareValues(xs[i].value, ys[i].value);
    if (c !== 0) return c;
  }
  return xs.length - ys.length;
}

/** A state's `[location, value]` pairs as printed, in herd's location order. */
export function stateEntries(state: FinalState): [string, string][] {
  return sortedValues(state).map(({ loc, value }) => [formatLoc(loc), formatValue(value)]);
}

/** One state line: each item followed by `;`. */
export function formatState(entries: readonly (readonly [string, string])[]): string {
  return entries.map(([loc, value]) => `${loc}=${value};`).join(' ');
}

/** The distinct states of a result in herd's order, as `[location, value]` pairs. */
export function sortedStates(states: readonly FinalState[]): [string, string][][] {
  const out: [string, string][][] = [];
  let last: string | undefined;
  for (const s of [...states].sort(compareStates)) {
    const entries = stateEntries(s);
    const line = formatState(entries);
    if (line !== last) out.push(entries);
    last = line;
  }
  return out;
}

/** The state lines of a result, sorted and without duplicates. */
export function formatStates(states: readonly FinalState[]): string[] {
  return sortedStates(states).map(formatState);
}
