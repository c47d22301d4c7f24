// Report stage: what `ordo compare` reads: ordo's JSON lines and herd7/litmus7 logs, in any mix,
// brought to one per-test record with canonical state lines.
import { parseHerdLog } from './herd-log';
import type { JsonTestRecord } from './json';

export type RecordTool = 'ordo' | 'herd7' | 'litmus7';

export interface CompareRecord {
  readonly name: string;
  /** The test file's path when the input says it (JSON `file`, a `.out` file's name), for telling apart tests that share a name. */
  readonly path?: string;
  /** Where the record was read: `file` or `file:line`. */
  readonly origin: string;
  readonly tool: RecordTool;
  /** The Observation word, or `limit`, `error`, `none` (a log block without Observation). */
  readonly verdict: string;
  /** Canonical state lines (see canonicalState), sorted, without duplicates. */
  readonly states: readonly string[];
  /** herd's `Witnesses` numbers (litmus7: runs, not executions). */
  readonly positive?: number;
  readonly negative?: number;
  readonly flags: readonly string[];
}

/** Observation words: the verdicts whose states and counts mean something. */
export function isObservation(verdict: string): boolean {
  return verdict === 'Never' || verdict === 'Sometimes' || verdict === 'Always';
}

/**
 * One state as a comparable string: items sorted, herd 7.58's brackets around globals dropped
 * (`[x]=1` and older herd's `x=1` are the same state), hexadecimal integers in decimal.
 */
export function canonicalState(items: readonly (readonly [string, string])[]): string {
  return items
    .map(([loc, value]) => `${canonicalLoc(loc)}=${canonicalValue(value)};`)
    .sort()
    .join(' ');
}

function canonicalLoc(loc: string): string {
  return loc.startsWith('[') && loc.endsWith(']') ? loc.slice(1, -1) : loc;
}

function canonicalValue(value: string): string {
  return /^-?0x[0-9a-f]+$/i.test(value) ? String(Number.parseInt(value, 16)) : value;
}

/** `0:r0=1; [x]=1;` as `[location, value]` items. */
export function stateItems(line: string): [string, string][] {
  return line
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const eq = item.indexOf('=');
      return [item.slice(0, eq).trim(), item.slice(eq + 1).trim()];
    });
}

function canonicalStates(states: readonly string[]): string[] {
  return [...new Set(states)].sort();
}

/** The text of one input file: JSON lines when it starts with `{`, a herd7/litmus7 log otherwise. */
export function readCompareRecords(text: string, file: string): CompareRecord[] {
  return text.trimStart().startsWith('{') ? fromJsonLines(text, file) : fromLog(text, file);
}

function fromLog(text: string, file: string): CompareRecord[] {
  // One herd7 output per test file (`x.litmus.out`, as in the oracle) names the test file.
  const path = file.endsWith('.litmus.out') ? file.slice(0, -'.out'.length) : undefined;
  return parseHerdLog(text).map((t) => ({
    name: t.name,
    path,
    origin: `${file}:${t.line}`,
    tool: t.states.some((s) => s.count !== undefined) ? 'litmus7' : 'herd7',
    verdict: t.observation?.word ?? (t.validation === 'Limit' ? 'limit' : 'none'),
    states: canonicalStates(t.states.map((s) => canonicalState(stateItems(s.line)))),
    positive: t.positive,
    negative: t.negative,
    flags: [...new Set(t.flags)].sort(),
  }));
}

/** Malformed lines are skipped: the command reports how many records each input gave. */
function fromJsonLines(text: string, file: string): CompareRecord[] {
  const records: CompareRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let j: Partial<JsonTestRecord>;
    try {
      j = JSON.parse(line);
    } catch {
      return;
    }
    if (typeof j !== 'object' || j === null || typeof j.file !== 'string') return;
    records.push({
      name: j.name ?? j.file,
      path: j.file,
      origin: `${file}:${i + 1}`,
      tool: 'ordo',
      verdict: typeof j.verdict === 'string' ? j.verdict : 'none',
      states: canonicalStates((j.states ?? []).map((s) => canonicalState(Object.entries(s)))),
      positive: j.positive ?? undefined,
      negative: j.negative ?? undefined,
      flags: [...new Set(j.flags ?? [])].sort(),
    });
  });
  return records;
}
