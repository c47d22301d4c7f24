// Report stage: outcome tables (one row per test, one column per model or target, the expected
// `Result:` and whether the verdicts agree with it), the data behind every `ordo table` format.
import type { LimitReached, Observation, TestResult } from '../enumerate/result';
import type { ExpectedResult } from '../litmus/ast';
import { unreachable } from '../litmus/ast';
import { sortedFlags } from './herd-text';
import { verdictOf } from './verdict';

export interface TableColumn {
  /** Short stable name (`lkmm`, `x86-64`): the header, the JSON key. */
  readonly id: string;
  /**
   * Whether `Result:` lines are checked against this column. They state LKMM verdicts, so a
   * hardware target (stronger than LKMM) is shown but not judged.
   */
  readonly judged: boolean;
}

export type TableCell =
  | {
      readonly kind: 'outcome';
      /** Some accepted execution satisfies the condition's proposition. */
      readonly allowed: boolean;
      readonly observation: Observation;
      /** Accepted executions satisfying the proposition, and all accepted executions. */
      readonly witnesses: number;
      readonly executions: number;
      readonly flags: readonly string[];
    }
  | { readonly kind: 'limit'; readonly limit: LimitReached }
  | { readonly kind: 'error'; readonly message: string }
  /** The test was not run for this column (e.g. a target that cannot express it). */
  | { readonly kind: 'absent'; readonly reason: string };

export interface Mismatch {
  readonly column: string;
  /** What the column said, in `Result:` words: `Sometimes`, `Never 0 0`, `Never, data-race`. */
  readonly observed: string;
}

export type RowCheck =
  /** No `Result:` line, or no judged column with an outcome. */
  | { readonly kind: 'unchecked' }
  | { readonly kind: 'match' }
  | { readonly kind: 'mismatch'; readonly mismatches: readonly Mismatch[] };

export interface TableRow {
  readonly name: string;
  readonly file: string;
  readonly expected?: ExpectedResult;
  /** One cell per column, in column order. */
  readonly cells: readonly TableCell[];
  readonly check: RowCheck;
}

export interface OutcomeTable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  /** Show witness/execution counts in the cells of the text formats. */
  readonly counts: boolean;
}

/** Per column: a result, or why there is none (a parse error, a target that cannot express the test). */
export type ColumnOutcome =
  | { readonly kind: 'result'; readonly result: TestResult }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'absent'; readonly reason: string };

export interface TableRowInput {
  readonly name: string;
  readonly file: string;
  readonly expected?: ExpectedResult;
  readonly outcomes: readonly ColumnOutcome[];
}

export function buildOutcomeTable(
  columns: readonly TableColumn[],
  inputs: readonly TableRowInput[],
  counts = false,
): OutcomeTable {
  const rows = inputs.map((input): TableRow => {
    if (input.outcomes.length !== columns.length) {
      throw new Error(
        `table row ${input.name}: ${input.outcomes.length} outcomes for ${columns.length} columns`,
      );
    }
    const cells = input.outcomes.map(cellOf);
    return { ...input, cells, check: checkRow(columns, cells, input.expected) };
  });
  return { columns, rows, counts };
}

export function cellOf(outcome: ColumnOutcome): TableCell {
  switch (outcome.kind) {
    case 'error':
      return outcome;
    case 'absent':
      return outcome;
    case 'result': {
      const r = outcome.result;
      const failure = r.diagnostics.find((d) => d.severity === 'error');
      if (failure) return { kind: 'error', message: failure.message };
      if (r.limit) return { kind: 'limit', limit: r.limit };
      return {
        kind: 'outcome',
        allowed: r.satisfied > 0,
        observation: verdictOf(r).observation,
        witnesses: r.satisfied,
        executions: r.satisfied + r.unsatisfied,
        flags: sortedFlags(r.flags),
      };
    }
    default:
      return unreachable(outcome);
  }
}

const DATA_RACE = 'data-race';

/** What an outcome says in `Result:` words, e.g. `Sometimes`, `Never 0 0`, `Never, data-race`. */
export function observedText(cell: Extract<TableCell, { kind: 'outcome' }>): string {
  const word = cell.executions === 0 ? 'Never 0 0' : cell.observation;
  return cell.flags.includes(DATA_RACE) ? `${word}, ${DATA_RACE}` : word;
}

/**
 * The LKMM scripts' judgement (tools/memory-model/scripts/judgelitmus.sh): a predicted data
 * race must be flagged and an unpredicted one must not; DEADLOCK holds iff there is no
 * execution (`Never 0 0`); `Maybe` accepts any verdict; otherwise the Observation word must
 * be the expected one.
 */
export function meetsExpectation(
  expected: ExpectedResult,
  cell: Extract<TableCell, { kind: 'outcome' }>,
): boolean {
  if (cell.flags.includes(DATA_RACE) !== expected.dataRace) return false;
  if (expected.verdict === 'Maybe') return true;
  const deadlock = cell.executions === 0;
  if (expected.verdict === 'DEADLOCK' || deadlock)
    return expected.verdict === 'DEADLOCK' && deadlock;
  return cell.observation === expected.verdict;
}

function checkRow(
  columns: readonly TableColumn[],
  cells: readonly TableCell[],
  expected: ExpectedResult | undefined,
): RowCheck {
  if (!expected) return { kind: 'unchecked' };
  const mismatches: Mismatch[] = [];
  let judged = 0;
  cells.forEach((cell, i) => {
    if (!columns[i].judged || cell.kind !== 'outcome') return;
    judged++;
    if (!meetsExpectation(expected, cell)) {
      mismatches.push({ column: columns[i].id, observed: observedText(cell) });
    }
  });
  if (judged === 0) return { kind: 'unchecked' };
  return mismatches.length ? { kind: 'mismatch', mismatches } : { kind: 'match' };
}

// ---------- words shared by the text formats ----------

/**
 * `allowed`, `forbidden`, with counts `allowed 1/4`, flags appended: `allowed [data-race]`;
 * `not checked` where the column did not run the test.
 */
export function cellText(cell: TableCell, counts: boolean): string {
  switch (cell.kind) {
    case 'outcome': {
      const parts = [cell.allowed ? 'allowed' : 'forbidden'];
      if (counts) parts.push(`${cell.witnesses}/${cell.executions}`);
      else if (cell.executions === 0) parts.push('(no executions)');
      if (cell.flags.length) parts.push(`[${cell.flags.join(',')}]`);
      return parts.join(' ');
    }
    case 'limit':
      return `limit (${cell.limit})`;
    case 'error':
      return 'error';
    case 'absent':
      return 'not checked';
    default:
      return unreachable(cell);
  }
}

/** The `Result:` line's words: `Never`, `Sometimes DATARACE`; empty when there is none. */
export function expectedText(expected: ExpectedResult | undefined): string {
  if (!expected) return '';
  return expected.dataRace ? `${expected.verdict} DATARACE` : expected.verdict;
}

/** `ok`, `MISMATCH (lkmm: Sometimes)`, or empty when nothing was checked. */
export function checkText(check: RowCheck): string {
  switch (check.kind) {
    case 'unchecked':
      return '';
    case 'match':
      return 'ok';
    case 'mismatch':
      return `MISMATCH (${check.mismatches.map((m) => `${m.column}: ${m.observed}`).join('; ')})`;
    default:
      return unreachable(check);
  }
}

/** The header and the text cells of every row, shared by the Markdown, CSV and HTML writers. */
export function tableTextRows(table: OutcomeTable): { header: string[]; rows: string[][] } {
  const header = ['Test', 'Expected', ...table.columns.map((c) => c.id), 'Check'];
  const rows = table.rows.map((row) => [
    row.name,
    expectedText(row.expected),
    ...row.cells.map((cell) => cellText(cell, table.counts)),
    checkText(row.check),
  ]);
  return { header, rows };
}

export function mismatchCount(table: OutcomeTable): number {
  return table.rows.filter((r) => r.check.kind === 'mismatch').length;
}
