import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import type { ExpectedResult } from '../../src/litmus/ast';
import { parseHerdLog } from '../../src/report/herd-log';
import {
  buildOutcomeTable,
  type ColumnOutcome,
  mismatchCount,
  type TableColumn,
  type TableRowInput,
} from '../../src/report/table';
import { formatTable } from '../../src/report/table-format';
import { span } from '../../src/source';
import {
  CORPUS,
  oracleOutput,
  oracleRows,
  resultFromLog,
  skipWithoutShared,
} from '../corpus/oracle-files';
import { expected, expectedOf, result } from './table-support';

const LKMM: TableColumn = { id: 'lkmm', judged: true };
const X86: TableColumn = { id: 'x86-64', judged: false };

const ran = (satisfied: number, unsatisfied: number, flags: string[] = []): ColumnOutcome => ({
  kind: 'result',
  result: result({ satisfied, unsatisfied, flags }),
});

function checkOf(exp: ExpectedResult, outcome: ColumnOutcome) {
  const table = buildOutcomeTable(
    [LKMM],
    [{ name: 'T', file: 'T.litmus', expected: exp, outcomes: [outcome] }],
  );
  return table.rows[0].check;
}

describe('report: outcome table judgement', () => {
  const cases: [string, ExpectedResult, ColumnOutcome, string | null][] = [
    ['Never, no witness', expected('Never'), ran(0, 3), null],
    ['Never, a witness', expected('Never'), ran(1, 3), 'Sometimes'],
    ['Sometimes', expected('Sometimes'), ran(1, 3), null],
    ['Always, all witnesses', expected('Always'), ran(3, 0), null],
    ['Always, some witnesses', expected('Always'), ran(2, 1), 'Sometimes'],
    ['a predicted race, flagged', expected('Sometimes', true), ran(1, 3, ['data-race']), null],
    ['a predicted race, not flagged', expected('Sometimes', true), ran(1, 3), 'Sometimes'],
    ['an unpredicted race', expected('Never'), ran(0, 3, ['data-race']), 'Never, data-race'],
    ['DEADLOCK, no execution', expected('DEADLOCK'), ran(0, 0), null],
    ['DEADLOCK, executions', expected('DEADLOCK'), ran(0, 2), 'Never'],
    ['Never, no execution', expected('Never'), ran(0, 0), 'Never 0 0'],
    ['Maybe', expected('Maybe'), ran(1, 3), null],
  ];
  for (const [what, exp, outcome, observed] of cases) {
    it(`${observed ? 'flags' : 'accepts'} ${what}`, () => {
      const check = checkOf(exp, outcome);
      if (observed === null) expect(check).to.deep.equal({ kind: 'match' });
      else
        expect(check).to.deep.equal({
          kind: 'mismatch',
          mismatches: [{ column: 'lkmm', observed }],
        });
    });
  }

  it('judges only judged columns, and only their outcomes', () => {
    const table = buildOutcomeTable(
      [LKMM, X86],
      [
        {
          name: 'A',
          file: 'A.litmus',
          expected: expected('Never'),
          outcomes: [ran(0, 2), ran(1, 1)],
        },
        {
          name: 'B',
          file: 'B.litmus',
          expected: expected('Never'),
          outcomes: [{ kind: 'error', message: 'boom' }, ran(0, 2)],
        },
        { name: 'C', file: 'C.litmus', outcomes: [ran(1, 1), ran(1, 1)] },
      ],
    );
    expect(table.rows.map((r) => r.check.kind)).to.deep.equal(['match', 'unchecked', 'unchecked']);
  });

  it('turns limits, errors and missing targets into their own cells', () => {
    const table = buildOutcomeTable(
      [LKMM, LKMM, X86],
      [
        {
          name: 'T',
          file: 'T.litmus',
          outcomes: [
            { kind: 'result', result: result({ satisfied: 1, limit: 'time' }) },
            {
              kind: 'result',
              result: result({
                diagnostics: [
                  {
                    code: 'events/unknown-primitive',
                    severity: 'error',
                    message: 'unknown primitive foo',
                    span: span('T.litmus', 3, 6),
                  },
                ],
              }),
            },
            { kind: 'absent', reason: 'not checked on x86-64: srcu_read_lock' },
          ],
        },
      ],
    );
    expect(table.rows[0].cells).to.deep.equal([
      { kind: 'limit', limit: 'time' },
      { kind: 'error', message: 'unknown primitive foo' },
      { kind: 'absent', reason: 'not checked on x86-64: srcu_read_lock' },
    ]);
  });

  it('rejects a row whose outcomes do not match the columns (a bug in the caller)', () => {
    expect(() => buildOutcomeTable([LKMM], [{ name: 'T', file: 'T', outcomes: [] }])).to.throw(
      /0 outcomes for 1 columns/,
    );
  });
});

describe('report: outcome table formats', () => {
  const rows: TableRowInput[] = [
    {
      name: 'SB',
      file: 'litmus/classic/SB.litmus',
      expected: expected('Sometimes'),
      outcomes: [ran(1, 3), ran(1, 3)],
    },
    {
      name: 'SB+mbs',
      file: 'litmus/classic/SB+mbs.litmus',
      expected: expected('Never'),
      outcomes: [ran(1, 3), ran(0, 3)],
    },
    {
      name: 'R|"x",<y>',
      file: 'a,b.litmus',
      outcomes: [ran(0, 2, ['data-race']), { kind: 'error', message: 'bad <thing>' }],
    },
  ];
  const table = buildOutcomeTable([LKMM, X86], rows);

  it('writes padded Markdown that reads as plain text', () => {
    expect(formatTable(table, 'md')).to.equal(
      [
        '| Test       | Expected  | lkmm                  | x86-64    | Check                      |',
        '|------------|-----------|-----------------------|-----------|----------------------------|',
        '| SB         | Sometimes | allowed               | allowed   | ok                         |',
        '| SB+mbs     | Never     | allowed               | forbidden | MISMATCH (lkmm: Sometimes) |',
        '| R\\|"x",<y> |           | forbidden [data-race] | error     |                            |',
        '',
      ].join('\n'),
    );
  });

  it('adds witness/execution counts on request', () => {
    const md = formatTable(buildOutcomeTable([LKMM, X86], [rows[0]], true), 'md');
    expect(md).to.contain('| allowed 1/4 | allowed 1/4 |');
  });

  it('writes CSV with the file column and RFC 4180 quoting', () => {
    expect(formatTable(table, 'csv').split('\n')).to.deep.equal([
      'Test,File,Expected,lkmm,x86-64,Check',
      'SB,litmus/classic/SB.litmus,Sometimes,allowed,allowed,ok',
      'SB+mbs,litmus/classic/SB+mbs.litmus,Never,allowed,forbidden,MISMATCH (lkmm: Sometimes)',
      '"R|""x"",<y>","a,b.litmus",,forbidden [data-race],error,',
      '',
    ]);
  });

  it('writes JSON with structured cells', () => {
    const doc = JSON.parse(formatTable(table, 'json'));
    expect(doc.columns).to.deep.equal([
      { id: 'lkmm', judged: true },
      { id: 'x86-64', judged: false },
    ]);
    expect(doc.rows[1]).to.deep.equal({
      name: 'SB+mbs',
      file: 'litmus/classic/SB+mbs.litmus',
      expected: { verdict: 'Never', dataRace: false },
      cells: {
        lkmm: {
          verdict: 'allowed',
          observation: 'Sometimes',
          witnesses: 1,
          executions: 4,
          flags: [],
        },
        'x86-64': {
          verdict: 'forbidden',
          observation: 'Never',
          witnesses: 0,
          executions: 3,
          flags: [],
        },
      },
      check: 'mismatch',
      mismatches: [{ column: 'lkmm', observed: 'Sometimes' }],
    });
    expect(doc.rows[2].check).to.equal(null);
    expect(doc.rows[2].cells['x86-64']).to.deep.equal({ verdict: 'error', message: 'bad <thing>' });
  });

  it('writes one self-contained HTML page with every row, escaped', () => {
    const html = formatTable(table, 'html', { title: 'Classic <tests>' });
    expect(html).to.match(/^<!DOCTYPE html>/);
    expect(html).to.contain('<title>Classic &#60;tests&#62;</title>');
    expect(html).not.to.match(/<(?:link|img|iframe)\b|\bsrc=|https?:/);
    expect(html.match(/<tr data-check=/g)).to.have.length(3);
    expect(html).to.contain('R|&#34;x&#34;,&#60;y&#62;');
    expect(html).to.contain('title="bad &#60;thing&#62;"');
    expect(html).to.contain('<tr data-check="mismatch">');
  });
});

describe('report: outcome tables over the corpus (herd7 oracle as a column)', () => {
  let inputs: TableRowInput[] = [];
  before(function () {
    skipWithoutShared(this, 'outcome tables over the corpus');
    for (const row of oracleRows()) {
      if (row.status !== 'ok') continue;
      const exp = expectedOf(fs.readFileSync(path.join(CORPUS, row.relpath), 'utf8'));
      if (!exp) continue;
      const [log] = parseHerdLog(oracleOutput(row.relpath).stdout);
      inputs.push({
        name: log.name,
        file: row.relpath,
        expected: exp,
        outcomes: [{ kind: 'result', result: resultFromLog(log, row.relpath) }],
      });
    }
    inputs = inputs.sort((a, b) => (a.file < b.file ? -1 : 1));
  });

  it('marks exactly the tests whose herd7 verdict contradicts their Result: line', () => {
    const table = buildOutcomeTable([{ id: 'herd7', judged: true }], inputs);
    const tsv = new Map(oracleRows().map((r) => [r.relpath, r]));
    // The same judgement from the oracle's table instead of its logs.
    const contradicts = (input: TableRowInput): boolean => {
      const row = tsv.get(input.file)!;
      const exp = input.expected!;
      const raced = row.flags.split(',').includes('data-race');
      if (raced !== exp.dataRace) return true;
      if (exp.verdict === 'Maybe') return false;
      const none = row.positive + row.negative === 0;
      if (exp.verdict === 'DEADLOCK' || none) return !(exp.verdict === 'DEADLOCK' && none);
      return row.observation !== exp.verdict;
    };
    expect(inputs.length).to.be.greaterThan(100);
    const marked = table.rows.filter((r) => r.check.kind === 'mismatch').map((r) => r.file);
    expect(marked).to.deep.equal(inputs.filter(contradicts).map((i) => i.file));
    expect(marked.length).to.be.greaterThan(0);
    expect(table.rows.every((r) => r.check.kind !== 'unchecked')).to.equal(true);
  });

  it('renders every row in all four formats', () => {
    const table = buildOutcomeTable([{ id: 'herd7', judged: true }], inputs, true);
    const n = inputs.length;
    expect(formatTable(table, 'md').trimEnd().split('\n')).to.have.length(n + 2);
    expect(formatTable(table, 'csv').trimEnd().split('\n')).to.have.length(n + 1);
    expect(JSON.parse(formatTable(table, 'json')).rows).to.have.length(n);
    expect(formatTable(table, 'html').match(/<tr data-check=/g)).to.have.length(n);
    const mismatches = formatTable(table, 'md').match(/MISMATCH/g) ?? [];
    expect(mismatches).to.have.length(mismatchCount(table));
  });
});
