// Events stage: herd's C semantics. Lowers the (macro-expanded) code of one thread to its
// alternatives, one `ThreadPath` per path through `if`s, trylock outcomes, cmpxchg
// success/failure...: memory, fence, lock and SRCU events, the register accesses that carry
// dependencies, and the equations linking the unknowns.
import type { CallExpr, Expr, OpArg, Stmt, Thread } from '../litmus/ast';
import { unreachable } from '../litmus/ast';
import type { Diagnostic, Span } from '../source';
import { error } from '../source';
import {
  type Alt,
  bindCtrl,
  bindData,
  bindDataKeepOutput,
  both,
  choice,
  constrain,
  cutOff,
  either,
  event,
  fragOps,
  type Instr,
  type LowerCtx,
  type M,
  primitive,
  read,
  thenBranches,
  thenInstr,
  unit,
  unknown,
  wire,
  withValue,
} from './builder';
import { INTERNAL_PRIMITIVES } from './expand';
import type { Equation, LoweredEvent, Pair, ThreadPath } from './structure';
import {
  type Atom,
  type BinaryOperator,
  evalBinary,
  evalUnary,
  isVar,
  type UnaryOperator,
  ValueError,
} from './values';

export interface LowerOptions {
  /** herd's LKMM encoding: `lkmmv2` (current) or legacy lkmmv1 (explicit mb fences around RMWs). */
  readonly lkmmv2: boolean;
  /** Loop unrolling bound (herd's default is 2). */
  readonly unroll: number;
}

const { minimals, maximals, outputOf, cross } = fragOps;
const ONCE = ['once'];
const BAD_ARGUMENT = 'events/bad-argument';
const BAD_VALUE = 'events/bad-value';

const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '>', '<=', '>=']);

/** Lowers one thread; `diagnostics` receives user errors (bad primitive arguments...). */
export function lowerThread(
  thread: Thread,
  ctx: LowerCtx,
  opts: LowerOptions,
  diagnostics: Diagnostic[],
): { alts: Alt<number>[] } {
  const sem = new CSemantics(thread.index, opts, diagnostics);
  const body: Stmt = { kind: 'BlockStmt', body: thread.body, span: thread.span };
  return { alts: sem.stmt(body, 0)(ctx) };
}

class CSemantics {
  constructor(
    private readonly proc: number,
    private readonly opts: LowerOptions,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private report(code: string, message: string, span: Span): void {
    this.diagnostics.push(error(code, message, span));
  }

  private ii(poi: number, span: Span): Instr {
    return { thread: this.proc, poi, span };
  }

  // ---------- statements: each returns the program-order index after it ----------

  stmt(s: Stmt, prevPoi: number): M<number> {
    const poi = prevPoi + 1;
    const ii = this.ii(poi, s.span);
    const done = (m: M<unknown>): M<number> => bindData(m, () => unit(poi));
    switch (s.kind) {
      case 'BlockStmt':
        return this.list(s.body, poi);
      case 'DeclStmt':
        return s.init ? done(this.assign(s.name, s.init, ii)) : unit(poi);
      case 'AssignStmt':
        return done(this.assign(s.name, s.value, ii));
      case 'StoreStmt':
        return done(
          bindData(both(this.expr(s.address, false, ii), this.expr(s.value, true, ii)), ([l, v]) =>
            this.writeMem(l, v, [], ii, false),
          ),
        );
      case 'ExprStmt':
        return done(this.exprStmt(s.expr, ii));
      case 'IfStmt':
        return this.ifStmt(s.cond, s.then, s.else, ii);
      case 'WhileStmt':
        return this.whileStmt(s.cond, s.body, s.span, poi, 0);
      default:
        return unreachable(s);
    }
  }

  private list(stmts: readonly Stmt[], poi: number): M<number> {
    if (stmts.length === 0) return unit(poi);
    const [first, ...rest] = stmts;
    return thenInstr(this.stmt(first, poi), (next) => this.list(rest, next));
  }

  private assign(reg: string, e: Expr, ii: Instr): M<Atom> {
    return bindData(this.expr(e, true, ii), (v) => this.writeReg(reg, v, ii));
  }

  private ifStmt(
    cond: Expr,
    then: readonly Stmt[],
    otherwise: readonly Stmt[] | undefined,
    ii: Instr,
  ): M<number> {
    const branchPoi = ii.poi + 1;
    return thenBranches(this.cond(cond, ii), (ret) =>
      choice(
        ret,
        this.stmt({ kind: 'BlockStmt', body: then, span: ii.span }, branchPoi),
        otherwise
          ? this.stmt({ kind: 'BlockStmt', body: otherwise, span: ii.span }, branchPoi)
          : unit(ii.poi),
      ),
    );
  }

  /** `while` unrolled: after `unroll` iterations a still-true condition cuts the path. */
  private whileStmt(
    cond: Expr,
    body: readonly Stmt[],
    span: Span,
    poi: number,
    done: number,
  ): M<number> {
    const ii = this.ii(poi, span);
    return thenBranches(this.cond(cond, ii), (ret) =>
      choice(
        ret,
        done >= this.opts.unroll
          ? cutOff(poi)
          : thenInstr(this.stmt({ kind: 'BlockStmt', body, span }, poi), (next) =>
              this.whileStmt(cond, body, span, next + 1, done + 1),
            ),
        unit(poi),
      ),
    );
  }

  /** A condition is compared with 0 unless it already is a comparison (herd's build_cond). */
  private cond(c: Expr, ii: Instr): M<Atom> {
    const e = stripCasts(c);
    if (e.kind === 'BinaryExpr' && COMPARISONS.has(e.op)) return this.expr(e, false, ii);
    return this.binary('!=', this.expr(e, false, ii), unit<Atom>(0), ii.span);
  }

  private exprStmt(e: Expr, ii: Instr): M<unknown> {
    if (e.kind !== 'CallExpr') return this.expr(e, false, ii);
    switch (e.name) {
      case '__store':
        return this.store(e, ii);
      case '__fence':
        return this.fence(e.tags ?? [], ii);
      case '__atomic_op':
        return this.atomicOpStmt(e, ii);
      case '__lock':
        return bindData(this.arg(e, 0, false, ii), (l) => this.lock(l, e.tags ?? [], ii));
      case '__unlock':
        return bindData(this.arg(e, 0, false, ii), (l) =>
          event(ii, { kind: 'UL', loc: l, tags: e.tags ?? [] }),
        );
      case '__srcu':
        return this.srcuStmt(e, ii);
      default:
        return this.expr(e, false, ii);
    }
  }

  // ---------- expressions ----------

  expr(e: Expr, isData: boolean, ii: Instr): M<Atom> {
    switch (e.kind) {
      case 'IntExpr':
        return unit<Atom>(e.value);
      case 'RegExpr':
        return read(ii, { kind: 'RegR', reg: e.name }, isData);
      case 'DerefExpr':
        return bindData(this.expr(e.address, isData, ii), (l) =>
          this.readMem(l, [], ii, isData, false),
        );
      case 'CastExpr':
        return this.expr(e.expr, isData, ii);
      case 'BinaryExpr':
        return this.binary(
          e.op,
          this.expr(e.left, isData, ii),
          this.expr(e.right, isData, ii),
          e.span,
        );
      case 'UnaryExpr':
        return bindData(this.expr(e.operand, isData, ii), (a) => this.op1(e.op, a, e.span));
      case 'CallExpr':
        return this.call(e, isData, ii);
      default:
        return unreachable(e);
    }
  }

  private binary(op: BinaryOperator, l: M<Atom>, r: M<Atom>, span: Span): M<Atom> {
    return bindData(both(l, r), ([a, b]) => this.op2(op, a, b, span));
  }

  /** An operation: computed when its operands are known, else a fresh unknown and an equation. */
  private op2(op: BinaryOperator, a: Atom, b: Atom, span: Span): M<Atom> {
    if (!isVar(a) && !isVar(b)) return this.known(() => evalBinary(op, a, b), span);
    // herd: x ^ x is 0 even when x is unknown.
    return unknown((v) =>
      op === '^' && a === b ? { target: v, args: [0] } : { target: v, op, args: [a, b] },
    );
  }

  private op1(op: UnaryOperator, a: Atom, span: Span): M<Atom> {
    if (!isVar(a)) return this.known(() => evalUnary(op, a), span);
    return unknown((v) => ({ target: v, op, args: [a] }));
  }

  private known(compute: () => Atom, span: Span): M<Atom> {
    try {
      return unit(compute());
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      this.report(BAD_VALUE, e.message, span);
      return unit<Atom>(0);
    }
  }

  private call(e: CallExpr, isData: boolean, ii: Instr): M<Atom> {
    const tags = e.tags ?? [];
    switch (e.name) {
      case '__load':
        return this.load(e, tags, isData, ii);
      case '__xchg':
        return this.xchg(e, tags, isData, ii);
      case '__cmpxchg':
        return this.cmpxchg(e, tags, ii);
      case '__atomic_op_return':
        return this.atomicOpValue(e, tags, 'new', ii);
      case '__atomic_fetch_op':
        return this.atomicOpValue(e, tags, 'old', ii);
      case '__atomic_add_unless':
        return this.addUnless(e, tags, ii);
      case '__trylock':
        return bindData(this.arg(e, 0, false, ii), (l) =>
          either(
            withValue(this.lock(l, tags, ii), 1 as Atom),
            withValue(event(ii, { kind: 'LF', loc: l }), 0 as Atom),
          ),
        );
      case '__islocked':
        return bindData(this.arg(e, 0, false, ii), (l) =>
          either(
            withValue(event(ii, { kind: 'RL', loc: l }), 1 as Atom),
            withValue(event(ii, { kind: 'RU', loc: l }), 0 as Atom),
          ),
        );
      case '__srcu':
        return this.srcuExpr(e, tags, ii);
      default:
        this.report(
          BAD_ARGUMENT,
          INTERNAL_PRIMITIVES.has(e.name)
            ? `${e.name} does not return a value`
            : `unknown primitive ${e.name}`,
          e.nameSpan,
        );
        return unit<Atom>(0);
    }
  }

  /** The i-th argument as an expression (operator arguments are reported). */
  private arg(e: CallExpr, i: number, isData: boolean, ii: Instr): M<Atom> {
    const a = e.args[i];
    if (a === undefined || a.kind === 'OpArg') {
      this.report(BAD_ARGUMENT, `${e.name}: argument ${i + 1} must be an expression`, e.span);
      return unit<Atom>(0);
    }
    return this.expr(a, isData, ii);
  }

  private opArg(e: CallExpr, i: number): BinaryOperator {
    const a: Expr | OpArg | undefined = e.args[i];
    if (a?.kind === 'OpArg') return a.op;
    this.report(
      BAD_ARGUMENT,
      `${e.name}: argument ${i + 1} must be an operator (+, -, &, |, ^, &~)`,
      e.span,
    );
    return '+';
  }

  /**
   * The address operand of a tagged `__load`/`__store`: herd requires `*p` and accesses `p`;
   * an untagged one takes the address itself.
   */
  private address(e: CallExpr, tags: readonly string[], isData: boolean, ii: Instr): M<Atom> {
    const a = e.args[0];
    if (tags.length === 0) return this.arg(e, 0, isData, ii);
    const inner = a && a.kind !== 'OpArg' ? stripCasts(a) : undefined;
    if (inner?.kind !== 'DerefExpr') {
      this.report(BAD_ARGUMENT, `Bad ${e.name} argument: expected *p`, a?.span ?? e.span);
      return unit<Atom>(0);
    }
    return this.expr(inner.address, isData, ii);
  }

  private load(e: CallExpr, tags: readonly string[], isData: boolean, ii: Instr): M<Atom> {
    return bindData(this.address(e, tags, isData, ii), (l) =>
      this.readMem(l, tags, ii, isData, false),
    );
  }

  private store(e: CallExpr, ii: Instr): M<unknown> {
    const tags = e.tags ?? [];
    return bindData(both(this.address(e, tags, false, ii), this.arg(e, 1, true, ii)), ([l, v]) =>
      this.writeMem(l, v, tags, ii, false),
    );
  }

  private fence(tags: readonly string[], ii: Instr): M<undefined> {
    return (ctx) =>
      event(ii, { kind: 'F', tags })(ctx).map((a) => ({ ...a, frag: { ...a.frag, output: [] } }));
  }

  private readMem(
    l: Atom,
    tags: readonly string[],
    ii: Instr,
    isData: boolean,
    atomic: boolean,
  ): M<Atom> {
    return read(ii, { kind: 'R', loc: l, tags, atomic }, isData);
  }

  private writeMem(l: Atom, v: Atom, tags: readonly string[], ii: Instr, atomic: boolean): M<Atom> {
    return withValue(event(ii, { kind: 'W', loc: l, value: v, tags, atomic }), v);
  }

  private writeReg(reg: string, v: Atom, ii: Instr): M<Atom> {
    return withValue(event(ii, { kind: 'RegW', reg, value: v }), v);
  }

  /** Tags come from per-architecture lowerings (src/events/lowering); the LKMM's locks have none. */
  private lock(l: Atom, tags: readonly string[], ii: Instr): M<undefined> {
    return bindCtrl(event(ii, { kind: 'LKR', loc: l, tags }), () =>
      event(ii, { kind: 'LKW', loc: l, tags }),
    );
  }

  /** lkmmv1 wraps full-barrier RMWs in explicit `F[mb]` fences, in the same instruction. */
  private withMbFences<T>(wrap: boolean, m: M<T>, ii: Instr): M<T> {
    if (!wrap) return m;
    return bindCtrl(this.fence(['mb'], ii), () =>
      bindCtrl(m, (v) => withValue(this.fence(['mb'], ii), v)),
    );
  }

  /** Tags of the read and write halves of an RMW (lkmmv1 splits acquire/release/once). */
  private rmwTags(tags: readonly string[]): {
    r: readonly string[];
    w: readonly string[];
    mb: boolean;
  } {
    if (this.opts.lkmmv2) return { r: tags, w: tags, mb: false };
    const one = tags.length === 1 ? tags[0] : undefined;
    return {
      r: one === 'acquire' ? tags : ONCE,
      w: one === 'release' ? tags : ONCE,
      mb: one === 'mb',
    };
  }

  private xchg(e: CallExpr, tags: readonly string[], isData: boolean, ii: Instr): M<Atom> {
    const t = this.rmwTags(tags);
    const exch = primitive((run) => {
      const loc = run(this.arg(e, 0, false, ii));
      const val = run(this.arg(e, 1, true, ii));
      const rd = run(this.readMem(loc.value, t.r, ii, isData, true));
      const wr = run(this.writeMem(loc.value, val.value, t.w, ii, true));
      return {
        value: rd.value,
        frag: wire(
          [val.frag, loc.frag, rd.frag, wr.frag],
          {
            data: [
              ...cross(maximals(val.frag), minimals(wr.frag)),
              ...cross(maximals(loc.frag), minimals(wr.frag)),
              ...cross(maximals(loc.frag), minimals(rd.frag)),
            ],
            ctrl: cross(maximals(rd.frag), minimals(wr.frag)),
          },
          outputOf(rd.frag),
        ),
      };
    });
    return this.withMbFences(t.mb, exch, ii);
  }

  private cmpxchg(e: CallExpr, tags: readonly string[], ii: Instr): M<Atom> {
    const t = this.rmwTags(tags);
    const success = primitive((run) => {
      const loc = run(this.arg(e, 0, false, ii));
      const old = run(this.arg(e, 1, true, ii));
      const nw = run(this.arg(e, 2, true, ii));
      const rd = run(this.readMem(loc.value, t.r, ii, true, true));
      const wr = run(this.writeMem(loc.value, nw.value, t.w, ii, true));
      return {
        value: rd.value,
        eqs: [{ target: old.value, args: [rd.value] }],
        frag: wire(
          [loc.frag, old.frag, nw.frag, rd.frag, wr.frag],
          {
            data: [
              ...cross(maximals(nw.frag), minimals(wr.frag)),
              ...cross(maximals(loc.frag), minimals(wr.frag)),
              ...cross(maximals(loc.frag), minimals(rd.frag)),
            ],
            ctrl: [
              ...cross(maximals(old.frag), minimals(wr.frag)),
              ...cross(maximals(rd.frag), minimals(wr.frag)),
            ],
          },
          outputOf(rd.frag),
        ),
      };
    });
    const failure = primitive((run) => {
      const loc = run(this.arg(e, 0, false, ii));
      const old = run(this.arg(e, 1, true, ii));
      const rd = run(this.readMem(loc.value, this.opts.lkmmv2 ? tags : ONCE, ii, true, true));
      const differ = run(this.notEqual(old.value, rd.value, e.span));
      return {
        value: rd.value,
        frag: wire(
          [loc.frag, old.frag, rd.frag, differ.frag],
          { data: cross(maximals(loc.frag), minimals(rd.frag)) },
          outputOf(rd.frag),
        ),
      };
    });
    return either(this.withMbFences(t.mb, success, ii), failure);
  }

  /** herd's neqT: `t := (a == b)` then `t := 0`. */
  private notEqual(a: Atom, b: Atom, span: Span): M<undefined> {
    return bindData(this.op2('==', a, b, span), (t) => constrain({ target: t, args: [0] }));
  }

  /** Atomic arithmetic with a result: the new value (`_return`) or the old one (`fetch_`). */
  private atomicOpValue(
    e: CallExpr,
    tags: readonly string[],
    result: 'new' | 'old',
    ii: Instr,
  ): M<Atom> {
    const t = this.rmwTags(tags);
    return this.withMbFences(t.mb, this.atomicOp(e, t.r, t.w, result, ii), ii);
  }

  private atomicOpStmt(e: CallExpr, ii: Instr): M<Atom> {
    const tags = e.tags ?? [];
    if (this.opts.lkmmv2) return this.atomicOp(e, tags, tags, 'new', ii);
    return this.atomicOp(e, ['noreturn'], ONCE, 'new', ii);
  }

  /** The R* feeds the W* by data (herd's build_atomic_op). */
  private atomicOp(
    e: CallExpr,
    rTags: readonly string[],
    wTags: readonly string[],
    result: 'new' | 'old',
    ii: Instr,
  ): M<Atom> {
    const op = this.opArg(e, 1);
    const operands = both(
      this.arg(e, 2, true, ii),
      bindData(this.arg(e, 0, false, ii), (loc) =>
        both(this.readMem(loc, rTags, ii, true, true), unit(loc)),
      ),
    );
    return bindDataKeepOutput(operands, ([v, [old, loc]]) =>
      bindData(this.op2(op, old, v, e.span), (nw) =>
        withValue(this.writeMem(loc, nw, wTags, ii, true), result === 'new' ? nw : old),
      ),
    );
  }

  /** `atomic_add_unless(p, a, u)`: adds unless the old value is `u`; returns 1 if it added. */
  private addUnless(e: CallExpr, tags: readonly string[], ii: Instr): M<Atom> {
    const tag = this.opts.lkmmv2 ? tags : ONCE;
    const success = primitive((run) => {
      const loc = run(this.arg(e, 0, false, ii));
      const a = run(this.arg(e, 1, true, ii));
      const u = run(this.arg(e, 2, true, ii));
      const rd = run(this.readMem(loc.value, tag, ii, true, true));
      const sum = run(this.op2('+', rd.value, a.value, e.span));
      const wr = run(this.writeMem(loc.value, sum.value, tag, ii, true));
      const differ = run(this.notEqual(rd.value, u.value, e.span));
      return {
        value: 1 as Atom,
        frag: wire(
          [loc.frag, a.frag, u.frag, rd.frag, sum.frag, wr.frag, differ.frag],
          {
            data: [
              ...cross(maximals(loc.frag), minimals(wr.frag)),
              ...cross(maximals(loc.frag), minimals(rd.frag)),
              ...cross(maximals(a.frag), minimals(wr.frag)),
              ...cross(maximals(rd.frag), minimals(wr.frag)),
            ],
            ctrl: cross(maximals(u.frag), minimals(wr.frag)),
          },
          [...outputOf(rd.frag), ...outputOf(u.frag)],
        ),
      };
    });
    const failure = primitive((run) => {
      const loc = run(this.arg(e, 0, false, ii));
      const u = run(this.arg(e, 2, true, ii));
      const rd = run(this.readMem(loc.value, tag, ii, true, true));
      return {
        value: 0 as Atom,
        eqs: [{ target: rd.value, args: [u.value] }],
        frag: wire(
          [loc.frag, u.frag, rd.frag],
          { data: cross(maximals(loc.frag), minimals(rd.frag)) },
          [...outputOf(rd.frag), ...outputOf(u.frag)],
        ),
      };
    });
    return either(this.withMbFences(!this.opts.lkmmv2, success, ii), failure);
  }

  /** `__srcu{t}(s[, v])` as a statement: an SRCU event (synchronize_srcu, lkmmv1 unlock). */
  private srcuStmt(e: CallExpr, ii: Instr): M<unknown> {
    const value: M<Atom | undefined> =
      e.args.length > 1 ? this.arg(e, 1, true, ii) : unit<Atom | undefined>(undefined);
    return bindData(both(this.arg(e, 0, false, ii), value), ([l, v]) =>
      event(ii, { kind: 'SRCU', loc: l, value: v, tags: e.tags ?? [] }),
    );
  }

  /** lkmmv1's `srcu_read_lock`: an SRCU event returning herd's synthesised index. */
  private srcuExpr(e: CallExpr, tags: readonly string[], ii: Instr): M<Atom> {
    const index =
      tags.length === 1 && tags[0] === 'srcu-lock'
        ? (ii.thread + 1) * 307 + ii.poi * 599
        : undefined;
    return bindData(this.arg(e, 0, false, ii), (l) =>
      withValue(event(ii, { kind: 'SRCU', loc: l, value: index, tags }), (index ?? 0) as Atom),
    );
  }
}

function stripCasts(e: Expr): Expr {
  return e.kind === 'CastExpr' ? stripCasts(e.expr) : e;
}

/**
 * Turns one alternative of a thread into a ThreadPath: its events in creation order, with
 * register reads resolved against the last register write before them in program order
 * (or the thread's initial registers), herd's register reads-from.
 */
export function finishPath(
  thread: number,
  alt: Alt<number>,
  allEvents: readonly LoweredEvent[],
  initRegs: ReadonlyMap<string, Atom>,
): ThreadPath {
  const ids = [...new Set(alt.frag.events)].sort((a, b) => a - b);
  const index = new Map<number, number>();
  ids.forEach((id, i) => {
    index.set(id, i);
  });
  const local = (pairs: readonly Pair[]): Pair[] =>
    dedupe(pairs.map(([a, b]) => [index.get(a)!, index.get(b)!] as Pair));
  const events = ids.map((id) => allEvents[id]);
  const iicoData = local(alt.frag.data);
  const iicoCtrl = local(alt.frag.ctrl);
  const before = beforeRelation(events, iicoData, iicoCtrl);
  const regRf: Pair[] = [];
  const regEquations: Equation[] = [];
  const finalRegs = new Map<string, Atom>(initRegs);
  const writes = events.flatMap((e, i) => (e.kind === 'RegW' ? [i] : []));
  events.forEach((e, i) => {
    if (e.kind !== 'RegR') return;
    let source: number | undefined;
    for (const w of writes) {
      if (events[w].reg !== e.reg || !before(w, i)) continue;
      if (source === undefined || before(source, w)) source = w;
    }
    if (source !== undefined) regRf.push([source, i]);
    const stored = source === undefined ? (initRegs.get(e.reg!) ?? 0) : events[source].value!;
    regEquations.push({ target: e.value!, args: [stored] });
  });
  for (const w of writes) {
    const reg = events[w].reg!;
    if (!writes.some((x) => x !== w && events[x].reg === reg && before(w, x))) {
      finalRegs.set(reg, events[w].value!);
    }
  }
  return {
    thread,
    events,
    iicoData,
    iicoCtrl,
    control: local(alt.frag.control),
    dataPorts: [...new Set(alt.frag.ports.map((p) => index.get(p)!))],
    equations: alt.eqs,
    regRf,
    regEquations,
    finalRegs,
    cut: alt.cut,
  };
}

function dedupe(pairs: readonly Pair[]): Pair[] {
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const k = `${p[0]},${p[1]}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** herd's is_before_strict: a direct intra-instruction edge or a strictly earlier instruction. */
function beforeRelation(
  events: readonly LoweredEvent[],
  data: readonly Pair[],
  ctrl: readonly Pair[],
): (a: number, b: number) => boolean {
  const direct = new Set<string>([...data, ...ctrl].map(([a, b]) => `${a},${b}`));
  return (a, b) => events[a].poi < events[b].poi || direct.has(`${a},${b}`);
}
