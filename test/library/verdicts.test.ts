// Library tests: every test under litmus/ gets the verdict its `Result:` line states, under
// the upstream LKMM files (../shared/corpus/lkmm, when present) and under ordo's default model
// (cat-models/lkmm.cfg); its `SC:` claim holds under ordo's SC model.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import type { LoadedSetup } from '../../src/cli/load-setup';
import type { TestResult } from '../../src/enumerate/result';
import { type ExpectedResult, type ExpectedVerdict, unreachable } from '../../src/litmus';
import { LKMM, skipWithoutShared } from '../corpus/oracle-files';
import { CAT_MODELS, check, loadConf, loadSc, parseTest } from '../models/model-runs';
import { libraryTests, scClaim } from './library-files';

const files = libraryTests();

/** How many library tests met their claim, and how long the suite took: printed after it. */
function newTally(what: string) {
  return {
    agreed: 0,
    started: 0,
    begin() {
      this.started = Date.now();
    },
    print() {
      if (this.agreed === 0) return;
      const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
      console.log(
        `    library: ${this.agreed}/${files.length} tests meet their ${what} (${seconds} s)`,
      );
    },
  };
}

function describeResult(r: TestResult): string {
  const flags = r.flags.length ? ` flags [${r.flags.join(', ')}]` : '';
  return `${r.satisfied} satisfying, ${r.unsatisfied} not${flags}`;
}

/**
 * The kernel's judgement of a `Result:` line (tools/memory-model/scripts/judgelitmus.sh):
 * Never = no execution satisfies the condition, Sometimes = some but not all do, Always = all
 * do, DEADLOCK = there is no execution at all; a data race is flagged iff DATARACE is stated.
 */
function verdictHolds(verdict: ExpectedVerdict, r: TestResult): boolean {
  const executions = r.satisfied + r.unsatisfied;
  switch (verdict) {
    case 'DEADLOCK':
      return executions === 0;
    case 'Never':
      return executions > 0 && r.satisfied === 0;
    case 'Always':
      return executions > 0 && r.unsatisfied === 0;
    case 'Sometimes':
      return r.satisfied > 0 && r.unsatisfied > 0;
    case 'Maybe':
      return true;
    default:
      return unreachable(verdict);
  }
}

function meets(expected: ExpectedResult, r: TestResult): boolean {
  return verdictHolds(expected.verdict, r) && r.flags.includes('data-race') === expected.dataRace;
}

function runLibrary(label: string, load: (ctx: Mocha.Context) => LoadedSetup): void {
  describe(`library: Result lines under ${label}`, function () {
    this.timeout(60_000);
    let loaded: LoadedSetup;
    const tally = newTally(`Result: lines under ${label}`);

    before(function () {
      loaded = load(this);
      tally.begin();
    });

    after(() => tally.print());

    for (const file of files) {
      it(file, () => {
        const test = parseTest(fs.readFileSync(file, 'utf8'), file);
        expect(test.expected, 'the test has a Result: line').to.not.equal(undefined);
        const expected = test.expected as ExpectedResult;
        const r = check(test, loaded);
        expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
        expect(r.limit, 'no enumeration limit').to.equal(undefined);
        const stated = `${expected.verdict}${expected.dataRace ? ' DATARACE' : ''}`;
        expect(meets(expected, r), `Result: ${stated}, but ${describeResult(r)}`).to.equal(true);
        tally.agreed++;
      });
    }
  });
}

runLibrary('the upstream LKMM files', (ctx) => {
  skipWithoutShared(ctx, 'the library under the upstream LKMM files');
  return loadConf(path.join(LKMM, 'linux-kernel.cfg'));
});

runLibrary("ordo's default LKMM", () => loadConf(path.join(CAT_MODELS, 'lkmm.cfg')));

describe('library: SC claims under ordo SC', function () {
  this.timeout(60_000);
  let sc: LoadedSetup;
  const tally = newTally('SC: lines under ordo SC');

  before(() => {
    sc = loadSc();
    tally.begin();
  });

  after(() => tally.print());

  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(file, 'utf8');
      const claim = scClaim(text);
      expect(claim, 'the test has an SC: allowed|forbidden line').to.not.equal(undefined);
      const r = check(parseTest(text, file), sc);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
      expect(r.limit, 'no enumeration limit').to.equal(undefined);
      const observed = r.satisfied > 0 ? 'allowed' : 'forbidden';
      expect(observed, `SC: ${claim}, but ${describeResult(r)}`).to.equal(claim);
      tally.agreed++;
    });
  }
});
