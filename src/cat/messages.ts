// Cat stage: the catalogue of diagnostics for reading cat files (syntax, includes, variants).
import { type Diagnostic, error, type Span, warning } from '../source';

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

export function unreadableFile(path: string, at: Span): Diagnostic {
  return error('cat/include-not-found', `cannot read cat file ${path}`, at);
}

export function recursiveInclude(file: string, at: Span): Diagnostic {
  return error('cat/include-cycle', `"${file}" includes itself`, at);
}

export function unnamedFlag(at: Span): Diagnostic {
  return warning(
    'cat/unnamed-flag',
    'this flagged test has no name (`as name`): it can never be reported',
    at,
  );
}

export function badEventClass(name: string, legal: readonly string[], at: Span): Diagnostic {
  return error('cat/bad-event-class', `event class ${name} is not one of ${legal.join(' ')}`, at);
}
