// Enumeration stage: the name herd7 prints for a value no equation determines (`S8`, `S23` in
// out-of-thin-air tests). herd solves register equations first, then memory equations, each
// time merging equal unknowns with a union-find (union by rank, the first argument's class
// winning ties) and naming a class after its root; replaying the same unions in the same
// order gives the same name. Only used for such values, so clarity beats speed here.
import type { Equation } from '../events';
import { type Atom, isVar } from '../events';
import type { Combination } from './combination';

class UnionFind {
  private readonly parent = new Map<number, number>();
  private readonly rank = new Map<number, number>();

  find(x: number): number {
    let p = this.parent.get(x) ?? x;
    while (p !== x) {
      x = p;
      p = this.parent.get(x) ?? x;
    }
    return x;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const ka = this.rank.get(ra) ?? 0;
    const kb = this.rank.get(rb) ?? 0;
    if (ka > kb) this.parent.set(rb, ra);
    else if (kb > ka) this.parent.set(ra, rb);
    else {
      this.parent.set(rb, ra);
      this.rank.set(ra, ka + 1);
    }
  }
}

function unionAtoms(uf: UnionFind, a: Atom, b: Atom): void {
  if (isVar(a) && isVar(b)) uf.union(a.id, b.id);
}

/** herd's register-phase order: register locations descending, reads of each by creation. */
function registerEquations(comb: Combination): Equation[] {
  const entries: { proc: number; reg: string; eiid: number; eq: Equation }[] = [];
  for (const path of comb.paths) {
    let k = 0;
    for (const e of path.events) {
      if (e.kind === 'RegR')
        entries.push({ proc: path.thread, reg: e.reg!, eiid: e.eiid, eq: path.regEquations[k++] });
    }
  }
  // herd folds locations in increasing order, reads newest first, prepending each equation.
  entries.sort(
    (x, y) => x.proc - y.proc || (x.reg < y.reg ? -1 : x.reg > y.reg ? 1 : 0) || y.eiid - x.eiid,
  );
  return entries.reverse().map((x) => x.eq);
}

/** The herd name of the undetermined value `v` in the candidate with reads-from `rfOf`. */
export function herdSymbol(comb: Combination, rfOf: Int32Array, v: Atom): string {
  const phase1 = new UnionFind();
  for (const eq of registerEquations(comb)) if (!eq.op) unionAtoms(phase1, eq.target, eq.args[0]);
  for (const path of comb.paths)
    for (const eq of path.equations) if (!eq.op) unionAtoms(phase1, eq.target, eq.args[0]);
  const root1 = (a: Atom): Atom => (isVar(a) ? { id: phase1.find(a.id) } : a);

  const phase2 = new UnionFind();
  const loads = [...comb.reads].sort((a, b) => comb.events[b].ev.eiid - comb.events[a].ev.eiid);
  for (const r of loads) {
    const w = comb.events[rfOf[r]].ev;
    const re = comb.events[r].ev;
    unionAtoms(phase2, root1(re.value!), root1(w.value!));
    unionAtoms(phase2, root1(w.loc!), root1(re.loc!));
  }
  const a = root1(v);
  return `S${(isVar(a) ? phase2.find(a.id) : 0) + 1}`;
}
