// Enumeration stage: what the model sees of an event structure once its addresses are known:
// herd's predefined event sets and relations for C (cat-language.md §11), built lazily and
// shared by every candidate with the same structure and addresses (the Execution's
// structureKey), so the interpreter may cache what it derives from them.
import { type EventSet, evset, type Relation, rel } from '../relations';
import type { Combination, UniverseEvent } from './combination';

const EMPTY_SETS = [
  'LS',
  'ACQ',
  'SC',
  'REL',
  'ACQ_REL',
  'RLX',
  'CON',
  'A',
  'NExp',
  'B',
  'BCC',
  'PRED',
  'SPEC',
  'EXEC',
  'SPURIOUS',
  'ADDR',
  'DATA',
  'C',
  'PTE',
  'EX',
];

const KIND_SETS: Record<string, (e: UniverseEvent) => boolean> = {
  M: ({ ev }) => ev.kind === 'R' || ev.kind === 'W',
  R: ({ ev }) => ev.kind === 'R',
  W: ({ ev }) => ev.kind === 'W',
  F: ({ ev }) => ev.kind === 'F',
  IW: ({ thread }) => thread < 0,
  I: ({ thread }) => thread < 0,
  RMW: ({ ev }) => ev.atomic,
  X: ({ ev }) => ev.atomic,
  LK: ({ ev }) => ev.kind === 'LKR' || ev.kind === 'LKW',
  LKR: ({ ev }) => ev.kind === 'LKR',
  LKW: ({ ev }) => ev.kind === 'LKW',
  LF: ({ ev }) => ev.kind === 'LF',
  UL: ({ ev }) => ev.kind === 'UL',
  RL: ({ ev }) => ev.kind === 'RL',
  RU: ({ ev }) => ev.kind === 'RU',
  annot: ({ ev }) => (ev.kind === 'R' || ev.kind === 'W' || ev.kind === 'F') && ev.tags.length > 0,
  Exp: () => true,
  NA: () => true,
};

export class StructureView {
  private readonly sets = new Map<string, EventSet | undefined>();
  private readonly relations = new Map<string, Relation | undefined>();
  private readonly tags = new Map<string, EventSet>();

  constructor(
    readonly comb: Combination,
    /** Per universe event: index of its (resolved) location, -1 if it has none. */
    readonly locOf: Int32Array,
    private readonly locations: readonly string[],
  ) {}

  private readonly writesByName = new Map<string, number[]>();

  locationName(index: number): string {
    return this.locations[index];
  }

  /** Memory writes (initial one included) to the named location. */
  writesAt(name: string): number[] {
    let ws = this.writesByName.get(name);
    if (!ws) {
      const k = this.locations.indexOf(name);
      ws = this.comb.writes.filter((w) => this.locOf[w] === k);
      this.writesByName.set(name, ws);
    }
    return ws;
  }

  get size(): number {
    return this.comb.size;
  }

  set(name: string): EventSet | undefined {
    if (this.sets.has(name)) return this.sets.get(name);
    const pred = KIND_SETS[name];
    const s = pred
      ? this.comb.setOf(pred)
      : EMPTY_SETS.includes(name)
        ? evset.empty(this.size)
        : undefined;
    this.sets.set(name, s);
    return s;
  }

  tagged(tag: string): EventSet {
    let s = this.tags.get(tag);
    if (!s) {
      s = this.comb.setOf(({ ev }) => ev.tags.includes(tag));
      this.tags.set(tag, s);
    }
    return s;
  }

  relation(name: string): Relation | undefined {
    if (this.relations.has(name)) return this.relations.get(name);
    const r = this.build(name);
    this.relations.set(name, r);
    return r;
  }

  private build(name: string): Relation | undefined {
    const n = this.size;
    const c = this.comb;
    switch (name) {
      case 'id':
        return rel.id(n);
      case 'po':
        return c.po;
      case 'addr':
        return rel.ofPairs(n, c.staticPairs.addr);
      case 'data':
        return rel.ofPairs(n, c.staticPairs.data);
      case 'ctrl':
        return rel.ofPairs(n, c.staticPairs.ctrl);
      case 'iico_data':
      case 'iico':
        return rel.ofPairs(n, c.staticPairs.iicoData);
      case 'same-instance':
        return rel.ofPairs(n, c.staticPairs.sameInstance);
      case 'rmw':
      case 'amo':
        return rel.ofPairs(n, c.staticPairs.rmw);
      case 'loc':
        return this.pairsWhere((i, j) => this.locOf[i] >= 0 && this.locOf[i] === this.locOf[j]);
      case 'int':
        return this.pairsWhere(
          (i, j) => c.events[i].thread >= 0 && c.events[i].thread === c.events[j].thread,
        );
      case 'ext':
        return this.pairsWhere((i, j) => c.events[i].thread !== c.events[j].thread);
      default:
        return undefined;
    }
  }

  private pairsWhere(pred: (i: number, j: number) => boolean): Relation {
    const n = this.size;
    const r = rel.empty(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (pred(i, j)) rel.add(r, i, j);
    return r;
  }
}
