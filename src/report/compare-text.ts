// Report stage: prints a comparison: a summary, one block per test that differs (A -> B),
// then the tests found on one side only; or the same as one JSON document.

import { unreachable } from '../litmus/ast';
import type { Comparison, TestDifference } from './compare';
import { differingPairs } from './compare';
import type { CompareRecord } from './compare-input';
import { isObservation } from './compare-input';

export interface CompareSide {
  /** What the user named: a file or folder. */
  readonly label: string;
  readonly records: readonly CompareRecord[];
}

export function formatComparison(c: Comparison, a: CompareSide, b: CompareSide): string {
  const differing = differingPairs(c);
  const dup = new Set([...duplicatedNames(a.records), ...duplicatedNames(b.records)]);
  const title = (r: CompareRecord): string =>
    dup.has(r.name) && r.path ? `${r.name} (${r.path})` : r.name;
  const out = [
    `A: ${a.label} (${describe(a.records)})`,
    `B: ${b.label} (${describe(b.records)})`,
    `${c.pairs.length} tests in both, ${differing.length} differ; ${c.onlyA.length} only in A, ${c.onlyB.length} only in B.`,
  ];
  const changes = differing.filter((p) => p.differences.some((d) => d.kind === 'verdict'));
  if (changes.length) {
    out.push('', `Verdict changes (${changes.length}):`);
    for (const p of changes) out.push(`  ${title(p.a)}: ${p.a.verdict} -> ${p.b.verdict}`);
  }
  for (const p of differing) {
    out.push('', title(p.a));
    for (const d of p.differences) out.push(...differenceLines(d));
  }
  for (const [side, records] of [
    ['A', c.onlyA],
    ['B', c.onlyB],
  ] as const) {
    if (!records.length) continue;
    out.push('', `Only in ${side} (${records.length}):`);
    for (const r of records) {
      out.push(`  ${title(r)}${isObservation(r.verdict) ? '' : ` (${r.verdict})`}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function differenceLines(d: TestDifference): string[] {
  switch (d.kind) {
    case 'verdict':
      return [`  verdict: ${d.a} -> ${d.b}`];
    case 'states':
      return [
        ...d.onlyA.map((s) => `  state only in A: ${s}`),
        ...d.onlyB.map((s) => `  state only in B: ${s}`),
      ];
    case 'counts':
      return [`  executions (Positive/Negative): ${d.a[0]}/${d.a[1]} -> ${d.b[0]}/${d.b[1]}`];
    case 'flags':
      return [`  flags: ${d.a.join(', ') || '(none)'} -> ${d.b.join(', ') || '(none)'}`];
    default:
      return unreachable(d);
  }
}

/** `731 tests, ordo` or `12 tests, herd7 and litmus7`. */
function describe(records: readonly CompareRecord[]): string {
  const tools = [...new Set(records.map((r) => r.tool))];
  return `${records.length} ${records.length === 1 ? 'test' : 'tests'}${tools.length ? `, ${tools.join(' and ')}` : ''}`;
}

/** Names that several tests of one side share: those are shown with their paths. */
function duplicatedNames(records: readonly CompareRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([name]) => name);
}

export function formatComparisonJson(c: Comparison, a: CompareSide, b: CompareSide): string {
  const ref = (r: CompareRecord) => ({
    name: r.name,
    path: r.path ?? null,
    origin: r.origin,
    verdict: r.verdict,
  });
  const doc = {
    a: { label: a.label, tests: a.records.length },
    b: { label: b.label, tests: b.records.length },
    common: c.pairs.length,
    differences: differingPairs(c).map((p) => ({
      name: p.a.name,
      a: ref(p.a),
      b: ref(p.b),
      differences: p.differences,
    })),
    onlyA: c.onlyA.map(ref),
    onlyB: c.onlyB.map(ref),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
