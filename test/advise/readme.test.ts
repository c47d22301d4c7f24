// Advise: the seed scenarios' READMEs quote the advisor: every phrase they put in double quotes
// in their "Advisor" section is in its report on the tests that section names.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { formatAdviceText } from '../../src/report';
import { adviseFile } from './support';

const SEEDS = ['litmus/mm/gup-pin-vs-writeback', 'litmus/mm/madvfree-vs-dio'];

function advisorSection(readme: string): string {
  const start = readme.indexOf('## Advisor');
  return start < 0 ? '' : readme.slice(start, readme.indexOf('\n## ', start + 1));
}

describe('advise: the seed READMEs quote the advisor', function () {
  this.timeout(300_000);

  for (const dir of SEEDS) {
    it(dir, async () => {
      const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
      const section = advisorSection(readme);
      expect(readme.indexOf('## Advisor')).to.be.below(readme.indexOf('<!-- verdict-table -->'));
      const named = [...new Set(section.match(/[\w+-]+\.litmus/g))];
      expect(named.length).to.be.at.least(4);
      const reports: string[] = [];
      for (const name of named) {
        const advice = await adviseFile(path.join(dir, name), ['lkmm', 'x86-64', 'arm64']);
        reports.push(formatAdviceText(advice).replace(/\s+/g, ' '));
      }
      const quotes = [...section.matchAll(/"([^"]+)"/g)].map((m) => m[1].replace(/\s+/g, ' '));
      expect(quotes.length).to.be.at.least(3);
      for (const q of quotes) {
        for (const part of q.split(' ... ')) {
          expect(
            reports.some((r) => r.toLowerCase().includes(part.toLowerCase())),
            `"${part}"`,
          ).to.equal(true);
        }
      }
    });
  }
});
