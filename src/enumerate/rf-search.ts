// Enumeration stage (hot path): depth-first choice of a write for every memory read of one
// event structure. Each choice adds its equations (value read = value written, and equal
// addresses when one is still unknown) and is abandoned as soon as the equations contradict,
// coherence is violated, or the caller's early test (the filter) fails.

import type { Value } from '../events';
import { rel } from '../relations';
import type { CoherenceTracker } from './coherence';
import type { Combination } from './combination';
import type { Solver } from './solver';

export interface SearchHooks {
  /** Called after each choice: true abandons the partial reads-from (e.g. the filter is false). */
  reject(): boolean;
  /** A complete reads-from (`rfOf[read]` = write); 'stop' ends the search. */
  leaf(rfOf: Int32Array): 'stop' | undefined;
  /** A read whose address turned out to be an integer (herd stops with an error). */
  badAddress(r: number, v: Value): 'stop';
}

export interface SearchOptions {
  /**
   * Reject two RMWs of different threads reading the same write: with a coherence order they
   * always violate the model's atomicity axiom (LKMM `atomic`: empty rmw & (fre ; coe)).
   */
  readonly atomicity: boolean;
}

/** Writes a read may read from: same or unknown address, not the write of its own RMW. */
export function rfCandidates(comb: Combination, r: number): number[] {
  const re = comb.events[r];
  const lr = comb.knownLoc[r];
  return comb.writes.filter((w) => {
    const we = comb.events[w];
    const lw = comb.knownLoc[w];
    if (lr !== undefined && lw !== undefined && lr !== lw) return false;
    return !(we.thread === re.thread && we.ev.poi === re.ev.poi && rel.has(comb.po, r, w));
  });
}

/** Reads grouped by known address (so coherence cycles show early), unknown addresses last. */
function readOrder(comb: Combination): number[] {
  const key = (r: number) => {
    const loc = comb.knownLoc[r];
    return loc !== undefined ? `0${String(loc)}` : '1';
  };
  return [...comb.reads].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
}

export function searchReadsFrom(
  comb: Combination,
  solver: Solver,
  tracker: CoherenceTracker | undefined,
  options: SearchOptions,
  hooks: SearchHooks,
): 'stop' | undefined {
  const order = readOrder(comb);
  const cands = order.map((r) => rfCandidates(comb, r));
  const rfOf = new Int32Array(comb.size).fill(-1);
  /** For atomicity: per write, the threads of the RMW reads reading it. */
  const rmwReaders: number[][] = comb.events.map(() => []);

  const assign = (r: number, w: number): boolean => {
    const re = comb.events[r].ev;
    const we = comb.events[w].ev;
    if (!solver.equate(re.value!, we.value!)) return false;
    if (
      (comb.knownLoc[r] === undefined || comb.knownLoc[w] === undefined) &&
      !solver.equate(re.loc!, we.loc!)
    ) {
      return false;
    }
    if (tracker && !tracker.assign(r, w, rfOf)) return false;
    return true;
  };

  const go = (k: number): 'stop' | undefined => {
    if (k === order.length) return hooks.leaf(rfOf);
    const r = order[k];
    const at = comb.knownLoc[r] ?? solver.valueOf(comb.events[r].ev.loc!);
    if (typeof at === 'number') return hooks.badAddress(r, at);
    const rmwThread = options.atomicity && comb.rmwPartner[r] >= 0 ? comb.events[r].thread : -1;
    for (const w of cands[k]) {
      if (rmwThread >= 0 && rmwReaders[w].some((t) => t !== rmwThread)) continue;
      const sm = solver.mark();
      const tm = tracker?.mark() ?? 0;
      rfOf[r] = w;
      if (rmwThread >= 0) rmwReaders[w].push(rmwThread);
      const ok = assign(r, w) && !hooks.reject();
      const res = ok ? go(k + 1) : undefined;
      if (rmwThread >= 0) rmwReaders[w].pop();
      rfOf[r] = -1;
      solver.undo(sm);
      tracker?.undo(tm);
      if (res === 'stop') return 'stop';
    }
    return undefined;
  };
  return go(0);
}
