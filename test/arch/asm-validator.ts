// Test support: a structural validator for herd7 assembly litmus tests, written from herd7's
// documented syntax (header `ARCH name`, optional "doc" string, init section `{ ... }` of
// `loc=v;` and `t:reg=v;` items, the column table whose first row is `P0 | P1 ;` and whose
// rows have one `|` less than threads and end in `;`, labels `NAME:`, and the final
// condition), with each dialect's instruction forms as ordo emits them.
import type { HerdArch } from '../../src/events/lowering/asm';

const N = '-?\\d+';

interface Dialect {
  /** A register as init sections and conditions name it. */
  readonly stateReg: RegExp;
  readonly instructions: readonly RegExp[];
}

const label = 'LC\\d+';
const full = (parts: readonly string[]) => parts.map((p) => new RegExp(`^${p}$`));

const A64_W = 'W(?:\\d+|ZR)';
const A64_R = '[WX](?:\\d+|ZR)';
const A64_MEM = '\\[X\\d+\\]';
const PPC_R = 'r(?:[1-9]|[12]\\d|30|31)';
const RV = 'x(?:[5-9]|[12]\\d|3[01])';
const X86_R = '%(?:[re](?:ax|bx|cx|dx|si|di)|r(?:[89]|1[0-5])d?)';
const X86_MEM = `\\((?:\\w+|${X86_R})\\)`;

const DIALECTS: Readonly<Record<HerdArch, Dialect>> = {
  AArch64: {
    stateReg: /^X\d+$/,
    instructions: full([
      `MOV ${A64_R},(?:#${N}|${A64_R})`,
      `(?:ADD|SUB|AND|ORR|EOR|BIC) ${A64_W},${A64_W},${A64_W}`,
      `(?:LDR|LDAR|LDAPR|LDXR|LDAXR|STR|STLR) ${A64_R},${A64_MEM}`,
      `(?:STXR|STLXR) ${A64_W},${A64_W},${A64_MEM}`,
      `(?:SWP|CAS|LDADD|LDCLR|LDSET|LDEOR)(?:A|L|AL)? ${A64_W},${A64_W},${A64_MEM}`,
      `(?:STADD|STCLR|STSET|STEOR)L? ${A64_W},${A64_MEM}`,
      'DMB (?:ISH|ISHLD|ISHST)',
      'ISB',
      `CMP ${A64_W},${A64_W}`,
      `B\\.(?:EQ|NE|LT) ${label}`,
      `B ${label}`,
      `CBNZ ${A64_W},${label}`,
    ]),
  },
  PPC: {
    stateReg: new RegExp(`^${PPC_R}$`),
    instructions: full([
      `li ${PPC_R},${N}`,
      `mr ${PPC_R},${PPC_R}`,
      `(?:add|subf|and|or|xor|andc) ${PPC_R},${PPC_R},${PPC_R}`,
      `(?:lwz|ld|stw|std) ${PPC_R},0\\(${PPC_R}\\)`,
      `lwarx ${PPC_R},0,${PPC_R}`,
      `stwcx\\. ${PPC_R},0,${PPC_R}`,
      '(?:sync|lwsync|isync|eieio)',
      `cmpw ${PPC_R},${PPC_R}`,
      `(?:beq|bne|blt|b) ${label}`,
    ]),
  },
  RISCV: {
    stateReg: new RegExp(`^${RV}$`),
    instructions: full([
      `li ${RV},${N}`,
      `ori ${RV},${RV},0`,
      `xori ${RV},${RV},-1`,
      `(?:add|sub|and|or|xor) ${RV},${RV},${RV}`,
      `(?:lw|ld|sw|sd) ${RV},0\\(${RV}\\)`,
      `lr\\.w(?:\\.aq)? ${RV},0\\(${RV}\\)`,
      `sc\\.w(?:\\.rl)? ${RV},${RV},0\\(${RV}\\)`,
      `amo(?:swap|add|and|or|xor)\\.w(?:\\.aq|\\.rl|\\.aqrl)? (?:${RV}|x0),${RV},\\(${RV}\\)`,
      'fence (?:r|w|rw),(?:r|w|rw)',
      'fence\\.tso',
      `(?:beq|bne|blt) ${RV},(?:${RV}|x0),${label}`,
      `j ${label}`,
    ]),
  },
  X86_64: {
    stateReg: /^r(?:ax|bx|cx|dx|si|di|[89]|1[0-5])$/,
    instructions: full([
      `mov[lq] \\$${N},${X86_R}`,
      `mov[lq] (?:${X86_R}|${X86_MEM}),${X86_R}`,
      `mov[lq] ${X86_R},${X86_MEM}`,
      `xchg[lq] ${X86_MEM},${X86_R}`,
      `lock (?:add|and|or|xor)l ${X86_R},${X86_MEM}`,
      `lock cmpxchgl ${X86_MEM},${X86_R}`,
      `(?:add|and|or|xor)l ${X86_R},${X86_R}`,
      `cmpl ${X86_R},${X86_R}`,
      `(?:je|jne|jlt|jmp) ${label}`,
      'mfence',
    ]),
  },
};

/** Everything wrong with `text` as a herd7 `arch` test of `threads` threads (empty: valid). */
export function validateAsm(text: string, arch: HerdArch, threads: number): string[] {
  const problems: string[] = [];
  const d = DIALECTS[arch];
  const lines = text.split('\n');
  let i = 0;
  if (!new RegExp(`^${arch} \\S+$`).test(lines[i++] ?? '')) problems.push(`header: ${lines[0]}`);
  if (lines[i]?.startsWith('"')) {
    if (!/^"[^"]*"$/.test(lines[i])) problems.push(`doc string: ${lines[i]}`);
    i++;
  }
  if (lines[i++] !== '{') problems.push('no init section');
  for (; i < lines.length && lines[i] !== '}'; i++) {
    for (const item of lines[i].split(/\s+/).filter((s) => s !== '')) {
      const m = /^(?:(\d+):(\w+)|(\w+))=(-?\d+|\w+);$/.exec(item);
      if (!m) problems.push(`init item: ${item}`);
      else if (m[1] !== undefined && (Number(m[1]) >= threads || !d.stateReg.test(m[2]))) {
        problems.push(`init register: ${item}`);
      }
    }
  }
  i++;
  const header = Array.from({ length: threads }, (_, t) => `P${t}`);
  const cells: string[][] = [];
  for (; i < lines.length && / ;$/.test(lines[i]); i++) {
    const row = lines[i]
      .replace(/ ;$/, '')
      .split('|')
      .map((c) => c.trim());
    if (row.length !== threads) problems.push(`row with ${row.length} columns: ${lines[i]}`);
    cells.push(row);
  }
  if (cells.length === 0 || cells[0].join(' ') !== header.join(' '))
    problems.push('no P0 | P1 ... ; header row');
  for (let t = 0; t < threads; t++) {
    const column = cells.slice(1).map((r) => r[t] ?? '');
    const defined = column.filter((c) => /:$/.test(c)).map((c) => c.slice(0, -1));
    if (new Set(defined).size !== defined.length) problems.push(`P${t}: a label is defined twice`);
    for (const c of column) {
      if (c === '' || /^LC\d+:$/.test(c)) continue;
      if (!d.instructions.some((re) => re.test(c)))
        problems.push(`P${t}: not an instruction: ${c}`);
      const target = /(LC\d+)$/.exec(c)?.[1];
      if (target && !defined.includes(target)) problems.push(`P${t}: undefined label ${target}`);
    }
  }
  const rest = lines.slice(i).filter((l) => l !== '');
  const condition = rest.find((l) => /^(?:~?exists|forall) \(.*\)$/.test(l));
  if (!condition) problems.push(`no final condition: ${rest.join(' / ')}`);
  for (const m of (condition ?? '').matchAll(/(\d+):(\w+)/g)) {
    if (Number(m[1]) >= threads || !d.stateReg.test(m[2]))
      problems.push(`condition register ${m[0]}`);
  }
  return problems;
}
