// Advise stage: the dependencies in a test: a load's value reaching a later access's address
// (addr), a stored value (data) or the condition guarding a store (ctrl), through registers.
// The advisor lists them; it does not vary them, since breaking one changes what the code computes.
import { type Expr, type Stmt, unreachable } from '../litmus';
import type { SourceFile } from '../source';
import type { DependencyAdvice, DependencyKind } from './advice';
import { locationArg } from './primitives';
import { type Site, sitesOf, type ThreadSites } from './sites';

type Sources = ReadonlySet<Site>;

const NONE: Sources = new Set();

function union(...sets: Sources[]): Sources {
  return new Set(sets.flatMap((s) => [...s]));
}

export function findDependencies(
  threads: readonly ThreadSites[],
  source: SourceFile,
): DependencyAdvice[] {
  const out: DependencyAdvice[] = [];
  for (const t of threads) {
    const siteOf = new Map<object, Site>(
      t.sites.map((s) => [
        s.node.kind === 'call'
          ? s.node.call
          : s.node.kind === 'plain-load'
            ? s.node.deref
            : s.node.store,
        s,
      ]),
    );
    const regs = new Map<string, Sources>();
    const seen = new Set<string>();

    /** The loads whose values flow into an expression's value. */
    const loadsIn = (e: Expr): Sources => {
      switch (e.kind) {
        case 'IntExpr':
          return NONE;
        case 'RegExpr':
          return regs.get(e.name) ?? NONE;
        case 'DerefExpr':
        case 'CallExpr': {
          const s = siteOf.get(e);
          return s?.reads ? new Set([s]) : NONE;
        }
        case 'CastExpr':
          return loadsIn(e.expr);
        case 'UnaryExpr':
          return loadsIn(e.operand);
        case 'BinaryExpr':
          return union(loadsIn(e.left), loadsIn(e.right));
        default:
          return unreachable(e);
      }
    };

    const record = (kind: DependencyKind, from: Sources, to: Site) => {
      for (const f of from) {
        const key = `${kind}:${f.span.start}:${to.span.start}`;
        if (f === to || seen.has(key)) continue;
        seen.add(key);
        out.push({
          kind,
          thread: t.thread,
          fromLine: source.lineCol(f.span.start).line,
          toLine: source.lineCol(to.span.start).line,
          from: source.text.slice(f.span.start, f.span.end),
          to: source.text.slice(to.span.start, to.span.end),
        });
      }
    };

    const access = (s: Site, ctrl: Sources) => {
      const node = s.node;
      let address: Sources = NONE;
      let data: Sources = NONE;
      if (node.kind === 'plain-load') address = loadsIn(node.deref.address);
      else if (node.kind === 'plain-store') {
        address = loadsIn(node.store.address);
        data = loadsIn(node.store.value);
      } else {
        const args = node.call.args.flatMap((a) => (a.kind === 'OpArg' ? [] : [a]));
        const k = node.primitive ? locationArg(node.primitive, args.length) : 0;
        const loc = args[k];
        if (loc) address = loadsIn(loc.kind === 'DerefExpr' ? loc.address : loc);
        data = union(...args.filter((_, i) => i !== k).map(loadsIn));
      }
      record('addr', address, s);
      if (s.writes) {
        record('data', data, s);
        record('ctrl', ctrl, s);
      }
    };

    const walk = (list: readonly Stmt[], ctrl: Sources): void => {
      for (const stmt of list) {
        const ref = t.stmts.find((r) => r.stmt === stmt)!;
        for (const s of sitesOf(t, ref)) if (!s.isFence) access(s, ctrl);
        switch (stmt.kind) {
          case 'DeclStmt':
            if (stmt.init) regs.set(stmt.name, loadsIn(stmt.init));
            break;
          case 'AssignStmt':
            regs.set(stmt.name, loadsIn(stmt.value));
            break;
          case 'StoreStmt':
          case 'ExprStmt':
            break;
          case 'IfStmt': {
            const guarded = union(ctrl, loadsIn(stmt.cond));
            walk(stmt.then, guarded);
            if (stmt.else) walk(stmt.else, guarded);
            break;
          }
          case 'WhileStmt':
            walk(stmt.body, union(ctrl, loadsIn(stmt.cond)));
            break;
          case 'BlockStmt':
            walk(stmt.body, ctrl);
            break;
          default:
            unreachable(stmt);
        }
      }
    };
    if (t.stmts.length > 0) walk(t.stmts[0].list, NONE);
  }
  return out;
}
