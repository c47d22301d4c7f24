// LSP adapter: the `ordo.showWitness` command's contract with the graph renderer. The renderer
// (src/report/graph*, issue 7) is not wired yet: until it is, the command says so.
import type { ModelSetup } from '../cli/config';
import type { Limits } from './settings';

export interface WitnessRequest {
  readonly file: string;
  readonly text: string;
  readonly target: ModelSetup;
  readonly limits: Limits;
}

export type WitnessAnswer =
  | { readonly kind: 'graph'; readonly format: 'dot' | 'svg'; readonly text: string }
  | { readonly kind: 'none'; readonly message: string };

export interface WitnessGraphs {
  /** The first execution satisfying the condition under `target`, drawn. */
  render(request: WitnessRequest): Promise<WitnessAnswer>;
}

export const pendingWitnessGraphs: WitnessGraphs = {
  async render() {
    return {
      kind: 'none',
      message:
        'ordo cannot draw witness graphs in the editor yet (the graph renderer is not connected).',
    };
  },
};
