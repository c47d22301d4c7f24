// Source stage: a disk cache of parse results (cat models, .def files, litmus tests), so that a
// one-test run or a batch worker does not pay for building parsers and parsing the same text again.
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

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Only a folder of ours that no one else may write into holds entries we trust. */
function isPrivate(dir: string): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return true;
  const s = fs.statSync(dir);
  return s.uid === uid && (s.mode & 0o022) === 0;
}

const identities = new Map<string, string>();
let cacheRoot: string | null | undefined;
const identityDirs = new Map<string, string | null>();

/** One folder per user under the OS temporary folder; null when it cannot be used (no caching). */
function root(): string | null {
  if (cacheRoot === undefined) {
    const user = process.getuid?.() ?? os.userInfo().username;
    const candidate = path.join(os.tmpdir(), `ordo-parse-cache-${user}`);
    try {
      fs.mkdirSync(candidate, { recursive: true, mode: 0o700 });
      cacheRoot = isPrivate(candidate) ? candidate : null;
    } catch {
      cacheRoot = null;
    }
  }
  return cacheRoot;
}

/** Entries of other code identities (earlier builds, edited sources) unused for this long go. */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * The folder of one code identity's entries. Every build starts a new one, so the first run of
 * a build removes the folders that no run has written to for a day.
 */
function identityDir(identity: string): string | null {
  let known = identityDirs.get(identity);
  if (known !== undefined) return known;
  const top = root();
  known = null;
  if (top) {
    const name = sha256(identity).slice(0, 16);
    const candidate = path.join(top, name);
    try {
      const created = fs.mkdirSync(candidate, { recursive: true, mode: 0o700 });
      known = candidate;
      if (created) removeStale(top, name);
    } catch {
      // Without a folder, no caching; a folder that cannot be removed now is tried next time.
    }
  }
  identityDirs.set(identity, known);
  return known;
}

function removeStale(top: string, keep: string): void {
  const now = Date.now();
  for (const entry of fs.readdirSync(top)) {
    if (entry === keep) continue;
    const where = path.join(top, entry);
    const s = fs.statSync(where, { throwIfNoEntry: false });
    if (s && now - s.mtimeMs > STALE_MS) fs.rmSync(where, { recursive: true, force: true });
  }
}

/**
 * `parse(text, file)`, remembered on disk by (code, parser, file name, text); the parser is
 * told apart by its function name (the bundle keeps names). Only clean results (a value, no
 * diagnostics) are stored; ORDO_NO_CACHE=1 bypasses the cache; an unreadable entry is parsed
 * again. Values must be plain data (v8 structured serialisation).
 */
export function cachedParse<T>(
  parse: (text: string, file: string) => Result<T>,
  text: string,
  file: string,
  codeDirs: readonly string[],
): Result<T> {
  if (process.env.ORDO_NO_CACHE) return parse(text, file);
  const dirsKey = codeDirs.join('\n');
  let identity = identities.get(dirsKey);
  if (identity === undefined) {
    identity = codeIdentity(codeDirs);
    identities.set(dirsKey, identity);
  }
  const folder = identityDir(identity);
  if (!folder) return parse(text, file);
  const entry = path.join(folder, `${sha256(`${parse.name}\0${file}\0${text}`)}.v8`);
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
