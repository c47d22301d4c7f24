// Events stage (assembly output of `ordo lower`): one thread of a test, its kernel primitives
// already expanded with the target's macro file (internal accesses carrying the target's
// tags), compiled to a column of herd7 assembly. C registers get fixed registers (the final
// condition names them); each statement's temporaries are reused by the next.
import type { CallExpr, Expr, OpArg, Stmt, Thread } from '../../../litmus/ast';
import { unreachable } from '../../../litmus/ast';
import type { Span } from '../../../source';
import type { Annotation, Fence } from '../types';
import type { Address, AluOp, Backend, Cond } from './backend';
import { AsmUnsupported, unsupported } from './unsupported';

/** What an access's tags say: its annotations and the barriers right before and after it. */
interface Tagged {
  readonly ann: readonly Annotation[];
  readonly pre: readonly Fence[];
  readonly post: readonly Fence[];
}

function readTags(tags: readonly string[] | undefined): Tagged {
  const ann: Annotation[] = [];
  const pre: Fence[] = [];
  const post: Fence[] = [];
  for (const t of tags ?? []) {
    if (t.startsWith('Pre-')) pre.push(t.slice(4) as Fence);
    else if (t.startsWith('Post-')) post.push(t.slice(5) as Fence);
    else ann.push(t as Annotation);
  }
  return { ann, pre, post };
}

type Val =
  | { readonly kind: 'imm'; readonly k: number }
  | { readonly kind: 'reg'; readonly name: string };

export interface ThreadContext {
  readonly backend: Backend;
  /** Names of the test's locations (thread parameters). */
  readonly locations: ReadonlySet<string>;
  /** Locations holding an address (declared `int **p`, or initialised with one). */
  readonly pointerLocations: ReadonlySet<string>;
}

export interface CompiledThread {
  readonly lines: readonly string[];
  /** C register -> register number. */
  readonly regs: ReadonlyMap<string, number>;
  /** Location -> the register its address is loaded into by the init section. */
  readonly addresses: ReadonlyMap<string, number>;
  readonly problems: readonly { readonly message: string; readonly span: Span }[];
}

const COMPARISONS: Readonly<Record<string, { cond: Cond; swap: boolean; negate: boolean }>> = {
  '==': { cond: 'eq', swap: false, negate: false },
  '!=': { cond: 'ne', swap: false, negate: false },
  '<': { cond: 'lt', swap: false, negate: false },
  '>': { cond: 'lt', swap: true, negate: false },
  '>=': { cond: 'lt', swap: false, negate: true },
  '<=': { cond: 'lt', swap: true, negate: true },
};
const ALU_OPS: ReadonlySet<string> = new Set(['+', '-', '&', '|', '^']);

function stripDeref(e: Expr | OpArg | undefined): Expr | undefined {
  if (!e || e.kind === 'OpArg') return undefined;
  if (e.kind === 'CastExpr') return stripDeref(e.expr);
  return e.kind === 'DerefExpr' ? e.address : e;
}

function expr(e: Expr | OpArg | undefined): Expr {
  return e && e.kind !== 'OpArg' ? e : unsupported('a missing or operator argument');
}

/** Compiles one thread; problems are reported with the C code's span. */
export function compileThread(thread: Thread, ctx: ThreadContext): CompiledThread {
  const c = new ThreadCompiler(thread, ctx);
  for (const s of thread.body) c.statement(s);
  return { lines: c.lines, regs: c.regNumbers(), addresses: c.addresses, problems: c.problems };
}

class ThreadCompiler {
  readonly lines: string[] = [];
  readonly addresses = new Map<string, number>();
  readonly problems: { message: string; span: Span }[] = [];
  private readonly b: Backend;
  private readonly regs = new Map<string, { n: number; wide: boolean }>();
  private nextTemp = 0;
  private tempBase = 0;
  /** Address registers are taken from the top of the pool, for good. */
  private nextAddress: number;
  private labels = 0;

  constructor(
    private readonly thread: Thread,
    private readonly ctx: ThreadContext,
  ) {
    this.b = ctx.backend;
    this.nextAddress = this.b.registerCount - 1;
    let n = this.b.reserved === 0 ? 1 : 0;
    for (const [name, wide] of declaredRegisters(thread.body))
      this.regs.set(name, { n: n++, wide });
    this.tempBase = n;
  }

  regNumbers(): Map<string, number> {
    return new Map([...this.regs].map(([k, v]) => [k, v.n]));
  }

  /** A C register, added (from the top, like addresses) if the test uses it undeclared. */
  cReg(name: string): number {
    let r = this.regs.get(name);
    if (!r) {
      r = { n: this.persistent(), wide: false };
      this.regs.set(name, r);
    }
    return r.n;
  }

  private persistent(): number {
    const n = this.nextAddress--;
    if (n < this.nextTemp || n === this.b.reserved) {
      unsupported('the thread needs more registers than the architecture has');
    }
    return n;
  }

  statement(s: Stmt): void {
    this.nextTemp = this.tempBase;
    try {
      this.compile(s);
    } catch (e) {
      if (!(e instanceof AsmUnsupported)) throw e;
      this.problems.push({ message: e.message, span: s.span });
    }
  }

  private emit(lines: readonly string[]): void {
    this.lines.push(...lines);
  }

  private temp(wide = false): string {
    const n = this.nextTemp++;
    if (n === this.b.reserved) return this.temp(wide);
    if (n > this.nextAddress)
      unsupported('the thread needs more registers than the architecture has');
    return this.b.reg(n, wide);
  }

  private label(): string {
    return `LC${this.thread.index}${String(this.labels++).padStart(2, '0')}`;
  }

  private placeLabel(name: string): void {
    this.lines.push(this.b.label(name));
  }

  private compile(s: Stmt): void {
    switch (s.kind) {
      case 'DeclStmt':
        if (s.init) this.into(s.init, s.name);
        return;
      case 'AssignStmt':
        this.into(s.value, s.name);
        return;
      case 'StoreStmt':
        this.emit(
          this.b.store(
            this.inReg(this.value(s.value)),
            this.address(s.address),
            [],
            this.wideValue(s.value),
          ),
        );
        return;
      case 'ExprStmt':
        if (s.expr.kind !== 'CallExpr') unsupported('an expression statement that is not a call');
        this.primitive(s.expr, undefined);
        return;
      case 'IfStmt':
        this.ifStmt(s.cond, s.then, s.else);
        return;
      case 'WhileStmt':
        unsupported('loops');
        return;
      case 'BlockStmt':
        for (const t of s.body) this.statement(t);
        return;
      default:
        unreachable(s);
        return;
    }
  }

  private ifStmt(cond: Expr, then: readonly Stmt[], otherwise: readonly Stmt[] | undefined): void {
    const test = this.condition(cond);
    const elseLabel = this.label();
    const endLabel = otherwise ? this.label() : elseLabel;
    // Branch past the then-branch when the condition does not hold.
    if (test.negate) this.emit(this.b.branch(test.cond, test.a, test.b, elseLabel));
    else if (test.cond !== 'lt') {
      this.emit(this.b.branch(test.cond === 'eq' ? 'ne' : 'eq', test.a, test.b, elseLabel));
    } else {
      const thenLabel = this.label();
      this.emit(this.b.branch('lt', test.a, test.b, thenLabel));
      this.emit(this.b.jump(elseLabel));
      this.placeLabel(thenLabel);
    }
    for (const t of then) this.statement(t);
    if (otherwise) {
      this.emit(this.b.jump(endLabel));
      this.placeLabel(elseLabel);
      for (const t of otherwise) this.statement(t);
    }
    this.placeLabel(endLabel);
  }

  /** `a cond b` (negated: `!(a cond b)`) on registers. */
  private condition(e: Expr): { cond: Cond; a: string; b: string; negate: boolean } {
    if (e.kind === 'BinaryExpr' && COMPARISONS[e.op]) {
      const { cond, swap, negate } = COMPARISONS[e.op];
      const l = this.inReg(this.value(e.left));
      const r = this.inReg(this.value(e.right));
      return { cond, a: swap ? r : l, b: swap ? l : r, negate };
    }
    return {
      cond: 'ne',
      a: this.inReg(this.value(e)),
      b: this.inReg({ kind: 'imm', k: 0 }),
      negate: false,
    };
  }

  // ---------- values ----------

  /** Evaluates `e` into C register `name`. */
  private into(e: Expr, name: string): void {
    const r = this.regs.get(name) ?? { n: this.cReg(name), wide: false };
    const d = this.b.reg(r.n, r.wide);
    const inner = e.kind === 'CastExpr' ? e.expr : e;
    switch (inner.kind) {
      case 'CallExpr':
        this.primitive(inner, d, r.wide);
        return;
      case 'IntExpr':
        this.emit(this.b.movImm(d, inner.value));
        return;
      case 'DerefExpr':
        this.emit(this.b.load(d, this.address(inner.address), [], r.wide));
        return;
      default: {
        const v = this.value(inner);
        if (v.kind === 'imm') this.emit(this.b.movImm(d, v.k));
        else if (v.name !== d) this.emit(this.b.move(d, v.name));
      }
    }
  }

  private value(e: Expr): Val {
    switch (e.kind) {
      case 'IntExpr':
        return { kind: 'imm', k: e.value };
      case 'CastExpr':
        return this.value(e.expr);
      case 'UnaryExpr':
        if (e.op === '-' && e.operand.kind === 'IntExpr')
          return { kind: 'imm', k: -e.operand.value };
        return unsupported(`the operator ${e.op}`);
      case 'RegExpr':
        return { kind: 'reg', name: this.named(e.name) };
      case 'DerefExpr': {
        const d = this.temp();
        this.emit(this.b.load(d, this.address(e.address), [], false));
        return { kind: 'reg', name: d };
      }
      case 'CallExpr': {
        const d = this.temp();
        this.primitive(e, d);
        return { kind: 'reg', name: d };
      }
      case 'BinaryExpr': {
        const d = this.temp();
        if (COMPARISONS[e.op]) {
          const t = this.condition(e);
          const skip = this.label();
          // d := 1, kept when the comparison holds (or fails, negated).
          this.emit(this.b.movImm(d, t.negate ? 0 : 1));
          this.emit(this.b.branch(t.cond, t.a, t.b, skip));
          this.emit(this.b.movImm(d, t.negate ? 1 : 0));
          this.placeLabel(skip);
          return { kind: 'reg', name: d };
        }
        if (!ALU_OPS.has(e.op)) return unsupported(`the operator ${e.op}`);
        const l = this.inReg(this.value(e.left));
        const r = this.inReg(this.value(e.right));
        this.emit(this.b.alu(e.op as AluOp, d, l, r));
        return { kind: 'reg', name: d };
      }
      default:
        return unreachable(e);
    }
  }

  private inReg(v: Val): string {
    if (v.kind === 'reg') return v.name;
    const d = this.temp();
    this.emit(this.b.movImm(d, v.k));
    return d;
  }

  /** A name in an expression: a C register, or a location (its address, a 64-bit value). */
  private named(name: string): string {
    const r = this.regs.get(name);
    if (r) return this.b.reg(r.n, r.wide);
    if (this.ctx.locations.has(name)) return this.b.reg(this.addressReg(name), true);
    return this.b.reg(this.cReg(name), false);
  }

  private addressReg(loc: string): number {
    let n = this.addresses.get(loc);
    if (n === undefined) {
      n = this.persistent();
      this.addresses.set(loc, n);
    }
    return n;
  }

  private address(e: Expr | OpArg | undefined): Address {
    const a = stripDeref(e) ?? expr(e);
    const inner = a.kind === 'CastExpr' ? a.expr : a;
    if (inner.kind !== 'RegExpr') return unsupported('an address computed by an expression');
    if (this.ctx.locations.has(inner.name) && !this.regs.has(inner.name)) {
      if (this.b.namedLocations) return { kind: 'symbol', loc: inner.name };
      return { kind: 'reg', reg: this.b.reg(this.addressReg(inner.name), true) };
    }
    return { kind: 'reg', reg: this.b.reg(this.cReg(inner.name), true) };
  }

  /** Whether the location an address expression names holds an address. */
  private wideAt(e: Expr | OpArg | undefined): boolean {
    const a = stripDeref(e);
    return a?.kind === 'RegExpr' && this.ctx.pointerLocations.has(a.name);
  }

  private wideValue(e: Expr): boolean {
    const inner = e.kind === 'CastExpr' ? e.expr : e;
    if (inner.kind !== 'RegExpr') return false;
    return this.regs.get(inner.name)?.wide ?? this.ctx.locations.has(inner.name);
  }

  // ---------- primitives ----------

  private fences(fs: readonly Fence[]): void {
    for (const f of fs) this.emit(this.b.fence(f));
  }

  /** An internal access; its result (if any) goes to `dest`. */
  private primitive(call: CallExpr, dest: string | undefined, destWide = false): void {
    const t = readTags(call.tags);
    const arg = (i: number) => expr(call.args[i]);
    const op = (i: number): AluOp => {
      const a = call.args[i];
      return a?.kind === 'OpArg' ? a.op : unsupported('a missing operator');
    };
    switch (call.name) {
      case '__fence':
        this.fences((call.tags ?? []) as Fence[]);
        return;
      case '__load': {
        const wide = destWide || this.wideAt(call.args[0]);
        this.fences(t.pre);
        this.emit(this.b.load(dest ?? this.temp(wide), this.address(call.args[0]), t.ann, wide));
        this.fences(t.post);
        return;
      }
      case '__store':
        this.store(this.address(call.args[0]), this.value(arg(1)), t, this.wideValue(arg(1)));
        return;
      case '__unlock':
        this.store(this.address(call.args[0]), { kind: 'imm', k: 0 }, t, false);
        return;
      case '__islocked':
        this.emit(this.b.load(dest ?? this.temp(), this.address(call.args[0]), [], false));
        return;
      case '__xchg':
        this.rmw({
          kind: 'xchg',
          t,
          a: this.address(call.args[0]),
          v: this.value(arg(1)),
          dest,
        });
        return;
      case '__cmpxchg':
        this.rmw({
          kind: 'cmpxchg',
          t,
          a: this.address(call.args[0]),
          expected: this.value(arg(1)),
          v: this.value(arg(2)),
          dest,
        });
        return;
      case '__atomic_op':
      case '__atomic_op_return':
      case '__atomic_fetch_op':
        this.rmw({
          kind:
            call.name === '__atomic_fetch_op'
              ? 'fetch'
              : call.name === '__atomic_op'
                ? 'void'
                : 'return',
          t,
          op: op(1),
          a: this.address(call.args[0]),
          v: this.value(arg(2)),
          dest,
        });
        return;
      case '__atomic_add_unless':
        this.rmw({
          kind: 'add-unless',
          t,
          op: '+',
          a: this.address(call.args[0]),
          v: this.value(arg(1)),
          expected: this.value(arg(2)),
          dest,
        });
        return;
      case '__lock':
      case '__trylock':
        this.rmw({
          kind: call.name === '__lock' ? 'lock' : 'trylock',
          t,
          a: this.address(call.args[0]),
          expected: { kind: 'imm', k: 0 },
          v: { kind: 'imm', k: 1 },
          dest,
        });
        return;
      default:
        unsupported(`${call.name} in assembly`);
        return;
    }
  }

  private store(a: Address, v: Val, t: Tagged, wide: boolean): void {
    // A locked (xchg) store leaves the old value in its register: never a C register's.
    const s = t.ann.includes('LOCK') || v.kind === 'imm' ? this.copy(v, wide) : v.name;
    this.fences(t.pre);
    this.emit(this.b.store(s, a, t.ann, wide));
    this.fences(t.post);
  }

  private copy(v: Val, wide = false): string {
    const d = this.temp(wide);
    this.emit(v.kind === 'imm' ? this.b.movImm(d, v.k) : this.b.move(d, v.name));
    return d;
  }

  private rmw(r: Rmw): void {
    this.fences(r.t.pre);
    const out = r.t.ann.includes('EX') ? this.exclusiveLoop(r) : this.singleInstruction(r);
    // The kernel's trailing barriers are on the success path only.
    this.fences(r.t.post);
    if (out === undefined) return;
    if (r.kind === 'cmpxchg') {
      this.placeLabel(out);
      return;
    }
    // add_unless and trylock return whether they succeeded.
    const d = r.dest ?? this.temp();
    const join = this.label();
    this.emit(this.b.movImm(d, 1));
    this.emit(this.b.jump(join));
    this.placeLabel(out);
    this.emit(this.b.movImm(d, 0));
    this.placeLabel(join);
  }

  /**
   * The load-exclusive/store-exclusive loop. Returns the label its failure path (a failed
   * compare) jumps to, if it has one.
   */
  private exclusiveLoop(r: Rmw): string | undefined {
    const b = this.b;
    const old =
      r.dest && (r.kind === 'xchg' || r.kind === 'fetch' || r.kind === 'cmpxchg')
        ? r.dest
        : this.temp();
    const v = this.inReg(r.v);
    const expected = r.expected && this.inReg(r.expected);
    const status = this.temp();
    const retry = this.label();
    const out = this.label();
    this.placeLabel(retry);
    this.emit(b.loadExclusive(old, r.a, r.t.ann));
    let stored = v;
    switch (r.kind) {
      case 'xchg':
        break;
      case 'cmpxchg':
        this.emit(b.branch('ne', old, expected!, out));
        break;
      case 'lock':
        this.emit(b.branch('ne', old, expected!, retry));
        break;
      case 'trylock':
        this.emit(b.branch('ne', old, expected!, out));
        break;
      case 'add-unless':
        this.emit(b.branch('eq', old, expected!, out));
        stored = this.temp();
        this.emit(b.alu('+', stored, old, v));
        break;
      case 'void':
      case 'return':
      case 'fetch':
        stored = r.kind === 'return' && r.dest ? r.dest : this.temp();
        this.emit(b.alu(r.op!, stored, old, v));
        break;
      default:
        unreachable(r.kind);
    }
    this.emit(b.storeExclusive(stored, r.a, r.t.ann, status, retry));
    return failsTo(r, out);
  }

  /** x86's locked instructions, arm64's LSE atomics, RISC-V's AMOs; a CAS loop otherwise. */
  private singleInstruction(r: Rmw): string | undefined {
    const b = this.b;
    if (r.kind === 'xchg') {
      const d = r.dest ?? this.temp();
      this.emit(b.amo('xchg', d, this.inReg(r.v), r.a, r.t.ann) ?? unsupported('exchange'));
      return undefined;
    }
    if (r.kind === 'void' || r.kind === 'fetch' || r.kind === 'return') {
      const lines = this.amo(r);
      if (lines) return undefined;
    }
    if (r.kind === 'cmpxchg') {
      const e = this.comparand();
      this.emit(
        r.expected!.kind === 'imm' ? b.movImm(e, r.expected!.k) : b.move(e, r.expected!.name),
      );
      this.emit(b.cas(e, this.inReg(r.v), r.a, r.t.ann) ?? unsupported('compare-and-swap'));
      if (r.dest) this.emit(b.move(r.dest, e));
      return undefined;
    }
    return this.casLoop(r);
  }

  /** An AMO for the operation, rewriting `-`/`&`/`&~` of a constant into what the ISA has. */
  private amo(r: Rmw): boolean {
    const op = r.op!;
    const tries: [AluOp, Val][] = [[op, r.v]];
    if (r.v.kind === 'imm') {
      if (op === '-') tries.push(['+', { kind: 'imm', k: -r.v.k }]);
      if (op === '&~') tries.push(['&', { kind: 'imm', k: ~r.v.k }]);
      if (op === '&') tries.push(['&~', { kind: 'imm', k: ~r.v.k }]);
    }
    const old = r.kind === 'void' ? undefined : r.kind === 'fetch' && r.dest ? r.dest : this.temp();
    for (const [o, v] of tries) {
      const mark = this.lines.length;
      const lines = this.b.amo(o, old, this.inReg(v), r.a, r.t.ann);
      if (!lines) {
        this.lines.length = mark;
        continue;
      }
      this.emit(lines);
      if (r.kind === 'return' && r.dest) this.emit(this.b.alu(op, r.dest, old!, this.inReg(r.v)));
      return true;
    }
    return false;
  }

  /** The register compare-and-swap compares with (x86: %eax). */
  private comparand(): string {
    return this.b.reserved === undefined ? this.temp() : this.b.reg(this.b.reserved, false);
  }

  /** Read, compute, compare-and-swap, retry: the generic RMW when no instruction fits. */
  private casLoop(r: Rmw): string | undefined {
    const b = this.b;
    const lock = r.kind === 'lock' || r.kind === 'trylock';
    const [op, operand] = foldConstant(r.op ?? '+', r.v);
    const e = this.comparand();
    const copy = this.temp();
    const next = this.temp();
    const v = this.inReg(operand);
    const expected = r.expected && this.inReg(r.expected);
    const retry = this.label();
    const out = this.label();
    if (!lock) this.emit(b.load(e, r.a, [], false));
    this.placeLabel(retry);
    if (lock) this.emit(b.movImm(e, 0));
    if (r.kind === 'add-unless') this.emit(b.branch('eq', e, expected!, out));
    this.emit(lock ? b.move(next, v) : b.alu(op, next, e, v));
    this.emit(b.move(copy, e));
    this.emit(b.cas(e, next, r.a, r.t.ann) ?? unsupported('compare-and-swap'));
    this.emit(b.casFailed(e, copy, r.kind === 'trylock' ? out : retry));
    if (r.dest && (r.kind === 'fetch' || r.kind === 'return')) {
      this.emit(b.move(r.dest, r.kind === 'fetch' ? copy : next));
    }
    return failsTo(r, out);
  }
}

/** `- k` as `+ -k` and `&~ k` as `& ~k`, for instruction sets without sub or and-not. */
function foldConstant(op: AluOp, v: Val): [AluOp, Val] {
  if (v.kind !== 'imm') return [op, v];
  if (op === '-') return ['+', { kind: 'imm', k: -v.k }];
  if (op === '&~') return ['&', { kind: 'imm', k: ~v.k }];
  return [op, v];
}

/** The failure label of the RMWs that can fail without retrying. */
function failsTo(r: Rmw, out: string): string | undefined {
  return r.kind === 'cmpxchg' || r.kind === 'add-unless' || r.kind === 'trylock' ? out : undefined;
}

interface Rmw {
  readonly kind:
    | 'xchg'
    | 'cmpxchg'
    | 'void'
    | 'return'
    | 'fetch'
    | 'add-unless'
    | 'lock'
    | 'trylock';
  readonly t: Tagged;
  readonly op?: AluOp;
  readonly a: Address;
  readonly v: Val;
  readonly expected?: Val;
  readonly dest: string | undefined;
}

/** Registers declared in a thread, in order, with whether they hold addresses. */
function declaredRegisters(body: readonly Stmt[]): [string, boolean][] {
  const out: [string, boolean][] = [];
  const visit = (s: Stmt): void => {
    if (s.kind === 'DeclStmt') out.push([s.name, s.type.includes('*')]);
    else if (s.kind === 'IfStmt') {
      s.then.forEach(visit);
      s.else?.forEach(visit);
    } else if (s.kind === 'BlockStmt' || s.kind === 'WhileStmt') s.body.forEach(visit);
  };
  body.forEach(visit);
  return out;
}
