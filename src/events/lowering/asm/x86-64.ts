// Events stage (assembly output of `ordo lower`): herd7's X86_64 syntax (AT&T operand order,
// `movl $1,(x)`, `lock` prefix), as in herd's X86_64 tests. herd7's X86_64 front end has no
// and, sub or xadd: fetch-and-op becomes a lock cmpxchg loop, and an and is printed as the
// kernel's `lock andl` (which herd7 7.58 cannot parse).
import type { Annotation } from '../types';
import type { Address, AluOp, Backend, Cond } from './backend';
import { unsupported } from './unsupported';

const NAMES = ['ax', 'bx', 'cx', 'dx', 'si', 'di'];
const ALU: Partial<Record<AluOp, string>> = { '+': 'add', '&': 'and', '|': 'or', '^': 'xor' };
const BRANCH: Record<Cond, string> = { eq: 'je', ne: 'jne', lt: 'jlt' };

const mem = (a: Address) => `(${a.kind === 'symbol' ? a.loc : a.reg})`;
const size = (r: string) => (r.startsWith('%r') && !r.endsWith('d') ? 'q' : 'l');

export const x86_64: Backend = {
  arch: 'X86_64',
  registerCount: 14,
  reg(n, wide) {
    if (n < NAMES.length) return `%${wide ? 'r' : 'e'}${NAMES[n]}`;
    return `%r${n + 2}${wide ? '' : 'd'}`;
  },
  stateReg: (n) => (n < NAMES.length ? `r${NAMES[n]}` : `r${n + 2}`),
  namedLocations: true,
  // lock cmpxchg compares with %eax.
  reserved: 0,
  label: (name) => `${name}:`,
  movImm: (d, k) => [`mov${size(d)} $${k},${d}`],
  move: (d, s) => [`mov${size(d)} ${s},${d}`],
  alu(op, d, a, b) {
    const name = ALU[op] ?? unsupported(`x86 ${op} of two registers`);
    return [...(d === a ? [] : [`mov${size(d)} ${a},${d}`]), `${name}${size(d)} ${b},${d}`];
  },
  load: (d, a) => [`mov${size(d)} ${mem(a)},${d}`],
  store(s, a, ann: readonly Annotation[]) {
    // A locked store is smp_store_mb()'s xchg; its old value is dropped with the register.
    if (ann.includes('LOCK')) return [`xchg${size(s)} ${mem(a)},${s}`];
    return [`mov${size(s)} ${s},${mem(a)}`];
  },
  // mfence, and smp_mb()'s `lock; addl $0,-4(%rsp)`, which herd cannot address: the same full
  // barrier under x86-TSO.
  fence: (f) =>
    f === 'MFENCE' || f === 'LOCK-ADD' ? ['mfence'] : unsupported(`${f} is not an x86 barrier`),
  branch: (cond, a, b, label) => [`cmp${size(a)} ${b},${a}`, `${BRANCH[cond]} ${label}`],
  jump: (label) => [`jmp ${label}`],
  amo(op, d, v, a) {
    if (op === 'xchg') {
      const r = d ?? v;
      return [...(r === v ? [] : [`mov${size(r)} ${v},${r}`]), `xchg${size(r)} ${mem(a)},${r}`];
    }
    const name = ALU[op];
    if (d !== undefined || !name) return undefined;
    return [`lock ${name}${size(v)} ${v},${mem(a)}`];
  },
  cas(expected, n, a) {
    if (expected !== '%eax') return unsupported('lock cmpxchg compares with %eax');
    return [`lock cmpxchg${size(n)} ${mem(a)},${n}`];
  },
  casFailed: (_old, _copy, label) => [`jne ${label}`],
  loadExclusive: () => unsupported('x86 has no exclusive loads'),
  storeExclusive: () => unsupported('x86 has no exclusive stores'),
};
