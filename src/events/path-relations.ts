// Events stage: the relations one thread path contributes to every execution it is part of:
// program order, dependencies computed from register data flow as herd does, intra-instruction
// causality and same-instance. Computed once per path, over the path's own event indices.
import { type EventSet, evset, type Relation, rel } from '../relations';
import type { EventKind, LoweredEvent, Pair, ThreadPath } from './structure';

export interface PathRelations {
  /** Path-local indices of the events the model sees (all but register accesses). */
  readonly visible: readonly number[];
  /** Relations over `visible` positions (0..visible.length-1). */
  readonly po: readonly Pair[];
  readonly addr: readonly Pair[];
  readonly data: readonly Pair[];
  readonly ctrl: readonly Pair[];
  readonly iicoData: readonly Pair[];
  readonly sameInstance: readonly Pair[];
  /** herd's atomic load/store pairs: the read and write halves of one RMW instruction. */
  readonly rmw: readonly Pair[];
}

const RELEVANT: ReadonlySet<EventKind> = new Set([
  'R',
  'W',
  'F',
  'LKR',
  'LKW',
  'UL',
  'LF',
  'RL',
  'RU',
]);
const MEM_LOAD_TOTAL: ReadonlySet<EventKind> = new Set(['R', 'LF', 'RL', 'RU']);
const LOAD_TOTAL: ReadonlySet<EventKind> = new Set(['R', 'RegR', 'LF', 'RL', 'RU']);
const ADDITIONAL_MEM: ReadonlySet<EventKind> = new Set(['LKR', 'LKW', 'UL', 'LF', 'RL', 'RU']);

const cache = new WeakMap<ThreadPath, PathRelations>();

export function pathRelations(path: ThreadPath): PathRelations {
  let r = cache.get(path);
  if (!r) {
    r = computePathRelations(path);
    cache.set(path, r);
  }
  return r;
}

function setOf(
  events: readonly LoweredEvent[],
  pred: (e: LoweredEvent, i: number) => boolean,
): EventSet {
  const s = evset.empty(events.length);
  events.forEach((e, i) => {
    if (pred(e, i)) evset.add(s, i);
  });
  return s;
}

function relOf(n: number, pairs: readonly Pair[]): Relation {
  return rel.ofPairs(n, pairs);
}

function restrict(r: Relation, dom: EventSet, ran: EventSet): Relation {
  return rel.restrictRange(rel.restrictDomain(r, dom), ran);
}

function computePathRelations(path: ThreadPath): PathRelations {
  const evs = path.events;
  const n = evs.length;
  const kind = (k: ReadonlySet<EventKind>) => setOf(evs, (e) => k.has(e.kind));
  const relevant = kind(RELEVANT);
  const irrelevant = evset.complement(relevant);
  const memLoadTotal = kind(MEM_LOAD_TOTAL);
  const loadTotal = kind(LOAD_TOTAL);
  const memStore = setOf(evs, (e) => e.kind === 'W');
  const memLoad = setOf(evs, (e) => e.kind === 'R');
  const additional = kind(ADDITIONAL_MEM);
  const ports = evset.of(n, path.dataPorts);

  const iicoData = relOf(n, path.iicoData);
  const iicoCtrl = relOf(n, path.iicoCtrl);
  const control = relOf(n, path.control);
  const rmw = atomicPairs(path);

  // Data flow out of a read: through registers (register rf and iico among non-memory
  // events), or straight into the next access (herd since its "Fix dependency definition":
  // `WRITE_ONCE(*x, READ_ONCE(*y))` carries a data dependency).
  const ddInside = rel.plus(
    rel.union(relOf(n, path.regRf), restrict(iicoData, irrelevant, irrelevant)),
  );
  const ddPre = rel.union(
    rel.idOn(memLoadTotal),
    rel.seq(
      rel.union(rel.restrictDomain(iicoCtrl, memStore), rel.restrictDomain(iicoData, memLoadTotal)),
      ddInside,
    ),
  );
  const lastData = restrict(iicoData, ports, memStore);
  const data = rel.union(rel.seq(ddPre, lastData), rel.inter(relOf(n, rmw), iicoData));
  const lastAddr = rel.union(
    rel.union(
      rel.restrictRange(iicoData, memLoad),
      restrict(iicoData, evset.complement(ports), memStore),
    ),
    rel.restrictRange(iicoData, additional),
  );
  const addr = rel.seq(ddPre, lastAddr);
  const control3 = restrict(control, loadTotal, relevant);
  const dd = rel.union(rel.union(ddPre, addr), data);
  const ctrl = restrict(
    rel.union(rel.seq(dd, control3), control3),
    evset.union(memLoadTotal, memStore),
    relevant,
  );

  const poStrict = rel.empty(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (evs[i].poi < evs[j].poi) rel.add(poStrict, i, j);
  }
  const po = rel.union(rel.plus(rel.union(iicoData, iicoCtrl)), poStrict);

  const visible = evs.flatMap((e, i) => (e.kind === 'RegR' || e.kind === 'RegW' ? [] : [i]));
  const pos = new Map<number, number>();
  visible.forEach((v, k) => {
    pos.set(v, k);
  });
  const project = (r: Relation): Pair[] =>
    rel
      .pairs(r)
      .flatMap(([a, b]) => (pos.has(a) && pos.has(b) ? [[pos.get(a)!, pos.get(b)!] as Pair] : []));
  const sameInstance: Pair[] = [];
  for (const a of visible) {
    for (const b of visible)
      if (evs[a].poi === evs[b].poi) sameInstance.push([pos.get(a)!, pos.get(b)!]);
  }
  return {
    visible,
    po: project(po),
    addr: project(addr),
    data: project(
      rel.restrictRange(
        data,
        setOf(evs, (e) => e.kind === 'R' || e.kind === 'W'),
      ),
    ),
    ctrl: project(ctrl),
    iicoData: project(iicoData),
    sameInstance,
    rmw: rmw.map(([a, b]) => [pos.get(a)!, pos.get(b)!] as Pair),
  };
}

/**
 * herd's atomic load/store pairs for C: the read half of an RMW instruction and the write
 * half of the same instruction at the same address.
 */
function atomicPairs(path: ThreadPath): Pair[] {
  const evs = path.events;
  const out: Pair[] = [];
  evs.forEach((r, i) => {
    if (r.kind !== 'R' || !r.atomic) return;
    evs.forEach((w, j) => {
      if (w.kind === 'W' && w.atomic && w.poi === r.poi && w.loc === r.loc) out.push([i, j]);
    });
  });
  return out;
}
