// Relations stage (hot path): binary relations on events as bit matrices, one bitset row per event.
// No per-pair objects: every operation works on whole 32-bit words.
import { EventSet, popcount, words, zeroWords } from './event-set';

export class Relation {
  constructor(
    readonly n: number,
    /** Words per row. */
    readonly w: number,
    /** Row i (successors of i) is bits[i*w .. i*w+w). */
    readonly bits: Uint32Array,
  ) {}
}

export function empty(n: number): Relation {
  const w = words(n);
  return new Relation(n, w, zeroWords(n * w));
}

export function clone(r: Relation): Relation {
  const bits = zeroWords(r.bits.length);
  bits.set(r.bits);
  return new Relation(r.n, r.w, bits);
}

export function has(r: Relation, i: number, j: number): boolean {
  return (r.bits[i * r.w + (j >>> 5)] & (1 << (j & 31))) !== 0;
}

/** In place: only for building a fresh relation. */
export function add(r: Relation, i: number, j: number): void {
  r.bits[i * r.w + (j >>> 5)] |= 1 << (j & 31);
}

export function ofPairs(n: number, pairs: Iterable<readonly [number, number]>): Relation {
  const r = empty(n);
  for (const [i, j] of pairs) add(r, i, j);
  return r;
}

/** Identity on the whole universe. */
export function id(n: number): Relation {
  const r = empty(n);
  for (let i = 0; i < n; i++) add(r, i, i);
  return r;
}

/** `[S]`: identity restricted to S. */
export function idOn(s: EventSet): Relation {
  const r = empty(s.n);
  for (let i = 0; i < s.n; i++) {
    if ((s.bits[i >>> 5] & (1 << (i & 31))) !== 0) add(r, i, i);
  }
  return r;
}

export function full(n: number): Relation {
  const r = empty(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) add(r, i, j);
  return r;
}

/** `A * B` */
export function cartesian(a: EventSet, b: EventSet): Relation {
  const r = empty(a.n);
  const w = r.w;
  for (let i = 0; i < a.n; i++) {
    if ((a.bits[i >>> 5] & (1 << (i & 31))) === 0) continue;
    for (let k = 0; k < w; k++) r.bits[i * w + k] = b.bits[k];
  }
  return r;
}

export function unionInto(dst: Relation, src: Relation): void {
  const d = dst.bits;
  const s = src.bits;
  for (let k = 0; k < d.length; k++) d[k] |= s[k];
}

export function union(a: Relation, b: Relation): Relation {
  const r = clone(a);
  unionInto(r, b);
  return r;
}

export function inter(a: Relation, b: Relation): Relation {
  const out = zeroWords(a.bits.length);
  for (let k = 0; k < out.length; k++) out[k] = a.bits[k] & b.bits[k];
  return new Relation(a.n, a.w, out);
}

export function diff(a: Relation, b: Relation): Relation {
  const out = zeroWords(a.bits.length);
  for (let k = 0; k < out.length; k++) out[k] = a.bits[k] & ~b.bits[k];
  return new Relation(a.n, a.w, out);
}

/** Complement within E x E. */
export function complement(a: Relation): Relation {
  const r = full(a.n);
  for (let k = 0; k < r.bits.length; k++) r.bits[k] &= ~a.bits[k];
  return r;
}

export function inverse(a: Relation): Relation {
  const r = empty(a.n);
  const { n, w, bits } = a;
  for (let i = 0; i < n; i++) {
    const base = i * w;
    for (let k = 0; k < w; k++) {
      let word = bits[base + k];
      while (word !== 0) {
        const low = word & -word;
        const j = (k << 5) + 31 - Math.clz32(low);
        r.bits[j * w + (i >>> 5)] |= 1 << (i & 31);
        word ^= low;
      }
    }
  }
  return r;
}

/** `a ; b` */
export function seq(a: Relation, b: Relation): Relation {
  const r = empty(a.n);
  const { n, w } = a;
  const ab = a.bits;
  const bb = b.bits;
  const rb = r.bits;
  if (w === 1) {
    // Up to 32 events, the common case: one word per row.
    for (let i = 0; i < n; i++) {
      let word = ab[i];
      let row = 0;
      while (word !== 0) {
        const low = word & -word;
        row |= bb[31 - Math.clz32(low)];
        word ^= low;
      }
      rb[i] = row;
    }
    return r;
  }
  for (let i = 0; i < n; i++) {
    const base = i * w;
    for (let k = 0; k < w; k++) {
      let word = ab[base + k];
      while (word !== 0) {
        const low = word & -word;
        const j = (k << 5) + 31 - Math.clz32(low);
        const jb = j * w;
        for (let t = 0; t < w; t++) rb[base + t] |= bb[jb + t];
        word ^= low;
      }
    }
  }
  return r;
}

/** `[S] ; r` without building [S]. */
export function restrictDomain(r: Relation, s: EventSet): Relation {
  const out = zeroWords(r.bits.length);
  const { w, bits } = r;
  for (let i = 0; i < r.n; i++) {
    if ((s.bits[i >>> 5] & (1 << (i & 31))) === 0) continue;
    // A word loop: subarray() would allocate a view per row.
    for (let k = i * w; k < i * w + w; k++) out[k] = bits[k];
  }
  return new Relation(r.n, w, out);
}

/** `r ; [S]` without building [S]. */
export function restrictRange(r: Relation, s: EventSet): Relation {
  const out = zeroWords(r.bits.length);
  const w = r.w;
  for (let i = 0; i < r.n; i++) {
    const base = i * w;
    for (let k = 0; k < w; k++) out[base + k] = r.bits[base + k] & s.bits[k];
  }
  return new Relation(r.n, w, out);
}

/** Transitive closure `r+` (Warshall on bit rows). */
export function plus(a: Relation): Relation {
  const r = clone(a);
  closeInPlace(r);
  return r;
}

function closeInPlace(r: Relation): void {
  const { n, w, bits } = r;
  if (w === 1) {
    for (let k = 0; k < n; k++) {
      const row = bits[k];
      if (row === 0) continue;
      const kb = 1 << k;
      for (let i = 0; i < n; i++) if ((bits[i] & kb) !== 0) bits[i] |= row;
    }
    return;
  }
  for (let k = 0; k < n; k++) {
    const kw = k >>> 5;
    const kb = 1 << (k & 31);
    const kbase = k * w;
    // An event without successors adds nothing to its predecessors' rows.
    let out = 0;
    for (let t = 0; t < w; t++) out |= bits[kbase + t];
    if (out === 0) continue;
    for (let i = 0; i < n; i++) {
      const ibase = i * w;
      if ((bits[ibase + kw] & kb) === 0) continue;
      for (let t = 0; t < w; t++) bits[ibase + t] |= bits[kbase + t];
    }
  }
}

/** Reflexive-transitive closure `r*` (identity on the whole universe included). */
export function star(a: Relation): Relation {
  const r = plus(a);
  for (let i = 0; i < r.n; i++) add(r, i, i);
  return r;
}

/** `r?` */
export function opt(a: Relation): Relation {
  const r = clone(a);
  for (let i = 0; i < r.n; i++) add(r, i, i);
  return r;
}

export function domain(a: Relation): EventSet {
  const s = zeroWords(words(a.n));
  for (let i = 0; i < a.n; i++) {
    const base = i * a.w;
    for (let k = 0; k < a.w; k++) {
      if (a.bits[base + k] !== 0) {
        s[i >>> 5] |= 1 << (i & 31);
        break;
      }
    }
  }
  return new EventSet(a.n, s);
}

export function range(a: Relation): EventSet {
  const s = zeroWords(a.w);
  for (let i = 0; i < a.n; i++) {
    const base = i * a.w;
    for (let k = 0; k < a.w; k++) s[k] |= a.bits[base + k];
  }
  return new EventSet(a.n, s);
}

/** Successors of i, as a view on the row (do not mutate). */
export function row(a: Relation, i: number): EventSet {
  return new EventSet(a.n, a.bits.subarray(i * a.w, i * a.w + a.w));
}

export function isEmpty(a: Relation): boolean {
  const b = a.bits;
  for (let k = 0; k < b.length; k++) if (b[k] !== 0) return false;
  return true;
}

export function equals(a: Relation, b: Relation): boolean {
  for (let k = 0; k < a.bits.length; k++) if (a.bits[k] !== b.bits[k]) return false;
  return true;
}

export function subset(a: Relation, b: Relation): boolean {
  for (let k = 0; k < a.bits.length; k++) if ((a.bits[k] & ~b.bits[k]) !== 0) return false;
  return true;
}

export function count(a: Relation): number {
  let c = 0;
  for (let k = 0; k < a.bits.length; k++) c += popcount(a.bits[k]);
  return c;
}

export function isIrreflexive(a: Relation): boolean {
  for (let i = 0; i < a.n; i++) if (has(a, i, i)) return false;
  return true;
}

/** Acyclicity by repeatedly removing events with no remaining predecessor (Kahn). */
export function isAcyclic(a: Relation): boolean {
  const { n, w, bits } = a;
  if (w === 1) return isAcyclicSmall(n, bits);
  const indeg = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * w;
    for (let k = 0; k < w; k++) {
      let word = bits[base + k];
      while (word !== 0) {
        const low = word & -word;
        indeg[(k << 5) + 31 - Math.clz32(low)]++;
        word ^= low;
      }
    }
  }
  const stack: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) stack.push(i);
  let removed = 0;
  while (stack.length > 0) {
    const i = stack.pop()!;
    removed++;
    const base = i * w;
    for (let k = 0; k < w; k++) {
      let word = bits[base + k];
      while (word !== 0) {
        const low = word & -word;
        const j = (k << 5) + 31 - Math.clz32(low);
        if (--indeg[j] === 0) stack.push(j);
        word ^= low;
      }
    }
  }
  return removed === n;
}

/** Up to 32 events: peel off the events no remaining event points to, a word at a time. */
function isAcyclicSmall(n: number, bits: Uint32Array): boolean {
  let remaining = n === 32 ? -1 : (1 << n) - 1;
  while (remaining !== 0) {
    let targets = 0;
    for (let rest = remaining; rest !== 0; rest &= rest - 1) {
      targets |= bits[31 - Math.clz32(rest & -rest)];
    }
    const sources = remaining & ~targets;
    if (sources === 0) return false;
    remaining &= ~sources;
  }
  return true;
}

/** All pairs, row by row, in increasing order. */
export function pairs(a: Relation): [number, number][] {
  const out: [number, number][] = [];
  const { n, w, bits } = a;
  for (let i = 0; i < n; i++) {
    const base = i * w;
    for (let k = 0; k < w; k++) {
      let word = bits[base + k];
      while (word !== 0) {
        const low = word & -word;
        out.push([i, (k << 5) + 31 - Math.clz32(low)]);
        word ^= low;
      }
    }
  }
  return out;
}
