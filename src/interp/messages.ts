// Interpreter stage: the catalogue of evaluation errors. Each is thrown as a UserError with a
// positioned diagnostic; `try ... with` catches them as herd does.
import { type Diagnostic, error, type Span, UserError, warning } from '../source';

export function raise(d: Diagnostic): never {
  throw new UserError(d);
}

export const unbound = (name: string, at: Span) => error('cat/unbound', `unbound name ${name}`, at);

export const typeMismatch = (expected: string, found: string, at: Span) =>
  error('cat/type', `type error: ${expected} expected, ${found} found`, at);

export const mixedTypes = (op: string, a: string, b: string, at: Span) =>
  error('cat/type', `type error: ${op} of ${a} and ${b}`, at);

export const undefinedTag = (tag: string, at: Span) =>
  error('cat/unknown-tag', `tag '${tag} is not declared by any enum`, at);

export const notAFunction = (found: string, at: Span) =>
  error('cat/type', `type error: a function is expected here, ${found} found`, at);

export const notAProcedure = (found: string, at: Span) =>
  error('cat/type', `type error: a procedure is expected here, ${found} found`, at);

export const argumentMismatch = (expected: number, found: string, at: Span) =>
  error('cat/arguments', `this function takes ${expected} arguments, it is given ${found}`, at);

export const primitiveFailed = (name: string, message: string, at: Span) =>
  error('cat/primitive', `${name}: ${message}`, at);

export const matchFailed = (tag: string, at: Span) =>
  error('cat/match', `no clause matches the tag '${tag}`, at);

export const badMatchSubject = (what: string, at: Span) =>
  error('cat/match', `cannot match on ${what}`, at);

export const universeMisuse = (where: string, at: Span) =>
  error('cat/type', `the universe _ cannot be used ${where}`, at);

export const noConvergence = (names: readonly string[], steps: number, at: Span) =>
  error(
    'cat/no-convergence',
    `let rec ${names.join(', ')} does not converge after ${steps} steps (each step must only add to every value)`,
    at,
  );

export const illegalRecursion = (type: string, at: Span) =>
  error('cat/no-convergence', `let rec cannot compute a fixpoint over values of type ${type}`, at);

export const assertionFailed = (name: string | undefined, at: Span) =>
  error('cat/assert', `assertion ${name ?? '(unnamed)'} failed`, at);

export const relationExpected = (test: string, at: Span) =>
  error('cat/type', `type error: ${test} needs a relation, an event set is given`, at);

export const notATagSet = (found: string, at: Span) =>
  error('cat/type', `type error: a tag or set of tags is expected here, ${found} found`, at);

export const recursiveInclude = (file: string, at: Span) =>
  error('cat/include-cycle', `"${file}" includes itself`, at);

export const unnamedFlag = (at: Span) =>
  warning(
    'cat/unnamed-flag',
    'this flagged test has no name (`as name`): it can never be reported',
    at,
  );

export const badEventClass = (name: string, legal: readonly string[], at: Span) =>
  error('cat/bad-event-class', `event class ${name} is not one of ${legal.join(' ')}`, at);
