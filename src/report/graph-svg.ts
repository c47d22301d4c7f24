// Report stage: DOT to SVG offline, with Graphviz compiled to WebAssembly (@viz-js/viz): no
// Graphviz install, no network. Loaded on first use only, so other commands never pay for it.
import type { Viz } from '@viz-js/viz';

let viz: Promise<Viz> | undefined;

export async function renderSvg(dot: string): Promise<string> {
  viz ??= (require('@viz-js/viz') as typeof import('@viz-js/viz')).instance();
  return (await viz).renderString(dot, { format: 'svg', engine: 'dot' });
}
