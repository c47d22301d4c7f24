// Report stage: where execution graphs go: herd7's `-o DIR` files and `-o -` DOTBEGIN/DOTEND
// framing (for `ordo herd7`), and the per-test files of `ordo graph -o DIR` and `--graphs DIR`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Quantifier, unreachable } from '../litmus';
import { type DotOptions, renderDot } from './dot';
import type { ExecutionGraph, GraphRequest, GraphResult, GraphSelection } from './graph-model';
import { renderSvg } from './graph-svg';
import type { TestOutcome } from './outcome';

export type GraphFormat = 'dot' | 'svg';

/**
 * Which executions to draw: ordo's words, or herd's `cond` and `wit`, whose meaning depends on
 * the test's quantifier (so a batch resolves them per test, with selectionFor).
 */
export type GraphShow = GraphSelection | 'cond' | 'wit';

/** What a batch asks the checker to record for every test (plain data: it goes to workers). */
export interface GraphPlan {
  readonly show: GraphShow;
  readonly relations: readonly string[];
  /** At most this many graphs per test (herd's `-nshow`). */
  readonly limit?: number;
}

/** herd7's `-show` words: `prop` pictures witnesses, `neg` counterexamples; `none` nothing. */
export function selectionOfHerdShow(value: string): GraphShow | 'none' | undefined {
  switch (value) {
    case 'prop':
      return 'witness';
    case 'neg':
      return 'counterexample';
    case 'all':
    case 'cond':
    case 'wit':
    case 'none':
      return value;
    default:
      return undefined;
  }
}

/**
 * herd's manual (`-show`): `cond` draws the executions that validate the condition (p true
 * for exists and forall, false for ~exists); `wit` the "interesting" ones (p true for exists
 * and ~exists, false for forall). A test without a condition counts as forall, as in herd.
 */
export function selectionFor(show: GraphShow, quantifier: Quantifier | undefined): GraphSelection {
  switch (show) {
    case 'witness':
    case 'counterexample':
    case 'all':
      return show;
    case 'cond':
      return quantifier === 'not exists' ? 'counterexample' : 'witness';
    case 'wit':
      return quantifier === 'forall' || quantifier === undefined ? 'counterexample' : 'witness';
    default:
      return unreachable(show);
  }
}

/** The checker's request for one test of a batch. */
export function requestFor(plan: GraphPlan, quantifier: Quantifier | undefined): GraphRequest {
  return {
    show: selectionFor(plan.show, quantifier),
    relations: plan.relations,
    limit: plan.limit,
  };
}

/** The graphs a batch recorded for a test (none when it was not asked or the test failed). */
export function outcomeGraphs(o: TestOutcome): readonly ExecutionGraph[] {
  return (o.report?.result as GraphResult | undefined)?.graphs ?? [];
}

/** Every graph of one test, one `digraph` after the other (what herd puts in `<test>.dot`). */
export function renderDots(graphs: readonly ExecutionGraph[], options: DotOptions = {}): string {
  return graphs.map((g) => renderDot(g, options)).join('');
}

/**
 * herd7's `-o -`: a test's DOT between `DOTBEGIN <base>` / `DOTCOM dot` and `DOTEND <base>`,
 * the markers herd-www's jerd_driver.js splits stdout on. herd opens the frame with a blank
 * line and closes it after one, and prints it even when no execution is drawn.
 */
export function frameDot(name: string, dot: string): string {
  const body = dot === '' || dot.endsWith('\n') ? dot : `${dot}\n`;
  return `\nDOTBEGIN ${name}\nDOTCOM dot\n${body}\nDOTEND ${name}\n`;
}

/**
 * herd7's `-o` for one checked test, as herd does it before the test's text block: with `-`
 * the framed DOT to print on stdout; with a folder, writes `<dir>/<base><suffix>.dot` (empty
 * when nothing is drawn, as herd leaves it) and returns nothing to print.
 */
export function emitHerdGraphs(
  output: string,
  testFile: string,
  graphs: readonly ExecutionGraph[],
  options: DotOptions = {},
  suffix = '',
): string {
  const dot = renderDots(graphs, options);
  if (output === '-') return frameDot(graphBaseName(testFile), dot);
  fs.writeFileSync(path.join(output, `${graphBaseName(testFile)}${suffix}.dot`), dot);
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
