// Enumeration stage (hot path): the equations of one candidate, solved incrementally while
// reads-from is chosen read by read. Union-find over unknowns with known values at the
// roots, constant propagation through operations, and a trail so every choice can be undone.
// Same answers as herd's solver: unify equal unknowns, evaluate operations whose operands are
// known, fail on a contradiction, and leave undetermined what only depends on itself.
import type { Equation } from '../events';
import {
  type Atom,
  type BinaryOperator,
  evalBinary,
  evalUnary,
  isVar,
  type UnaryOperator,
  type Value,
  ValueError,
} from '../events';

export class Solver {
  private readonly parent: Int32Array;
  private readonly rank: Uint8Array;
  private readonly value: (Value | undefined)[];
  /** Equations with an operation, not yet satisfied. */
  private readonly pending: Equation[] = [];
  private readonly done: Uint8Array;
  /** Undo log: [kind, index, old] triples flattened. */
  private readonly trail: unknown[] = [];
  private conflict = false;

  constructor(varCount: number, equations: readonly Equation[]) {
    this.parent = new Int32Array(varCount);
    for (let i = 0; i < varCount; i++) this.parent[i] = i;
    this.rank = new Uint8Array(varCount);
    this.value = new Array(varCount).fill(undefined);
    for (const eq of equations) {
      if (eq.op === undefined) this.unify(eq.target, eq.args[0]);
      else this.pending.push(eq);
    }
    this.done = new Uint8Array(this.pending.length);
    this.propagate();
  }

  get failed(): boolean {
    return this.conflict;
  }

  /** A point to come back to with `undo`. */
  mark(): number {
    return this.trail.length;
  }

  undo(mark: number): void {
    const t = this.trail;
    while (t.length > mark) {
      const old = t.pop();
      const index = t.pop() as number;
      const kind = t.pop() as number;
      if (kind === 0) this.value[index] = old as Value | undefined;
      else if (kind === 1) this.parent[index] = old as number;
      else if (kind === 2) this.rank[index] = old as number;
      else this.done[index] = old as number;
    }
    this.conflict = false;
  }

  private log(kind: number, index: number, old: unknown): void {
    this.trail.push(kind, index, old);
  }

  private find(v: number): number {
    const p = this.parent;
    while (p[v] !== v) v = p[v];
    return v;
  }

  /** The known value of an atom, or undefined. */
  valueOf(a: Atom): Value | undefined {
    return isVar(a) ? this.value[this.find(a.id)] : a;
  }

  /** The representative unknown of a still-undetermined atom. */
  representative(a: Atom): number | undefined {
    if (!isVar(a)) return undefined;
    const r = this.find(a.id);
    return this.value[r] === undefined ? r : undefined;
  }

  /** Adds `a = b` and propagates; returns false on a contradiction (state must be undone). */
  equate(a: Atom, b: Atom): boolean {
    this.unify(a, b);
    if (!this.conflict) this.propagate();
    return !this.conflict;
  }

  private unify(a: Atom, b: Atom): void {
    if (this.conflict) return;
    if (!isVar(a)) {
      if (!isVar(b)) {
        if (a !== b) this.conflict = true;
      } else this.bind(this.find(b.id), a);
      return;
    }
    const ra = this.find(a.id);
    if (!isVar(b)) {
      this.bind(ra, b);
      return;
    }
    const rb = this.find(b.id);
    if (ra === rb) return;
    const va = this.value[ra];
    const vb = this.value[rb];
    if (va !== undefined && vb !== undefined && va !== vb) {
      this.conflict = true;
      return;
    }
    // Union by rank; the merged class keeps whichever value is known.
    const [hi, lo] = this.rank[ra] >= this.rank[rb] ? [ra, rb] : [rb, ra];
    if (this.rank[hi] === this.rank[lo]) {
      this.log(2, hi, this.rank[hi]);
      this.rank[hi]++;
    }
    this.log(1, lo, this.parent[lo]);
    this.parent[lo] = hi;
    const v = va ?? vb;
    if (v !== undefined && this.value[hi] === undefined) {
      this.log(0, hi, undefined);
      this.value[hi] = v;
    }
  }

  private bind(root: number, v: Value): void {
    const old = this.value[root];
    if (old === undefined) {
      this.log(0, root, undefined);
      this.value[root] = v;
    } else if (old !== v) this.conflict = true;
  }

  /** Evaluates operations whose operands became known, until nothing changes. */
  private propagate(): void {
    let progress = true;
    while (progress && !this.conflict) {
      progress = false;
      for (let i = 0; i < this.pending.length; i++) {
        if (this.done[i]) continue;
        const eq = this.pending[i];
        const result = this.evaluate(eq);
        if (result === undefined) continue;
        this.log(3, i, 0);
        this.done[i] = 1;
        progress = true;
        if (result === null) {
          this.conflict = true;
          return;
        }
        this.unify(eq.target, result);
        if (this.conflict) return;
      }
    }
  }

  /** The operation's value, undefined if an operand is unknown, null if it cannot be computed. */
  private evaluate(eq: Equation): Value | undefined | null {
    const a = this.valueOf(eq.args[0]);
    if (a === undefined) return undefined;
    try {
      if (eq.args.length === 1) return evalUnary(eq.op as UnaryOperator, a);
      const b = this.valueOf(eq.args[1]);
      if (b === undefined) return undefined;
      return evalBinary(eq.op as BinaryOperator, a, b);
    } catch (e) {
      if (e instanceof ValueError) return null;
      throw e;
    }
  }

  /** Every equation holds: nothing is left that herd would call unsolved. */
  get complete(): boolean {
    for (let i = 0; i < this.pending.length; i++) if (!this.done[i]) return false;
    return true;
  }
}
