// Test support for outcome tables: hand-built results and `Result:` lines read the way
// tools/memory-model/scripts/judgelitmus.sh reads them.
import type { TestResult } from '../../src/enumerate/result';
import type { ExpectedResult, ExpectedVerdict } from '../../src/litmus/ast';
import { span } from '../../src/source';

export function result(over: Partial<TestResult>): TestResult {
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

export function expected(verdict: ExpectedVerdict, dataRace = false): ExpectedResult {
  return { verdict, dataRace, span: span('T.litmus', 0, 0) };
}

const VERDICTS: readonly string[] = ['Never', 'Sometimes', 'Always', 'Maybe', 'DEADLOCK'];

/** The `Result:` line of a test's text: third field of `^[( ]* Result: `, DATARACE anywhere on it. */
export function expectedOf(text: string): ExpectedResult | undefined {
  const line = /^[( ]\* Result: .*$/m.exec(text)?.[0];
  const word = line?.trim().split(/\s+/)[2]?.replace(/\.$/, '');
  if (!line || !word || !VERDICTS.includes(word)) return undefined;
  return expected(word as ExpectedVerdict, line.includes('DATARACE'));
}
