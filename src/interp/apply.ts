// Interpreter stage: calling closures and primitives; binding patterns to argument values.
import type { Pattern } from '../cat';
import type { Span } from '../source';
import { type Env, LocalFrame } from './env';
import { argumentMismatch, notAFunction, primitiveFailed, raise } from './messages';
import { PrimitiveError } from './primitives';
import { describe, type Value } from './values';

/** `f arg`, called from `env` (primitives read the execution through it). */
export function apply(f: Value, arg: Value, env: Env, at: Span): Value {
  if (f.kind === 'closure') {
    env.top.run.poll?.();
    const fn = f.fn;
    const frame = new LocalFrame(fn.layout, f.env, f.env.top, new Array(fn.layout.inits.length));
    bindPattern(fn.pat, arg, frame.vals, at);
    return fn.body(frame);
  }
  if (f.kind === 'prim') {
    try {
      return f.apply(arg, env);
    } catch (e) {
      if (e instanceof PrimitiveError) raise(primitiveFailed(f.name, e.message, at));
      throw e;
    }
  }
  return raise(notAFunction(describe(f), at));
}

/**
 * Stores the parts of `v` in the first slots of a frame, one per pattern position. A tuple
 * pattern takes a tuple of that size, or a pair of events when it has two positions.
 */
export function bindPattern(pat: Pattern, v: Value, vals: (Value | undefined)[], at: Span): void {
  if (pat.kind === 'var') {
    vals[0] = v;
    return;
  }
  const parts = destructure(v);
  if (parts.length !== pat.names.length) raise(argumentMismatch(pat.names.length, describe(v), at));
  for (let i = 0; i < parts.length; i++) vals[i] = parts[i];
}

export function destructure(v: Value): readonly Value[] {
  if (v.kind === 'tuple') return v.elems;
  if (v.kind === 'pair')
    return [
      { kind: 'event', id: v.from },
      { kind: 'event', id: v.to },
    ];
  return [v];
}
