import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import {
  type AtomProp,
  type Condition,
  type LocRef,
  type Prop,
  parseLitmus,
  type Quantifier,
} from '../../src/litmus';
import { formatCondition } from '../../src/report/condition';
import { CORPUS, oracleOutput, oracleRows, skipWithoutShared } from '../corpus/oracle-files';

const S = { file: 't', start: 0, end: 0 };
const reg = (thread: number, r: string): LocRef => ({ kind: 'RegRef', thread, reg: r, span: S });
const mem = (name: string, index?: number): LocRef => ({ kind: 'MemRef', name, index, span: S });
const eq = (left: LocRef, v: number | string | LocRef, op: '=' | '!=' = '='): AtomProp => ({
  kind: 'AtomProp',
  op,
  left,
  right:
    typeof v === 'number'
      ? { kind: 'IntValue', value: v, span: S }
      : typeof v === 'string'
        ? { kind: 'AddressValue', name: v, span: S }
        : v,
  span: S,
});
const and = (left: Prop, right: Prop): Prop => ({ kind: 'AndProp', left, right, span: S });
const or = (left: Prop, right: Prop): Prop => ({ kind: 'OrProp', left, right, span: S });
const not = (prop: Prop): Prop => ({ kind: 'NotProp', prop, span: S });
const implies = (left: Prop, right: Prop): Prop => ({ kind: 'ImpliesProp', left, right, span: S });
const cond = (quantifier: Quantifier, prop: Prop): Condition => ({
  kind: 'Condition',
  quantifier,
  prop,
  span: S,
});

describe('report: the Condition line', () => {
  it('brackets globals, keeps registers, prints addresses and negative values', () => {
    const p = and(and(eq(mem('x'), 1), eq(reg(0, 'r0'), 'y')), eq(reg(1, 'r1'), -1));
    expect(formatCondition(cond('exists', p))).to.equal('exists ([x]=1 /\\ 0:r0=y /\\ 1:r1=-1)');
  });

  it('prints ~exists, forall, and forall (true) when there is no condition', () => {
    expect(formatCondition(cond('not exists', eq(mem('x'), 0)))).to.equal('~exists ([x]=0)');
    expect(formatCondition(cond('forall', eq(mem('x'), 0)))).to.equal('forall ([x]=0)');
    expect(formatCondition(undefined)).to.equal('forall (true)');
  });

  it('drops parentheses herd drops: /\\ inside \\/, and nested same connectives', () => {
    const p = or(
      and(eq(reg(0, 'r1'), 0), eq(reg(0, 'r2'), 1)),
      and(eq(reg(1, 'r1'), 0), eq(reg(1, 'r2'), 1)),
    );
    expect(formatCondition(cond('exists', p))).to.equal(
      'exists (0:r1=0 /\\ 0:r2=1 \\/ 1:r1=0 /\\ 1:r2=1)',
    );
  });

  it('keeps parentheses around \\/ inside /\\', () => {
    const p = and(or(eq(mem('x'), 1), eq(mem('y'), 2)), eq(reg(2, 'r2'), 0));
    expect(formatCondition(cond('exists', p))).to.equal('exists (([x]=1 \\/ [y]=2) /\\ 2:r2=0)');
  });

  it('prints ~p and x!=v as not (...), and register-to-register atoms', () => {
    const p = or(eq(mem('x'), 0, '!='), not(eq(reg(0, 'r1'), reg(1, 'r2'))));
    expect(formatCondition(cond('exists', p))).to.equal('exists (not ([x]=0) \\/ not (0:r1=1:r2))');
    expect(formatCondition(cond('exists', not(and(eq(mem('x'), 0), eq(mem('y'), 1)))))).to.equal(
      'exists (not ([x]=0 /\\ [y]=1))',
    );
  });

  it('parenthesises compound operands of =>, and prints true/false and array elements', () => {
    const p = implies(and(eq(mem('a', 1), 2), eq(mem('x'), 1)), {
      kind: 'ConstProp',
      value: false,
      span: S,
    });
    expect(formatCondition(cond('forall', p))).to.equal('forall (([a[1]]=2 /\\ [x]=1) => false)');
  });

  describe('corpus: every Condition line herd printed, from the parsed test', () => {
    const rows = oracleRows().filter((r) => r.status === 'ok');
    before(function () {
      skipWithoutShared(this, 'the corpus conditions');
    });
    for (const row of rows) {
      it(row.relpath, () => {
        const file = path.join(CORPUS, row.relpath);
        const test = parseLitmus(fs.readFileSync(file, 'utf8'), file).value!;
        const line = oracleOutput(row.relpath)
          .stdout.split('\n')
          .find((l) => l.startsWith('Condition '));
        expect(`Condition ${formatCondition(test.condition)}`).to.equal(line);
      });
    }
  });
});
