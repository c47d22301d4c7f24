// Models stage: ordo's own LKMM (cat-models/lkmm.cfg) gives every corpus C test the same
// answer as the upstream LKMM files (../shared/corpus/lkmm/linux-kernel.cfg), both run by ordo.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import type { LoadedSetup } from '../../src/cli/load-setup';
import { CORPUS, hasShared, LKMM, oracleRows, skipWithoutShared } from '../corpus/oracle-files';
import { type Answer, answerOf, CAT_MODELS, check, loadConf, parseTest } from './model-runs';

/** The C tests herd7 ran to completion with the upstream files: the ones with an answer to match. */
const rows = oracleRows().filter((r) => r.arch === 'C' && r.status === 'ok');

describe('models: own LKMM = upstream LKMM on the corpus', function () {
  // The whole corpus, twice; the slowest tests take a minute per model today.
  this.timeout(600_000);
  let upstream: LoadedSetup;
  let own: LoadedSetup;
  const agreed: string[] = [];
  const started = Date.now();

  before(function () {
    skipWithoutShared(this, 'the own-LKMM corpus comparison');
    upstream = loadConf(path.join(LKMM, 'linux-kernel.cfg'));
    own = loadConf(path.join(CAT_MODELS, 'lkmm.cfg'));
  });

  after(() => {
    if (rows.length === 0 || !hasShared) return;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `    own LKMM agrees on ${agreed.length}/${rows.length} corpus tests (${seconds} s)`,
    );
  });

  if (rows.length === 0) {
    it('needs ../shared', function () {
      skipWithoutShared(this, 'the own-LKMM corpus comparison');
      expect.fail('../shared is present but herd7-manual.tsv lists no C test that ran ok');
    });
  }

  for (const row of rows) {
    it(row.relpath, () => {
      const file = path.join(CORPUS, row.relpath);
      const test = parseTest(fs.readFileSync(file, 'utf8'), file);
      const theirs: Answer = answerOf(check(test, upstream));
      // herd7 answered this test, so the upstream run must answer it too: no vacuous agreement.
      expect(theirs.errors, 'upstream files: errors').to.deep.equal([]);
      expect(theirs.limit, 'upstream files: limit').to.equal(undefined);
      expect(answerOf(check(test, own))).to.deep.equal(theirs);
      agreed.push(row.relpath);
    });
  }
});
