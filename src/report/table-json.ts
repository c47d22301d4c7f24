// Report stage: an outcome table as one JSON document, for scripts: structured cells, no words
// to parse back.
import { unreachable } from '../litmus/ast';
import type { OutcomeTable, RowCheck, TableCell } from './table';

export function formatTableJson(table: OutcomeTable): string {
  const doc = {
    columns: table.columns.map((c) => ({ id: c.id, judged: c.judged })),
    rows: table.rows.map((row) => ({
      name: row.name,
      file: row.file,
      expected: row.expected
        ? { verdict: row.expected.verdict, dataRace: row.expected.dataRace }
        : null,
      cells: Object.fromEntries(row.cells.map((cell, i) => [table.columns[i].id, jsonCell(cell)])),
      ...jsonCheck(row.check),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function jsonCell(cell: TableCell): object {
  switch (cell.kind) {
    case 'outcome':
      return {
        verdict: cell.allowed ? 'allowed' : 'forbidden',
        observation: cell.observation,
        witnesses: cell.witnesses,
        executions: cell.executions,
        flags: cell.flags,
      };
    case 'limit':
      return { verdict: 'limit', limit: cell.limit };
    case 'error':
      return { verdict: 'error', message: cell.message };
    case 'absent':
      return { verdict: 'absent', reason: cell.reason };
    default:
      return unreachable(cell);
  }
}

function jsonCheck(check: RowCheck): { check: string | null; mismatches?: object[] } {
  switch (check.kind) {
    case 'unchecked':
      return { check: null };
    case 'match':
      return { check: 'ok' };
    case 'mismatch':
      return { check: 'mismatch', mismatches: [...check.mismatches] };
    default:
      return unreachable(check);
  }
}
