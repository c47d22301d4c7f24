// Source stage: a disk cache of parse results (cat models, .def files), so that a one-test run
// or a batch worker does not pay for compiling grammars and parsing the same model again.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { Result } from './diagnostic';

/**
 * What a cached value depends on besides the file: the code that built it. In the bundle
 * that is the bundle itself; under tsx, the parser's source folders (`codeDirs`).
 */
function codeIdentity(codeDirs: readonly string[]): string {
  const files = __filename.endsWith('.ts')
    ? codeDirs.flatMap((d) =>
        fs
          .readdirSync(d)
          .filter((f) => /\.(ts|ohm)$/.test(f))
          .map((f) => path.join(d, f)),
      )
    : [__filename];
  return files
    .map((f) => {
      const s = fs.statSync(f, { throwIfNoEntry: false });
      return `${f}:${s?.size}:${s?.mtimeMs}`;
    })
    .join('\n');
}

let cacheDir: string | null | undefined;
const identities = new Map<string, string>();

/** One folder per user under the OS temporary folder; null when it cannot be made (no caching). */
function dir(): string | null {
  if (cacheDir === undefined) {
    const user = process.getuid?.() ?? os.userInfo().username;
    const candidate = path.join(os.tmpdir(), `ordo-parse-cache-${user}`);
    try {
      fs.mkdirSync(candidate, { recursive: true, mode: 0o700 });
      cacheDir = candidate;
    } catch {
      cacheDir = null;
    }
  }
  return cacheDir;
}

/**
 * `parse(text, file)`, remembered on disk by (code, file name, text). Only clean results
 * (a value, no diagnostics) are stored; ORDO_NO_CACHE=1 bypasses the cache; an unreadable
 * entry is parsed again. Values must be plain data (v8 structured serialisation).
 */
export function cachedParse<T>(
  parse: (text: string, file: string) => Result<T>,
  text: string,
  file: string,
  codeDirs: readonly string[],
): Result<T> {
  const folder = process.env.ORDO_NO_CACHE ? null : dir();
  if (!folder) return parse(text, file);
  const dirsKey = codeDirs.join('\n');
  let identity = identities.get(dirsKey);
  if (identity === undefined) {
    identity = codeIdentity(codeDirs);
    identities.set(dirsKey, identity);
  }
  const key = createHash('sha256').update(`${identity}\0${file}\0`).update(text).digest('hex');
  const entry = path.join(folder, `${key}.v8`);
  try {
    return { value: v8.deserialize(fs.readFileSync(entry)) as T, diagnostics: [] };
  } catch {
    // Not cached yet: parse below.
  }
  const parsed = parse(text, file);
  if (parsed.value !== undefined && parsed.diagnostics.length === 0) {
    try {
      const tmp = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      fs.writeFileSync(tmp, v8.serialize(parsed.value));
      fs.renameSync(tmp, entry);
    } catch {
      // A read-only or full temporary folder only costs the next run a parse.
    }
  }
  return parsed;
}
