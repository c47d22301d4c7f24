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
 * A value set from elements of one (already checked) type, dropping duplicates. Values are
 * bucketed by hash and compared only within a bucket: comparing each element with all others
 * made the unions of models that enumerate coherence orders (cross.cat) quadratic.
 */
export function valset(elemType: CatType, elems: readonly Value[]): Value {
  const out: Value[] = [];
  const buckets = new Map<number, Value[]>();
  for (const v of elems) {
    const h = valueHash(v);
    if (h === undefined) {
      if (!valsetHas({ elems: out }, v)) out.push(v);
      continue;
    }
    const bucket = buckets.get(h);
    if (!bucket) buckets.set(h, [v]);
    else if (bucket.some((x) => equalValues(x, v))) continue;
    else bucket.push(v);
    out.push(v);
  }
  return { kind: 'valset', elemType, elems: out };
}

/** `a ++ s` for a set s without duplicates: one membership test, no re-deduplication. */
export function valsetWith(elemType: CatType, a: Value, s: { readonly elems: readonly Value[] }) {
  const elems = valsetHas(s, a) ? s.elems : [a, ...s.elems];
  return { kind: 'valset', elemType, elems } as const;
}

const HASHES = new WeakMap<Value, number>();

/**
 * A 32-bit hash that equal values share (equalValues), or undefined for values holding
 * functions or `_`, which compare by identity. Values are never mutated, so hashes are cached.
 */
function valueHash(v: Value): number | undefined {
  const cached = HASHES.get(v);
  if (cached !== undefined) return cached;
  const h = computeHash(v);
  if (h !== undefined) HASHES.set(v, h);
  return h;
}

/** FNV-1a over 32-bit words. */
function hashWords(seed: number, words: Uint32Array): number {
  let h = seed;
  for (let k = 0; k < words.length; k++) h = Math.imul(h ^ words[k], 16777619);
  return h >>> 0;
}

function hashString(seed: number, text: string): number {
  let h = seed;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  return h >>> 0;
}

const FNV = 2166136261;

function computeHash(v: Value): number | undefined {
  if (isEmptyValue(v)) return 0;
  switch (v.kind) {
    case 'events':
      return hashWords(FNV ^ 1, v.set.bits);
    case 'rel':
      return hashWords(FNV ^ 2, v.rel.bits);
    case 'event':
      return Math.imul(FNV ^ 3, v.id + 1) >>> 0;
    case 'pair':
      return Math.imul(Math.imul(FNV ^ 4, v.from + 1) ^ v.to, 16777619) >>> 0;
    case 'tag':
      return hashString(FNV ^ 5, v.name);
    case 'valset':
    case 'tuple': {
      // Sets hash their elements in any order (a sum); tuples in order.
      let h = v.kind === 'valset' ? 0 : FNV ^ 6;
      for (const x of v.elems) {
        const k = valueHash(x);
        if (k === undefined) return undefined;
        h = v.kind === 'valset' ? (h + k) | 0 : Math.imul(h ^ k, 16777619);
      }
      return h >>> 0;
    }
    default:
      return undefined;
  }
}
