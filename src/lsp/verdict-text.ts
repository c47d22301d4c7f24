// LSP adapter: the one-line verdict shown on a test's condition: "Never under LKMM (0 of 3 executions)".
import type { TestResult } from '../enumerate/result';
import { verdictOf } from '../report';

const LIMIT_WORDS = {
  time: 'time limit',
  candidates: 'candidate limit',
  events: 'event limit',
  recursion: 'recursion limit',
};

export function verdictText(label: string, r: TestResult): string {
  const total = r.satisfied + r.unsatisfied;
  const counts = `${r.satisfied} of ${total} execution${total === 1 ? '' : 's'}`;
  const extras = [...r.flags.map((f) => `flag ${f}`), ...(r.undef ? ['undefined behaviour'] : [])];
  const tail = extras.length > 0 ? `; ${extras.join(', ')}` : '';
  if (r.limit) {
    return `Unknown under ${label}: ${LIMIT_WORDS[r.limit]} reached after ${r.candidates} candidates (${counts} so far)${tail}`;
  }
  return `${verdictOf(r).observation} under ${label} (${counts})${tail}`;
}
