// LSP adapter: where a cursor is in a litmus file, read from the text itself so that it works
// while the file does not parse (the moment completion is asked for).

export type Region =
  | { readonly kind: 'init' }
  | { readonly kind: 'thread'; readonly thread: number }
  | { readonly kind: 'constraint' };

/** The constraint keywords that end the program, whole words, as herd's splitter finds them. */
const CONSTRAINT = /(?<![\w~])(?:~\s*exists|exists|forall|final|locations|filter)(?!\w)/g;
const THREAD_HEADER = /(?<![\w])P(\d+)\s*\(/g;

export function regionAt(text: string, offset: number): Region {
  const before = text.slice(0, offset);
  if (lastMatch(CONSTRAINT, before)) return { kind: 'constraint' };
  const header = lastMatch(THREAD_HEADER, before);
  return header ? { kind: 'thread', thread: Number(header[1]) } : { kind: 'init' };
}

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The name under or just before the cursor; `0:r1` and `P0:r1` count as one token. */
export function tokenAt(text: string, offset: number): Token | undefined {
  const isTokenChar = (c: string): boolean => /[\w:]/.test(c);
  let start = offset;
  while (start > 0 && isTokenChar(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && isTokenChar(text[end])) end++;
  if (start === end) return undefined;
  return { text: text.slice(start, end), start, end };
}

/** The token up to the cursor: what completion replaces. */
export function prefixAt(text: string, offset: number): Token {
  let start = offset;
  while (start > 0 && /[\w:]/.test(text[start - 1])) start--;
  return { text: text.slice(start, offset), start, end: offset };
}

/** `0:r1` / `P0:r1` -> thread 0, register r1. */
export function splitRegisterRef(token: string): { thread: number; reg: string } | undefined {
  const m = /^P?(\d+):([A-Za-z_]\w*)$/.exec(token);
  return m ? { thread: Number(m[1]), reg: m[2] } : undefined;
}

function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  return last;
}
