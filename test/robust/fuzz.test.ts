// Robustness: every stage fed damaged real inputs (fixed seed, a few thousand cases): values
// or positioned diagnostics, never an exception, an internal error or a hang.
import { expect } from 'chai';
import { runCampaign } from '../support/fuzz-run';
import { FUZZ_TARGETS } from '../support/fuzz-targets';

/** Cases per target in CI; `npm run fuzz` runs as many as asked. */
const RUNS: Readonly<Record<string, number>> = {
  litmus: 800,
  pipeline: 200,
  def: 80,
  cat: 20,
  bell: 12,
  cfg: 40,
};
const SEED = 20_260_901;

describe('robust: fuzzing each stage (fixed seed)', function () {
  this.timeout(120_000);
  for (const target of FUZZ_TARGETS) {
    it(`${target.name}: ${RUNS[target.name]} damaged ${target.what}`, () => {
      const r = runCampaign(target, { seed: SEED, runs: RUNS[target.name] });
      expect(r.failure, r.failure).to.equal(undefined);
      expect(r.runs).to.equal(RUNS[target.name]);
    });
  }
});
