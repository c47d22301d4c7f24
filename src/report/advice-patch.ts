// Report stage: a fix of `ordo advise` as a unified diff of the test file (original line numbers).
import type { Hunk } from '../advise';

export function formatPatch(file: string, hunks: readonly Hunk[]): string {
  const lines = [`--- ${file}`, `+++ ${file}`];
  for (const h of hunks) {
    lines.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines);
  }
  return `${lines.join('\n')}\n`;
}
