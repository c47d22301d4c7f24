// Interpreter stage: the `linearisations(S, r)` primitive: every strict total order on S
// that contains r restricted to S (edges leaving S are ignored), as transitive relations.
import { type EventSet, evset, type Relation, rel } from '../relations';

/** `poll` is called for every partial order tried: n writes have up to n! orders. */
export function linearisations(s: EventSet, r: Relation, poll?: () => void): Relation[] {
  const nodes = evset.members(s);
  const k = nodes.length;
  const preds = new Int32Array(k);
  const succs: number[][] = nodes.map(() => []);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i !== j && rel.has(r, nodes[i], nodes[j])) {
        succs[i].push(j);
        preds[j]++;
      }
    }
  }
  // A cycle inside S leaves no order at all.
  for (let i = 0; i < k; i++) if (rel.has(r, nodes[i], nodes[i])) return [];
  const out: Relation[] = [];
  const order: number[] = [];
  const used = new Uint8Array(k);
  const extend = (): void => {
    poll?.();
    if (order.length === k) {
      const o = rel.empty(s.n);
      for (let i = 0; i < k; i++)
        for (let j = i + 1; j < k; j++) rel.add(o, nodes[order[i]], nodes[order[j]]);
      out.push(o);
      return;
    }
    for (let i = 0; i < k; i++) {
      if (used[i] || preds[i] !== 0) continue;
      used[i] = 1;
      order.push(i);
      for (const j of succs[i]) preds[j]--;
      extend();
      for (const j of succs[i]) preds[j]++;
      order.pop();
      used[i] = 0;
    }
  };
  extend();
  return out;
}
