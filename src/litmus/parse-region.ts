// Litmus stage: lexes and parses one region of a file with the shared lexer and parser,
// turning lexer and parser errors into diagnostics whose spans are offsets in the whole file.
import { type CstNode, EOF, type IRecognitionException, type IToken } from 'chevrotain';
import { getLitmusParser, type LitmusParser } from '../../grammar/litmus-parser';
import {
  getLitmusLexer,
  UnterminatedBlockComment,
  UnterminatedOcamlComment,
} from '../../grammar/litmus-tokens';
import { type Diagnostic, type Span, span } from '../source';
import * as D from './diagnostics';
import { MAX_TOKEN_NESTING, tooDeepToken } from './nesting';
import type { Region } from './split';

export interface RegionSource {
  readonly text: string;
  readonly file: string;
  readonly region: Region;
  /** Lexer mode: C for thread code and macros, state for init and constraints. */
  readonly mode: string;
  /** How messages name the end of the region, e.g. "'exists'" or "the end of the file". */
  readonly endLabel: string;
  /** Where errors at the end of the region point: the keyword that ended it, if any. */
  readonly endSpan?: Span;
}

export interface RegionResult<N> {
  readonly cst: N;
  readonly diagnostics: Diagnostic[];
}

/** chevrotain's recovery can report one mistake several times; a few messages suffice. */
const MAX_SYNTAX_ERRORS = 10;

export function parseRegion<N extends CstNode>(
  src: RegionSource,
  rule: (parser: LitmusParser) => N,
): RegionResult<N> {
  const { text, file, region } = src;
  const diagnostics: Diagnostic[] = [];
  const lexed = getLitmusLexer().tokenize(text.slice(region.start, region.end), src.mode);
  // Shown as a few messages, the last counting the rest: pasted binary can give thousands.
  const shownErrors = lexed.errors.slice(0, MAX_SYNTAX_ERRORS);
  shownErrors.forEach((e, i) => {
    const start = region.start + e.offset;
    const chars = text.slice(start, start + e.length);
    const more = i === shownErrors.length - 1 ? lexed.errors.length - shownErrors.length : 0;
    diagnostics.push(D.badCharacter(chars, span(file, start, start + e.length), more));
  });
  const tokens: IToken[] = [];
  for (const t of lexed.tokens) {
    t.startOffset += region.start;
    t.endOffset = t.startOffset + t.image.length - 1;
    if (t.tokenType === UnterminatedBlockComment || t.tokenType === UnterminatedOcamlComment) {
      diagnostics.push(D.unterminatedComment(span(file, t.startOffset, t.startOffset + 2)));
    } else {
      tokens.push(t);
    }
  }

  const parser = getLitmusParser();
  const deep = tooDeepToken(tokens);
  if (deep) {
    // Parsing it would exhaust the stack: say so, and parse nothing (the CST is not used).
    const at = span(file, deep.startOffset, deep.startOffset + deep.image.length);
    diagnostics.push(D.tooDeep(MAX_TOKEN_NESTING, 'brackets and prefix operators', at));
    parser.load([], src.endLabel);
    return { cst: rule(parser), diagnostics };
  }
  parser.load(tokens, src.endLabel);
  const cst = rule(parser);
  const seen = new Set<number>();
  for (const e of parser.errors.slice(0, MAX_SYNTAX_ERRORS)) {
    const at = errorSpan(e, src);
    if (seen.has(at.start)) continue;
    seen.add(at.start);
    diagnostics.push(D.syntaxError(withHint(e), at));
  }
  return { cst, diagnostics };
}

const hasOffset = (t: IToken | undefined): t is IToken =>
  t !== undefined && Number.isFinite(t.startOffset);

/**
 * A real token is its own span. The end of the region is the keyword that ended it, or else
 * the end of the previous token, where a token chevrotain would insert belongs.
 */
function errorSpan(e: IRecognitionException, src: RegionSource): Span {
  const t = e.token;
  if (hasOffset(t) && t.tokenType !== EOF) {
    return span(src.file, t.startOffset, t.startOffset + t.image.length);
  }
  if (src.endSpan) return src.endSpan;
  const prev = (e as { previousToken?: IToken }).previousToken;
  const end = hasOffset(prev) ? prev.startOffset + prev.image.length : src.region.end;
  return span(src.file, end, end);
}

/** herd lexes `r-1` as `r` followed by the number `-1`: say so where it bites. */
function withHint(e: IRecognitionException): string {
  return /^-\d/.test(e.token.image)
    ? `${e.message} (write \`- ${e.token.image.slice(1)}\` with a space: \`${e.token.image}\` is one number)`
    : e.message;
}
