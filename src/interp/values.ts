// Interpreter stage: cat values and their types (herd's Interpreter.V.v and typ).

import { unreachable } from '../cat';
import { type EventSet, evset, type Relation, rel } from '../relations';
import type { CompiledFun, CompiledProc } from './compiled';
import type { Env } from './env';

export type Value =
  | { readonly kind: 'events'; readonly set: EventSet }
  | { readonly kind: 'rel'; readonly rel: Relation }
  /** `{}`: acts as an empty event set, relation or value set. */
  | { readonly kind: 'empty' }
  /** `_`: acts as E, E x E, or all tags of an enum. */
  | { readonly kind: 'universe' }
  | { readonly kind: 'event'; readonly id: number }
  | { readonly kind: 'pair'; readonly from: number; readonly to: number }
  | { readonly kind: 'tag'; readonly name: string; readonly enumName: string }
  /** A set of non-event values (tags, relations, event sets, sets...), without duplicates. */
  | { readonly kind: 'valset'; readonly elemType: CatType; readonly elems: readonly Value[] }
  | { readonly kind: 'tuple'; readonly elems: readonly Value[] }
  | { readonly kind: 'closure'; readonly fn: CompiledFun; readonly env: Env }
  | { readonly kind: 'prim'; readonly name: string; readonly apply: Primitive }
  | { readonly kind: 'proc'; readonly proc: CompiledProc; readonly env: Env };

type Primitive = (arg: Value, env: Env) => Value;

export type CatType =
  | { readonly kind: 'empty' | 'event' | 'events' | 'pair' | 'rel' | 'closure' | 'proc' }
  | { readonly kind: 'tag'; readonly enumName: string }
  | { readonly kind: 'set'; readonly elem: CatType }
  | { readonly kind: 'tuple'; readonly elems: readonly CatType[] };

export const EMPTY: Value = { kind: 'empty' };
export const UNIVERSE: Value = { kind: 'universe' };

export const events = (set: EventSet): Value => ({ kind: 'events', set });
export const relation = (r: Relation): Value => ({ kind: 'rel', rel: r });

const SIMPLE_TYPES = {
  empty: { kind: 'empty' },
  event: { kind: 'event' },
  events: { kind: 'events' },
  pair: { kind: 'pair' },
  rel: { kind: 'rel' },
  closure: { kind: 'closure' },
  proc: { kind: 'proc' },
} as const;

/** The type of a value; `_` has none (herd discards it before asking). */
export function typeOf(v: Value): CatType {
  switch (v.kind) {
    case 'events':
    case 'rel':
    case 'empty':
    case 'event':
    case 'pair':
      return SIMPLE_TYPES[v.kind];
    case 'universe':
      return SIMPLE_TYPES.empty;
    case 'tag':
      return { kind: 'tag', enumName: v.enumName };
    case 'valset':
      return { kind: 'set', elem: v.elemType };
    case 'tuple':
      return { kind: 'tuple', elems: v.elems.map(typeOf) };
    case 'closure':
    case 'prim':
      return SIMPLE_TYPES.closure;
    case 'proc':
      return SIMPLE_TYPES.proc;
    default:
      return unreachable(v);
  }
}

/** The common type of two values' types, where `{}` fits any set type, or undefined. */
export function unify(a: CatType, b: CatType): CatType | undefined {
  if (
    a.kind === 'empty' &&
    (b.kind === 'set' || b.kind === 'events' || b.kind === 'rel' || b.kind === 'empty')
  )
    return b;
  if (b.kind === 'empty' && (a.kind === 'set' || a.kind === 'events' || a.kind === 'rel')) return a;
  switch (a.kind) {
    case 'tag':
      return b.kind === 'tag' && b.enumName === a.enumName ? a : undefined;
    case 'set': {
      if (b.kind !== 'set') return undefined;
      const elem = unify(a.elem, b.elem);
      return elem && { kind: 'set', elem };
    }
    case 'tuple': {
      if (b.kind !== 'tuple' || b.elems.length !== a.elems.length) return undefined;
      const elems: CatType[] = [];
      for (let i = 0; i < a.elems.length; i++) {
        const t = unify(a.elems[i], b.elems[i]);
        if (!t) return undefined;
        elems.push(t);
      }
      return { kind: 'tuple', elems };
    }
    default:
      return a.kind === b.kind ? a : undefined;
  }
}

/** herd's names for types, as its messages print them. */
export function typeName(t: CatType): string {
  switch (t.kind) {
    case 'empty':
      return '{}';
    case 'tag':
      return t.enumName;
    case 'set':
      return `${typeName(t.elem)} set`;
    case 'tuple':
      return `(${t.elems.map(typeName).join(' * ')})`;
    default:
      return t.kind;
  }
}

export function describe(v: Value): string {
  return v.kind === 'universe' ? 'the universe _' : typeName(typeOf(v));
}

/** Structural equality (herd's ValOrder.compare = 0); `{}` equals every empty set. */
export function equalValues(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a.kind === 'empty') return isEmptyValue(b);
  if (b.kind === 'empty') return isEmptyValue(a);
  switch (a.kind) {
    case 'events':
      return b.kind === 'events' && evset.equals(a.set, b.set);
    case 'rel':
      return b.kind === 'rel' && rel.equals(a.rel, b.rel);
    case 'event':
      return b.kind === 'event' && a.id === b.id;
    case 'pair':
      return b.kind === 'pair' && a.from === b.from && a.to === b.to;
    case 'tag':
      return b.kind === 'tag' && a.name === b.name;
    case 'valset':
      return (
        b.kind === 'valset' &&
        a.elems.length === b.elems.length &&
        a.elems.every((x) => valsetHas(b, x))
      );
    case 'tuple':
      return (
        b.kind === 'tuple' &&
        a.elems.length === b.elems.length &&
        a.elems.every((x, i) => equalValues(x, b.elems[i]))
      );
    case 'closure':
    case 'prim':
    case 'proc':
    case 'universe':
      return false;
    default:
      return unreachable(a);
  }
}

function isEmptyValue(v: Value): boolean {
  switch (v.kind) {
    case 'empty':
      return true;
    case 'events':
      return evset.isEmpty(v.set);
    case 'rel':
      return rel.isEmpty(v.rel);
    case 'valset':
      return v.elems.length === 0;
    default:
      return false;
  }
}

export function valsetHas(s: { readonly elems: readonly Value[] }, v: Value): boolean {
  for (const x of s.elems) if (equalValues(x, v)) return true;
  return false;
}

/**
 * A value set from elements of one (already checked) type, dropping duplicates. Keyed values
 * are deduplicated by key: comparing each element with all others made the unions of models
 * that enumerate coherence orders (cross.cat) quadratic, minutes for one candidate.
 */
export function valset(elemType: CatType, elems: readonly Value[]): Value {
  const out: Value[] = [];
  const seen = new Set<string>();
  for (const v of elems) {
    const key = valueKey(v);
    if (key === undefined ? valsetHas({ elems: out }, v) : seen.has(key)) continue;
    if (key !== undefined) seen.add(key);
    out.push(v);
  }
  return { kind: 'valset', elemType, elems: out };
}

const KEYS = new WeakMap<Value, string>();

/**
 * A string that two values share exactly when equalValues holds (within one set's type), or
 * undefined for values holding functions or `_`, which compare by identity. Values are never
 * mutated, so keys are cached.
 */
function valueKey(v: Value): string | undefined {
  const cached = KEYS.get(v);
  if (cached !== undefined) return cached;
  const key = computeKey(v);
  if (key !== undefined) KEYS.set(v, key);
  return key;
}

function computeKey(v: Value): string | undefined {
  if (isEmptyValue(v)) return '{}';
  switch (v.kind) {
    case 'events':
      return `s${v.set.bits.join(',')}`;
    case 'rel':
      return `r${v.rel.bits.join(',')}`;
    case 'event':
      return `e${v.id}`;
    case 'pair':
      return `p${v.from},${v.to}`;
    case 'tag':
      return `t${JSON.stringify(v.name)}`;
    case 'valset':
    case 'tuple': {
      const keys: string[] = [];
      for (const x of v.elems) {
        const k = valueKey(x);
        if (k === undefined) return undefined;
        keys.push(k);
      }
      return v.kind === 'valset' ? `{${keys.sort().join(';')}}` : `(${keys.join(';')})`;
    }
    default:
      return undefined;
  }
}
