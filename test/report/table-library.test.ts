import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import {
  CHROMIUM,
  chromiumAvailable,
  screenshot,
  withPage,
} from '../../scripts/html-screenshot.mjs';
import { runBatch } from '../../src/cli/batch';
import { tableCommand, tableRowInputs } from '../../src/cli/commands/table';
import { resolveSetup } from '../../src/cli/config';
import { expandInputs } from '../../src/cli/inputs';
import type { TestOutcome } from '../../src/report/outcome';
import {
  buildOutcomeTable,
  meetsExpectation,
  type OutcomeTable,
  type TableRowInput,
} from '../../src/report/table';
import { formatTable } from '../../src/report/table-format';

/** The library's tests through `ordo table`'s own steps, with ordo's default model. */
describe('report: outcome tables of the litmus/ library', function () {
  this.timeout(180000);
  let files: string[] = [];
  const outcomes: TestOutcome[] = [];
  let rows: TableRowInput[] = [];
  let table: OutcomeTable;
  let dir: string;

  before(async function () {
    files = expandInputs(['litmus']).files;
    if (files.length === 0) {
      console.log('    note: litmus/ holds no tests; skipping the library tables');
      this.skip();
    }
    const setup = resolveSetup([], { cwd: process.cwd(), includeDirs: [] });
    if (!setup.value) throw new Error(setup.diagnostics.map((d) => d.message).join('\n'));
    await runBatch(
      files,
      { setup: setup.value, jobs: 2, limits: {} },
      {
        outcome: (o, i) => {
          outcomes[i] = o;
        },
      },
    );
    rows = tableRowInputs(files, [outcomes]);
    table = buildOutcomeTable([{ id: 'lkmm', judged: true }], rows, true);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-library-'));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has one row per test, with its name, its Result: line and its numbers', () => {
    expect(table.rows.map((r) => r.file)).to.deep.equal(files);
    table.rows.forEach((row, i) => {
      const result = outcomes[i].report?.result;
      expect(row.name).to.equal(result?.name ?? row.name);
      expect(row.expected, `${row.file} has a Result: line`).not.to.equal(undefined);
      const cell = row.cells[0];
      if (!result || cell.kind !== 'outcome') {
        expect(cell.kind, row.file).to.be.oneOf(['error', 'limit']);
        return;
      }
      expect([cell.allowed, cell.witnesses, cell.executions]).to.deep.equal([
        result.satisfied > 0,
        result.satisfied,
        result.satisfied + result.unsatisfied,
      ]);
      expect(row.check.kind).to.equal(meetsExpectation(row.expected!, cell) ? 'match' : 'mismatch');
    });
  });

  it('writes the library in all four formats, every test in each', () => {
    const n = files.length;
    const md = formatTable(table, 'md').trimEnd().split('\n');
    expect(md).to.have.length(n + 2);
    for (const row of table.rows)
      expect(md.some((line) => line.startsWith(`| ${row.name} `))).to.equal(true);
    const csv = formatTable(table, 'csv').trimEnd().split('\n');
    expect(csv.slice(1).map((line) => line.split(',')[1])).to.deep.equal(files);
    const json = JSON.parse(formatTable(table, 'json'));
    expect(json.rows.map((r: { file: string }) => r.file)).to.deep.equal(files);
    expect(json.rows.map((r: { check: string }) => r.check)).to.deep.equal(
      table.rows.map((r) =>
        r.check.kind === 'match' ? 'ok' : r.check.kind === 'mismatch' ? 'mismatch' : null,
      ),
    );
    const html = formatTable(table, 'html', { title: 'litmus/' });
    expect(html.match(/<tr data-check=/g)).to.have.length(n);
    fs.writeFileSync(path.join(dir, 'library.html'), html);
  });

  it('shows the library page in headless Chromium', async function () {
    if (!chromiumAvailable()) {
      console.log(`    note: no Chromium at ${CHROMIUM} (apt-get install -y chromium); skipping`);
      this.skip();
    }
    await withPage(path.join(dir, 'library.html'), async (page, requested) => {
      expect(await page.locator('#outcomes tbody tr').count()).to.equal(files.length);
      const name = table.rows[0].name;
      await page.fill('#filter', name);
      const visible = await page.locator('#outcomes tbody tr:not([hidden]) th').allTextContents();
      expect(visible).to.include(name);
      expect(visible.length).to.be.lessThan(files.length);
      await page.fill('#filter', '');
      const shot = await screenshot(page, path.join(dir, 'library.png'));
      expect(shot.height).to.be.greaterThan(files.length * 10);
      expect(shot.ratio).to.be.greaterThan(0.02);
      expect(requested).to.deep.equal([]);
    });
  });

  it('runs as `ordo table` and exits 0 when the tests agree with their Result: lines', async () => {
    const sample = files.filter((f) => /classic\/(SB|MP)\.litmus$/.test(f));
    const out = path.join(dir, 'sample.md');
    const status = await tableCommand.run(['--counts', '--jobs', '1', '-o', out, ...sample]);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).to.match(/^\| Test +\| Expected +\| lkmm +\| Check +\|$/);
    for (const f of sample) {
      const row = table.rows.find((r) => r.file === f)!;
      expect(text).to.match(
        new RegExp(`\\| ${row.name} +\\| Sometimes +\\| allowed 1/4 +\\| ok +\\|`),
      );
    }
    expect(status).to.equal(0);
  });
});
