// Enumeration stage: one event structure of the test, i.e. one path per thread plus the
// initial writes, with the event universe the model sees (no register accesses) and every
// relation that does not depend on reads-from. Built once, shared by all its candidates.

import type { Atom, Equation, LoweredEvent, Pair, ThreadPath, Value } from '../events';
import { pathRelations } from '../events';
import { type EventSet, evset, type Relation, rel } from '../relations';

export interface UniverseEvent {
  readonly ev: LoweredEvent;
  /** Index of the thread in the combination, -1 for initial writes. */
  readonly thread: number;
}

export class Combination {
  readonly events: UniverseEvent[] = [];
  readonly size: number;
  /** Universe indices of memory reads and memory writes (initial writes included). */
  readonly reads: number[] = [];
  readonly writes: number[] = [];
  readonly equations: Equation[] = [];
  readonly po: Relation;
  readonly staticPairs: {
    readonly addr: Pair[];
    readonly data: Pair[];
    readonly ctrl: Pair[];
    readonly iicoData: Pair[];
    readonly sameInstance: Pair[];
    readonly rmw: Pair[];
  } = { addr: [], data: [], ctrl: [], iicoData: [], sameInstance: [], rmw: [] };
  /**
   * Per universe event, its address when known before any reads-from choice (register
   * values resolve most: parameters hold their location's address), else undefined.
   */
  readonly knownLoc: (Value | undefined)[] = [];
  /** The RMW write paired with each atomic read (-1 if none). */
  readonly rmwPartner: Int32Array;
  readonly cut: boolean;

  constructor(
    readonly paths: readonly ThreadPath[],
    initWrites: readonly LoweredEvent[],
  ) {
    for (const ev of initWrites) this.events.push({ ev, thread: -1 });
    const poPairs: Pair[] = [];
    paths.forEach((path, t) => {
      const pr = pathRelations(path);
      const base = this.events.length;
      for (const i of pr.visible) this.events.push({ ev: path.events[i], thread: t });
      const shift = (ps: readonly Pair[], out: Pair[]) => {
        for (const [a, b] of ps) out.push([a + base, b + base]);
      };
      shift(pr.po, poPairs);
      shift(pr.addr, this.staticPairs.addr);
      shift(pr.data, this.staticPairs.data);
      shift(pr.ctrl, this.staticPairs.ctrl);
      shift(pr.iicoData, this.staticPairs.iicoData);
      shift(pr.sameInstance, this.staticPairs.sameInstance);
      shift(pr.rmw, this.staticPairs.rmw);
      this.equations.push(...path.regEquations, ...path.equations);
    });
    this.size = this.events.length;
    this.po = rel.ofPairs(this.size, poPairs);
    this.events.forEach(({ ev }, i) => {
      if (ev.kind === 'R') this.reads.push(i);
      else if (ev.kind === 'W') this.writes.push(i);
    });
    this.rmwPartner = new Int32Array(this.size).fill(-1);
    for (const [r, w] of this.staticPairs.rmw) this.rmwPartner[r] = w;
    this.cut = paths.some((p) => p.cut);
  }

  /** Records the addresses the structure's own equations determine. */
  fixLocations(resolve: (a: Atom) => Value | undefined): void {
    this.events.forEach(({ ev }, i) => {
      this.knownLoc[i] = ev.loc === undefined ? undefined : resolve(ev.loc);
    });
  }

  /** Events of one kind, or satisfying a predicate. */
  setOf(pred: (e: UniverseEvent) => boolean): EventSet {
    const s = evset.empty(this.size);
    this.events.forEach((e, i) => {
      if (pred(e)) evset.add(s, i);
    });
    return s;
  }
}
