// Test support for the library suites: the litmus tests under litmus/ and what their leading
// comments claim (the LKMM `Result:` line, and the `SC:` line saying whether the bad outcome
// is possible under sequential consistency).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { leadingComment } from '../../scripts/library-tables';

export { leadingComment };

export const LIBRARY = path.resolve('litmus');

/** Every `.litmus` file under litmus/, sorted, as paths relative to the repo root. */
export function libraryTests(dir = LIBRARY): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...libraryTests(full));
    else if (entry.name.endsWith('.litmus')) found.push(path.relative(process.cwd(), full));
  }
  return found.sort();
}

/** Every folder under litmus/ (itself included) that holds files: each needs a README.md. */
export function libraryFolders(dir = LIBRARY): string[] {
  const subdirs = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(dir, e.name));
  return [dir, ...subdirs.flatMap((d) => libraryFolders(d))].sort();
}

/** The `SC:` claim: whether the `exists` outcome can happen under sequential consistency. */
export function scClaim(text: string): 'allowed' | 'forbidden' | undefined {
  const m = /^ \* SC: (allowed|forbidden)\b/m.exec(leadingComment(text));
  return m ? (m[1] as 'allowed' | 'forbidden') : undefined;
}
