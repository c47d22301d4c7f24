// LSP adapter: the server's one rule on files: it reads only below the workspace and the
// configured model folders.
import * as path from 'node:path';

export function isInside(file: string, roots: readonly string[]): boolean {
  const abs = path.resolve(file);
  return roots.some((root) => {
    const rel = path.relative(root, abs);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}
