// Litmus stage: the catalogue of front-end diagnostics, one factory per message, stable codes.
import { type Diagnostic, error, type Span, warning } from '../source';

export function notC(arch: string, at: Span): Diagnostic {
  return error(
    'litmus/not-c',
    `not a C litmus test: the header says ${arch} (ordo checks C litmus tests)`,
    at,
  );
}

export function missingHeader(at: Span): Diagnostic {
  return error(
    'litmus/missing-header',
    'expected a header such as `C MP+once` at the start of the file',
    at,
  );
}

export function missingName(at: Span): Diagnostic {
  return error('litmus/missing-name', 'expected the test name after `C`', at);
}

export function missingInit(at: Span): Diagnostic {
  return error(
    'litmus/missing-init',
    'expected `{` opening the init section (write `{}` when nothing needs initialising)',
    at,
  );
}

export function unclosedInit(at: Span): Diagnostic {
  return error('litmus/unclosed-init', 'this `{` opens the init section but is never closed', at);
}

export function unterminatedComment(at: Span): Diagnostic {
  return error('litmus/unterminated-comment', 'this comment is never closed', at);
}

export function keywordInComment(word: string, at: Span): Diagnostic {
  return error(
    'litmus/keyword-in-comment',
    `the word \`${word}\` in this C comment ends the thread code (herd7 cuts the file at it ` +
      'before reading comments); reword the comment',
    at,
  );
}

export function badCharacter(chars: string, at: Span, more = 0): Diagnostic {
  const shown = JSON.stringify(chars).slice(1, -1);
  const what =
    chars.length === 1 ? `unexpected character '${shown}'` : `unexpected characters '${shown}'`;
  return error(
    'litmus/bad-character',
    more > 0 ? `${what} (and ${more} more unexpected characters after it)` : what,
    at,
  );
}

export function tooDeep(limit: number, what: string, at: Span): Diagnostic {
  return error(
    'litmus/too-deep',
    `nested too deeply: ordo reads at most ${limit} levels of ${what}`,
    at,
  );
}

export function intRange(image: string, at: Span): Diagnostic {
  return error(
    'litmus/int-range',
    `integer ${image} is out of range: ordo's values are integers between -(2^53-1) and 2^53-1`,
    at,
  );
}

export function syntaxError(message: string, at: Span): Diagnostic {
  return error('litmus/syntax', message, at);
}

export function badThreadName(name: string, at: Span): Diagnostic {
  return error(
    'litmus/bad-thread-name',
    `\`${name}\` is not a thread name: threads are named P0, P1, ...`,
    at,
  );
}

export function threadOrder(expected: number, found: number, at: Span): Diagnostic {
  return error(
    'litmus/thread-order',
    `threads must be numbered P0, P1, ... in order: expected P${expected} here, found P${found}`,
    at,
  );
}

export function duplicateThread(index: number, at: Span, first: Span): Diagnostic {
  return {
    ...error('litmus/duplicate-thread', `thread P${index} is defined twice`, at),
    related: [{ message: `P${index} is first defined here`, span: first }],
  };
}

export function noThreads(at: Span): Diagnostic {
  return error('litmus/no-threads', 'the test has no threads (expected `P0(...) { ... }`)', at);
}

export function paramNotPointer(name: string, thread: number, at: Span): Diagnostic {
  return error(
    'litmus/param-not-pointer',
    `parameter \`${name}\` of P${thread} must be a pointer, e.g. \`int *${name}\``,
    at,
  );
}

export function badAssignment(at: Span): Diagnostic {
  return error(
    'litmus/bad-assignment',
    'only a register (`r = e;`) or a dereference (`*p = e;`) can be assigned',
    at,
  );
}

export function badThreadRef(text: string, at: Span): Diagnostic {
  return error(
    'litmus/bad-thread-ref',
    `expected a thread number such as 0 or P0 before \`:\`, found \`${text}\``,
    at,
  );
}

export function badArrayInit(at: Span): Diagnostic {
  return error(
    'litmus/bad-array-init',
    'arrays are declared with a type, as `int a[2];` or `int a[2] = {1, 2};`',
    at,
  );
}

export function arraySize(name: string, size: number, count: number, at: Span): Diagnostic {
  return error(
    'litmus/array-size',
    `array \`${name}\` has ${size} elements but ${count} initial values`,
    at,
  );
}

export function duplicateInit(name: string, at: Span, first: Span): Diagnostic {
  return {
    ...error('litmus/duplicate-init', `\`${name}\` is initialised twice`, at),
    related: [{ message: `\`${name}\` is first initialised here`, span: first }],
  };
}

export function unknownThread(index: number, threads: number, at: Span): Diagnostic {
  const have = threads === 1 ? 'only P0' : `P0 to P${threads - 1}`;
  return error('litmus/unknown-thread', `there is no thread P${index} (the test has ${have})`, at);
}

export function unknownRegister(thread: number, reg: string, at: Span): Diagnostic {
  return warning(
    'litmus/unknown-register',
    `P${thread} never assigns a register \`${reg}\`, so it is always 0 here`,
    at,
  );
}

export function unknownLocation(name: string, at: Span): Diagnostic {
  return warning(
    'litmus/unknown-location',
    `\`${name}\` is neither initialised nor a parameter of any thread`,
    at,
  );
}

export function missingParameter(name: string, thread: number, at: Span): Diagnostic {
  return warning(
    'litmus/missing-parameter',
    `\`${name}\` is a shared location but not a parameter of P${thread}, so here it is an ` +
      `uninitialised local register; add \`int *${name}\` to P${thread}'s parameters`,
    at,
  );
}

export function chainedComparison(op: string, at: Span): Diagnostic {
  return error(
    'litmus/chained-comparison',
    `comparisons do not chain: parenthesise the left side of \`${op}\``,
    at,
  );
}
