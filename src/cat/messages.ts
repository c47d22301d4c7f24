// Cat stage: the catalogue of diagnostics for reading cat files (syntax, includes).
import { type Diagnostic, error, type Span } from '../source';

export function syntaxError(
  what: string,
  expected: string | undefined,
  hint: string | undefined,
  at: Span,
): Diagnostic {
  const exp = expected ? `, expected ${expected}` : '';
  return error(
    'cat/syntax',
    `syntax error: unexpected ${what}${exp}${hint ? ` (${hint})` : ''}`,
    at,
  );
}

export function tooDeep(limit: number, at: Span): Diagnostic {
  return error('cat/too-deep', `nested too deeply: ordo reads at most ${limit} levels here`, at);
}

export function unterminatedComment(at: Span): Diagnostic {
  return error('cat/syntax', 'syntax error: comment `(*` is never closed by `*)`', at);
}

export function unterminatedString(at: Span): Diagnostic {
  return error('cat/syntax', 'syntax error: string is never closed by `"`', at);
}

export function includeNotFound(file: string, searched: readonly string[], at: Span): Diagnostic {
  return error(
    'cat/include-not-found',
    `cannot find "${file}" (searched ${searched.join(', ')})`,
    at,
  );
}

export function includeOutside(file: string, searched: readonly string[], at: Span): Diagnostic {
  return error(
    'cat/include-outside',
    `"${file}" is outside the model search path (${searched.join(', ')}); add its folder with -I`,
    at,
  );
}

export function unreadableFile(path: string, at: Span): Diagnostic {
  return error('cat/include-not-found', `cannot read cat file ${path}`, at);
}
