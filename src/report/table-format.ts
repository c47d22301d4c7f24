// Report stage: one entry point for the four outcome-table formats of `ordo table --format`.
import { unreachable } from '../litmus/ast';
import type { OutcomeTable } from './table';
import { formatTableCsv } from './table-csv';
import { formatTableHtml, type HtmlTableOptions } from './table-html';
import { formatTableJson } from './table-json';
import { formatTableMarkdown } from './table-markdown';

export const TABLE_FORMATS = ['md', 'csv', 'json', 'html'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export function isTableFormat(text: string): text is TableFormat {
  return (TABLE_FORMATS as readonly string[]).includes(text);
}

export function formatTable(
  table: OutcomeTable,
  format: TableFormat,
  html: HtmlTableOptions = {},
): string {
  switch (format) {
    case 'md':
      return formatTableMarkdown(table);
    case 'csv':
      return formatTableCsv(table);
    case 'json':
      return formatTableJson(table);
    case 'html':
      return formatTableHtml(table, html);
    default:
      return unreachable(format);
  }
}
