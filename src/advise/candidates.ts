// Advise stage: the single changes a fix is made of: stronger forms of the test's accesses,
// atomics and barriers, and a barrier inserted between two po-adjacent accesses.
import type { SourceFile } from '../source';
import { type Change, insertFence, replaceSite } from './changes';
import { COST, type Form, fenceForm, INSERTED_FENCES, primitiveOf } from './primitives';
import {
  isAccessStmt,
  isFenceStmt,
  type Site,
  type StmtRef,
  sitesOf,
  type ThreadSites,
} from './sites';

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
    (x) =>
      x.node.kind === 'call' &&
      x.node.primitive?.role === 'rmw' &&
      x.node.primitive.form.cost < COST.full,
  );
}

/**
 * The barriers that act with the statement they follow: smp_mb__after_atomic() after an RMW,
 * smp_mb__after_spinlock() after spin_lock(), smp_mb__after_unlock_lock() after a spin_lock()
 * that some spin_unlock() precedes.
 */
function attachedAfter(t: ThreadSites, s: StmtRef | undefined): string[] {
  if (!s) return [];
  const own = sitesOf(t, s);
  const locks = own.some((x) => x.name === 'spin_lock');
  const unlockedBefore = t.sites.some(
    (x) => x.name === 'spin_unlock' && x.span.start < s.stmt.span.start,
  );
  return [
    ...(weakRmwStmt(t, s) ? ['smp_mb__after_atomic'] : []),
    ...(locks ? ['smp_mb__after_spinlock'] : []),
    ...(locks && unlockedBefore ? ['smp_mb__after_unlock_lock'] : []),
  ];
}

function neighbour(t: ThreadSites, s: StmtRef, delta: number): StmtRef | undefined {
  const stmt = s.list[s.index + delta];
  return stmt && t.stmts.find((r) => r.stmt === stmt);
}

/** Every access, atomic or plain, in a stronger form. */
export function strengthenings(
  threads: readonly ThreadSites[],
  source: SourceFile,
  defined: Defined,
): Change[] {
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

/** The barrier between two accesses, strengthened in place: smp_mb(), or one that acts with its neighbour. */
function strongerFence(
  t: ThreadSites,
  fenceStmt: StmtRef,
  next: StmtRef,
  slot: string,
  source: SourceFile,
  defined: Defined,
): Change[] {
  const fence = sitesOf(t, fenceStmt)[0];
  const current = fence.node.kind === 'call' ? fence.node.primitive : undefined;
  const names = new Set([
    ...(current?.stronger.map((f) => f.name) ?? []),
    ...attachedAfter(t, neighbour(t, fenceStmt, -1)),
    ...(weakRmwStmt(t, next) ? ['smp_mb__before_atomic'] : []),
  ]);
  return [...names].flatMap((name) => {
    if (!defined(name) || fenceForm(name).cost <= (current?.form.cost ?? 0)) return [];
    const c = replaceSite(fence, fenceForm(name), source);
    return c ? [{ ...c, slot }] : [];
  });
}

/** Barriers inserted between access statements k-1 and k of a thread. */
function insertedFences(
  t: ThreadSites,
  accesses: readonly StmtRef[],
  k: number,
  slot: string,
  source: SourceFile,
  defined: Defined,
): Change[] {
  const sitesIn = (stmts: readonly StmtRef[]) => stmts.flatMap((s) => sitesOf(t, s));
  const before = sitesIn(accesses.slice(0, k));
  const after = sitesIn(accesses.slice(k));
  const useful: Record<(typeof INSERTED_FENCES)[number], boolean> = {
    smp_rmb: before.some((s) => s.reads) && after.some((s) => s.reads),
    smp_wmb: before.some((s) => s.writes) && after.some((s) => s.writes),
    smp_mb: true,
  };
  const next = accesses[k];
  const out = INSERTED_FENCES.filter((name) => useful[name] && defined(name)).map((name) =>
    insertFence(name, next, 'before', slot, source),
  );
  if (defined('smp_mb__before_atomic') && weakRmwStmt(t, next)) {
    out.push(insertFence('smp_mb__before_atomic', next, 'before', slot, source));
  }
  const last = accesses[k - 1];
  const follower = neighbour(t, last, 1);
  if (follower && isFenceStmt(t, follower)) return out;
  for (const name of attachedAfter(t, last)) {
    if (defined(name)) out.push(insertFence(name, last, 'after', slot, source));
  }
  return out;
}

/** Strengthenings, barriers strengthened in place, and barriers inserted between accesses; cheapest first. */
export function fixCandidates(
  threads: readonly ThreadSites[],
  source: SourceFile,
  defined: Defined,
): Change[] {
  const out = strengthenings(threads, source, defined);
  for (const t of threads) {
    const accesses = t.stmts.filter((s) => isAccessStmt(t, s));
    for (const [k, a] of accesses.entries()) {
      const slot = `gap:${t.thread}:${k}`;
      const prev = neighbour(t, a, -1);
      // A barrier already in this gap is strengthened in place rather than joined by another.
      if (prev && isFenceStmt(t, prev))
        out.push(...strongerFence(t, prev, a, slot, source, defined));
      else if (k > 0) out.push(...insertedFences(t, accesses, k, slot, source, defined));
    }
  }
  return out.sort((a, b) => a.cost - b.cost || a.offset - b.offset);
}
