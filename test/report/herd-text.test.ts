import { expect } from 'chai';
import type { TestResult } from '../../src/enumerate/result';
import { parseHerdLog } from '../../src/report/herd-log';
import { formatHerdText } from '../../src/report/herd-text';
import {
  oracleOutput,
  oracleRows,
  parseStateLine,
  resultFromLog,
  skipWithoutShared,
} from '../corpus/oracle-files';

function result(over: Partial<TestResult>): TestResult {
  return {
    name: 'T',
    file: 'T.litmus',
    kind: 'Allowed',
    states: [],
    satisfied: 0,
    unsatisfied: 0,
    flags: [],
    undef: false,
    loop: false,
    candidates: 0,
    timeMs: 0,
    diagnostics: [],
    ...over,
  };
}

const HASH = '0123456789abcdef0123456789abcdef';

function block(r: TestResult, condition = 'exists (0:r0=1)'): string[] {
  return formatHerdText({ result: r, condition, hash: HASH }).split('\n');
}

describe('report: herd7 text block', () => {
  it('prints every line of an Allowed test in herd order, ending with a blank line', () => {
    const text = formatHerdText({
      result: result({
        name: 'SB',
        states: [parseStateLine('0:r0=1; 1:r0=1;'), parseStateLine('0:r0=0; 1:r0=1;')],
        satisfied: 1,
        unsatisfied: 3,
        timeMs: 12.5,
      }),
      condition: 'exists (0:r0=0 /\\ 1:r0=0)',
      hash: HASH,
    });
    expect(text).to.equal(
      [
        'Test SB Allowed',
        'States 2',
        '0:r0=0; 1:r0=1;',
        '0:r0=1; 1:r0=1;',
        'Ok',
        'Witnesses',
        'Positive: 1 Negative: 3',
        'Condition exists (0:r0=0 /\\ 1:r0=0)',
        'Observation SB Sometimes 1 3',
        'Time SB 0.01',
        `Hash=${HASH}`,
        '',
        '',
      ].join('\n'),
    );
  });

  it("drops a `.litmus` suffix from the test's name, as herd does", () => {
    const lines = block(result({ name: 'AlanStern.2018.01.11a.litmus' }));
    expect(lines[0]).to.equal('Test AlanStern.2018.01.11a Allowed');
    expect(lines.filter((l) => l.includes('.litmus'))).to.deep.equal([]);
  });

  it('swaps Positive/Negative for ~exists but keeps the Observation numbers', () => {
    const lines = block(result({ kind: 'Forbidden', satisfied: 1, unsatisfied: 3 }));
    expect(lines[0]).to.equal('Test T Forbidden');
    expect(lines).to.include('No');
    expect(lines).to.include('Positive: 3 Negative: 1');
    expect(lines).to.include('Observation T Sometimes 1 3');
  });

  it('says Ok for ~exists with no satisfying execution and Always when all satisfy forall', () => {
    expect(block(result({ kind: 'Forbidden', unsatisfied: 2 }))).to.include('Ok');
    const forall = block(result({ kind: 'Required', satisfied: 2 }));
    expect(forall).to.include('Ok');
    expect(forall).to.include('Observation T Always 2 0');
    expect(block(result({ kind: 'Required', satisfied: 2, unsatisfied: 1 }))).to.include('No');
  });

  it('prints Never 0 0 for a test without executions (the DEADLOCK convention)', () => {
    const lines = block(result({ kind: 'Required' }), 'forall (true)');
    expect(lines.slice(0, 6)).to.deep.equal([
      'Test T Required',
      'States 0',
      'Ok',
      'Witnesses',
      'Positive: 0 Negative: 0',
      'Condition forall (true)',
    ]);
    expect(lines[6]).to.match(/ Never 0 0$/);
  });

  it('prefixes Loop, prints Undef, and sorts and deduplicates flags', () => {
    const lines = block(
      result({ satisfied: 1, loop: true, undef: true, flags: ['z-flag', 'data-race', 'z-flag'] }),
    );
    expect(lines).to.include('Loop Undef');
    const flags = lines.filter((l) => l.startsWith('Flag'));
    expect(flags).to.deep.equal(['Flag data-race', 'Flag z-flag']);
    expect(lines.indexOf('Flag data-race')).to.equal(lines.indexOf('Positive: 1 Negative: 0') + 1);
  });

  it('marks a test stopped by a limit instead of giving a verdict', () => {
    const lines = block(result({ satisfied: 0, unsatisfied: 5, limit: 'time' }));
    expect(lines).to.include('Limit reached: time');
    expect(lines).not.to.include('No');
    expect(lines).to.include('Observation T Limit 0 5');
  });

  it('sorts states like herd: signed values, ints before addresses, r10 before r2, threads numerically', () => {
    const states = [
      '10:r1=0; 2:r10=1; 2:r2=x; [y]=0;',
      '10:r1=0; 2:r10=1; 2:r2=-3; [y]=0;',
      '10:r1=0; 2:r10=-1; 2:r2=0; [y]=0;',
      '10:r1=0; 2:r10=1; 2:r2=a; [y]=0;',
      '10:r1=0; 2:r10=1; 2:r2=12; [y]=0;',
      '10:r1=0; 2:r10=1; 2:r2=3; [y]=0;',
    ].map((s) => parseStateLine(s));
    const lines = block(result({ states: [...states, states[0]] }));
    expect(lines.slice(1, 8)).to.deep.equal([
      'States 6',
      '2:r10=-1; 2:r2=0; 10:r1=0; [y]=0;',
      '2:r10=1; 2:r2=-3; 10:r1=0; [y]=0;',
      '2:r10=1; 2:r2=3; 10:r1=0; [y]=0;',
      '2:r10=1; 2:r2=12; 10:r1=0; [y]=0;',
      '2:r10=1; 2:r2=a; 10:r1=0; [y]=0;',
      '2:r10=1; 2:r2=x; 10:r1=0; [y]=0;',
    ]);
  });

  describe('golden: every herd7 block of the oracle re-printed from its own numbers', () => {
    const rows = oracleRows().filter((r) => r.status === 'ok');
    before(function () {
      skipWithoutShared(this, 'the oracle golden blocks');
    });
    for (const row of rows) {
      it(row.relpath, () => {
        const { stdout } = oracleOutput(row.relpath);
        const [log] = parseHerdLog(stdout);
        const condition = log.condition!;
        const text = formatHerdText({
          result: resultFromLog(log, row.relpath),
          condition,
          hash: log.hash!,
        });
        expect(text).to.equal(stdout);
      });
    }
  });
});
