// Robustness: every file of ../shared/corpus (litmus tests, herd7's rejects included, and the
// model files) gets a result or positioned diagnostics from the pipeline, never an exception.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { runBatch } from '../../src/cli/batch';
import { resolveSetup } from '../../src/cli/config';
import { hasShared, SHARED, skipWithoutShared } from '../corpus/oracle-files';
import { diagnosticProblems, KnownTexts } from '../support/fuzz-invariants';
import { fuzzTarget } from '../support/fuzz-targets';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

describe('robust: every corpus file gets a result or positioned diagnostics', function () {
  this.timeout(600_000);
  before(function () {
    skipWithoutShared(this, 'the corpus robustness suite');
  });
  const corpus = hasShared ? filesUnder(path.join(SHARED, 'corpus')).sort() : [];

  it('litmus files, through the whole pipeline (tight limits, 2 worker threads)', async () => {
    const files = corpus.filter((f) => f.endsWith('.litmus'));
    const setup = resolveSetup([], { cwd: process.cwd(), includeDirs: [] }).value!;
    const known = new KnownTexts();
    const problems: string[] = [];
    let checked = 0;
    let rejected = 0;
    await runBatch(
      files,
      { setup, jobs: 2, limits: { timeoutMs: 1000, maxCandidates: 200 } },
      {
        outcome: (o) => {
          const errors = o.diagnostics.filter((d) => d.severity === 'error');
          if (o.report && errors.length === 0) checked++;
          else if (errors.length > 0) rejected++;
          else problems.push(`${o.file}: neither a result nor an error`);
          for (const p of diagnosticProblems(o.diagnostics, known))
            problems.push(`${o.file}: ${p}`);
        },
      },
    );
    expect(problems).to.deep.equal([]);
    expect(checked + rejected).to.equal(files.length);
    console.log(`    corpus: ${checked} checked, ${rejected} rejected with positioned errors`);
  });

  it('model files (.cat, .bell, .def, .cfg), each loaded by its own stage', () => {
    const kinds: Record<string, string> = {
      '.cat': 'cat',
      '.bell': 'bell',
      '.def': 'def',
      '.cfg': 'cfg',
    };
    const files = corpus.filter((f) => kinds[path.extname(f)] !== undefined);
    expect(files.length).to.be.at.least(8);
    for (const f of files) {
      const target = fuzzTarget(kinds[path.extname(f)])!;
      const text = fs.readFileSync(f, 'utf8');
      expect(target.check(text, { path: f, text }), f).to.deep.equal([]);
    }
  });
});
