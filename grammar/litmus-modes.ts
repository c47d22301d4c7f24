// Litmus grammar: the lexer modes and OCaml comment scanning, without chevrotain, so that the
// splitter and a run whose parses all come from the cache do not load the lexer and parser.

/** Thread code and `.def` files use C tokens; the init section and constraints, herd's state. */
export const C_MODE = 'c';
export const STATE_MODE = 'state';

/**
 * The end of the OCaml comment opening at `i`, or -1 when there is none or it is never closed.
 * OCaml comments nest: `(* a (* b *) c *)` is one comment. The splitter uses this too.
 */
export function ocamlCommentEnd(text: string, i: number): number {
  if (!text.startsWith('(*', i)) return -1;
  let depth = 0;
  while (i < text.length - 1) {
    if (text.startsWith('(*', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('*)', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return -1;
}
