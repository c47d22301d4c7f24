// Interpreter stage: runs compiled instructions in continuation-passing style: `with x from S`
// runs the rest of the model once per element of S; a failed check drops the branch.
import type { Span } from '../source';
import { bindPattern } from './apply';
import type { Op, Target } from './compiled';
import { type AcceptedState, type Env, LocalFrame, newFrame, type TopEnv, writeTop } from './env';
import {
  assertionFailed,
  badMatchSubject,
  matchFailed,
  notAProcedure,
  notATagSet,
  raise,
  typeMismatch,
} from './messages';
import { testHolds } from './operators';
import { describe, type Value } from './values';

type Continuation = (st: AcceptedState) => void;

export function runOps(
  ops: readonly Op[],
  from: number,
  env: Env,
  st: AcceptedState,
  k: Continuation,
): void {
  const ctx = env.top.run;
  for (let i = from; i < ops.length; i++) {
    if (ctx.stopped) return;
    const o = ops[i];
    switch (o.kind) {
      case 'check': {
        if (testHolds(o.pred, o.negated, o.expr(env), env, o.span)) {
          if (o.type === 'flag' && !st.flags.includes(o.name!))
            st = { flags: [...st.flags, o.name!], undef: st.undef };
          break;
        }
        if (o.type === 'check') return;
        if (o.type === 'undefined_unless') st = { flags: st.flags, undef: true };
        else if (o.type === 'assert') raise(assertionFailed(o.name, o.span));
        break;
      }
      case 'with': {
        // No choice at all rejects the candidate.
        for (const v of elements(o.set(env), o.span)) {
          if (ctx.stopped) return;
          runOps(ops, i + 1, bindBranch(env, o.target, v), st, k);
        }
        return;
      }
      case 'rec-when':
        if (!o.force(env)) return;
        break;
      case 'call': {
        const p = o.proc(env);
        if (p.kind !== 'proc') raise(notAProcedure(describe(p), o.span));
        const frame = new LocalFrame(
          p.proc.layout,
          p.env,
          p.env.top,
          new Array(p.proc.layout.inits.length),
        );
        bindPattern(p.proc.pat, o.arg(env), frame.vals, o.span);
        // Bindings made by the body are dropped on return; its flags are kept.
        runOps(p.proc.body, 0, frame, st, (after) => runOps(ops, i + 1, env, after, k));
        return;
      }
      case 'forall': {
        const vals = elements(o.set(env), o.span, true);
        const loop = (j: number, now: AcceptedState): void => {
          if (j === vals.length) {
            runOps(ops, i + 1, env, now, k);
            return;
          }
          const frame = newFrame(o.layout, env);
          frame.vals[0] = vals[j];
          runOps(o.body, 0, frame, now, (after) => loop(j + 1, after));
        };
        loop(0, st);
        return;
      }
      case 'match': {
        const v = o.subject(env);
        if (v.kind !== 'tag') raise(badMatchSubject(describe(v), o.span));
        const clause = o.clauses.get(v.name) ?? o.otherwise ?? raise(matchFailed(v.name, o.span));
        runOps(clause.body, 0, newFrame(clause.layout, env), st, (after) =>
          runOps(ops, i + 1, env, after, k),
        );
        return;
      }
      case 'events':
        for (const arg of o.args) {
          for (const tag of tagsOf(arg.expr(env), arg.span)) {
            if (!ctx.bellTags.includes(tag)) ctx.bellTags.push(tag);
          }
        }
        break;
      case 'accept':
        ctx.accept(st, env as TopEnv);
        break;
    }
  }
  k(st);
}

/** The members of a value set (a single tag counts as its singleton for forall). */
function elements(v: Value, at: Span, liftTag = false): readonly Value[] {
  if (v.kind === 'empty') return [];
  if (v.kind === 'valset') return v.elems;
  if (liftTag && v.kind === 'tag') return [v];
  return raise(typeMismatch('a set of values', describe(v), at));
}

function tagsOf(v: Value, at: Span): string[] {
  if (v.kind === 'tag') return [v.name];
  if (v.kind === 'valset' && v.elems.every((t) => t.kind === 'tag'))
    return v.elems.map((t) => (t as { name: string }).name);
  return raise(notATagSet(describe(v), at));
}

/** The environment of one `with` branch, the chosen value bound. */
function bindBranch(env: Env, target: Target, v: Value): Env {
  if (target.kind === 'top') {
    const top = env.top.branch(env.top.program.slots[target.slot].level);
    writeTop(top, target.slot, v);
    return top;
  }
  const f = env as LocalFrame;
  const copy = new LocalFrame(f.layout, f.parent, f.top, f.vals.slice());
  copy.vals[target.index] = v;
  return copy;
}
