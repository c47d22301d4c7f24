// Test support: hand-built candidate executions for the cat interpreter, from a compact
// description (events by name, rf and dependency pairs), with herd's C predefined names.

import type { Execution } from '../../src/interp';
import { type EventSet, evset, type Relation, rel } from '../../src/relations';

export type EventKind = 'IW' | 'R' | 'W' | 'F' | 'LKR' | 'LKW' | 'UL' | 'LF' | 'RL' | 'RU' | 'SRCU';

export interface EventSpec {
  readonly name: string;
  readonly kind: EventKind;
  /** Thread; initial writes have none. */
  readonly thread?: number;
  readonly loc?: string;
  readonly value?: number | string;
  readonly tags?: readonly string[];
  /** Part of an atomic read-modify-write primitive (herd's R* / W*: in RMW and X). */
  readonly atomic?: boolean;
  /** Events of one primitive share an instance name (same-instance). */
  readonly instance?: string;
}

export type Pairs = readonly (readonly [string, string])[];

export interface ExecutionSpec {
  /** Thread events in program order, initial writes anywhere. */
  readonly events: readonly EventSpec[];
  readonly rf?: Pairs;
  readonly addr?: Pairs;
  readonly data?: Pairs;
  readonly ctrl?: Pairs;
  /** Final writes chosen for observed locations. */
  readonly fw?: readonly string[];
  /** Share a key between candidates of one event structure to exercise the cache. */
  readonly structureKey?: object;
}

/** `init(['x', 0], ['y', 0])`: the initial writes. */
export function init(...locs: readonly (readonly [string, number | string])[]): EventSpec[] {
  return locs.map(([loc, value]) => ({ name: `i${loc}`, kind: 'IW', loc, value }));
}

export interface BuiltExecution extends Execution {
  /** Event index by name. */
  readonly ids: ReadonlyMap<string, number>;
  rel(pairs: Pairs): Relation;
  set(name: string): EventSet | undefined;
}

export function buildExecution(spec: ExecutionSpec): BuiltExecution {
  const evs = spec.events;
  const n = evs.length;
  const ids = new Map(evs.map((e, i) => [e.name, i]));
  const id = (name: string): number => {
    const i = ids.get(name);
    if (i === undefined) throw new Error(`unknown event ${name}`);
    return i;
  };
  const pairs = (p: Pairs | undefined) =>
    rel.ofPairs(
      n,
      (p ?? []).map(([a, b]) => [id(a), id(b)] as const),
    );
  const where = (pred: (e: EventSpec) => boolean) =>
    evset.of(
      n,
      evs.flatMap((e, i) => (pred(e) ? [i] : [])),
    );
  const rel2 = (pred: (a: EventSpec, b: EventSpec, i: number, j: number) => boolean): Relation => {
    const r = rel.empty(n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (pred(evs[i], evs[j], i, j)) rel.add(r, i, j);
    return r;
  };
  const isIW = (e: EventSpec) => e.kind === 'IW';
  const locs = [...new Set(evs.flatMap((e) => (e.loc === undefined ? [] : [e.loc])))];
  const memory = (e: EventSpec) => e.kind === 'IW' || e.kind === 'R' || e.kind === 'W';

  const sets: Record<string, EventSet> = {
    M: where(memory),
    R: where((e) => e.kind === 'R'),
    W: where((e) => e.kind === 'W' || isIW(e)),
    IW: where(isIW),
    FW: evset.of(n, (spec.fw ?? []).map(id)),
    F: where((e) => e.kind === 'F'),
    RMW: where((e) => !!e.atomic),
    X: where((e) => !!e.atomic),
    LKR: where((e) => e.kind === 'LKR'),
    LKW: where((e) => e.kind === 'LKW'),
    LK: where((e) => e.kind === 'LKR' || e.kind === 'LKW'),
    UL: where((e) => e.kind === 'UL'),
    LF: where((e) => e.kind === 'LF'),
    RL: where((e) => e.kind === 'RL'),
    RU: where((e) => e.kind === 'RU'),
    Exp: where(memory),
    NExp: evset.empty(n),
    B: evset.empty(n),
    ADDR: evset.empty(n),
  };
  const po = rel2((a, b, i, j) => a.thread !== undefined && a.thread === b.thread && i < j);
  const relations: Record<string, Relation> = {
    id: rel.id(n),
    po,
    loc: rel2((a, b) => a.loc !== undefined && a.loc === b.loc && a.kind !== 'F' && b.kind !== 'F'),
    int: rel2((a, b) => a.thread !== undefined && a.thread === b.thread),
    ext: rel2(
      (a, b) => a.thread !== b.thread && (a.thread !== undefined || b.thread !== undefined),
    ),
    rf: pairs(spec.rf),
    addr: pairs(spec.addr),
    data: pairs(spec.data),
    ctrl: pairs(spec.ctrl),
    'same-instance': rel2(
      (a, b, i, j) => i === j || (a.instance !== undefined && a.instance === b.instance),
    ),
    iico_data: rel.empty(n),
  };
  return {
    size: n,
    ids,
    rel: pairs,
    set: (name) => sets[name],
    relation: (name) => relations[name],
    tagged: (tag) => where((e) => (e.tags ?? []).includes(tag)),
    locationOf: (e) =>
      evs[e].loc === undefined || evs[e].kind === 'F' ? -1 : locs.indexOf(evs[e].loc!),
    valueOf: (e) => evs[e].value,
    structureKey: spec.structureKey ?? {},
  };
}
