// Events stage (assembly output of `ordo lower`): a C litmus test as a herd7 assembly litmus
// test for one target: the header, the init section (locations' values, registers holding
// addresses), the column table `P0 | P1 ;`, and the final condition on those registers.
import type { LitmusTest, LocRef, MacroFile, Prop, Thread } from '../../../litmus/ast';
import { unreachable } from '../../../litmus/ast';
import { printProp } from '../../../litmus/print';
import { type Diagnostic, error, hasErrors, type Result } from '../../../source';
import { expandThread } from '../../expand';
import { targetMacros } from '../macros';
import { TARGETS } from '../targets';
import type { TargetId } from '../types';
import { unsupportedCalls } from '../unsupported';
import { aarch64 } from './aarch64';
import type { Backend, HerdArch } from './backend';
import { type CompiledThread, compileThread } from './compile';
import { ppc } from './ppc';
import { riscv } from './riscv';
import { x86_64 } from './x86-64';

const BACKENDS: Readonly<Record<HerdArch, Backend>> = {
  AArch64: aarch64,
  PPC: ppc,
  RISCV: riscv,
  X86_64: x86_64,
};

const CANNOT = 'lower/unsupported';

/**
 * The test as herd7 assembly for `target`, its kernel primitives lowered by the target's
 * table (`lkmm` is ordo's lkmm.def, whose primitives the tables rewrite).
 */
export function lowerToAsm(test: LitmusTest, lkmm: MacroFile, target: TargetId): Result<string> {
  const table = TARGETS[target];
  const backend = BACKENDS[table.herdArch];
  const calls = unsupportedCalls(test, table);
  if (calls.length > 0) {
    const diagnostics = calls.map((c) =>
      error(CANNOT, `cannot lower ${c.name} to ${target}: ${c.why}`, c.span),
    );
    return { value: undefined, diagnostics };
  }
  const macros = targetMacros(table, lkmm);
  const diagnostics: Diagnostic[] = [];
  const pointers = pointerLocations(test);
  const threads = test.threads.map((t) => {
    const expanded = expandThread(t, macros, 'lkmm.def');
    diagnostics.push(...expanded.diagnostics);
    const locations = new Set(t.params.map((p) => p.name));
    const compiled = compileThread(expanded.thread, {
      backend,
      locations,
      pointerLocations: pointers,
    });
    for (const p of compiled.problems) {
      diagnostics.push(
        error(CANNOT, `cannot lower to ${table.herdArch} assembly: ${p.message}`, p.span),
      );
    }
    return compiled;
  });
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };
  const condition = test.condition;
  const rename = (p: Prop) => renameProp(p, test.threads, threads, backend);
  const lines = [
    `${table.herdArch} ${test.name}`,
    `"${test.name} lowered by ordo to what Linux emits on ${target}"`,
    '{',
    ...initLines(test, threads, backend),
    '}',
    ...columns(test.threads, threads),
  ];
  if (test.locations.length > 0) {
    lines.push(
      `locations [${test.locations.map((l) => `${renameLoc(l, test.threads, threads, backend)};`).join(' ')}]`,
    );
  }
  if (test.filter) lines.push(`filter ${printProp(rename(test.filter))}`);
  if (condition) {
    const q = { exists: 'exists', 'not exists': '~exists', forall: 'forall' }[condition.quantifier];
    lines.push(`${q} (${printProp(rename(condition.prop))})`);
  }
  return { value: `${lines.join('\n')}\n`, diagnostics };
}

/** Locations that hold an address: `int **p` parameters, or initialised with an address. */
function pointerLocations(test: LitmusTest): Set<string> {
  const out = new Set<string>();
  for (const t of test.threads)
    for (const p of t.params) if ((p.type.match(/\*/g) ?? []).length > 1) out.add(p.name);
  for (const i of test.init) {
    if (i.target.kind === 'MemRef' && i.value?.kind === 'AddressValue') out.add(i.target.name);
  }
  return out;
}

function initLines(test: LitmusTest, threads: readonly CompiledThread[], b: Backend): string[] {
  const memory = test.init.flatMap((i) => {
    if (i.target.kind !== 'MemRef' || i.value === undefined) return [];
    const v = i.value;
    if (v.kind === 'ArrayValue') return [];
    return [`${i.target.name}=${v.kind === 'IntValue' ? v.value : v.name};`];
  });
  const registers = threads.map((c, t) => {
    const index = test.threads[t].index;
    const items = [...c.addresses].map(([loc, n]) => `${index}:${b.stateReg(n)}=${loc};`);
    for (const i of test.init) {
      if (i.target.kind !== 'RegRef' || i.target.thread !== index || i.value === undefined)
        continue;
      const n = c.regs.get(i.target.reg);
      const v = i.value;
      if (n === undefined || v.kind === 'ArrayValue') continue;
      items.push(`${index}:${b.stateReg(n)}=${v.kind === 'IntValue' ? v.value : v.name};`);
    }
    return items.join(' ');
  });
  return [...(memory.length > 0 ? [memory.join(' ')] : []), ...registers.filter((l) => l !== '')];
}

/** ` P0 | P1 ;` then one row per instruction, each column padded to its widest cell. */
function columns(tests: readonly Thread[], threads: readonly CompiledThread[]): string[] {
  const cols = threads.map((c, t) => [`P${tests[t].index}`, ...c.lines]);
  const height = Math.max(...cols.map((c) => c.length));
  const widths = cols.map((c) => Math.max(...c.map((l) => l.length)));
  const rows: string[] = [];
  for (let i = 0; i < height; i++) {
    rows.push(` ${cols.map((c, t) => (c[i] ?? '').padEnd(widths[t])).join(' | ')} ;`);
  }
  return rows;
}

function renameLoc(
  l: LocRef,
  tests: readonly Thread[],
  threads: readonly CompiledThread[],
  b: Backend,
): string {
  if (l.kind === 'MemRef') return `[${l.name}]`;
  const r = renameReg(l, tests, threads, b);
  return `${r.thread}:${r.reg}`;
}

function renameReg(
  l: LocRef & { kind: 'RegRef' },
  tests: readonly Thread[],
  threads: readonly CompiledThread[],
  b: Backend,
): LocRef & { kind: 'RegRef' } {
  const t = tests.findIndex((x) => x.index === l.thread);
  const n = t < 0 ? undefined : threads[t].regs.get(l.reg);
  // A register the thread never declared keeps its C name (herd reports it).
  return n === undefined ? l : { ...l, reg: b.stateReg(n) };
}

function renameProp(
  p: Prop,
  tests: readonly Thread[],
  threads: readonly CompiledThread[],
  b: Backend,
): Prop {
  const loc = (l: LocRef): LocRef => (l.kind === 'RegRef' ? renameReg(l, tests, threads, b) : l);
  const go = (q: Prop): Prop => {
    switch (q.kind) {
      case 'ConstProp':
        return q;
      case 'NotProp':
        return { ...q, prop: go(q.prop) };
      case 'AndProp':
      case 'OrProp':
      case 'ImpliesProp':
        return { ...q, left: go(q.left), right: go(q.right) };
      case 'AtomProp': {
        const r = q.right;
        return {
          ...q,
          left: loc(q.left),
          right: r.kind === 'RegRef' || r.kind === 'MemRef' ? loc(r) : r,
        };
      }
      default:
        return unreachable(q);
    }
  };
  return go(p);
}
