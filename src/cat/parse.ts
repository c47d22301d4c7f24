// Cat stage: parses one cat file's text into the cat AST, syntax errors as diagnostics.
import * as ohm from 'ohm-js';
import { type Diagnostic, type Result, span } from '../source';
import type { CatModel } from './ast';
import { makeAstBuilder } from './build-ast';
import { catGrammarText } from './grammar-source';
import { syntaxError, unterminatedComment, unterminatedString } from './messages';

let parser: { grammar: ohm.Grammar; build: ReturnType<typeof makeAstBuilder> } | undefined;

function getParser() {
  if (!parser) {
    const grammar = ohm.grammar(catGrammarText());
    parser = { grammar, build: makeAstBuilder(grammar) };
  }
  return parser;
}

export function parseCat(text: string, file: string): Result<CatModel> {
  const lexical = checkCommentsAndStrings(text, file);
  if (lexical) return { value: undefined, diagnostics: [lexical] };
  const { grammar, build } = getParser();
  const m = grammar.match(text);
  if (m.failed())
    return {
      value: undefined,
      diagnostics: [describeFailure(m as ohm.FailedMatchResult, text, file)],
    };
  return { value: build(m, file), diagnostics: [] };
}

/** Unclosed comments and strings are reported where they open, not at the end of the file. */
function checkCommentsAndStrings(text: string, file: string): Diagnostic | undefined {
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '(' && text[i + 1] === '*') {
      const open = i;
      let depth = 0;
      do {
        if (text.startsWith('(*', i)) {
          depth++;
          i += 2;
        } else if (text.startsWith('*)', i)) {
          depth--;
          i += 2;
        } else i++;
      } while (depth > 0 && i < text.length);
      if (depth > 0) return unterminatedComment(span(file, open, open + 2));
    } else if (c === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return unterminatedString(span(file, i, i + 1));
      i = close + 1;
    } else if ((c === '/' && text[i + 1] === '/') || c === '#') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else i++;
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
