// Models stage: SC is stronger than the LKMM: on every corpus C test herd7 answered, each
// execution sc.cat accepts is one lkmm.cat accepts (same candidates, stricter checks).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import type { LoadedSetup } from '../../src/cli/load-setup';
import { CORPUS, hasShared, oracleRows, skipWithoutShared } from '../corpus/oracle-files';
import { answerOf, CAT_MODELS, check, loadConf, loadSc, parseTest } from './model-runs';

// Every eighth such test (a fixed sample across all folders): the property held on all of
// them when checked once, and the whole corpus belongs to own-lkmm.test.ts's time budget.
const rows = oracleRows()
  .filter((r) => r.arch === 'C' && r.status === 'ok')
  .filter((_, i) => i % 8 === 0);

describe('models: SC accepts a subset of what the LKMM accepts', function () {
  this.timeout(600_000);
  let lkmm: LoadedSetup;
  let sc: LoadedSetup;
  let stricter = 0;

  before(function () {
    skipWithoutShared(this, 'the SC-below-LKMM corpus check');
    lkmm = loadConf(path.join(CAT_MODELS, 'lkmm.cfg'));
    sc = loadSc();
  });

  after(() => {
    if (rows.length > 0 && hasShared) {
      console.log(
        `    SC forbids some LKMM outcome in ${stricter}/${rows.length} sampled corpus tests`,
      );
    }
  });

  if (rows.length === 0) {
    it('needs ../shared', function () {
      skipWithoutShared(this, 'the SC-below-LKMM corpus check');
      expect.fail('../shared is present but herd7-manual.tsv lists no C test that ran ok');
    });
  }

  for (const row of rows) {
    it(row.relpath, () => {
      const file = path.join(CORPUS, row.relpath);
      const test = parseTest(fs.readFileSync(file, 'utf8'), file);
      const weak = answerOf(check(test, lkmm));
      const strong = answerOf(check(test, sc));
      expect(strong.errors, 'SC errors').to.deep.equal([]);
      expect(weak.states, 'SC states are LKMM states').to.include.members(strong.states);
      expect(strong.positive, 'positive').to.be.at.most(weak.positive);
      expect(strong.negative, 'negative').to.be.at.most(weak.negative);
      if (strong.states.length < weak.states.length) stricter++;
    });
  }
});
