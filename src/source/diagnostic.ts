// Source stage: diagnostics are data with spans; stages return them and keep going.
import type { Span } from './span';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable code, e.g. `litmus/unknown-register`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly { readonly message: string; readonly span: Span }[];
}

export interface Result<T> {
  readonly value: T | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export function error(code: string, message: string, span: Span): Diagnostic {
  return { code, severity: 'error', message, span };
}

export function warning(code: string, message: string, span: Span): Diagnostic {
  return { code, severity: 'warning', message, span };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/**
 * A user's mistake found deep inside a stage (the cat interpreter, the enumerator) that
 * cannot return a value: thrown, caught at the stage boundary and turned into a Diagnostic.
 * Anything else thrown is a bug in ordo.
 */
export class UserError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}
