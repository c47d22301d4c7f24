// Cat stage: parses one cat file's text into the cat AST, syntax errors as diagnostics.
import type * as ohm from 'ohm-js';
import { type Diagnostic, type Result, span, tooDeepNode } from '../source';
import type { CatModel } from './ast';
import { makeAstBuilder } from './build-ast';
import { catGrammarText } from './grammar-source';
import { syntaxError, tooDeep, unterminatedComment, unterminatedString } from './messages';

let parser: { grammar: ohm.Grammar; build: ReturnType<typeof makeAstBuilder> } | undefined;

function getParser() {
  if (!parser) {
    // Loaded here, not imported: a run whose models all come from the parse cache never needs ohm.
    const { grammar: compile } = require('ohm-js') as typeof ohm;
    const grammar = compile(catGrammarText());
    parser = { grammar, build: makeAstBuilder(grammar) };
  }
  return parser;
}

export function parseCat(text: string, file: string): Result<CatModel> {
  const lexical = checkCommentsAndStrings(text, file);
  if (lexical) return { value: undefined, diagnostics: [lexical] };
  const { grammar, build } = getParser();
  let m: ohm.MatchResult;
  try {
    m = grammar.match(text);
  } catch (e) {
    // Nesting the text check cannot see (`let ... in` chains) still exhausts ohm's stack.
    if (!(e instanceof RangeError)) throw e;
    return { value: undefined, diagnostics: [tooDeep(MAX_NESTING, span(file, 0, 0))] };
  }
  if (m.failed())
    return {
      value: undefined,
      diagnostics: [describeFailure(m as ohm.FailedMatchResult, text, file)],
    };
  const model = build(m, file);
  const deep = tooDeepNode(model, MAX_AST_DEPTH);
  if (deep) return { value: undefined, diagnostics: [tooDeep(MAX_AST_DEPTH, deep)] };
  return { value: model, diagnostics: [] };
}

/** Levels of brackets, prefix `~` and comments the parser reads (ohm recurses per level). */
export const MAX_NESTING = 100;
/** Depth of AST nodes the compiler and interpreter recurse over. */
const MAX_AST_DEPTH = 300;

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/**
 * Unclosed comments and strings are reported where they open, not at the end of the file;
 * nesting past MAX_NESTING where it goes too deep, before the parser exhausts the stack.
 */
function checkCommentsAndStrings(text: string, file: string): Diagnostic | undefined {
  let i = 0;
  let depth = 0;
  let prefixRun = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '(' && text[i + 1] === '*') {
      const open = i;
      let comments = 0;
      do {
        if (text.startsWith('(*', i)) {
          if (++comments > MAX_NESTING) return tooDeep(MAX_NESTING, span(file, i, i + 2));
          i += 2;
        } else if (text.startsWith('*)', i)) {
          comments--;
          i += 2;
        } else i++;
      } while (comments > 0 && i < text.length);
      if (comments > 0) return unterminatedComment(span(file, open, open + 2));
      continue;
    }
    if (c === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return unterminatedString(span(file, i, i + 1));
      i = close + 1;
      continue;
    }
    if ((c === '/' && text[i + 1] === '/') || c === '#') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
      continue;
    }
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) depth = Math.max(0, depth - 1);
    if (c === '~') prefixRun++;
    else if (!/\s/.test(c)) prefixRun = 0;
    if (depth + prefixRun > MAX_NESTING) return tooDeep(MAX_NESTING, span(file, i, i + 1));
    i++;
  }
  return undefined;
}

const OPERATORS = [
  '||',
  '&&',
  '++',
  '->',
  '-1',
  '^',
  '|',
  '&',
  ';',
  '\\',
  '*',
  '+',
  '?',
  '~',
  '=',
  ',',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
];

const KEYWORDS = new Set(
  (
    'let rec and when acyclic irreflexive show unshow empty subset as fun in undefined_unless flag ' +
    'assert include variant begin end procedure call enum debug match with forall from do try if ' +
    'then else catdep instructions default not'
  ).split(' '),
);

/** Groups of tokens that ohm lists one by one, and what to call each group instead. */
const GROUPS: readonly {
  readonly name: string;
  readonly witnesses: readonly string[];
  readonly members: ReadonlySet<string>;
}[] = [
  {
    name: 'an expression',
    witnesses: ['an identifier', "'('", "'{'"],
    members: new Set([
      "'['",
      "'begin'",
      "'('",
      "'_'",
      "'{'",
      'a tag',
      "'0'",
      'an identifier',
      "'~'",
      "'match'",
      "'if'",
      "'try'",
      "'fun'",
      "'let'",
    ]),
  },
  {
    name: 'an operator',
    witnesses: ["';'"],
    members: new Set(["'|'", "'++'", "';'", "'\\'", "'&'", "'*'", "'+'", "'?'", "'^'", "','"]),
  },
  {
    name: 'an instruction',
    witnesses: ["'include'"],
    members: new Set([
      'end of input',
      "'let'",
      "'match'",
      "'show'",
      "'unshow'",
      "'include'",
      "'procedure'",
      "'call'",
      "'debug'",
      "'forall'",
      "'with'",
      "'if'",
      "'instructions'",
      "'default'",
      "'flag'",
      "'undefined_unless'",
      "'assert'",
      "'~'",
      "'acyclic'",
      "'irreflexive'",
      "'empty'",
      "'enum'",
    ]),
  },
];

interface Failure {
  getText(): string;
  getType(): string;
}

function describeFailure(m: ohm.FailedMatchResult, text: string, file: string): Diagnostic {
  const pos = m.getRightmostFailurePosition();
  const token = tokenAt(text, pos);
  const failures = (m as unknown as { getRightmostFailures(): Failure[] }).getRightmostFailures();
  const expected = failures.map((f) =>
    f.getType() === 'description' ? f.getText() : `'${f.getText()}'`,
  );
  const why = hint(text, pos, token.text);
  // At the end of the file there is no token: the span is empty there, never past the text.
  const at = span(file, pos, Math.min(text.length, pos + Math.max(1, token.text.length)));
  return syntaxError(token.what, why ? undefined : summarizeExpected(expected), why, at);
}

function tokenAt(text: string, pos: number): { text: string; what: string } {
  if (pos >= text.length) return { text: '', what: 'end of file' };
  const rest = text.slice(pos);
  const word = /^_?[A-Za-z][A-Za-z0-9_.-]*'?/.exec(rest);
  if (word)
    return { text: word[0], what: `${KEYWORDS.has(word[0]) ? 'keyword ' : ''}'${word[0]}'` };
  const num = /^[0-9]+/.exec(rest);
  if (num) return { text: num[0], what: `number ${num[0]}` };
  const tag = /^'_?[A-Za-z][A-Za-z0-9_.-]*'?/.exec(rest);
  if (tag) return { text: tag[0], what: `tag ${tag[0]}` };
  if (rest[0] === '"') {
    const close = rest.indexOf('"', 1);
    return { text: rest.slice(0, close + 1), what: `string ${rest.slice(0, close + 1)}` };
  }
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (op) return { text: op, what: `'${op}'` };
  return { text: rest[0], what: `character '${rest[0]}'` };
}

/** Ohm lists every token that could come next; name the usual groups instead. */
function summarizeExpected(items: readonly string[]): string | undefined {
  let out = [...new Set(items)];
  const groups: string[] = [];
  for (const g of GROUPS) {
    if (!g.witnesses.every((w) => out.includes(w))) continue;
    out = out.filter((t) => !g.members.has(t));
    groups.push(g.name);
  }
  out = [...out, ...groups];
  if (out.length === 0) return undefined;
  if (out.length === 1) return out[0];
  return `${out.slice(0, -1).join(', ')} or ${out[out.length - 1]}`;
}

/** herd's quirks that surprise people, explained where they bite. */
function hint(text: string, pos: number, token: string): string | undefined {
  if (/^[0-9]/.test(token)) {
    if (/\^\s*$/.test(text.slice(0, pos))) return 'the inverse of r is written r^-1';
    return 'the only number in cat is 0, the empty relation';
  }
  if (token === '*' || token === '+' || token === '?') {
    return '`~`, `*`, `+` and `?` cannot be chained without parentheses: write ~(A*B), (~A)*B or ~(r+)';
  }
  if (token === '~' && /\*\s*$/.test(text.slice(0, pos))) {
    return 'the operand of a cartesian product cannot start with `~`: write A*(~B)';
  }
  if (token === '>' && text[pos - 1] === '-') {
    return 'identifiers may contain `-`: put a space before `->`';
  }
  return undefined;
}
