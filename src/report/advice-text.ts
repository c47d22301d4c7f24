// Report stage: `ordo advise` for people: a short report per test that names its lines, and
// each fix as a patch.
import {
  type Advice,
  COST_LEGEND,
  type ElementAdvice,
  type FixAdvice,
  type Status,
  type TargetStatus,
} from '../advise';
import { unreachable } from '../litmus';
import { formatPatch } from './advice-patch';

function statusWord(s: Status): string {
  switch (s) {
    case 'forbidden':
      return 'forbidden';
    case 'allowed':
      return 'allowed';
    case 'racy':
      return 'forbidden, but with a data race';
    case 'unknown':
      return 'not known';
    default:
      return unreachable(s);
  }
}

function targetPhrase(t: TargetStatus): string {
  return `${t.target}: ${statusWord(t.status)}${t.why ? ` (${t.why})` : ''}`;
}

function scPhrase(sc: Status | undefined): string {
  if (sc === 'allowed') return '; allowed under SC too: a logic race, which no barrier can fix';
  if (sc === 'forbidden') return '; forbidden under SC: a missing barrier, not a logic race';
  return '';
}

function where(e: ElementAdvice): string {
  return `line ${e.line} P${e.thread} ${e.text} (${e.ordering})`;
}

function elementLines(e: ElementAdvice): string[] {
  const tried = e.weakenings.map((w) => `${w.form}: ${statusWord(w.status)}`).join('; ');
  const lines: string[] = [];
  switch (e.necessity) {
    case 'necessary':
      lines.push(`    ${where(e)}: NECESSARY [${tried}]`);
      if (e.sufficient.length > 0)
        lines.push(`      but weaker is enough: ${e.sufficient.join(' or ')}`);
      break;
    case 'redundant':
      lines.push(`    ${where(e)}: redundant [${tried}]`);
      break;
    case 'not-varied':
      lines.push(`    ${where(e)}: kept (no weaker form)`);
      break;
    case 'unknown':
      lines.push(`    ${where(e)}: not known [${tried}]`);
      break;
    default:
      return unreachable(e.necessity);
  }
  for (const r of e.replacements) lines.push(`      not needed if ${r}`);
  const elsewhere = e.targets.filter((t) => t.necessity !== 'not-varied');
  if (elsewhere.length > 0) {
    lines.push(
      `      ${elsewhere.map((t) => `${t.target}: ${t.necessity}${t.why ? ` (${t.why})` : ''}`).join('; ')}`,
    );
  }
  return lines;
}

function fixLines(a: Advice, f: FixAdvice, n: number): string[] {
  const lines = [`  ${n}. cost ${f.cost}: ${f.changes.map((c) => c.description).join(' + ')}`];
  const elsewhere = f.targets.map((t) => {
    const asWritten = a.targets.find((x) => x.target === t.target);
    if (asWritten?.status === 'forbidden') return `${t.target}: not needed`;
    return t.status === 'forbidden' ? `${t.target}: forbids it` : targetPhrase(t);
  });
  if (elsewhere.length > 0) lines.push(`     ${elsewhere.join('; ')}`);
  if (f.makesRedundant && f.makesRedundant.length > 0) {
    const named = f.makesRedundant
      .map((id) => a.elements.find((e) => e.id === id)!)
      .map((e) => `${e.text} (line ${e.line})`);
    lines.push(`     with it, each of these alone becomes redundant: ${named.join(', ')}`);
  }
  lines.push(formatPatch(a.file, f.hunks).trimEnd());
  return lines;
}

export function formatAdviceText(a: Advice): string {
  const [first, ...others] = a.targets;
  const lines = [`${a.test} (${a.file}): ${a.condition}`];
  lines.push(
    `  ${statusWord(first.status)} under ${first.target}${first.why ? ` (${first.why})` : ''}${scPhrase(a.sc)}`,
  );
  if (others.length > 0) lines.push(`  as written: ${others.map(targetPhrase).join('; ')}`);
  const byId = (id: string) => a.elements.find((e) => e.id === id)!;

  if (first.status === 'forbidden') {
    if (a.elements.length === 0) lines.push('  No ordering elements.');
    else
      lines.push(
        '  Ordering elements, each weakened with the others kept:',
        ...a.elements.flatMap(elementLines),
      );
    if (a.minimalSets.some((s) => s.length === 0)) {
      lines.push(
        '  No element is needed: with every one at its weakest the outcome stays forbidden.',
      );
    } else if (a.minimalSets.length > 0) {
      const sets = a.minimalSets.map(
        (s) => `{${s.map((id) => `${byId(id).text} line ${byId(id).line}`).join(', ')}}`,
      );
      lines.push(
        `  Minimal sufficient sets (the other elements at their weakest): ${sets.join(' or ')}`,
      );
    }
    if (!a.minimalSetsComplete)
      lines.push('  (set search stopped at its budget: larger sets not tried)');
  } else if (first.status !== 'unknown' && a.sc !== 'allowed') {
    if (a.elements.length > 0) {
      lines.push('  The ordering in the test is not enough:');
      for (const e of a.elements) lines.push(`    ${where(e)}`);
    }
    if (a.fixes.length === 0) {
      const how = a.fixSearch?.complete === false ? 'before the search budget ran out' : '';
      lines.push(`  No fix of up to ${a.fixSearch?.maxChanges} changes found ${how}`.trimEnd());
    } else {
      lines.push(`  Cheapest fixes (cost: ${COST_LEGEND}):`);
      for (const [i, f] of a.fixes.entries()) lines.push(...fixLines(a, f, i + 1));
    }
  }
  if (a.dependencies.length > 0) {
    const deps = a.dependencies.map(
      (d) => `P${d.thread} ${d.kind} line ${d.fromLine} -> ${d.toLine} (${d.from} -> ${d.to})`,
    );
    lines.push(`  Dependencies (kept as written): ${deps.join('; ')}`);
  }
  lines.push(`  (${a.variants} variants checked in ${(a.timeMs / 1000).toFixed(1)} s)`);
  return `${lines.join('\n')}\n`;
}
