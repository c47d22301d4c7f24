// Report stage: where execution graphs go: herd7's `-o DIR` files and `-o -` DOTBEGIN/DOTEND
// framing (for `ordo herd7`), and the per-test files of `ordo graph -o DIR` and `--graphs DIR`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type DotOptions, renderDot } from './dot';
import type { ExecutionGraph, GraphSelection } from './graph-model';
import { renderSvg } from './graph-svg';

export type GraphFormat = 'dot' | 'svg';

/** herd7's `-show` words: `prop` pictures witnesses, `neg` counterexamples; `none` nothing. */
export function selectionOfHerdShow(value: string): GraphSelection | 'none' | undefined {
  switch (value) {
    case 'prop':
      return 'witness';
    case 'neg':
      return 'counterexample';
    case 'all':
      return 'all';
    case 'none':
      return 'none';
    default:
      return undefined;
  }
}

/** Every graph of one test, one `digraph` after the other (what herd puts in `<test>.dot`). */
export function renderDots(graphs: readonly ExecutionGraph[], options: DotOptions = {}): string {
  return graphs.map((g) => renderDot(g, options)).join('');
}

/**
 * herd7's `-o -`: each test's DOT between `DOTBEGIN <name>` / `DOTCOM dot` and `DOTEND <name>`,
 * the markers herd-www's jerd_driver.js splits stdout on.
 */
export function frameDot(name: string, dot: string): string {
  return `DOTBEGIN ${name}\nDOTCOM dot\n${dot}${dot.endsWith('\n') ? '' : '\n'}DOTEND ${name}\n`;
}

/**
 * herd7's `-o` for one test: with `-` the framed DOT to print on stdout; with a folder, writes
 * `<dir>/<base>.dot` and returns nothing to print. A test without graphs gives nothing.
 */
export function emitHerdGraphs(
  output: string,
  testFile: string,
  testName: string,
  graphs: readonly ExecutionGraph[],
  options: DotOptions = {},
): string {
  if (graphs.length === 0) return '';
  const dot = renderDots(graphs, options);
  if (output === '-') return frameDot(testName, dot);
  fs.writeFileSync(path.join(output, `${graphBaseName(testFile)}.dot`), dot);
  return '';
}

/** herd names the file after the test file, not the test: `dir/SB+mbs.litmus` -> `SB+mbs`. */
export function graphBaseName(testFile: string): string {
  return path.basename(testFile).replace(/\.litmus$/, '');
}

/**
 * Writes the graphs of one test into `dir` (which must exist, as for herd): DOT as one
 * `<base>.dot` holding them all; SVG as `<base>.svg`, or `<base>-<n>.svg` for each of several.
 * Returns the paths written (none when there is no graph).
 */
export async function writeTestGraphs(
  dir: string,
  testFile: string,
  graphs: readonly ExecutionGraph[],
  format: GraphFormat,
  options: DotOptions = {},
): Promise<string[]> {
  if (graphs.length === 0) return [];
  const base = path.join(dir, graphBaseName(testFile));
  if (format === 'dot') {
    fs.writeFileSync(`${base}.dot`, renderDots(graphs, options));
    return [`${base}.dot`];
  }
  const written: string[] = [];
  for (const g of graphs) {
    const file = graphs.length === 1 ? `${base}.svg` : `${base}-${g.index}.svg`;
    fs.writeFileSync(file, await renderSvg(renderDot(g, options)));
    written.push(file);
  }
  return written;
}
