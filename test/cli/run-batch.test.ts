// The batch machinery in-process (as the corpus suite uses it): worker threads under tsx,
// input order, one model load per batch, limits.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { type BatchSummary, runBatch } from '../../src/cli/batch';
import { commandLineSetting, type ModelSetup, resolveSetup } from '../../src/cli/config';
import { formatHerdText, type TestOutcome } from '../../src/report';

const MP = (name: string, fence: string) => `C ${name}
{}
P0(int *x, int *y) { WRITE_ONCE(*x, 1);${fence} WRITE_ONCE(*y, 1); }
P1(int *x, int *y) { int r0; int r1; r0 = READ_ONCE(*y);${fence} r1 = READ_ONCE(*x); }
exists (1:r0=1 /\\ 1:r1=0)
`;

describe('cli: batches in-process (runBatch)', function () {
  this.timeout(120_000);
  let dir: string;
  let files: string[];
  let setup: ModelSetup;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-batch-'));
    const tests: [string, string][] = [
      ['MP.litmus', MP('MP', '')],
      ['MP+mbs.litmus', MP('MP+mbs', ' smp_mb();')],
      ['bad.litmus', 'C bad\n{}\nP0(int *x) { WRITE_ONCE(*x 1); }\nexists (x=1)\n'],
      [
        'MP+wmb-rmb.litmus',
        MP('MP+wmb-rmb', '')
          .replace('1); WRITE', '1); smp_wmb(); WRITE')
          .replace('0 = READ_ONCE(*y);', '0 = READ_ONCE(*y); smp_rmb();'),
      ],
      ['MP+rmbs.litmus', MP('MP+rmbs', ' smp_rmb();')],
    ];
    files = tests.map(([name, text]) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    });
    setup = resolveSetup([commandLineSetting('conf', 'lkmm.cfg')], { cwd: dir, includeDirs: [] })
      .value!;
  });

  async function collect(
    jobs: number,
    limits = {},
  ): Promise<[TestOutcome[], BatchSummary, number]> {
    const outcomes: TestOutcome[] = [];
    let modelReports = 0;
    const summary = await runBatch(
      files,
      { setup, jobs, limits },
      {
        model: () => modelReports++,
        outcome: (o, i) => {
          expect(i).to.equal(outcomes.length);
          outcomes.push(o);
        },
      },
    );
    return [outcomes, summary, modelReports];
  }

  const texts = (os: TestOutcome[]) =>
    os.map((o) =>
      o.report ? formatHerdText(o.report).replace(/^Time .*$/m, '') : o.diagnostics[0].code,
    );

  it('delivers outcomes in input order, the same with 1 and 3 worker threads', async () => {
    const [one, s1, m1] = await collect(1);
    const [three, s3, m3] = await collect(3);
    expect(one.map((o) => o.file)).to.deep.equal(files);
    expect(three.map((o) => o.file)).to.deep.equal(files);
    expect(texts(three)).to.deep.equal(texts(one));
    expect([m1, m3]).to.deep.equal([1, 1]);
    expect([s1.checked, s1.failed, s3.checked, s3.failed]).to.deep.equal([5, 1, 5, 1]);
    expect(one[2].name, 'the name of a test that did not parse').to.equal('bad');
    expect(one[2].diagnostics[0].span.file).to.equal(files[2]);
  });

  it('stops early when the sink says so', async () => {
    let seen = 0;
    const summary = await runBatch(
      files,
      { setup, jobs: 2, limits: {} },
      {
        outcome: () => {
          seen++;
          return seen === 2 ? 'stop' : undefined;
        },
      },
    );
    expect([seen, summary.checked]).to.deep.equal([2, 2]);
  });

  it('reports a model that does not load once, and checks nothing', async () => {
    fs.writeFileSync(path.join(dir, 'broken.cat'), 'let = 1\n');
    const broken = { ...setup, model: path.join(dir, 'broken.cat') };
    const reports: number[] = [];
    const summary = await runBatch(
      files,
      { setup: broken, jobs: 2, limits: {} },
      {
        model: (s) => reports.push(s.modelDiagnostics.length),
        outcome: () => expect.fail('no test may run'),
      },
    );
    expect(summary.modelLoaded).to.equal(false);
    expect(reports).to.have.length(1);
    expect(reports[0]).to.be.above(0);
  });

  it('passes limits to the checker: a candidate limit gives an explicit limit result', async () => {
    const [outcomes] = await collect(2, { maxCandidates: 1 });
    expect(outcomes[0].report?.result.limit).to.equal('candidates');
  });
});
