// Events stage (assembly output of `ordo lower`): herd7's PPC syntax (powerpc64: lwarx/stwcx.
// loops, sync/lwsync/isync), as in herd's and the Power litmus tests: `lwz r1,0(r2)`.
import type { Fence } from '../types';
import type { Address, AluOp, Backend, Cond } from './backend';
import { unsupported } from './unsupported';

const ALU: Record<AluOp, (d: string, a: string, b: string) => string> = {
  '+': (d, a, b) => `add ${d},${a},${b}`,
  // subf d,a,b computes b - a.
  '-': (d, a, b) => `subf ${d},${b},${a}`,
  '&': (d, a, b) => `and ${d},${a},${b}`,
  '|': (d, a, b) => `or ${d},${a},${b}`,
  '^': (d, a, b) => `xor ${d},${a},${b}`,
  '&~': (d, a, b) => `andc ${d},${a},${b}`,
};
const FENCES: Partial<Record<Fence, string>> = {
  SYNC: 'sync',
  LWSYNC: 'lwsync',
  ISYNC: 'isync',
  EIEIO: 'eieio',
};
const BRANCH: Record<Cond, string> = { eq: 'beq', ne: 'bne', lt: 'blt' };

function base(a: Address): string {
  if (a.kind !== 'reg') return unsupported('a PPC address must be in a register');
  return a.reg;
}

export const ppc: Backend = {
  arch: 'PPC',
  // r1..r30: r0 reads as zero in address operands.
  registerCount: 30,
  reg: (n) => `r${n + 1}`,
  stateReg: (n) => `r${n + 1}`,
  namedLocations: false,
  label: (name) => `${name}:`,
  movImm: (d, k) => [`li ${d},${k}`],
  move: (d, s) => [`mr ${d},${s}`],
  alu: (op, d, a, b) => [ALU[op](d, a, b)],
  load: (d, a, _ann, wide) => [`${wide ? 'ld' : 'lwz'} ${d},0(${base(a)})`],
  store: (s, a, _ann, wide) => [`${wide ? 'std' : 'stw'} ${s},0(${base(a)})`],
  fence: (f) => [FENCES[f] ?? unsupported(`${f} is not a Power barrier`)],
  branch: (cond, a, b, label) => [`cmpw ${a},${b}`, `${BRANCH[cond]} ${label}`],
  jump: (label) => [`b ${label}`],
  amo: () => undefined,
  cas: () => undefined,
  casFailed: () => unsupported('Power has no compare-and-swap instruction'),
  loadExclusive: (d, a) => [`lwarx ${d},0,${base(a)}`],
  storeExclusive: (v, a, _ann, _status, retry) => [`stwcx. ${v},0,${base(a)}`, `bne ${retry}`],
};
