// Events stage: composing event-structure fragments the way herd's C semantics does. A
// computation yields a list of alternatives (one per choice of a branch, trylock outcome...),
// each with a result, the equations it adds and a fragment of events with their
// intra-instruction causality. The order of alternatives and of fresh unknowns follows herd's
// evaluation order so that unknowns left in final states get herd's names (S8, S23...).
import type { Span } from '../source';
import type { Equation, EventKind, LoweredEvent, Pair } from './structure';
import type { Atom, Var } from './values';
import { isVar } from './values';

/** A set of events and the intra-instruction relations among them (herd's event_structure). */
export interface Frag {
  readonly events: readonly number[];
  readonly data: readonly Pair[];
  readonly ctrl: readonly Pair[];
  readonly control: readonly Pair[];
  readonly ports: readonly number[];
  /** Events whose value is the result; undefined: the data-maximal events. */
  readonly output?: readonly number[];
}

export interface Alt<T> {
  readonly value: T;
  readonly eqs: readonly Equation[];
  readonly frag: Frag;
  readonly cut: boolean;
}

/** Counters shared by the whole test, as herd's event ids and symbols are. */
export class LowerCtx {
  private nextVar = 0;
  readonly events: LoweredEvent[] = [];

  /** Called at every event and composition: it may throw to stop a test past its limits. */
  constructor(readonly poll?: () => void) {}

  freshVar(): Var {
    return { id: this.nextVar++ };
  }

  get varCount(): number {
    return this.nextVar;
  }

  addEvent(e: Omit<LoweredEvent, 'eiid'>): number {
    this.poll?.();
    const eiid = this.events.length;
    this.events.push({ ...e, eiid });
    return eiid;
  }
}

export type M<T> = (ctx: LowerCtx) => Alt<T>[];

const EMPTY: Frag = { events: [], data: [], ctrl: [], control: [], ports: [] };

export function unit<T>(value: T): M<T> {
  return () => [{ value, eqs: [], frag: EMPTY, cut: false }];
}

/** An alternative producing nothing (a computation cut by the unrolling bound). */
export function cutOff<T>(value: T): M<T> {
  return () => [{ value, eqs: [], frag: EMPTY, cut: true }];
}

/** A fresh unknown defined by an equation (an operation on values not known yet). */
export function unknown(define: (v: Var) => Equation): M<Atom> {
  return (ctx) => {
    const v = ctx.freshVar();
    return [{ value: v, eqs: [define(v)], frag: EMPTY, cut: false }];
  };
}

/** A constraint and no event (herd's `assign`). */
export function constrain(eq: Equation): M<undefined> {
  return () => [{ value: undefined, eqs: [eq], frag: EMPTY, cut: false }];
}

export interface Instr {
  readonly thread: number;
  readonly poi: number;
  readonly span: Span;
}

export interface EventSpec {
  readonly kind: EventKind;
  readonly loc?: Atom;
  readonly reg?: string;
  readonly value?: Atom;
  readonly atomic?: boolean;
  readonly tags?: readonly string[];
}

/** One event; `isData` marks it as feeding the data of a store (herd's data port). */
export function event(ii: Instr, spec: EventSpec, isData = false): M<undefined> {
  return (ctx) => {
    const id = ctx.addEvent(eventRecord(ii, spec));
    return [{ value: undefined, eqs: [], frag: single(id, isData), cut: false }];
  };
}

/** A read: a fresh unknown for its value, then the event (herd's read_loc). */
export function read(ii: Instr, spec: Omit<EventSpec, 'value'>, isData: boolean): M<Atom> {
  return (ctx) => {
    const value = ctx.freshVar();
    const id = ctx.addEvent(eventRecord(ii, { ...spec, value }));
    return [{ value, eqs: [], frag: single(id, isData), cut: false }];
  };
}

function eventRecord(ii: Instr, spec: EventSpec): Omit<LoweredEvent, 'eiid'> {
  return {
    kind: spec.kind,
    thread: ii.thread,
    poi: ii.poi,
    loc: spec.loc,
    reg: spec.reg,
    value: spec.value,
    atomic: spec.atomic ?? false,
    tags: spec.tags ?? [],
    span: ii.span,
  };
}

function single(id: number, isData: boolean): Frag {
  return { events: [id], data: [], ctrl: [], control: [], ports: isData ? [id] : [] };
}

// ---------- fragment algebra ----------

function hasNo(pairs: readonly Pair[], side: 0 | 1, e: number): boolean {
  for (const p of pairs) if (p[side] === e) return false;
  return true;
}

function minimalsData(f: Frag): number[] {
  return f.events.filter((e) => hasNo(f.data, 1, e));
}

function maximalsData(f: Frag): number[] {
  return f.events.filter((e) => hasNo(f.data, 0, e));
}

function minimals(f: Frag): number[] {
  return f.events.filter((e) => hasNo(f.data, 1, e) && hasNo(f.ctrl, 1, e));
}

function maximals(f: Frag): number[] {
  return f.events.filter((e) => hasNo(f.data, 0, e) && hasNo(f.ctrl, 0, e));
}

function outputOf(f: Frag): readonly number[] {
  return f.output ?? maximalsData(f);
}

function cross(xs: readonly number[], ys: readonly number[]): Pair[] {
  const out: Pair[] = [];
  for (const x of xs) for (const y of ys) if (x !== y) out.push([x, y]);
  return out;
}

function unionOutput(f1: Frag, f2: Frag): readonly number[] | undefined {
  if (f1.output === undefined && f2.output === undefined) return undefined;
  return [...(f1.output ?? maximalsData(f1)), ...(f2.output ?? maximalsData(f2))];
}

function merge(
  fs: readonly Frag[],
  extra: Partial<Frag>,
  output: readonly number[] | undefined,
): Frag {
  return {
    events: fs.flatMap((f) => f.events),
    data: [...fs.flatMap((f) => f.data), ...(extra.data ?? [])],
    ctrl: [...fs.flatMap((f) => f.ctrl), ...(extra.ctrl ?? [])],
    control: [...fs.flatMap((f) => f.control), ...(extra.control ?? [])],
    ports: fs.flatMap((f) => f.ports),
    output,
  };
}

function para(f1: Frag, f2: Frag): Frag {
  return merge([f1, f2], {}, unionOutput(f1, f2));
}

function dataComp(keepFirstOutput: boolean) {
  return (f1: Frag, f2: Frag): Frag =>
    merge(
      [f1, f2],
      { data: cross(outputOf(f1), minimalsData(f2)) },
      keepFirstOutput ? outputOf(f1) : f2.output,
    );
}

function ctrlComp(f1: Frag, f2: Frag): Frag {
  return merge([f1, f2], { ctrl: cross(maximals(f1), minimals(f2)) }, unionOutput(f1, f2));
}

function condComp(f1: Frag, f2: Frag): Frag {
  return merge([f1, f2], { control: cross(f1.events, f2.events) }, unionOutput(f1, f2));
}

// ---------- sequencing ----------

/**
 * Runs `m`, then `f` once per alternative of `m` (herd re-runs the continuation for each, so
 * fresh unknowns are allocated again), combining fragments with `comb`. Like herd, the result
 * lists alternatives in the reverse of the order they were produced.
 */
function bindWith<A, B>(m: M<A>, f: (a: A) => M<B>, comb: (f1: Frag, f2: Frag) => Frag): M<B> {
  return (ctx) => {
    const out: Alt<B>[] = [];
    for (const a of m(ctx)) {
      for (const b of f(a.value)(ctx)) {
        ctx.poll?.();
        out.push({
          value: b.value,
          eqs: [...b.eqs, ...a.eqs],
          frag: comb(a.frag, b.frag),
          cut: a.cut || b.cut,
        });
      }
    }
    return out.reverse();
  };
}

/** Sequence with data flow from the first's result to the second (herd's `>>=`). */
export function bindData<A, B>(m: M<A>, f: (a: A) => M<B>): M<B> {
  return bindWith(m, f, dataComp(false));
}

/** Same, keeping the first part's output as the result's output (herd's `>>==`). */
export function bindDataKeepOutput<A, B>(m: M<A>, f: (a: A) => M<B>): M<B> {
  return bindWith(m, f, dataComp(true));
}

/** Sequence with intra-instruction control order (herd's `>>*=`). */
export function bindCtrl<A, B>(m: M<A>, f: (a: A) => M<B>): M<B> {
  return bindWith(m, f, ctrlComp);
}

/** Next instruction: no causality, only program order (herd's `>>>`). */
export function thenInstr<A, B>(m: M<A>, f: (a: A) => M<B>): M<B> {
  return bindWith(m, f, para);
}

/** A condition then its branches: control from every condition event to every branch event. */
export function thenBranches<A, B>(m: M<A>, f: (a: A) => M<B>): M<B> {
  return bindWith(m, f, condComp);
}

/** Both, independently (herd's `>>|`): the second runs again for each alternative of the first. */
export function both<A, B>(m1: M<A>, m2: M<B>): M<[A, B]> {
  return (ctx) => {
    const out: Alt<[A, B]>[] = [];
    for (const a of m1(ctx)) {
      for (const b of m2(ctx)) {
        out.push({
          value: [a.value, b.value],
          eqs: [...b.eqs, ...a.eqs],
          frag: para(a.frag, b.frag),
          cut: a.cut || b.cut,
        });
      }
    }
    return out.reverse();
  };
}

/** Replace the result. */
export function withValue<A, B>(m: M<A>, value: B): M<B> {
  return (ctx) => m(ctx).map((a) => ({ ...a, value }));
}

/** Either computation (herd's `altT`): a non-deterministic choice of the candidate generator. */
export function either<T>(m1: M<T>, m2: M<T>): M<T> {
  return (ctx) => {
    const l = m1(ctx);
    return [...l, ...m2(ctx)];
  };
}

/**
 * Branch on `v`: a known value picks one side; an unknown one yields both, constraining `v`
 * to 1 (then) or 0 (else) (herd's `choiceT`).
 */
export function choice<T>(v: Atom, then: M<T>, otherwise: M<T>): M<T> {
  if (!isVar(v)) return v === 0 ? otherwise : then;
  return (ctx) => {
    const l = then(ctx);
    const r = otherwise(ctx);
    return [
      ...l.map((a) => ({ ...a, eqs: [{ target: v, args: [1] }, ...a.eqs] })),
      ...r.map((a) => ({ ...a, eqs: [{ target: v, args: [0] }, ...a.eqs] })),
    ];
  };
}

// ---------- composite primitives (one alternative each) ----------

/** Runs a part of a composite primitive, which must not branch. */
export type RunPart = <T>(m: M<T>) => { readonly value: T; readonly frag: Frag };

/**
 * A primitive made of parts run in order by `body` (location, operands, read, write...), whose
 * fragments it wires together; `eqs` are the primitive's own constraints, put first as herd does.
 */
export function primitive<R>(
  body: (run: RunPart) => { value: R; frag: Frag; eqs?: readonly Equation[] },
): M<R> {
  return (ctx) => {
    const eqs: Equation[] = [];
    let cut = false;
    const run: RunPart = (m) => {
      const alts = m(ctx);
      if (alts.length !== 1) throw new Error('a primitive operand cannot branch');
      eqs.push(...alts[0].eqs);
      cut ||= alts[0].cut;
      return alts[0];
    };
    const w = body(run);
    return [{ value: w.value, eqs: [...(w.eqs ?? []), ...eqs], frag: w.frag, cut }];
  };
}

/** Wiring helpers for primitive(): fragment union plus the given extra edges and output. */
export function wire(
  parts: readonly Frag[],
  edges: { data?: readonly Pair[]; ctrl?: readonly Pair[] },
  output: readonly number[],
): Frag {
  return merge(parts, edges, output);
}

export const fragOps = { minimals, maximals, outputOf, cross };
