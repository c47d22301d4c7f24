// Litmus stage: the LKMM `Result:` convention, read from the comments before the init section
// with the same pattern as the kernel's judgelitmus.sh (`^[( ]\* Result: `).
import { span } from '../source';
import type { ExpectedResult, ExpectedVerdict } from './ast';

const RESULT_LINE = /^[( ]\* Result: (Never|Sometimes|Always|Maybe|DEADLOCK)\b(.*)$/m;

/** The first `Result:` line in `text[0, end)`; `Flag ...` and other words give none. */
export function findExpectedResult(
  text: string,
  end: number,
  file: string,
): ExpectedResult | undefined {
  const m = RESULT_LINE.exec(text.slice(0, end));
  if (!m) return undefined;
  const start = m.index + m[0].indexOf(m[1]);
  return {
    verdict: m[1] as ExpectedVerdict,
    dataRace: /\bDATARACE\b/.test(m[2]),
    span: span(file, start, start + m[1].length),
  };
}
