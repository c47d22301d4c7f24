// Events stage (assembly output of `ordo lower`): herd7's AArch64 syntax (ARMv8.1 LSE atomics,
// exclusives, DMB/ISB), as in herd's and the Arm litmus tests: `LDR W0,[X1]`.
import type { Annotation, Fence } from '../types';
import type { Address, AluOp, Backend, Cond } from './backend';
import { unsupported } from './unsupported';

const ALU: Record<AluOp, string> = {
  '+': 'ADD',
  '-': 'SUB',
  '&': 'AND',
  '|': 'ORR',
  '^': 'EOR',
  '&~': 'BIC',
};
/** LSE load-op mnemonics (`&` and `-` reach here already turned into `&~` and `+`). */
const LSE: Partial<Record<AluOp, string>> = { '+': 'ADD', '|': 'SET', '^': 'EOR', '&~': 'CLR' };
const FENCES: Partial<Record<Fence, string>> = {
  'DMB-ISH': 'DMB ISH',
  'DMB-ISHLD': 'DMB ISHLD',
  'DMB-ISHST': 'DMB ISHST',
  ISB: 'ISB',
};
const BRANCH: Record<Cond, string> = { eq: 'B.EQ', ne: 'B.NE', lt: 'B.LT' };

const has = (ann: readonly Annotation[], a: Annotation) => ann.includes(a);
/** Acquire/release suffix of LSE atomics: A, L, AL. */
const order = (ann: readonly Annotation[]) =>
  `${has(ann, 'A') ? 'A' : ''}${has(ann, 'L') ? 'L' : ''}`;

function mem(a: Address): string {
  if (a.kind !== 'reg') return unsupported('an AArch64 address must be in a register');
  return `[${a.reg}]`;
}

export const aarch64: Backend = {
  arch: 'AArch64',
  registerCount: 28,
  reg: (n, wide) => `${wide ? 'X' : 'W'}${n}`,
  stateReg: (n) => `X${n}`,
  namedLocations: false,
  label: (name) => `${name}:`,
  movImm: (d, k) => [`MOV ${d},#${k}`],
  move: (d, s) => [`MOV ${d},${s}`],
  alu: (op, d, a, b) => [`${ALU[op]} ${d},${a},${b}`],
  load: (d, a, ann) => [
    `${has(ann, 'A') ? 'LDAR' : has(ann, 'Q') ? 'LDAPR' : 'LDR'} ${d},${mem(a)}`,
  ],
  store: (s, a, ann) => [`${has(ann, 'L') ? 'STLR' : 'STR'} ${s},${mem(a)}`],
  fence: (f) => [FENCES[f] ?? unsupported(`${f} is not an AArch64 barrier`)],
  branch: (cond, a, b, label) => [`CMP ${a},${b}`, `${BRANCH[cond]} ${label}`],
  jump: (label) => [`B ${label}`],
  amo(op, d, v, a, ann) {
    if (op === 'xchg') return [`SWP${order(ann)} ${v},${d ?? 'WZR'},${mem(a)}`];
    const name = LSE[op];
    if (!name) return undefined;
    // ST<op> has no acquire form: its result is discarded.
    if (d === undefined) return [`ST${name}${has(ann, 'L') ? 'L' : ''} ${v},${mem(a)}`];
    return [`LD${name}${order(ann)} ${v},${d},${mem(a)}`];
  },
  cas: (expected, n, a, ann) => [`CAS${order(ann)} ${expected},${n},${mem(a)}`],
  casFailed: (old, copy, label) => [`CMP ${old},${copy}`, `B.NE ${label}`],
  loadExclusive: (d, a, ann) => [`${has(ann, 'A') ? 'LDAXR' : 'LDXR'} ${d},${mem(a)}`],
  storeExclusive: (v, a, ann, status, retry) => [
    `${has(ann, 'L') ? 'STLXR' : 'STXR'} ${status},${v},${mem(a)}`,
    `CBNZ ${status},${retry}`,
  ],
};
