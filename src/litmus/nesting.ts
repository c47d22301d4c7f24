// Litmus stage: a bound on nesting. The parser and every later stage recurse once per level
// of brackets, prefix operators, blocks or chained operators; past this bound a test or .def
// gets a diagnostic instead of exhausting the stack (no real test comes near it).
import type { IToken } from 'chevrotain';

/** Levels of brackets plus prefix operators the parser accepts. */
export const MAX_TOKEN_NESTING = 100;
/** Depth of AST nodes (a chain `a /\ b /\ ...` nests one node per operator). */
export const MAX_AST_DEPTH = 400;

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
const PREFIX = new Set(['*', '&', '!', '~', '-', '+']);

/** The first token nested deeper than MAX_TOKEN_NESTING, if any. */
export function tooDeepToken(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  let prefixRun = 0;
  for (const t of tokens) {
    if (OPEN.has(t.image)) depth++;
    else if (CLOSE.has(t.image)) depth = Math.max(0, depth - 1);
    prefixRun = PREFIX.has(t.image) ? prefixRun + 1 : 0;
    if (depth + prefixRun > MAX_TOKEN_NESTING) return t;
  }
  return undefined;
}
