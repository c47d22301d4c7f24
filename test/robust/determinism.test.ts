// Robustness: the same input gives byte-identical output (Time lines aside) run after run and
// for every --jobs value, on a sample of the corpus that includes rejected files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { hasShared, SHARED, skipWithoutShared } from '../corpus/oracle-files';
import { runOrdo, withoutTimes } from './support';

function litmusUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? litmusUnder(p) : p.endsWith('.litmus') ? [p] : [];
  });
}

describe('robust: determinism across runs and --jobs', function () {
  this.timeout(300_000);
  before(function () {
    skipWithoutShared(this, 'the determinism suite');
  });
  // Every 9th corpus file: about 100, C tests and herd7's rejects (LISA, PPC) alike.
  const sample = hasShared
    ? litmusUnder(path.join(SHARED, 'corpus', 'litmus'))
        .sort()
        .filter((_, i) => i % 9 === 0)
    : [];
  // A candidate limit, not a time limit: where a time limit stops depends on the machine.
  const args = ['run', '--max-candidates', '300', ...sample];

  it('text and JSON: the same bytes for --jobs 1, 2, 4 and on a second run', () => {
    expect(sample.length).to.be.at.least(100);
    const text = [1, 2, 4, 2].map((j) => runOrdo([...args, '--jobs', String(j)]));
    const json = [1, 4].map((j) => runOrdo([...args, '--json', '--jobs', String(j)]));
    for (const r of [...text, ...json]) expect(r.status).to.equal(1);
    const first = withoutTimes(text[0].stdout);
    expect(first).to.include('Test ');
    for (const r of text) {
      expect(withoutTimes(r.stdout)).to.equal(first);
      expect(r.stderr).to.equal(text[0].stderr);
    }
    const noTime = (s: string) => s.replace(/"timeMs":\d+/g, '');
    expect(noTime(json[1].stdout)).to.equal(noTime(json[0].stdout));
    expect(json[0].stdout.trim().split('\n')).to.have.length(sample.length);
  });
});
