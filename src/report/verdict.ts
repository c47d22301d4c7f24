// Report stage: herd7's derived verdict numbers (Ok/No, Observation word, the ~exists swap),
// shared by the text block and the JSON lines so that they cannot disagree.
import type { Observation, TestResult } from '../enumerate/result';
import { unreachable } from '../litmus';

export interface Verdict {
  /** Ok: exists and P>0, ~exists and P=0, forall and N=0 (P, N = satisfied, unsatisfied). */
  readonly ok: boolean;
  /** `Ok`, `No` or `Undef` (the latter when an accepted execution raised herd's Undef). */
  readonly validation: 'Ok' | 'No' | 'Undef';
  /** The `Witnesses` numbers: swapped for a `~exists` test. */
  readonly positive: number;
  readonly negative: number;
  /** Never if no execution satisfies the proposition, Always if all do (Never 0 0 = none). */
  readonly observation: Observation;
}

export function verdictOf(r: TestResult): Verdict {
  const p = r.satisfied;
  const n = r.unsatisfied;
  let ok: boolean;
  switch (r.kind) {
    case 'Allowed':
      ok = p > 0;
      break;
    case 'Forbidden':
      ok = p === 0;
      break;
    case 'Required':
      ok = n === 0;
      break;
    default:
      return unreachable(r.kind);
  }
  const swap = r.kind === 'Forbidden';
  return {
    ok,
    validation: r.undef ? 'Undef' : ok ? 'Ok' : 'No',
    positive: swap ? n : p,
    negative: swap ? p : n,
    observation: p === 0 ? 'Never' : n === 0 ? 'Always' : 'Sometimes',
  };
}
