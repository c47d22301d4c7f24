// Conformance with herd7 on the whole corpus: the corpus runs as ONE batch (the machinery of
// `ordo run`) in a before hook, then each file is compared with herd7's output.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { runBatch } from '../../src/cli/batch';
import { defaultJobs } from '../../src/cli/commands/run';
import { catModelsDir, commandLineSetting, resolveSetup, type Setting } from '../../src/cli/config';
import { formatHerdText, outcomeFailed, parseHerdLog, type TestOutcome } from '../../src/report';
import { hasErrors } from '../../src/source';
import {
  CORPUS,
  LKMM,
  type OracleRow,
  oracleOutput,
  oracleRows,
  skipWithoutShared,
} from './oracle-files';

/** Lines herd and ordo need not share: CPU time, and herd's hash of its own pretty-printing. */
function comparable(block: string): string {
  return block
    .split('\n')
    .filter((l) => !l.startsWith('Time ') && !l.startsWith('Hash='))
    .join('\n');
}

function checkAgainstHerd(row: OracleRow, o: TestOutcome): void {
  const { stdout, stderr } = oracleOutput(row.relpath);
  if (row.status === 'error') {
    expect(outcomeFailed(o), 'herd7 rejected this file; ordo must too').to.equal(true);
    const errors = o.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).to.be.above(0);
    expect(errors[0].span.file).to.equal(o.file);
    if (row.arch !== 'C') {
      expect(errors.map((d) => d.code)).to.include('litmus/not-c');
    } else {
      const macro = /Unknown macro (\S+)/.exec(stderr)?.[1];
      const d = errors.find((e) => e.code === 'events/unknown-primitive');
      expect(d?.message, `herd7: ${stderr.trim()}`).to.include(macro);
      expect(d!.span.end, 'the call is located').to.be.above(d!.span.start);
    }
    return;
  }
  const problems = o.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  expect(problems, 'ordo errors').to.deep.equal([]);
  const r = o.report!.result;
  if (row.status === 'timeout') return;
  expect(r.limit, 'no limit reached').to.equal(undefined);
  const [herd] = parseHerdLog(stdout);
  const ours = formatHerdText(o.report!);
  const [mine] = parseHerdLog(ours);
  expect(mine.observation, 'Observation').to.deep.equal(herd.observation);
  expect(mine.flags, 'Flag lines').to.deep.equal(herd.flags);
  expect(
    mine.states.map((s) => s.line),
    'final states',
  ).to.have.members(herd.states.map((s) => s.line));
  expect(comparable(ours), 'the whole block but Time and Hash').to.equal(comparable(stdout));
}

/**
 * The whole corpus under CI (CI=true) or with ORDO_CORPUS=full; otherwise a fixed tenth of
 * it plus every file herd7 rejected, so that a developer's `npm test` stays quick.
 */
const FULL = Boolean(process.env.CI || process.env.ORDO_CORPUS === 'full');

function selectedRows(): OracleRow[] {
  const rows = oracleRows();
  return FULL
    ? rows
    : rows.filter((r, i) => r.status === 'error' || (r.status === 'ok' && i % 10 === 0));
}

/** Generous, so that only a runaway check fails here; herd7 needs up to 186 s on some files. */
const PER_TEST_TIMEOUT_MS = 120_000;
/**
 * herd7 gave no answer for these (timeouts), so there is nothing to compare; they are run with
 * a shorter limit and reported (finished or limit reached) rather than asserted.
 */
const HERD_TIMEOUT_LIMIT_MS = 30_000;

function describeCorpus(title: string, settings: () => Setting[] | undefined): void {
  describe(title, function () {
    this.timeout(60 * 60 * 1000);
    const rows = selectedRows();
    const outcomes = new Map<string, TestOutcome>();
    before(async function () {
      skipWithoutShared(this, 'the corpus conformance suite');
      if (!FULL)
        console.log(`    note: ${rows.length} corpus files; CI=true or ORDO_CORPUS=full runs all`);
      const given = settings();
      if (!given) {
        console.log(`    note: ${catModelsDir()}/lkmm.cfg is absent; skipping ${title}`);
        return this.skip();
      }
      const setup = resolveSetup(given, { cwd: process.cwd(), includeDirs: [] });
      expect(hasErrors(setup.diagnostics), 'model setup').to.equal(false);
      const timedOut = rows.filter((r) => r.status === 'timeout');
      const answered = rows.filter((r) => r.status !== 'timeout');
      const started = Date.now();
      for (const [batch, timeoutMs] of [
        [answered, PER_TEST_TIMEOUT_MS],
        [timedOut, HERD_TIMEOUT_LIMIT_MS],
      ] as const) {
        const summary = await runBatch(
          batch.map((r) => path.join(CORPUS, r.relpath)),
          { setup: setup.value!, jobs: defaultJobs(), limits: { timeoutMs } },
          { outcome: (o, i) => void outcomes.set(batch[i].relpath, o) },
        );
        expect(summary.modelDiagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`    ${title}: ${rows.length} files in ${seconds} s (${defaultJobs()} jobs)`);
      for (const r of timedOut) {
        const res = outcomes.get(r.relpath)?.report?.result;
        const what = res
          ? `${res.satisfied} ${res.unsatisfied} in ${(res.timeMs / 1000).toFixed(1)} s`
          : 'failed';
        const limited = res?.limit ? ` (limit reached: ${res.limit})` : '';
        console.log(`    herd7 timed out, ordo: ${path.basename(r.relpath)}: ${what}${limited}`);
      }
    });
    for (const row of rows) {
      it(row.relpath, () => checkAgainstHerd(row, outcomes.get(row.relpath)!));
    }
  });
}

describe('corpus: agreement with herd7 on every file', () => {
  describeCorpus('with the upstream LKMM files loaded unchanged', () => [
    commandLineSetting('conf', path.join(LKMM, 'linux-kernel.cfg')),
  ]);
  describeCorpus("with ordo's own LKMM (the default model)", () =>
    fs.existsSync(path.join(catModelsDir(), 'lkmm.cfg')) ? [] : undefined,
  );
});
