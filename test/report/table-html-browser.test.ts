import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import {
  CHROMIUM,
  chromiumAvailable,
  screenshot,
  withPage,
} from '../../scripts/html-screenshot.mjs';
import { buildOutcomeTable, type ColumnOutcome, type TableRowInput } from '../../src/report/table';
import { formatTable } from '../../src/report/table-format';
import { expected, result } from './table-support';

const ran = (satisfied: number, unsatisfied: number): ColumnOutcome => ({
  kind: 'result',
  result: result({ satisfied, unsatisfied }),
});

const ROWS: TableRowInput[] = [
  {
    name: 'SB',
    file: 'SB.litmus',
    expected: expected('Sometimes'),
    outcomes: [ran(1, 3), ran(1, 3)],
  },
  {
    name: 'SB+mbs',
    file: 'SB+mbs.litmus',
    expected: expected('Never'),
    outcomes: [ran(0, 3), ran(0, 3)],
  },
  { name: 'MP', file: 'MP.litmus', expected: expected('Never'), outcomes: [ran(1, 3), ran(0, 4)] },
  { name: 'LB', file: 'LB.litmus', outcomes: [ran(1, 3), ran(0, 4)] },
  {
    name: 'IRIW+mbs',
    file: 'IRIW+mbs.litmus',
    expected: expected('Never'),
    outcomes: [ran(0, 15), ran(0, 15)],
  },
];

const visibleNames = (page: Page): Promise<string[]> =>
  page.locator('#outcomes tbody tr:not([hidden]) th').allTextContents();

describe('report: the HTML outcome table in headless Chromium', function () {
  this.timeout(60000);
  let dir: string;
  let file: string;

  before(function () {
    if (!chromiumAvailable()) {
      console.log(
        `    note: no Chromium at ${CHROMIUM} (apt-get install -y chromium); skipping the browser check`,
      );
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-table-'));
    file = path.join(dir, 'table.html');
    const table = buildOutcomeTable(
      [
        { id: 'lkmm', judged: true },
        { id: 'x86-64', judged: false },
      ],
      ROWS,
      true,
    );
    fs.writeFileSync(
      file,
      formatTable(table, 'html', { title: 'Classic tests', generator: 'ordo test' }),
    );
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders the table offline, filters it, sorts it, and looks like something', async () => {
    await withPage(file, async (page, requested) => {
      expect(await page.title()).to.equal('Classic tests');
      expect(await page.locator('#outcomes thead th').allTextContents()).to.deep.equal([
        'Test',
        'Expected',
        'lkmm',
        'x86-64',
        'Check',
      ]);
      expect(await visibleNames(page)).to.deep.equal(ROWS.map((r) => r.name));
      expect(await page.locator('#shown').textContent()).to.equal('showing 5 of 5');

      await page.fill('#filter', 'sb');
      expect(await visibleNames(page)).to.deep.equal(['SB', 'SB+mbs']);
      await page.fill('#filter', 'forbidden 0/15');
      expect(await visibleNames(page)).to.deep.equal(['IRIW+mbs']);
      await page.fill('#filter', '');
      await page.check('#mismatches-only');
      expect(await visibleNames(page)).to.deep.equal(['MP']);
      await page.uncheck('#mismatches-only');

      await page.click('thead button[data-col="0"]');
      expect(await visibleNames(page)).to.deep.equal(['IRIW+mbs', 'LB', 'MP', 'SB', 'SB+mbs']);
      expect(await page.getAttribute('thead th:first-child', 'aria-sort')).to.equal('ascending');
      await page.click('thead button[data-col="0"]');
      expect(await visibleNames(page)).to.deep.equal(['SB+mbs', 'SB', 'MP', 'LB', 'IRIW+mbs']);

      const png = path.join(dir, 'table.png');
      const shot = await screenshot(page, png);
      expect(fs.readFileSync(png).subarray(1, 4).toString()).to.equal('PNG');
      expect(shot.width).to.be.greaterThan(0);
      expect(shot.ratio, 'share of non-background pixels').to.be.greaterThan(0.02);
      expect(requested, 'network requests').to.deep.equal([]);
    });
  });
});
