// Advise stage: the ordering elements of a test: barriers, acquire/release annotations,
// ordered RMWs and lock pairs, each with the weaker forms the advisor tries, weakest last.
import { printExpr, unreachable } from '../litmus';
import type { SourceFile } from '../source';
import type { ElementKind } from './advice';
import { type Change, removeStmts, replaceSite } from './changes';
import { PAIRS, type Primitive } from './primitives';
import type { Site, StmtRef, ThreadSites } from './sites';

export interface Element {
  readonly id: string;
  readonly kind: ElementKind;
  readonly thread: number;
  readonly line: number;
  readonly offset: number;
  readonly text: string;
  readonly ordering: string;
  /** Weaker forms, each a change of the test as written; the weakest is last. */
  readonly weakenings: readonly Change[];
}

/** The element at its weakest: removed, or in its most relaxed form. */
export function weakestOf(e: Element): Change | undefined {
  return e.weakenings[e.weakenings.length - 1];
}

function kindOf(p: Primitive): ElementKind {
  switch (p.role) {
    case 'fence':
    case 'rcu-lock':
    case 'rcu-unlock':
      return 'barrier';
    case 'load':
    case 'store':
      return p.form.name === 'smp_store_mb' ? 'barrier' : 'annotation';
    case 'rmw':
      return 'rmw';
    case 'lock':
    case 'unlock':
      return 'lock';
    default:
      return unreachable(p.role);
  }
}

/** The weakenings of a single primitive call: weaker forms, then removal or the weakest form. */
function weakeningsOf(site: Site, p: Primitive, source: SourceFile): Change[] {
  const forms = p.weaker.flatMap((f) => replaceSite(site, f, source) ?? []);
  if (p.removable && site.wholeStatement)
    return [...forms, removeStmts([site.stmt], source, p.form.cost)];
  if (forms.length === 0) return [];
  // The weakest: cheapest, and among equals the last reached (a void atomic after _relaxed).
  const min = Math.min(...forms.map((c) => c.cost));
  const weakest = forms.filter((c) => c.cost === min).pop()!;
  return [...forms.filter((c) => c !== weakest), weakest];
}

/** `spin_unlock(l);` closing `spin_lock(l);` later in the same statement list. */
function closing(open: Site, sites: readonly Site[], partner: string): Site | undefined {
  const args = (s: Site) =>
    s.node.kind === 'call'
      ? s.node.call.args.map((a) => (a.kind === 'OpArg' ? a.op : printExpr(a))).join()
      : '';
  return sites.find(
    (s) =>
      s.name === partner &&
      s.wholeStatement &&
      s.stmt.list === open.stmt.list &&
      s.stmt.index > open.stmt.index &&
      args(s) === args(open),
  );
}

export function findElements(threads: readonly ThreadSites[], source: SourceFile): Element[] {
  const found: Omit<Element, 'id'>[] = [];
  for (const t of threads) {
    for (const site of t.sites) {
      if (site.node.kind !== 'call' || !site.node.primitive) continue;
      const p = site.node.primitive;
      const at = {
        thread: t.thread,
        line: source.lineCol(site.span.start).line,
        offset: site.span.start,
      };
      const partner = PAIRS.get(site.name);
      if (partner !== undefined) {
        const end = site.wholeStatement ? closing(site, t.sites, partner) : undefined;
        if (!end) continue;
        const stmts: StmtRef[] = [site.stmt, end.stmt];
        const removal = removeStmts(stmts, source, p.form.cost);
        found.push({
          ...at,
          kind: kindOf(p),
          text: removal.before!,
          ordering: p.ordering,
          weakenings: [removal],
        });
        continue;
      }
      if (p.role === 'unlock' || p.role === 'rcu-unlock') continue;
      const weakenings = weakeningsOf(site, p, source);
      if (weakenings.length === 0 && p.form.cost === 0) continue;
      const text = source.text.slice(site.span.start, site.span.end);
      found.push({ ...at, kind: kindOf(p), text, ordering: p.ordering, weakenings });
    }
  }
  return found.map((e, i) => ({ ...e, id: `e${i + 1}` }));
}
