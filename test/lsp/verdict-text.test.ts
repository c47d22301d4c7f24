import { expect } from 'chai';
import type { TestResult } from '../../src/enumerate/result';
import { verdictText } from '../../src/lsp/verdict-text';

const result = (over: Partial<TestResult>): TestResult => ({
  name: 't',
  file: 't.litmus',
  kind: 'Allowed',
  states: [],
  satisfied: 0,
  unsatisfied: 0,
  flags: [],
  undef: false,
  loop: false,
  candidates: 0,
  timeMs: 1,
  diagnostics: [],
  ...over,
});

describe('lsp/verdict-text', () => {
  it('says the Observation word with executions satisfying the condition out of all', () => {
    expect(verdictText('LKMM', result({ satisfied: 0, unsatisfied: 3 }))).to.equal(
      'Never under LKMM (0 of 3 executions)',
    );
    expect(verdictText('SC', result({ satisfied: 1, unsatisfied: 0 }))).to.equal(
      'Always under SC (1 of 1 execution)',
    );
    expect(
      verdictText('LKMM', result({ kind: 'Forbidden', satisfied: 2, unsatisfied: 5 })),
    ).to.equal('Sometimes under LKMM (2 of 7 executions)');
  });

  it('adds flags and undefined behaviour', () => {
    expect(
      verdictText(
        'LKMM',
        result({ satisfied: 1, unsatisfied: 1, flags: ['data-race'], undef: true }),
      ),
    ).to.equal('Sometimes under LKMM (1 of 2 executions); flag data-race, undefined behaviour');
  });

  it('never passes partial counts for a verdict', () => {
    expect(
      verdictText('LKMM', result({ limit: 'time', candidates: 5000, unsatisfied: 12 })),
    ).to.equal(
      'Unknown under LKMM: time limit reached after 5000 candidates (0 of 12 executions so far)',
    );
  });
});
