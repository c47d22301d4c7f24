// Cat stage: reading cat files: include resolution, one parse per file text, rec2plus.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cachedParse, type Diagnostic, type Result, SourceFile, type Span } from '../source';
import type { CatModel } from './ast';
import { includeNotFound, includeOutside, unreadableFile } from './messages';
import { parseCat } from './parse';
import { rec2plus } from './rec2plus';

export type ReadFile = (path: string) => string | undefined;

export function readFileOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

interface Parsed {
  readonly source: SourceFile;
  readonly result: Result<CatModel>;
}

/** Parsed files by path; an entry is reused only while the file's text is unchanged. */
const parsedFiles = new Map<string, Parsed>();

/** Parses (once per text) the cat file at `file`; `at` locates the request for "cannot read". */
export function readCatFile(file: string, readFile: ReadFile, at: Span): Result<CatModel> {
  const text = readFile(file);
  if (text === undefined) return { value: undefined, diagnostics: [unreadableFile(file, at)] };
  const known = parsedFiles.get(file);
  if (known && known.source.text === text) return known.result;
  const parsed = cachedParse(parseCat, text, file, [
    __dirname,
    path.join(__dirname, '..', '..', 'grammar'),
  ]);
  const result = parsed.value
    ? {
        value: { ...parsed.value, body: rec2plus(parsed.value.body) },
        diagnostics: parsed.diagnostics,
      }
    : parsed;
  parsedFiles.set(file, { source: new SourceFile(file, text), result });
  return result;
}

/** The text of a cat file as last parsed, for printing diagnostics with their source line. */
export function catSource(file: string): SourceFile | undefined {
  return parsedFiles.get(file)?.source;
}

/**
 * Where `include "name"` (or the implicit stdlib.cat) finds its file: the including file's
 * folder, then the user's include folders, then ordo's own library (cat-models/). A model
 * reads nothing outside these folders: a name with `..` or an absolute name must still lead
 * inside one of them (the user widens the path with -I).
 */
export function resolveInclude(
  name: string,
  fromFile: string,
  includeDirs: readonly string[],
  readFile: ReadFile,
  at: Span,
): { file: string } | { diagnostic: Diagnostic } {
  const dirs = [path.dirname(fromFile), ...includeDirs, libraryDir()];
  const named = path.isAbsolute(name) ? [name] : dirs.map((d) => path.join(d, name));
  const candidates = named.filter((c) => dirs.some((d) => isWithin(c, d)));
  for (const candidate of candidates) {
    if (readFile(candidate) !== undefined) return { file: candidate };
  }
  if (candidates.length === 0) return { diagnostic: includeOutside(name, dirs, at) };
  return { diagnostic: includeNotFound(name, path.isAbsolute(name) ? [name] : dirs, at) };
}

function isWithin(file: string, dir: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

let library: string | undefined;

/** ordo's cat-models/, found above this module: src/cat/ under tsx, dist/ in the bundle. */
export function libraryDir(): string {
  if (library === undefined) {
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, 'cat-models')) && path.dirname(dir) !== dir)
      dir = path.dirname(dir);
    library = path.join(dir, 'cat-models');
  }
  return library;
}
