// Report stage: an outcome table as CSV (RFC 4180 quoting), with the test's file as a column.
import { type OutcomeTable, tableTextRows } from './table';

export function formatTableCsv(table: OutcomeTable): string {
  const { header, rows } = tableTextRows(table);
  const lines = [
    [header[0], 'File', ...header.slice(1)],
    ...rows.map((cells, i) => [cells[0], table.rows[i].file, ...cells.slice(1)]),
  ];
  return `${lines.map((cells) => cells.map(csvField).join(',')).join('\n')}\n`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
