// Enumeration stage (hot path): early rejection of reads-from choices whose coherence
// precursor is cyclic. Per location, the writes that program order and reads-from force into
// an order (cos-opt.cat's `obsco`: ww, rw, wr, rr, plus the initial write first) must stay
// acyclic, or the model's `ConsCo` check rejects every execution built on that choice. Kept
// as one adjacency bitmask per write (locations with at most 32 writes) and checked edge by
// edge, with a trail for undoing choices. The same order decides atomicity early: an RMW
// reading w whose write must come after a write of another thread that comes after w fails
// the model's `atomic` axiom (empty rmw & (fre ; coe)) in every coherence order.
import { rel } from '../relations';
import type { Combination } from './combination';

interface LocationGraph {
  readonly writes: readonly number[];
  /** Successors and predecessors of each write, as bitmasks over slots. */
  readonly adj: Uint32Array;
  readonly radj: Uint32Array;
  readonly count: Int32Array;
  /** Per write, the slots of the writes of other threads (initial write excluded). */
  readonly others: Uint32Array;
  /** RMWs whose read currently reads a write of this location: [source slot, own write slot]. */
  readonly rmws: [number, number][];
}

interface ReadContext {
  readonly graph: LocationGraph;
  /** Slots of the writes po-before / po-after the read, in its thread. */
  readonly writesBefore: readonly number[];
  readonly writesAfter: readonly number[];
  /** Reads of the same location po-before / po-after it, in its thread. */
  readonly readsBefore: readonly number[];
  readonly readsAfter: readonly number[];
}

const MAX_WRITES = 32;

export class CoherenceTracker {
  private readonly graphs: LocationGraph[] = [];
  private readonly slot: Int32Array;
  private readonly graphOf: (LocationGraph | undefined)[];
  private readonly readContext: (ReadContext | undefined)[];
  private readonly trail: number[] = [];
  private readonly trailGraphs: LocationGraph[] = [];

  constructor(
    private readonly comb: Combination,
    /** Also reject RMWs that the model's atomicity axiom rejects in every coherence order. */
    private readonly atomicity: boolean,
  ) {
    const n = comb.size;
    this.slot = new Int32Array(n).fill(-1);
    this.graphOf = new Array(n).fill(undefined);
    this.readContext = new Array(n).fill(undefined);
    const byLoc = new Map<string, number[]>();
    for (const w of comb.writes) {
      const loc = comb.knownLoc[w];
      if (typeof loc !== 'string') continue;
      const ws = byLoc.get(loc) ?? [];
      ws.push(w);
      byLoc.set(loc, ws);
    }
    for (const ws of byLoc.values()) {
      if (ws.length > MAX_WRITES) continue;
      const k = ws.length;
      const others = new Uint32Array(k);
      ws.forEach((a, i) => {
        ws.forEach((b, j) => {
          const tb = comb.events[b].thread;
          if (tb >= 0 && tb !== comb.events[a].thread) others[i] |= 1 << j;
        });
      });
      const g: LocationGraph = {
        writes: ws,
        adj: new Uint32Array(k),
        radj: new Uint32Array(k),
        count: new Int32Array(k * k),
        others,
        rmws: [],
      };
      this.graphs.push(g);
      ws.forEach((w, i) => {
        this.slot[w] = i;
        this.graphOf[w] = g;
      });
      // Initial write first, then writes in program order (never undone).
      ws.forEach((a, i) => {
        ws.forEach((b, j) => {
          const init = comb.events[a].thread < 0 && comb.events[b].thread >= 0;
          if (i !== j && (init || rel.has(comb.po, a, b))) this.link(g, i, j);
        });
      });
    }
    for (const r of comb.reads) {
      const loc = comb.knownLoc[r];
      if (typeof loc !== 'string') continue;
      const g = byLoc.has(loc) ? this.graphOf[byLoc.get(loc)![0]] : undefined;
      if (!g) continue;
      const sameLoc = (e: number) => comb.knownLoc[e] === loc;
      const reads = comb.reads.filter((x) => x !== r && sameLoc(x));
      this.readContext[r] = {
        graph: g,
        writesBefore: g.writes.filter((w) => rel.has(comb.po, w, r)).map((w) => this.slot[w]),
        writesAfter: g.writes.filter((w) => rel.has(comb.po, r, w)).map((w) => this.slot[w]),
        readsBefore: reads.filter((x) => rel.has(comb.po, x, r)),
        readsAfter: reads.filter((x) => rel.has(comb.po, r, x)),
      };
    }
  }

  private link(g: LocationGraph, a: number, b: number): void {
    if (g.count[a * g.writes.length + b]++ === 0) {
      g.adj[a] |= 1 << b;
      g.radj[b] |= 1 << a;
    }
  }

  mark(): number {
    return this.trail.length;
  }

  undo(mark: number): void {
    const t = this.trail;
    while (t.length > mark) {
      const b = t.pop()!;
      const a = t.pop()!;
      const g = this.trailGraphs.pop()!;
      if (a < 0) g.rmws.pop();
      else if (--g.count[a * g.writes.length + b] === 0) {
        g.adj[a] &= ~(1 << b);
        g.radj[b] &= ~(1 << a);
      }
    }
  }

  /** Adds a -> b unless it closes a cycle. */
  private addEdge(g: LocationGraph, a: number, b: number): boolean {
    if (a === b) return false;
    const k = g.writes.length;
    if (g.count[a * k + b] === 0 && reaches(g.adj, b, a)) return false;
    this.link(g, a, b);
    this.trail.push(a, b);
    this.trailGraphs.push(g);
    return true;
  }

  /**
   * Records that read `r` reads from write `w`, given the other reads' choices (`rfOf`, -1 for
   * none yet); false if coherence is already violated.
   */
  assign(r: number, w: number, rfOf: Int32Array): boolean {
    const ctx = this.readContext[r];
    if (!ctx || this.graphOf[w] !== ctx.graph) return true;
    const g = ctx.graph;
    const sw = this.slot[w];
    for (const s of ctx.writesAfter) if (!this.addEdge(g, sw, s)) return false;
    for (const s of ctx.writesBefore) if (s !== sw && !this.addEdge(g, s, sw)) return false;
    for (const x of ctx.readsBefore) {
      const wx = rfOf[x];
      if (wx >= 0 && wx !== w && this.graphOf[wx] === g && !this.addEdge(g, this.slot[wx], sw))
        return false;
    }
    for (const x of ctx.readsAfter) {
      const wx = rfOf[x];
      if (wx >= 0 && wx !== w && this.graphOf[wx] === g && !this.addEdge(g, sw, this.slot[wx]))
        return false;
    }
    if (!this.atomicity) return true;
    const own = this.comb.rmwPartner[r];
    if (own >= 0 && this.graphOf[own] === g) {
      g.rmws.push([sw, this.slot[own]]);
      this.trail.push(-1, -1);
      this.trailGraphs.push(g);
    }
    for (const [src, dst] of g.rmws) {
      if ((closure(g.adj, src) & closure(g.radj, dst) & g.others[dst]) !== 0) return false;
    }
    return true;
  }

  /** Whether `w` may be the last write of its location (no write is forced after it). */
  mayBeLast(w: number): boolean {
    const g = this.graphOf[w];
    return !g || g.adj[this.slot[w]] === 0;
  }
}

/** Slots reachable from `from` in one or more steps. */
function closure(adj: Uint32Array, from: number): number {
  let seen = 0;
  let frontier = adj[from];
  while (frontier !== 0) {
    seen |= frontier;
    let next = 0;
    let f = frontier;
    while (f !== 0) {
      const low = f & -f;
      next |= adj[31 - Math.clz32(low)];
      f ^= low;
    }
    frontier = next & ~seen;
  }
  return seen;
}

/** Whether `to` is reachable from `from` along the adjacency masks. */
function reaches(adj: Uint32Array, from: number, to: number): boolean {
  let seen = 1 << from;
  let frontier = seen;
  while (frontier !== 0) {
    let next = 0;
    let f = frontier;
    while (f !== 0) {
      const low = f & -f;
      next |= adj[31 - Math.clz32(low)];
      f ^= low;
    }
    next &= ~seen;
    if ((next >>> to) & 1) return true;
    seen |= next;
    frontier = next;
  }
  return false;
}
