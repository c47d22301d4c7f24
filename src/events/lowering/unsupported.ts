// Events stage (per-architecture lowering): which primitives of a test a target cannot check,
// so that the test is reported "not checked on power: synchronize_rcu" instead of guessed.
import type { LitmusTest } from '../../litmus/ast';
import type { Span } from '../../source';
import type { TargetTable } from './types';
import { callsIn } from './walk';

export interface UnsupportedCall {
  readonly name: string;
  readonly why: string;
  /** The first call of that primitive in the test. */
  readonly span: Span;
}

/** The distinct unsupported primitives a test calls, in order of first appearance. */
export function unsupportedCalls(test: LitmusTest, table: TargetTable): UnsupportedCall[] {
  const found = new Map<string, UnsupportedCall>();
  for (const c of callsIn(test.threads.flatMap((t) => t.body))) {
    const row = table.rows[c.name];
    if (row?.kind === 'unsupported' && !found.has(c.name)) {
      found.set(c.name, { name: c.name, why: row.why, span: c.nameSpan });
    }
  }
  return [...found.values()];
}

/** `not checked on power: synchronize_rcu, srcu_read_lock` */
export function notCheckedMessage(target: string, calls: readonly UnsupportedCall[]): string {
  return `not checked on ${target}: ${calls.map((c) => c.name).join(', ')}`;
}
