// Test support: locating /work/shared (../shared from the repo root) and reading herd7's oracle.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FinalState, StateLoc, StateValue, TestResult } from '../../src/enumerate/result';
import type { HerdLogTest } from '../../src/report/herd-log';

export const SHARED = path.resolve('..', 'shared');
export const CORPUS = path.join(SHARED, 'corpus', 'litmus');
export const LKMM = path.join(SHARED, 'corpus', 'lkmm');
export const ORACLE = path.join(SHARED, 'oracle');

export const hasShared = fs.existsSync(SHARED);

/** For a `before` hook: skip the suite, visibly, when ../shared is not there. */
export function skipWithoutShared(ctx: Mocha.Context, what: string): void {
  if (!hasShared) {
    console.log(`    note: ${SHARED} is absent; skipping ${what}`);
    ctx.skip();
  }
}

export interface OracleRow {
  /** Path relative to the corpus root, e.g. `manual/plain/C-MP1.litmus`. */
  readonly relpath: string;
  readonly arch: string;
  readonly status: 'ok' | 'error' | 'timeout';
  readonly observation: string;
  readonly positive: number;
  readonly negative: number;
  readonly states: number;
  readonly flags: string;
  readonly cpuSeconds: number;
  readonly error: string;
}

/** herd7-manual.tsv, one row per corpus file (empty when ../shared is absent). */
export function oracleRows(): OracleRow[] {
  const file = path.join(ORACLE, 'herd7-manual.tsv');
  if (!fs.existsSync(file)) return [];
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const cols = header.split('\t');
  return lines.map((line) => {
    const cell = Object.fromEntries(line.split('\t').map((v, i) => [cols[i], v]));
    return {
      relpath: cell.relpath,
      arch: cell.arch,
      status: cell.status as OracleRow['status'],
      observation: cell.observation,
      positive: Number(cell.pos),
      negative: Number(cell.neg),
      states: Number(cell.states),
      flags: cell.flags,
      cpuSeconds: Number(cell.cpu_s),
      error: cell.error,
    };
  });
}

/** herd7's stdout for a corpus file and its stderr section (after `#### STDERR ####`). */
export function oracleOutput(relpath: string): { stdout: string; stderr: string } {
  const text = fs.readFileSync(path.join(ORACLE, 'herd7', `${relpath}.out`), 'utf8');
  const at = text.indexOf('#### STDERR ####\n');
  return at < 0
    ? { stdout: text, stderr: '' }
    : { stdout: text.slice(0, at), stderr: text.slice(at + '#### STDERR ####\n'.length) };
}

function parseLoc(text: string): StateLoc {
  const reg = /^(\d+):(\S+)$/.exec(text);
  if (reg) return { kind: 'reg', thread: Number(reg[1]), reg: reg[2] };
  const elem = /^\[(\w+)\[(\d+)\]\]$/.exec(text);
  if (elem) return { kind: 'mem', name: elem[1], index: Number(elem[2]) };
  return { kind: 'mem', name: text.replace(/^\[(.*)\]$/, '$1') };
}

function parseValue(text: string): StateValue {
  if (/^-?\d+$/.test(text)) return { kind: 'int', value: Number(text) };
  return /^S\d+$/.test(text) ? { kind: 'sym', name: text } : { kind: 'addr', name: text };
}

/** A state line of a log back into the contract's FinalState. */
export function parseStateLine(line: string, satisfies = false): FinalState {
  const values = line
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const at = item.indexOf('=');
      return { loc: parseLoc(item.slice(0, at)), value: parseValue(item.slice(at + 1)) };
    });
  return { values, satisfies };
}

/**
 * The TestResult that herd's numbers describe, with the states given in the reverse of
 * herd's order and each state's locations reversed, so that printing must sort both.
 */
export function resultFromLog(t: HerdLogTest, file: string): TestResult {
  const obs = t.observation!;
  return {
    name: t.name,
    file,
    kind: t.kind as TestResult['kind'],
    states: t.states
      .map((s) => {
        const st = parseStateLine(s.line);
        return { ...st, values: [...st.values].reverse() };
      })
      .reverse(),
    satisfied: obs.positive,
    unsatisfied: obs.negative,
    flags: [...t.flags].reverse(),
    undef: t.validation === 'Undef',
    loop: t.loop,
    candidates: 0,
    timeMs: (t.time ?? 0) * 1000,
    diagnostics: [],
  };
}
