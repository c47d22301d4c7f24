// Report stage: `ordo advise --json`: one object per test and line, the Advice contract of
// src/advise/advice.ts with each fix's patch also rendered as text.
import type { Advice } from '../advise';
import { formatPatch } from './advice-patch';

export function formatAdviceJson(a: Advice): string {
  const fixes = a.fixes.map((f) => ({ ...f, patch: formatPatch(a.file, f.hunks) }));
  return `${JSON.stringify({ ...a, fixes, timeMs: Math.round(a.timeMs) })}\n`;
}
