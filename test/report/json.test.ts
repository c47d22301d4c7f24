import { expect } from 'chai';
import type { TestResult } from '../../src/enumerate/result';
import { formatJsonLine, toJsonRecord } from '../../src/report/json';
import type { TestOutcome } from '../../src/report/outcome';
import { error, SourceFile, span, warning } from '../../src/source';
import { parseStateLine } from '../corpus/oracle-files';

const KEYS = [
  'name',
  'file',
  'model',
  'kind',
  'verdict',
  'ok',
  'positive',
  'negative',
  'states',
  'flags',
  'limit',
  'timeMs',
  'errors',
  'warnings',
];

function result(over: Partial<TestResult>): TestResult {
  return {
    name: 'MP',
    file: 'MP.litmus',
    kind: 'Allowed',
    states: [],
    satisfied: 0,
    unsatisfied: 0,
    flags: [],
    undef: false,
    loop: false,
    candidates: 10,
    timeMs: 3.4,
    diagnostics: [],
    ...over,
  };
}

const TEXT = 'C MP\n{}\nP0(int *x) {\n  WRITE_ONCE(*x, 1);\n}\n';
const lookup = () => new SourceFile('MP.litmus', TEXT);

function outcome(r: TestResult, diagnostics: TestOutcome['diagnostics'] = []): TestOutcome {
  return {
    file: 'MP.litmus',
    name: r.name,
    report: { result: r, condition: 'exists (1:r0=1)', hash: 'h' },
    diagnostics,
  };
}

describe('report: JSON lines', () => {
  it('has a fixed shape: every key, in order, states sorted as herd prints them', () => {
    const r = result({
      kind: 'Forbidden',
      states: [parseStateLine('1:r0=1; 1:r1=x; [x]=1;'), parseStateLine('1:r0=0; 1:r1=0; [x]=1;')],
      satisfied: 1,
      unsatisfied: 2,
      flags: ['data-race'],
    });
    const w = warning('litmus/w', 'a warning', span('MP.litmus', 20, 21));
    const line = formatJsonLine(outcome(r, [w]), 'lkmm.cfg', lookup);
    expect(line.endsWith('\n')).to.equal(true);
    expect(line.trimEnd()).not.to.include('\n');
    const obj = JSON.parse(line);
    expect(Object.keys(obj)).to.deep.equal(KEYS);
    expect(obj).to.deep.equal({
      name: 'MP',
      file: 'MP.litmus',
      model: 'lkmm.cfg',
      kind: 'Forbidden',
      verdict: 'Sometimes',
      ok: false,
      positive: 2,
      negative: 1,
      states: [
        { '1:r0': '0', '1:r1': '0', '[x]': '1' },
        { '1:r0': '1', '1:r1': 'x', '[x]': '1' },
      ],
      flags: ['data-race'],
      limit: null,
      timeMs: 3,
      errors: [],
      warnings: [{ file: 'MP.litmus', line: 3, col: 13, code: 'litmus/w', message: 'a warning' }],
    });
    expect(Object.keys(obj.states[0])).to.deep.equal(['1:r0', '1:r1', '[x]']);
  });

  it('says limit, with no ok, when a limit stopped the test', () => {
    const rec = toJsonRecord(outcome(result({ limit: 'candidates', satisfied: 1 })), 'm', lookup);
    expect([rec.verdict, rec.ok, rec.limit, rec.positive]).to.deep.equal([
      'limit',
      null,
      'candidates',
      1,
    ]);
  });

  it('says error, with positions, for a test that could not be checked', () => {
    const at = TEXT.indexOf('WRITE_ONCE');
    const d = error(
      'events/unknown-primitive',
      'unknown primitive WRITE_ONCE',
      span('MP.litmus', at, at + 10),
    );
    const rec = toJsonRecord({ file: 'MP.litmus', name: 'MP', diagnostics: [d] }, 'm', lookup);
    expect(Object.keys(rec)).to.deep.equal(KEYS);
    expect(rec).to.deep.include({
      name: 'MP',
      kind: null,
      verdict: 'error',
      ok: null,
      positive: null,
      states: [],
      timeMs: null,
    });
    expect(rec.errors).to.deep.equal([
      {
        file: 'MP.litmus',
        line: 4,
        col: 3,
        code: 'events/unknown-primitive',
        message: 'unknown primitive WRITE_ONCE',
      },
    ]);
  });

  it('treats a result carrying an error diagnostic as an error', () => {
    const d = error('cat/x', 'model failed', span('MP.litmus', 0, 1));
    const rec = toJsonRecord(outcome(result({ satisfied: 1 }), [d]), 'm', lookup);
    expect(rec.verdict).to.equal('error');
    expect(rec.states).to.deep.equal([]);
  });
});
