// Interpreter stage: `let rec` over values, iterated exactly as herd does (spec §8.3).
import { evset, rel } from '../relations';
import type { Span } from '../source';
import type { Compiled } from './compiled';
import type { Env } from './env';
import { illegalRecursion, noConvergence, raise } from './messages';
import { describe, EMPTY, type Value, valsetHas } from './values';

/** herd has no bound; a definition that keeps changing is reported after this many steps. */
export const MAX_FIXPOINT_STEPS = 10_000;

export interface GroupStore {
  read(k: number): Value | undefined;
  write(k: number, v: Value | undefined): void;
}

/**
 * Starts every variable at `{}`, then repeats a step (evaluate the bindings in textual order,
 * each seeing the values just computed) until every new value is a subset of the previous
 * one. Non-monotone groups (the bell's rcu-rscs) depend on exactly this scheme. `check` is a
 * `when` test run after every step: false stops the iteration and rejects the candidate.
 */
export function fixpoint(
  names: readonly string[],
  inits: readonly Compiled[],
  env: Env,
  store: GroupStore,
  at: Span,
  check?: (env: Env) => boolean,
): boolean {
  let olds: Value[] = inits.map(() => EMPTY);
  for (let k = 0; k < inits.length; k++) store.write(k, EMPTY);
  try {
    for (let step = 0; step < MAX_FIXPOINT_STEPS; step++) {
      env.top.run.poll?.();
      const news: Value[] = [];
      for (let k = 0; k < inits.length; k++) {
        const v = inits[k](env);
        store.write(k, v);
        news.push(v);
      }
      if (check && !check(env)) return false;
      if (news.every((v, k) => stabilised(olds[k], v, env, at))) return true;
      olds = news;
    }
  } catch (e) {
    for (let k = 0; k < inits.length; k++) store.write(k, undefined);
    throw e;
  }
  for (let k = 0; k < inits.length; k++) store.write(k, undefined);
  return raise(noConvergence(names, MAX_FIXPOINT_STEPS, at));
}

/** new ⊆ old, with `{}` and `_` as herd reads them. */
function stabilised(old: Value, now: Value, env: Env, at: Span): boolean {
  if (now.kind === 'empty' || old.kind === 'universe') return true;
  switch (now.kind) {
    case 'rel':
      if (old.kind === 'empty') return rel.isEmpty(now.rel);
      if (old.kind === 'rel') return rel.subset(now.rel, old.rel);
      break;
    case 'events':
      if (old.kind === 'empty') return evset.isEmpty(now.set);
      if (old.kind === 'events') return evset.subset(now.set, old.set);
      break;
    case 'valset':
      if (old.kind === 'empty') return now.elems.length === 0;
      if (old.kind === 'valset') return now.elems.every((x) => valsetHas(old, x));
      break;
    case 'universe':
      if (old.kind === 'rel') return rel.equals(old.rel, env.top.cache.unv());
      if (old.kind === 'events') return evset.equals(old.set, env.top.cache.all());
      break;
  }
  return raise(illegalRecursion(describe(now), at));
}
