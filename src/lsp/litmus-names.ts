// LSP adapter: the names of a parsed litmus test (locations, registers, who accesses what),
// gathered once per analysis for hover and completion.
import {
  type CallExpr,
  type Expr,
  type InitItem,
  type LitmusTest,
  type LocRef,
  type OpArg,
  type Prop,
  type Stmt,
  type Thread,
  unreachable,
} from '../litmus/ast';

/** How one thread touches one shared location. */
export interface LocationAccess {
  readonly thread: number;
  /** Primitives applied to it, in order of first use (`WRITE_ONCE`, `smp_load_acquire`...). */
  readonly primitives: readonly string[];
  readonly plainRead: boolean;
  readonly plainWrite: boolean;
}

export interface LocationInfo {
  readonly name: string;
  readonly init?: InitItem;
  readonly accesses: readonly LocationAccess[];
  readonly inCondition: boolean;
}

export interface TestNames {
  readonly locations: ReadonlyMap<string, LocationInfo>;
  /** Registers each thread declares or assigns (parameters excluded), by thread index. */
  readonly registers: ReadonlyMap<number, readonly string[]>;
  readonly params: ReadonlyMap<number, readonly string[]>;
}

interface MutableAccess {
  primitives: string[];
  plainRead: boolean;
  plainWrite: boolean;
}

export function collectNames(test: LitmusTest): TestNames {
  const inits = new Map<string, InitItem>();
  for (const item of test.init) {
    if (item.target.kind === 'MemRef') inits.set(item.target.name, item);
  }
  const observed = new Set<string>();
  const visitLoc = (l: LocRef): void => {
    if (l.kind === 'MemRef') observed.add(l.name);
  };
  if (test.condition) visitProp(test.condition.prop, visitLoc);
  if (test.filter) visitProp(test.filter, visitLoc);
  for (const l of test.locations) visitLoc(l);

  const accessesByLoc = new Map<string, Map<number, MutableAccess>>();
  const registers = new Map<number, string[]>();
  const params = new Map<number, string[]>();
  for (const thread of test.threads) {
    const names = thread.params.map((p) => p.name);
    params.set(thread.index, names);
    const regs = new Set<string>();
    const access = (loc: string): MutableAccess => {
      const perThread = accessesByLoc.get(loc) ?? new Map<number, MutableAccess>();
      accessesByLoc.set(loc, perThread);
      const a = perThread.get(thread.index) ?? {
        primitives: [],
        plainRead: false,
        plainWrite: false,
      };
      perThread.set(thread.index, a);
      return a;
    };
    new ThreadWalker(new Set(names), regs, access).stmts(thread.body);
    registers.set(
      thread.index,
      [...regs].filter((r) => !names.includes(r)),
    );
  }

  const allNames = new Set([...inits.keys(), ...observed, ...accessesByLoc.keys()]);
  for (const t of test.threads) for (const p of t.params) allNames.add(p.name);
  const locations = new Map<string, LocationInfo>();
  for (const name of allNames) {
    const perThread = accessesByLoc.get(name) ?? new Map<number, MutableAccess>();
    const accesses = [...perThread.entries()]
      .sort(([a], [b]) => a - b)
      .map(([thread, a]) => ({ thread, ...a }));
    locations.set(name, { name, init: inits.get(name), accesses, inCondition: observed.has(name) });
  }
  return { locations, registers, params };
}

/** The thread whose body contains `offset`, if any. */
export function threadAt(test: LitmusTest, offset: number): Thread | undefined {
  return test.threads.find((t) => t.span.start <= offset && offset <= t.span.end);
}

class ThreadWalker {
  constructor(
    private readonly params: ReadonlySet<string>,
    private readonly regs: Set<string>,
    private readonly access: (loc: string) => MutableAccess,
  ) {}

  stmts(body: readonly Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s.kind) {
      case 'DeclStmt':
        this.regs.add(s.name);
        if (s.init) this.expr(s.init);
        return;
      case 'AssignStmt':
        this.regs.add(s.name);
        this.expr(s.value);
        return;
      case 'StoreStmt':
        for (const loc of this.locationsIn(s.address)) this.access(loc).plainWrite = true;
        this.inner(s.address);
        this.expr(s.value);
        return;
      case 'ExprStmt':
        this.expr(s.expr);
        return;
      case 'IfStmt':
        this.expr(s.cond);
        this.stmts(s.then);
        if (s.else) this.stmts(s.else);
        return;
      case 'WhileStmt':
        this.expr(s.cond);
        this.stmts(s.body);
        return;
      case 'BlockStmt':
        this.stmts(s.body);
        return;
      default:
        unreachable(s);
    }
  }

  private expr(e: Expr): void {
    switch (e.kind) {
      case 'IntExpr':
      case 'RegExpr':
        return;
      case 'DerefExpr':
        for (const loc of this.locationsIn(e.address)) this.access(loc).plainRead = true;
        this.inner(e.address);
        return;
      case 'CastExpr':
        this.expr(e.expr);
        return;
      case 'BinaryExpr':
        this.expr(e.left);
        this.expr(e.right);
        return;
      case 'UnaryExpr':
        this.expr(e.operand);
        return;
      case 'CallExpr':
        this.call(e);
        return;
      default:
        unreachable(e);
    }
  }

  private call(c: CallExpr): void {
    for (const arg of c.args) {
      if (arg.kind === 'OpArg') continue;
      for (const loc of this.locationsIn(arg)) {
        const a = this.access(loc);
        if (!a.primitives.includes(c.name)) a.primitives.push(c.name);
      }
      // `READ_ONCE(*x)`: the dereference is the primitive's argument, not a plain load.
      this.inner(arg.kind === 'DerefExpr' ? arg.address : arg);
    }
  }

  /** Accesses nested in an operand (`*(x + READ_ONCE(*y))`); a bare name is not one. */
  private inner(e: Expr): void {
    if (e.kind !== 'RegExpr') this.expr(e);
  }

  /** Shared locations named directly in `e`, not inside a nested call (which records its own). */
  private locationsIn(e: Expr | OpArg): string[] {
    switch (e.kind) {
      case 'RegExpr':
        return this.params.has(e.name) ? [e.name] : [];
      case 'DerefExpr':
        return this.locationsIn(e.address);
      case 'CastExpr':
        return this.locationsIn(e.expr);
      case 'BinaryExpr':
        return [...this.locationsIn(e.left), ...this.locationsIn(e.right)];
      case 'UnaryExpr':
        return this.locationsIn(e.operand);
      case 'IntExpr':
      case 'CallExpr':
      case 'OpArg':
        return [];
      default:
        return unreachable(e);
    }
  }
}

function visitProp(p: Prop, visit: (l: LocRef) => void): void {
  switch (p.kind) {
    case 'ConstProp':
      return;
    case 'NotProp':
      visitProp(p.prop, visit);
      return;
    case 'AndProp':
    case 'OrProp':
    case 'ImpliesProp':
      visitProp(p.left, visit);
      visitProp(p.right, visit);
      return;
    case 'AtomProp':
      visit(p.left);
      if (p.right.kind === 'RegRef' || p.right.kind === 'MemRef') visit(p.right);
      return;
    default:
      unreachable(p);
  }
}
