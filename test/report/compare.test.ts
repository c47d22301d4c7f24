import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { runBatch } from '../../src/cli/batch';
import { compareCommand, readSide } from '../../src/cli/commands/compare';
import { commandLineSetting, resolveSetup } from '../../src/cli/config';
import type { TestResult } from '../../src/enumerate/result';
import { compareRecords, differingPairs, isIdentical } from '../../src/report/compare';
import { type CompareRecord, readCompareRecords } from '../../src/report/compare-input';
import { formatComparison } from '../../src/report/compare-text';
import { parseHerdLog } from '../../src/report/herd-log';
import { formatJsonLine } from '../../src/report/json';
import type { TestOutcome } from '../../src/report/outcome';
import { span } from '../../src/source';
import {
  CORPUS,
  LKMM,
  ORACLE,
  type OracleRow,
  oracleOutput,
  oracleRows,
  resultFromLog,
  skipWithoutShared,
} from '../corpus/oracle-files';
import { runCaptured } from '../support/run-captured';

const HERD_LOG = `Test SB Allowed
States 4
0:r0=0; 1:r0=0;
0:r0=0; 1:r0=1;
0:r0=1; 1:r0=0;
0:r0=1; 1:r0=1;
Ok
Witnesses
Positive: 1 Negative: 3
Condition exists (0:r0=0 /\\ 1:r0=0)
Observation SB Sometimes 1 3
Time SB 0.01
Hash=0123456789abcdef0123456789abcdef

Test MP Allowed
States 3
1:r0=0; 1:r1=0;
1:r0=0; 1:r1=1;
1:r0=1; 1:r1=1;
No
Witnesses
Positive: 0 Negative: 3
Condition exists (1:r0=1 /\\ 1:r1=0)
Observation MP Never 0 3
Time MP 0.01
Hash=0123456789abcdef0123456789abcdef

`;

const LITMUS7_LOG = `Test SB Allowed
Histogram (2 states)
5     *>0:r0=0; 1:r0=0;
999995:>0:r0=1; 1:r0=1;
Ok

Witnesses
Positive: 5, Negative: 999995
Condition exists (0:r0=0 /\\ 1:r0=0) is validated
Observation SB Sometimes 5 999995
`;

/** What `ordo run --json` prints for a result (the real JSON writer). */
function jsonLine(result: TestResult | undefined, file: string, error?: string): string {
  const outcome: TestOutcome = {
    file,
    name: result?.name,
    report: result && { result, condition: '', hash: '' },
    diagnostics: error
      ? [{ code: 'test/error', severity: 'error', message: error, span: span(file, 0, 0) }]
      : [],
  };
  return formatJsonLine(outcome, 'lkmm', () => undefined);
}

function record(over: Partial<CompareRecord>): CompareRecord {
  return {
    name: 'T',
    origin: 'a',
    tool: 'herd7',
    verdict: 'Never',
    states: [],
    positive: 0,
    negative: 1,
    flags: [],
    ...over,
  };
}

describe('report: compare inputs', () => {
  it('reads herd7 logs: canonical states, Witnesses numbers, origins', () => {
    const [sb, mp] = readCompareRecords(HERD_LOG, 'sb.log');
    expect(sb).to.deep.include({
      name: 'SB',
      origin: 'sb.log:1',
      tool: 'herd7',
      verdict: 'Sometimes',
      positive: 1,
      negative: 3,
    });
    expect(sb.states).to.have.length(4);
    expect(mp.states[0]).to.equal('1:r0=0; 1:r1=0;');
    expect(mp.origin).to.equal('sb.log:15');
  });

  it('reads litmus7 histograms as litmus7 records', () => {
    const [sb] = readCompareRecords(LITMUS7_LOG, 'hw.log');
    expect(sb).to.deep.include({
      tool: 'litmus7',
      verdict: 'Sometimes',
      positive: 5,
      negative: 999995,
    });
    expect(sb.states).to.deep.equal(['0:r0=0; 1:r0=0;', '0:r0=1; 1:r0=1;']);
  });

  it('reads ordo JSON lines, errors included, with states equal to herd7 ones', () => {
    const [logSb] = parseHerdLog(HERD_LOG);
    const text =
      jsonLine(resultFromLog(logSb, 'x/SB.litmus'), 'x/SB.litmus') +
      jsonLine(undefined, 'x/bad.litmus', 'Unknown macro foo');
    const [sb, bad] = readCompareRecords(text, 'ordo.jsonl');
    const [herdSb] = readCompareRecords(HERD_LOG, 'sb.log');
    expect(sb).to.deep.include({
      name: 'SB',
      path: 'x/SB.litmus',
      tool: 'ordo',
      verdict: 'Sometimes',
      positive: 1,
      negative: 3,
    });
    expect(sb.states).to.deep.equal(herdSb.states);
    expect(bad).to.deep.include({ name: 'x/bad.litmus', verdict: 'error', states: [] });
  });

  it('takes old and new herd state spellings and hex values as the same state', () => {
    const old = readCompareRecords(
      HERD_LOG.replace(/0:r0=1; 1:r0=1;/, '0:r0=0x1; 1:r0=1;'),
      'old.log',
    )[0];
    const bracketed = readCompareRecords(
      'Test X Allowed\nStates 1\n[y]=1; [x]=2;\nOk\n',
      'new.log',
    )[0];
    const plain = readCompareRecords('Test X Allowed\nStates 1\nx=2; y=1;\nOk\n', 'old.log')[0];
    expect(old.states).to.deep.equal(readCompareRecords(HERD_LOG, 'sb.log')[0].states);
    expect(bracketed.states).to.deep.equal(plain.states);
  });
});

describe('report: comparing records', () => {
  it('finds verdict, state, count and flag differences and one-sided tests', () => {
    const a = [
      record({ name: 'same', states: ['x=1;'] }),
      record({ name: 'verdict', verdict: 'Sometimes', positive: 1 }),
      record({ name: 'states', states: ['x=1;', 'x=2;'] }),
      record({ name: 'counts', negative: 2 }),
      record({ name: 'flags', flags: ['data-race'] }),
      record({ name: 'onlyA' }),
    ];
    const b = [
      record({ name: 'onlyB' }),
      record({ name: 'flags' }),
      record({ name: 'counts' }),
      record({ name: 'states', states: ['x=2;', 'x=3;'] }),
      record({ name: 'verdict' }),
      record({ name: 'same', states: ['x=1;'] }),
    ];
    const c = compareRecords(a, b);
    expect(c.pairs.map((p) => [p.a.name, p.differences])).to.deep.equal([
      ['same', []],
      [
        'verdict',
        [
          { kind: 'verdict', a: 'Sometimes', b: 'Never' },
          { kind: 'counts', a: [1, 1], b: [0, 1] },
        ],
      ],
      ['states', [{ kind: 'states', onlyA: ['x=1;'], onlyB: ['x=3;'] }]],
      ['counts', [{ kind: 'counts', a: [0, 2], b: [0, 1] }]],
      ['flags', [{ kind: 'flags', a: ['data-race'], b: [] }]],
    ]);
    expect(c.onlyA.map((r) => r.name)).to.deep.equal(['onlyA']);
    expect(c.onlyB.map((r) => r.name)).to.deep.equal(['onlyB']);
    expect(isIdentical(c)).to.equal(false);
  });

  it('compares only verdicts when one side has no Observation, and no counts or flags with litmus7', () => {
    const c = compareRecords(
      [
        record({ name: 'E', verdict: 'error' }),
        record({ name: 'H', positive: 0, negative: 3, flags: ['data-race'] }),
      ],
      [
        record({ name: 'E', states: ['x=1;'] }),
        record({ name: 'H', tool: 'litmus7', positive: 0, negative: 999 }),
      ],
    );
    expect(c.pairs.map((p) => p.differences)).to.deep.equal([
      [{ kind: 'verdict', a: 'error', b: 'Never' }],
      [],
    ]);
  });

  it('pairs tests that share a name by the longest common tail of their paths', () => {
    const c = compareRecords(
      [
        record({ name: 'T', path: '/corpus/manual/x/T.litmus', verdict: 'Sometimes' }),
        record({ name: 'T', path: '/corpus/manual/y/T.litmus' }),
      ],
      [
        record({ name: 'T', path: '/oracle/herd7/manual/y/T.litmus' }),
        record({ name: 'T', path: '/oracle/herd7/manual/x/T.litmus', verdict: 'Sometimes' }),
      ],
    );
    expect(differingPairs(c)).to.deep.equal([]);
    expect(isIdentical(c)).to.equal(true);
  });

  it('prints a summary, the verdict changes, one block per differing test, and one-sided tests', () => {
    const a = [
      record({
        name: 'MP',
        verdict: 'Sometimes',
        positive: 1,
        negative: 2,
        states: ['x=1;', 'x=2;'],
      }),
      record({ name: 'LB' }),
    ];
    const b = [
      record({ name: 'MP', negative: 3, states: ['x=2;'] }),
      record({ name: 'SB', verdict: 'none' }),
    ];
    const text = formatComparison(
      compareRecords(a, b),
      { label: 'ordo.jsonl', records: a },
      { label: 'herd.log', records: b },
    );
    expect(text).to.equal(
      [
        'A: ordo.jsonl (2 tests, herd7)',
        'B: herd.log (2 tests, herd7)',
        '1 tests in both, 1 differ; 1 only in A, 1 only in B.',
        '',
        'Verdict changes (1):',
        '  MP: Sometimes -> Never',
        '',
        'MP',
        '  verdict: Sometimes -> Never',
        '  state only in A: x=1;',
        '  executions (Positive/Negative): 1/2 -> 0/3',
        '',
        'Only in A (1):',
        '  LB',
        '',
        'Only in B (1):',
        '  SB (none)',
        '',
      ].join('\n'),
    );
  });
});

describe('report: ordo compare against the herd7 oracle', function () {
  this.timeout(60000);
  let dir: string;
  let ordoFile: string;
  let changedStates: { name: string; state: string };
  let changedVerdict: string;
  let errors: string[];

  before(function () {
    skipWithoutShared(this, 'ordo compare against the herd7 oracle');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-compare-'));
    ordoFile = path.join(dir, 'ordo.jsonl');
    // ordo's JSON for the results herd7 found, through the real JSON writer, with two
    // deliberate changes: a state lost from one test, a witness lost from another.
    const lines: string[] = [];
    errors = [];
    for (const row of oracleRows()) {
      const file = path.join(CORPUS, row.relpath);
      if (row.status === 'error') {
        lines.push(jsonLine(undefined, file, row.error));
        errors.push(file);
        continue;
      }
      if (row.status !== 'ok') continue;
      const [log] = parseHerdLog(oracleOutput(row.relpath).stdout);
      let result = resultFromLog(log, file);
      if (!changedStates && result.states.length >= 2 && result.satisfied === 0) {
        // resultFromLog lists states in reverse: the first one is herd's last line.
        changedStates = { name: result.name, state: log.states[log.states.length - 1].line };
        result = { ...result, states: result.states.slice(1) };
      } else if (
        !changedVerdict &&
        result.satisfied === 1 &&
        result.unsatisfied > 0 &&
        result.kind === 'Allowed'
      ) {
        changedVerdict = result.name;
        result = { ...result, satisfied: 0, unsatisfied: result.unsatisfied + 1 };
      }
      lines.push(jsonLine(result, file));
    }
    fs.writeFileSync(ordoFile, lines.join(''));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('aligns every test herd7 ran and reports exactly the two changes', () => {
    const a = readSide(ordoFile);
    const b = readSide(path.join(ORACLE, 'herd7'));
    if (typeof a === 'string' || typeof b === 'string') throw new Error(`${a} ${b}`);
    const ok = oracleRows().filter((r) => r.status === 'ok').length;
    expect(b.records).to.have.length(ok);
    const c = compareRecords(a.records, b.records);
    expect(c.pairs).to.have.length(ok);
    expect(c.onlyB).to.deep.equal([]);
    expect(c.onlyA.map((r) => r.path)).to.deep.equal(errors);
    expect(c.onlyA.every((r) => r.verdict === 'error')).to.equal(true);

    const differing = differingPairs(c);
    expect(differing.map((p) => p.a.name)).to.have.members([changedStates.name, changedVerdict]);
    const lost = differing.find((p) => p.a.name === changedStates.name)!;
    expect(lost.differences).to.deep.equal([
      {
        kind: 'states',
        onlyA: [],
        onlyB: [readCompareRecords(`Test X\nStates 1\n${changedStates.state}\n`, 'x')[0].states[0]],
      },
    ]);
    const flipped = differing.find((p) => p.a.name === changedVerdict)!;
    expect(flipped.differences.map((d) => d.kind)).to.deep.equal(['verdict', 'counts']);
    expect(flipped.differences[0]).to.deep.equal({ kind: 'verdict', a: 'Never', b: 'Sometimes' });
  });

  it('runs as `ordo compare`, prints the changes, and exits 1', async () => {
    const { stdout: out, status } = await runCaptured(compareCommand, [
      ordoFile,
      path.join(ORACLE, 'herd7'),
    ]);
    expect(status).to.equal(1);
    expect(out).to.contain('Verdict changes (1):');
    expect(out).to.contain(`  ${changedVerdict}: Never -> Sometimes`);
    expect(out).to.match(
      new RegExp(`\\n${escapeRegExp(changedStates.name)}( \\(.*\\))?\\n  state only in B: `),
    );
  });
});

describe('report: ordo compare, a real ordo run against the herd7 oracle', function () {
  this.timeout(120000);
  let dir: string;
  let sample: OracleRow[];
  let changed: string;

  before(async function () {
    skipWithoutShared(this, 'ordo compare on a real ordo run');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-compare-run-'));
    // Every 20th quick test herd7 ran and every 20th one it rejected, in corpus order.
    const rows = oracleRows();
    const quick = rows.filter((r) => r.status === 'ok' && r.cpuSeconds < 0.05);
    const rejected = rows.filter((r) => r.status === 'error');
    sample = [...quick.filter((_, i) => i % 20 === 0), ...rejected.filter((_, i) => i % 20 === 0)];
    const files = sample.map((r) => path.join(CORPUS, r.relpath));
    const setup = resolveSetup([commandLineSetting('conf', path.join(LKMM, 'linux-kernel.cfg'))], {
      cwd: process.cwd(),
      includeDirs: [],
    });
    const lines: string[] = [];
    await runBatch(
      files,
      { setup: setup.value!, jobs: 1, limits: {} },
      {
        outcome: (o, i) => {
          lines[i] = formatJsonLine(o, 'linux-kernel.cfg', () => undefined);
        },
      },
    );
    // One deliberate difference: the first test with a witness loses its first state.
    const at = lines.findIndex((l) => JSON.parse(l).positive > 0);
    const record = JSON.parse(lines[at]);
    changed = record.name;
    lines[at] = `${JSON.stringify({ ...record, states: record.states.slice(1) })}\n`;
    fs.writeFileSync(path.join(dir, 'ordo.jsonl'), lines.join(''));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('agrees with herd7 on every test but the one changed, and lists the tests herd7 rejected', () => {
    const a = readSide(path.join(dir, 'ordo.jsonl'));
    const b = readSide(path.join(ORACLE, 'herd7'));
    if (typeof a === 'string' || typeof b === 'string') throw new Error(`${a} ${b}`);
    const c = compareRecords(a.records, b.records);
    const ran = sample.filter((r) => r.status === 'ok');
    expect(c.pairs.map((p) => p.b.path)).to.deep.equal(
      ran.map((r) => path.join(ORACLE, 'herd7', r.relpath)),
    );
    expect(
      differingPairs(c).map((p) => [p.a.name, p.differences.map((d) => d.kind)]),
    ).to.deep.equal([[changed, ['states']]]);
    expect(c.onlyA.map((r) => [r.path, r.verdict])).to.deep.equal(
      sample
        .filter((r) => r.status === 'error')
        .map((r) => [path.join(CORPUS, r.relpath), 'error']),
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
