// Relations stage (hot path): sets of events as bitsets over event indices 0..n-1.

export class EventSet {
  constructor(
    /** Size of the universe. */
    readonly n: number,
    /** ceil(n / 32) words; bit i of the set is bit (i & 31) of word (i >>> 5). */
    readonly bits: Uint32Array,
  ) {}
}

export function words(n: number): number {
  return (n + 31) >>> 5;
}

/** Arrays up to this many words are allocated on V8's heap, where allocation is cheap. */
const SMALL = 16;
const CHUNK_BYTES = 1 << 14;
let chunk = new ArrayBuffer(CHUNK_BYTES);
let chunkUsed = 0;

/**
 * A fresh zeroed array of `k` words. Larger arrays are carved out of shared, never reused
 * chunks: V8 gives each `new Uint32Array(k)` above 64 bytes its own off-heap buffer, which
 * costs several times more than a view, and relations of more than 16 events are all that size.
 */
export function zeroWords(k: number): Uint32Array {
  if (k <= SMALL) return new Uint32Array(k);
  const bytes = k * 4;
  if (bytes > CHUNK_BYTES / 4) return new Uint32Array(k);
  if (chunkUsed + bytes > CHUNK_BYTES) {
    chunk = new ArrayBuffer(CHUNK_BYTES);
    chunkUsed = 0;
  }
  const out = new Uint32Array(chunk, chunkUsed, k);
  chunkUsed += bytes;
  return out;
}

export function empty(n: number): EventSet {
  return new EventSet(n, zeroWords(words(n)));
}

export function full(n: number): EventSet {
  const s = empty(n);
  for (let i = 0; i < n; i++) s.bits[i >>> 5] |= 1 << (i & 31);
  return s;
}

export function of(n: number, members: Iterable<number>): EventSet {
  const s = empty(n);
  for (const i of members) s.bits[i >>> 5] |= 1 << (i & 31);
  return s;
}

export function has(s: EventSet, i: number): boolean {
  return (s.bits[i >>> 5] & (1 << (i & 31))) !== 0;
}

/** In place: only for building a fresh set. */
export function add(s: EventSet, i: number): void {
  s.bits[i >>> 5] |= 1 << (i & 31);
}

export function union(a: EventSet, b: EventSet): EventSet {
  const r = zeroWords(a.bits.length);
  for (let k = 0; k < r.length; k++) r[k] = a.bits[k] | b.bits[k];
  return new EventSet(a.n, r);
}

export function inter(a: EventSet, b: EventSet): EventSet {
  const r = zeroWords(a.bits.length);
  for (let k = 0; k < r.length; k++) r[k] = a.bits[k] & b.bits[k];
  return new EventSet(a.n, r);
}

export function diff(a: EventSet, b: EventSet): EventSet {
  const r = zeroWords(a.bits.length);
  for (let k = 0; k < r.length; k++) r[k] = a.bits[k] & ~b.bits[k];
  return new EventSet(a.n, r);
}

/** Complement within the universe 0..n-1. */
export function complement(a: EventSet): EventSet {
  const r = full(a.n);
  for (let k = 0; k < r.bits.length; k++) r.bits[k] &= ~a.bits[k];
  return r;
}

export function isEmpty(a: EventSet): boolean {
  for (let k = 0; k < a.bits.length; k++) if (a.bits[k] !== 0) return false;
  return true;
}

export function equals(a: EventSet, b: EventSet): boolean {
  for (let k = 0; k < a.bits.length; k++) if (a.bits[k] !== b.bits[k]) return false;
  return true;
}

export function subset(a: EventSet, b: EventSet): boolean {
  for (let k = 0; k < a.bits.length; k++) if ((a.bits[k] & ~b.bits[k]) !== 0) return false;
  return true;
}

export function count(a: EventSet): number {
  let c = 0;
  for (let k = 0; k < a.bits.length; k++) c += popcount(a.bits[k]);
  return c;
}

/** Members in increasing order. */
export function members(a: EventSet): number[] {
  const out: number[] = [];
  for (let k = 0; k < a.bits.length; k++) {
    let word = a.bits[k];
    while (word !== 0) {
      const low = word & -word;
      out.push((k << 5) + 31 - Math.clz32(low));
      word ^= low;
    }
  }
  return out;
}

/** Smallest member, or -1. */
export function first(a: EventSet): number {
  for (let k = 0; k < a.bits.length; k++) {
    const word = a.bits[k];
    if (word !== 0) return (k << 5) + 31 - Math.clz32(word & -word);
  }
  return -1;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
