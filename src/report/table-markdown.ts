// Report stage: an outcome table as Markdown, padded so that it also reads well as plain text
// (patch descriptions and review mails are read raw).
import { type OutcomeTable, tableTextRows } from './table';

export function formatTableMarkdown(table: OutcomeTable): string {
  const { header, rows } = tableTextRows(table);
  return formatMarkdownGrid(header, rows);
}

/** Any header and rows of text cells as a padded Markdown table (`|` in a cell is escaped). */
export function formatMarkdownGrid(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const escaped = [header, ...rows].map((cells) => cells.map((c) => c.replace(/\|/g, '\\|')));
  const widths = header.map((_, i) => Math.max(3, ...escaped.map((cells) => cells[i].length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return `${[line(escaped[0]), rule, ...escaped.slice(1).map(line)].join('\n')}\n`;
}
