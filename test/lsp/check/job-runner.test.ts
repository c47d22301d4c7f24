import { expect } from 'chai';
import type { ModelSetup } from '../../../src/cli/config';
import { JobRunner } from '../../../src/lsp/check/job-runner';
import { DEFAULT_SETTINGS } from '../../../src/lsp/settings';
import { scriptedWorkers } from '../support/scripted-worker';

const target: ModelSetup = {
  label: 'lkmm.cfg',
  model: 'lkmm.cat',
  variants: [],
  includeDirs: [],
  skipChecks: [],
  picture: [],
};

const request = (limits = DEFAULT_SETTINGS.limits) => ({
  kind: 'check' as const,
  file: 'x.litmus',
  text: 'C x {} P0(int *x) {} exists (x=0)',
  targets: [target],
  limits,
  generation: 1,
});

describe('lsp/check/JobRunner', () => {
  let runner: JobRunner | undefined;
  afterEach(async () => {
    await runner?.dispose();
    runner = undefined;
  });

  it('runs a check in a worker and returns its verdicts', async () => {
    const workers = scriptedWorkers(10);
    runner = new JobRunner(workers.spawn);
    const o = await runner.run(request()).outcome;
    expect(o.kind).to.equal('verdicts');
    if (o.kind === 'verdicts') expect(o.verdicts[0].result?.unsatisfied).to.equal(3);
  });

  it('reuses an idle worker for the next check', async () => {
    const workers = scriptedWorkers(10);
    runner = new JobRunner(workers.spawn);
    await runner.run(request()).outcome;
    await runner.run(request()).outcome;
    expect(workers.started()).to.equal(1);
  });

  it('cancels a busy check at once by terminating its worker', async () => {
    const workers = scriptedWorkers(60_000);
    runner = new JobRunner(workers.spawn);
    const running = runner.run(request());
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    running.cancel();
    expect((await running.outcome).kind).to.equal('cancelled');
    expect(Date.now() - t0).to.be.below(100);
    // The terminated worker is not reused: the next check starts a fresh one.
    const next = runner.run(request());
    next.cancel();
    expect(workers.started()).to.equal(2);
  });

  it('keeps a preloaded spare ready after a cancellation', async () => {
    const workers = scriptedWorkers(60_000);
    runner = new JobRunner(workers.spawn);
    runner.preload({ targets: [target], generation: 1 });
    expect(workers.started()).to.equal(1);
    const running = runner.run(request());
    expect(workers.started()).to.equal(1);
    running.cancel();
    await running.outcome;
    expect(workers.started()).to.equal(2);
  });

  it('counts the time limit from when the worker takes the job up', async () => {
    const workers = scriptedWorkers(10, 400);
    runner = new JobRunner(workers.spawn, 50);
    const o = await runner.run(request({ timeoutMs: 100, maxCandidates: 1 })).outcome;
    expect(o.kind).to.equal('verdicts');
  });

  it('kills a worker that outlives its time budget', async () => {
    const workers = scriptedWorkers(60_000);
    runner = new JobRunner(workers.spawn, 50);
    const o = await runner.run(request({ timeoutMs: 100, maxCandidates: 1 })).outcome;
    expect(o).to.deep.equal({ kind: 'crashed', message: 'the check did not finish within 0.1 s' });
  });
});
