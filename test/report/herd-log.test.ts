import { expect } from 'chai';
import { normaliseStateLine, parseHerdLog } from '../../src/report/herd-log';
import { oracleOutput, oracleRows, skipWithoutShared } from '../corpus/oracle-files';

describe('report: reading herd7 and litmus7 logs', () => {
  it('reads several herd7 blocks with flags, Loop and warnings between them', () => {
    const log = [
      'Warning: File "bad.litmus": Unknown macro foo (User error)',
      'Test A Allowed',
      'States 2',
      '0:r0=0; [x]=1;',
      '0:r0=1; [x]=y;',
      'Loop Ok',
      'Witnesses',
      'Positive: 1 Negative: 1',
      'Flag data-race',
      'Flag other: 3,7 ',
      'Condition exists (0:r0=1)',
      'Observation A Sometimes 1 1',
      'Time A 0.25',
      'Hash=abc',
      '',
      'Test B Required',
      'States 0',
      'Ok',
      'Witnesses',
      'Positive: 0 Negative: 0',
      'Condition forall (true)',
      'Observation B Never 0 0',
      '',
    ].join('\n');
    const [a, b, ...rest] = parseHerdLog(log);
    expect(rest).to.deep.equal([]);
    expect(a).to.deep.include({
      name: 'A',
      kind: 'Allowed',
      line: 2,
      validation: 'Ok',
      loop: true,
      positive: 1,
      negative: 1,
      flags: ['data-race', 'other'],
      condition: 'exists (0:r0=1)',
      observation: { word: 'Sometimes', positive: 1, negative: 1 },
      time: 0.25,
      hash: 'abc',
    });
    expect(a.states.map((s) => s.line)).to.deep.equal(['0:r0=0; [x]=1;', '0:r0=1; [x]=y;']);
    expect(b).to.deep.include({ name: 'B', kind: 'Required', states: [], validation: 'Ok' });
    expect(b.observation).to.deep.equal({ word: 'Never', positive: 0, negative: 0 });
  });

  it('reads a litmus7 histogram with counts, witnesses and `is validated`', () => {
    const log = [
      'Test SB Allowed',
      'Histogram (3 states)',
      '499873:>0:r0=0; 1:r0=1;',
      '2     *>0:r0=0; 1:r0=0;',
      '500125:>0:r0=1;  1:r0=0;',
      'Ok',
      '',
      'Witnesses',
      'Positive: 2, Negative: 999998',
      'Condition exists (0:r0=0 /\\ 1:r0=0) is validated',
      'Observation SB Sometimes 2 999998',
      'Time SB 0.31',
    ].join('\n');
    const [t] = parseHerdLog(log);
    expect(t.states).to.deep.equal([
      { line: '0:r0=0; 1:r0=1;', count: 499873, witness: false },
      { line: '0:r0=0; 1:r0=0;', count: 2, witness: true },
      { line: '0:r0=1; 1:r0=0;', count: 500125, witness: false },
    ]);
    expect(t.condition).to.equal('exists (0:r0=0 /\\ 1:r0=0)');
    expect([t.positive, t.negative]).to.deep.equal([2, 999998]);
  });

  it("reads ordo's limit line", () => {
    const [t] = parseHerdLog('Test T Allowed\nStates 0\nLimit reached: time\n');
    expect(t.validation).to.equal('Limit');
    expect(t.limit).to.equal('time');
  });

  it('normalises state lines and rejects non-states', () => {
    expect(normaliseStateLine(' 0:r0 = 1 ;[x]=y; ')).to.equal('0:r0=1; [x]=y;');
    expect(normaliseStateLine('Ok')).to.equal(null);
    expect(normaliseStateLine('0:r0=1')).to.equal(null);
  });

  describe('every oracle file', () => {
    const rows = oracleRows();
    before(function () {
      skipWithoutShared(this, 'parsing the oracle logs');
    });
    for (const row of rows) {
      it(row.relpath, () => {
        const tests = parseHerdLog(oracleOutput(row.relpath).stdout);
        if (row.status !== 'ok') {
          expect(tests).to.deep.equal([]);
          return;
        }
        expect(tests).to.have.length(1);
        const [t] = tests;
        expect(t.states).to.have.length(row.states);
        expect(t.observation).to.deep.equal({
          word: row.observation,
          positive: row.positive,
          negative: row.negative,
        });
        expect(t.flags).to.deep.equal(row.flags ? row.flags.split(/[ ,]+/) : []);
        expect(t.validation).to.be.oneOf(['Ok', 'No']);
        expect(t.condition).to.match(/^(exists|~exists|forall) \(/);
        expect(t.hash).to.match(/^[0-9a-f]{32}$/);
      });
    }
  });
});
