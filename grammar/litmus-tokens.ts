// Litmus grammar: the tokens of the two litmus lexers. Thread code and `.def` files use C
// tokens (C comments); the init section and the constraints use herd's state tokens (OCaml
// comments), as herd lexes each region of a litmus file with its own lexer.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { C_MODE, ocamlCommentEnd, STATE_MODE } from './litmus-modes';

// ---------- shared ----------

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** Decimal or hex; the sign belongs to the number, so herd lexes `r-1` as `r`, `-1`. */
export const Int = createToken({
  name: 'Int',
  pattern: /-?(?:0[xX][0-9a-fA-F]+|[0-9]+)/,
  label: 'a number',
});
export const Ident = createToken({
  name: 'Ident',
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  label: 'a name',
});

/** Token categories: the parser consumes any binary operator, or any proposition operator. */
export const BinaryOperator = createToken({
  name: 'BinaryOperator',
  pattern: Lexer.NA,
  label: 'an operator',
});
export const PropOperator = createToken({
  name: 'PropOperator',
  pattern: Lexer.NA,
  label: 'an operator',
});

function punct(name: string, text: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern: text, label: `'${text}'`, categories });
}
function keyword(name: string, text: string): TokenType {
  return createToken({
    name,
    pattern: text,
    label: `'${text}'`,
    longer_alt: Ident,
  });
}

export const LParen = punct('LParen', '(');
export const RParen = punct('RParen', ')');
export const LCurly = punct('LCurly', '{');
export const RCurly = punct('RCurly', '}');
export const LBracket = punct('LBracket', '[');
export const RBracket = punct('RBracket', ']');
export const Semi = punct('Semi', ';');
export const Comma = punct('Comma', ',');
export const Colon = punct('Colon', ':');
export const EqEq = punct('EqEq', '==', [BinaryOperator]);
export const NotEq = punct('NotEq', '!=', [BinaryOperator]);
export const Assign = punct('Assign', '=');
export const Star = punct('Star', '*', [BinaryOperator]);
export const Amp = punct('Amp', '&', [BinaryOperator]);
export const Tilde = punct('Tilde', '~');

// ---------- C: thread code and .def macros ----------

export const LineComment = createToken({
  name: 'LineComment',
  pattern: /\/\/[^\n]*/,
  group: Lexer.SKIPPED,
});
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/** Kept (not skipped) so that the front end can report it at its start. */
export const UnterminatedBlockComment = createToken({
  name: 'UnterminatedBlockComment',
  pattern: /\/\*[\s\S]*/,
  label: 'an unterminated comment',
  line_breaks: true,
});

export const If = keyword('If', 'if');
export const Else = keyword('Else', 'else');
export const While = keyword('While', 'while');
export const Struct = keyword('Struct', 'struct');
/** The type words herd's C lexer knows; `unsigned`, `bool`, `u32` are not among them. */
export const TypeName = createToken({
  name: 'TypeName',
  pattern: /u?int(?:8|16|32|64|ptr)_t|atomic_int|atomic_t|spinlock_t|mtx_t|int|char|long|void/,
  label: 'a type',
  longer_alt: Ident,
});
export const Qualifier = createToken({
  name: 'Qualifier',
  pattern: /volatile|const|_Atomic/,
  label: 'a type qualifier',
  longer_alt: Ident,
});

export const AndAnd = punct('AndAnd', '&&', [BinaryOperator]);
export const OrOr = punct('OrOr', '||', [BinaryOperator]);
export const LessEq = punct('LessEq', '<=', [BinaryOperator]);
export const GreaterEq = punct('GreaterEq', '>=', [BinaryOperator]);
export const Less = punct('Less', '<', [BinaryOperator]);
export const Greater = punct('Greater', '>', [BinaryOperator]);
export const Plus = punct('Plus', '+', [BinaryOperator]);
export const Minus = punct('Minus', '-', [BinaryOperator]);
export const Slash = punct('Slash', '/', [BinaryOperator]);
export const Pipe = punct('Pipe', '|', [BinaryOperator]);
export const Caret = punct('Caret', '^', [BinaryOperator]);
export const Bang = punct('Bang', '!');

// ---------- state: init section and constraints ----------

function matchOcamlComment(text: string, offset: number): RegExpExecArray | null {
  const end = ocamlCommentEnd(text, offset);
  return end < 0 ? null : ([text.slice(offset, end)] as unknown as RegExpExecArray);
}

export const OcamlComment = createToken({
  name: 'OcamlComment',
  pattern: { exec: matchOcamlComment },
  start_chars_hint: ['('],
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const UnterminatedOcamlComment = createToken({
  name: 'UnterminatedOcamlComment',
  pattern: /\(\*[\s\S]*/,
  label: 'an unterminated comment',
  line_breaks: true,
});

export const Exists = keyword('Exists', 'exists');
export const Forall = keyword('Forall', 'forall');
export const Final = keyword('Final', 'final');
export const Not = keyword('Not', 'not');
export const True = keyword('True', 'true');
export const False = keyword('False', 'false');
export const Locations = keyword('Locations', 'locations');
export const Filter = keyword('Filter', 'filter');
export const With = keyword('With', 'with');
export const AtomicInit = keyword('AtomicInit', 'ATOMIC_INIT');
export const AtomicQualifier = keyword('AtomicQualifier', '_Atomic');
export const LtGt = punct('LtGt', '<>');
export const Implies = punct('Implies', '=>', [PropOperator]);
export const Wedge = punct('Wedge', '/\\', [PropOperator]);
export const Vee = punct('Vee', '\\/', [PropOperator]);

// Order matters: chevrotain takes the first pattern that matches, so longer operators and
// comments come before their prefixes, and `Int` (with its sign) before `Minus`.
const cTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  Int,
  If,
  Else,
  While,
  Struct,
  TypeName,
  Qualifier,
  Ident,
  LParen,
  RParen,
  LCurly,
  RCurly,
  Semi,
  Comma,
  EqEq,
  NotEq,
  LessEq,
  GreaterEq,
  AndAnd,
  OrOr,
  Assign,
  Less,
  Greater,
  Plus,
  Minus,
  Star,
  Slash,
  Amp,
  Pipe,
  Caret,
  Tilde,
  Bang,
];

const stateTokens: TokenType[] = [
  WhiteSpace,
  OcamlComment,
  UnterminatedOcamlComment,
  Int,
  Exists,
  Forall,
  Final,
  Not,
  True,
  False,
  Locations,
  Filter,
  With,
  AtomicInit,
  AtomicQualifier,
  Ident,
  LParen,
  RParen,
  LCurly,
  RCurly,
  LBracket,
  RBracket,
  Semi,
  Comma,
  Colon,
  EqEq,
  NotEq,
  LtGt,
  Implies,
  Assign,
  Wedge,
  Vee,
  Star,
  Amp,
  Tilde,
];

/** Every token type, for the parser (each appears once). */
export const allTokens: TokenType[] = [
  ...new Set([...cTokens, ...stateTokens, BinaryOperator, PropOperator]),
];

let lexer: Lexer | undefined;

/**
 * The one lexer, built on first use. Validations and the first-character optimisation cost
 * start-up time and gain nothing on files this small, so only tests ask for them.
 */
export function getLitmusLexer(validate = false): Lexer {
  if (!lexer || validate) {
    lexer = new Lexer(
      { modes: { [C_MODE]: cTokens, [STATE_MODE]: stateTokens }, defaultMode: C_MODE },
      { positionTracking: 'onlyOffset', skipValidations: !validate, safeMode: !validate },
    );
  }
  return lexer;
}
