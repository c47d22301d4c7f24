// Test support (robustness): the damage the fuzzers do to real input files, as fast-check
// arbitraries: what a half-typed editor buffer, an old corpus or a bad copy does to a file.
import fc from 'fast-check';
import { unreachable } from '../../src/litmus';

/**
 * One corruption. Positions are any naturals, taken modulo the text's length (or its line or
 * token count), so that one mutation applies to every text and shrinks towards the start.
 */
export type Mutation =
  | { readonly kind: 'delete-line'; readonly line: number }
  | { readonly kind: 'duplicate-line'; readonly line: number }
  | { readonly kind: 'swap-tokens'; readonly a: number; readonly b: number }
  | { readonly kind: 'delete-token'; readonly token: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

/** Characters a lexer must survive: controls, NUL, lone surrogates, BOM, CR, non-ASCII. */
const ODD_CHARS = ['\0', '\r', '\t', '\v', '\f', '\uFEFF', '\uD800', '\uDFFF', 'é', '€', '\u2028'];

/** Openers and closers of every language read here (C, cat, .def, .cfg), alone: unbalanced. */
const BRACKETS = [
  '(*',
  '*)',
  '/*',
  '*/',
  '//',
  '#',
  '"',
  "'",
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '<',
  '>',
];

/** Numbers past every machine range: int32, 2^53, float overflow, hex and negative. */
const HUGE_NUMBERS = [
  '2147483648',
  '-2147483649',
  '4294967296',
  '9007199254740993',
  '99999999999999999999999999999999999999',
  '0x7fffffffffffffffffffffff',
  '1e309',
  '-0',
  '00000000000000000000000001',
];

/** Words with a meaning somewhere in the pipeline, to make mutants that get further. */
const KEYWORDS = [
  'exists',
  'forall',
  '~exists',
  'filter',
  'locations',
  'let',
  'rec',
  'and',
  'in',
  'include',
  'acyclic',
  'irreflexive',
  'empty',
  'flag',
  'with',
  'from',
  'if',
  'else',
  'while',
  'P0',
  'int',
  'spinlock_t',
  'READ_ONCE',
  'smp_mb',
  'atomic_t',
  '0:r0',
  'x',
  '/\\',
  '\\/',
  ';',
  ',',
  '=',
  '*',
];

/** `depth` nested parentheses, closed or not: recursive-descent parsers must not blow the stack. */
function nested(depth: number, closed: boolean, open: string, close: string): string {
  return `${open.repeat(depth)}x${closed ? close.repeat(depth) : ''}`;
}

const insertion: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KEYWORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...BRACKETS) },
  { weight: 2, arbitrary: fc.constantFrom(...HUGE_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_CHARS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 10, max: 20_000 }),
        fc.boolean(),
        fc.constantFrom(['(', ')'], ['{', '}'], ['[', ']'], ['(*', '*)'], ['/*', '*/']),
      )
      .map(([depth, closed, [open, close]]) => nested(depth, closed, open, close)),
  },
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-tokens' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('delete-token' as const), token: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
);

/** Tokens as the fuzzers see them: words, numbers, or one other non-space character. */
function tokens(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\w.]+|\S/g))
    out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function lines(text: string): string[] {
  return text.split('\n');
}

export function applyMutation(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'delete-line':
    case 'duplicate-line': {
      const ls = lines(text);
      const i = m.line % ls.length;
      ls.splice(i, m.kind === 'delete-line' ? 1 : 0, ...(m.kind === 'delete-line' ? [] : [ls[i]]));
      return ls.join('\n');
    }
    case 'swap-tokens': {
      const ts = tokens(text);
      if (ts.length < 2) return text;
      const [a, b] = [ts[m.a % ts.length], ts[m.b % ts.length]].sort((x, y) => x.start - y.start);
      if (a === b) return text;
      const at = (t: { start: number; end: number }) => text.slice(t.start, t.end);
      return (
        text.slice(0, a.start) + at(b) + text.slice(a.end, b.start) + at(a) + text.slice(b.end)
      );
    }
    case 'delete-token': {
      const ts = tokens(text);
      if (ts.length === 0) return text;
      const t = ts[m.token % ts.length];
      return text.slice(0, t.start) + text.slice(t.end);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    default:
      return unreachable(m);
  }
}

/** Text made from scratch: a soup of the languages' words, brackets, numbers and odd bytes. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(fc.tuple(insertion, fc.constantFrom(' ', '\n', '', '\t')), { maxLength: 60 })
  .map((parts) => parts.map(([t, sep]) => t + sep).join(''));

/** One fuzz case: a real file (by index) damaged in order, or text made from scratch. */
export type FuzzCase =
  | { readonly kind: 'mutant'; readonly base: number; readonly mutations: readonly Mutation[] }
  | { readonly kind: 'soup'; readonly text: string };

export function caseText(c: FuzzCase, bases: readonly string[]): string {
  return c.kind === 'soup' ? c.text : c.mutations.reduce(applyMutation, bases[c.base]);
}

/** Cases over `count` base files: mostly one to four corruptions of a file, some soup. */
export function fuzzCases(count: number): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc.record({
        kind: fc.constant('mutant' as const),
        base: fc.nat({ max: count - 1 }),
        mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('soup' as const), text: tokenSoup }) },
  );
}

/** A case for a failure report, without long texts: the base file and the mutations. */
export function describeCase(c: FuzzCase, baseName: (index: number) => string): string {
  if (c.kind === 'soup') return `soup ${JSON.stringify(c.text.slice(0, 200))}`;
  const short = (x: Mutation) =>
    x.kind === 'insert' && x.text.length > 40
      ? { ...x, text: `${JSON.stringify(x.text.slice(0, 20))}... (${x.text.length} chars)` }
      : x;
  return `${baseName(c.base)} with ${JSON.stringify(c.mutations.map(short))}`;
}
