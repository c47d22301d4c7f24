// Events stage (assembly output of `ordo lower`): herd7's RISCV syntax (RV64 with the A
// extension: AMOs, lr/sc, typed fences), as in herd's RISC-V litmus tests: `lw x5,0(x6)`.
import type { Annotation, Fence } from '../types';
import type { Address, AluOp, Backend, Cond } from './backend';
import { unsupported } from './unsupported';

const ALU: Partial<Record<AluOp, string>> = {
  '+': 'add',
  '-': 'sub',
  '&': 'and',
  '|': 'or',
  '^': 'xor',
};
/** AMO mnemonics (`-` and `&~` reach here already turned into `+` and `&`). */
const AMO: Partial<Record<AluOp | 'xchg', string>> = {
  xchg: 'amoswap',
  '+': 'amoadd',
  '&': 'amoand',
  '|': 'amoor',
  '^': 'amoxor',
};
const BRANCH: Record<Cond, string> = { eq: 'beq', ne: 'bne', lt: 'blt' };

/** `Fence-r-rw` -> `fence r,rw`; `Fence-tso` -> `fence.tso`. */
function fenceText(f: Fence): string {
  const m = /^Fence-(r|w|rw)-(r|w|rw)$/.exec(f);
  if (m) return `fence ${m[1]},${m[2]}`;
  if (f === 'Fence-tso') return 'fence.tso';
  return unsupported(`${f} is not a RISC-V fence`);
}

/** `.aq`, `.rl` or `.aqrl`, from the annotations this instruction can carry. */
function suffix(ann: readonly Annotation[], aq: boolean, rl: boolean): string {
  const a = aq && ann.includes('A') ? 'aq' : '';
  const r = rl && ann.includes('L') ? 'rl' : '';
  return a || r ? `.${a}${r}` : '';
}

function base(a: Address): string {
  if (a.kind !== 'reg') return unsupported('a RISC-V address must be in a register');
  return a.reg;
}

export const riscv: Backend = {
  arch: 'RISCV',
  // x5..x31: x0 is zero, x1..x4 are ra, sp, gp, tp.
  registerCount: 27,
  reg: (n) => `x${n + 5}`,
  stateReg: (n) => `x${n + 5}`,
  namedLocations: false,
  label: (name) => `${name}:`,
  movImm: (d, k) => [`li ${d},${k}`],
  move: (d, s) => [`ori ${d},${s},0`],
  alu: (op, d, a, b) => {
    if (op !== '&~') return [`${ALU[op]} ${d},${a},${b}`];
    if (d === a) return unsupported('and-not into its own operand');
    return [`xori ${d},${b},-1`, `and ${d},${a},${d}`];
  },
  load: (d, a, _ann, wide) => [`${wide ? 'ld' : 'lw'} ${d},0(${base(a)})`],
  store: (s, a, _ann, wide) => [`${wide ? 'sd' : 'sw'} ${s},0(${base(a)})`],
  fence: (f) => [fenceText(f)],
  branch: (cond, a, b, label) => [`${BRANCH[cond]} ${a},${b},${label}`],
  jump: (label) => [`j ${label}`],
  amo(op, d, v, a, ann) {
    const name = AMO[op];
    if (!name) return undefined;
    // An AMO's annotations hold for the whole instruction: .aq, .rl or .aqrl.
    return [`${name}.w${suffix(ann, true, true)} ${d ?? 'x0'},${v},(${base(a)})`];
  },
  cas: () => undefined,
  casFailed: () => unsupported('RISC-V without Zacas has no compare-and-swap instruction'),
  loadExclusive: (d, a, ann) => [`lr.w${suffix(ann, true, false)} ${d},0(${base(a)})`],
  storeExclusive: (v, a, ann, status, retry) => [
    `sc.w${suffix(ann, false, true)} ${status},${v},0(${base(a)})`,
    `bne ${status},x0,${retry}`,
  ],
};
