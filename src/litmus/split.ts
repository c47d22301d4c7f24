// Litmus stage: cuts a litmus file into header, info area, init section, thread code and
// constraints before any parsing, the way herd's splitter does (c-litmus-format.md §1), so
// that ordo accepts and rejects the same files. All offsets are relative to the whole file.
import * as path from 'node:path';
import { ocamlCommentEnd } from '../../grammar/litmus-modes';
import { type Diagnostic, type Span, span } from '../source';
import type { InfoLine } from './ast';
import * as D from './diagnostics';

export interface Region {
  readonly start: number;
  readonly end: number;
}

export interface SplitTest {
  readonly arch: string;
  readonly name: string;
  readonly nameSpan: Span;
  readonly doc?: string;
  readonly info: readonly InfoLine[];
  /** From the start of the file to the init section: where the `Result:` comment lives. */
  readonly preamble: Region;
  /** `{` to `}` inclusive. */
  readonly init: Region;
  readonly program: Region;
  /** The constraint keyword that ended the thread code, absent when it ran to the end. */
  readonly programEnd?: { readonly word: string; readonly span: Span };
  readonly constraints: Region;
}

export interface SplitResult {
  readonly value?: SplitTest;
  readonly diagnostics: readonly Diagnostic[];
}

/** Words that end the thread code wherever they appear as whole words (even in C comments). */
const PROGRAM_END_WORDS = new Set([
  'exists',
  'forall',
  'final',
  'locations',
  'filter',
  'cases',
  'observed',
  'Observed',
]);

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r';

export function splitLitmus(text: string, file: string): SplitResult {
  const at = (start: number, end: number): Span => span(file, start, end);
  const fail = (d: Diagnostic): SplitResult => ({ diagnostics: [d] });

  // ----- header: `C name [(texname)] ["doc"]` -----
  let i = /^\s*/.exec(text)![0].length;
  const arch = /^[A-Za-z][A-Za-z0-9_]*/.exec(text.slice(i))?.[0];
  if (!arch) {
    const start = i < text.length ? i : 0;
    return fail(D.missingHeader(at(start, lineEnd(text, start))));
  }
  if (arch !== 'C') return fail(D.notC(arch, at(i, i + arch.length)));
  i += arch.length;
  while (isBlank(text[i])) i++;
  const rawName = /^[^\s"(){};]*/.exec(text.slice(i))![0];
  if (!rawName) return fail(D.missingName(at(i, i)));
  const nameSpan = at(i, i + rawName.length);
  const name = rawName === '--' ? path.basename(file).replace(/\.litmus$/, '') : rawName;
  i += rawName.length;
  while (isBlank(text[i])) i++;
  if (text[i] === '(' && text[i + 1] !== '*') {
    const close = text.indexOf(')', i);
    if (close >= 0 && close < lineEnd(text, i)) i = close + 1;
    while (isBlank(text[i])) i++;
  }
  let doc: string | undefined;
  // The doc string is on the header line or starts the next one.
  let j = i;
  if (text[j] === '\n') {
    j++;
    while (isBlank(text[j])) j++;
  }
  if (text[j] === '"') {
    const close = text.indexOf('"', j + 1);
    if (close >= 0) {
      doc = text.slice(j + 1, close);
      i = close + 1;
    }
  }

  // ----- info area, up to the first `{` outside OCaml comments -----
  const infoStart = i;
  let initStart = -1;
  while (i < text.length) {
    if (text.startsWith('(*', i)) {
      const end = ocamlCommentEnd(text, i);
      if (end < 0) return fail(D.unterminatedComment(at(i, i + 2)));
      i = end;
    } else if (text[i] === '{') {
      initStart = i;
      break;
    } else {
      i++;
    }
  }
  if (initStart < 0) return fail(D.missingInit(at(text.length, text.length)));
  const info = infoLines(text, infoStart, initStart, file);

  // ----- init section: braces may nest -----
  let depth = 0;
  let initEnd = -1;
  for (i = initStart; i < text.length; i++) {
    if (text.startsWith('(*', i)) {
      const end = ocamlCommentEnd(text, i);
      if (end < 0) return fail(D.unterminatedComment(at(i, i + 2)));
      i = end - 1;
    } else if (text[i] === '{') {
      depth++;
    } else if (text[i] === '}' && --depth === 0) {
      initEnd = i + 1;
      break;
    }
  }
  if (initEnd < 0) return fail(D.unclosedInit(at(initStart, initStart + 1)));

  // ----- thread code, up to the first constraint keyword -----
  const found = findProgramEnd(text, initEnd);
  const programEnd = found && { word: found.word, span: at(found.wordStart, found.wordEnd) };
  const program = { start: initEnd, end: found ? found.cut : text.length };
  if (programEnd) {
    const comment = openCommentAt(text, program.start, found!.wordStart);
    if (comment) return fail(D.keywordInComment(programEnd.word, programEnd.span));
  }

  return {
    value: {
      arch,
      name,
      nameSpan,
      doc,
      info,
      preamble: { start: 0, end: initStart },
      init: { start: initStart, end: initEnd },
      program,
      programEnd,
      constraints: { start: program.end, end: text.length },
    },
    diagnostics: [],
  };
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** `key=value` lines of the info area, OCaml comments blanked out first. */
function infoLines(text: string, start: number, end: number, file: string): InfoLine[] {
  let area = '';
  for (let i = start; i < end; ) {
    if (text.startsWith('(*', i)) {
      const close = ocamlCommentEnd(text, i);
      area += text.slice(i, close).replace(/[^\n]/g, ' ');
      i = close;
    } else {
      area += text[i++];
    }
  }
  const lines: InfoLine[] = [];
  // Greedy, trimmed afterwards: a lazy value before trailing blanks backtracks quadratically
  // over the long blank runs that hidden comments leave.
  const re = /^[ \t]*([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.*)$/gm;
  for (const m of area.matchAll(re)) {
    const s = start + m.index!;
    const value = m[2].trimEnd();
    const end = s + m[0].length - (m[2].length - value.length);
    lines.push({ key: m[1], value, span: span(file, s, end) });
  }
  return lines;
}

interface ProgramEnd {
  readonly word: string;
  readonly wordStart: number;
  readonly wordEnd: number;
  /** Where the thread code stops: at the word, or at `~` of `~exists`. */
  readonly cut: number;
}

/** herd's splitter skips double-quoted strings here, but knows nothing of C comments. */
function findProgramEnd(text: string, from: number): ProgramEnd | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return undefined;
      i = close;
    } else if (/[A-Za-z_]/.test(c) && !isWordChar(text[i - 1])) {
      const word = /^[A-Za-z0-9_]+/.exec(text.slice(i, i + 40))![0];
      if (PROGRAM_END_WORDS.has(word)) return withPrefix(text, from, word, i);
      i += word.length - 1;
    }
  }
  return undefined;
}

/**
 * `~ exists` is cut at the `~`, as herd does. We also cut `not exists` at `not`, which herd
 * leaves in the thread code (and then rejects).
 */
function withPrefix(text: string, from: number, word: string, start: number): ProgramEnd {
  const plain = { word, wordStart: start, wordEnd: start + word.length, cut: start };
  if (word !== 'exists') return plain;
  const before = text.slice(from, start);
  const prefix = /(?:~|(?<![A-Za-z0-9_])not)[ \t\r\n]*$/.exec(before);
  return prefix ? { ...plain, cut: from + prefix.index } : plain;
}

/** Whether offset `end` of the thread code falls inside a C comment. */
function openCommentAt(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl >= end) return true;
      i = nl;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || close + 2 > end) return true;
      i = close + 1;
    }
  }
  return false;
}
