// Advise stage: the single changes a fix is made of: stronger forms of the test's accesses,
// atomics and barriers, and a barrier inserted between two po-adjacent accesses.
import type { SourceFile } from '../source';
import { type Change, insertFence, replaceSite } from './changes';
import { COST, fenceForm, type Form, INSERTED_FENCES, primitiveOf } from './primitives';
import { isAccessStmt, isFenceStmt, type Site, type StmtRef, sitesOf, type ThreadSites } from './sites';

type Defined = (macro: string) => boolean;

/** The stronger forms of a site; a plain access may first become READ_ONCE()/WRITE_ONCE(). */
function strongerForms(site: Site, defined: Defined): readonly Form[] {
  const node = site.node;
  if (node.kind === 'call') return node.primitive?.stronger ?? [];
  const marked = primitiveOf(node.kind === 'plain-load' ? 'READ_ONCE' : 'WRITE_ONCE', defined);
  return marked ? [marked.form, ...marked.stronger] : [];
}

/** A statement performing an RMW that is not fully ordered (smp_mb__{before,after}_atomic() apply). */
function weakRmwStmt(t: ThreadSites, s: StmtRef | undefined): boolean {
  if (!s || (s.stmt.kind !== 'ExprStmt' && s.stmt.kind !== 'AssignStmt')) return false;
  return sitesOf(t, s).some(
    (x) => x.node.kind === 'call' && x.node.primitive?.role === 'rmw' && x.node.primitive.form.cost < COST.full,
  );
}

function neighbour(t: ThreadSites, s: StmtRef, delta: number): StmtRef | undefined {
  const stmt = s.list[s.index + delta];
  return stmt && t.stmts.find((r) => r.stmt === stmt);
}

/** Every access, atomic or plain, in a stronger form. */
export function strengthenings(threads: readonly ThreadSites[], source: SourceFile, defined: Defined): Change[] {
  return threads.flatMap((t) =>
    t.sites.flatMap((site) =>
      site.isFence
        ? []
        : strongerForms(site, defined).flatMap((f) => {
            const c = replaceSite(site, f, source, t.freshRegister);
            return c && c.cost >= 0 ? [c] : [];
          }),
    ),
  );
}

/** Strengthenings, barriers strengthened in place, and barriers inserted between accesses; cheapest first. */
export function fixCandidates(threads: readonly ThreadSites[], source: SourceFile, defined: Defined): Change[] {
  const out = strengthenings(threads, source, defined);
  for (const t of threads) {
    const accesses = t.stmts.filter((s) => isAccessStmt(t, s));
    const slotOf = (k: number) => `gap:${t.thread}:${k}`;
    const costOf = (site: Site) => (site.node.kind === 'call' ? (site.node.primitive?.form.cost ?? 0) : 0);
    for (const [k, a] of accesses.entries()) {
      const before = accesses.slice(0, k).flatMap((s) => sitesOf(t, s));
      const after = accesses.slice(k).flatMap((s) => sitesOf(t, s));
      const prev = neighbour(t, a, -1);
      // A barrier already in this gap is strengthened in place rather than joined by another.
      if (prev && isFenceStmt(t, prev)) {
        const fence = sitesOf(t, prev)[0];
        const names = [
          ...((fence.node.kind === 'call' && fence.node.primitive?.stronger.map((f) => f.name)) || []),
          ...(weakRmwStmt(t, neighbour(t, prev, -1)) ? ['smp_mb__after_atomic'] : []),
          ...(weakRmwStmt(t, a) ? ['smp_mb__before_atomic'] : []),
        ];
        for (const name of new Set(names)) {
          if (!defined(name) || fenceForm(name).cost <= costOf(fence)) continue;
          const c = replaceSite(fence, fenceForm(name), source);
          if (c) out.push({ ...c, slot: slotOf(k) });
        }
        continue;
      }
      if (k === 0) continue;
      const reads = (sites: readonly Site[]) => sites.some((s) => s.reads);
      const writes = (sites: readonly Site[]) => sites.some((s) => s.writes);
      const useful: Record<(typeof INSERTED_FENCES)[number], boolean> = {
        smp_rmb: reads(before) && reads(after),
        smp_wmb: writes(before) && writes(after),
        smp_mb: true,
      };
      for (const name of INSERTED_FENCES) {
        if (useful[name] && defined(name)) out.push(insertFence(name, a, 'before', slotOf(k), source));
      }
      if (defined('smp_mb__before_atomic') && weakRmwStmt(t, a)) {
        out.push(insertFence('smp_mb__before_atomic', a, 'before', slotOf(k), source));
      }
      const last = accesses[k - 1];
      if (defined('smp_mb__after_atomic') && weakRmwStmt(t, last) && !isFenceStmt(t, neighbour(t, last, 1) ?? last)) {
        out.push(insertFence('smp_mb__after_atomic', last, 'after', slotOf(k), source));
      }
    }
  }
  return out.sort((a, b) => a.cost - b.cost || a.offset - b.offset);
}
