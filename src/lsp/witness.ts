// LSP adapter: what the `ordo.showWitness` command answers: the first execution satisfying the
// condition under one target, drawn by src/report (DOT, and SVG rendered offline), or why not.

export type WitnessAnswer =
  | { readonly kind: 'graph'; readonly dot: string; readonly svg?: string }
  | { readonly kind: 'none'; readonly message: string };
