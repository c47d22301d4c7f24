// Models stage: ordo's own LKMM and SC models on textbook tests whose answers follow from
// the models' definitions (explanation.txt's examples); needs no ../shared.

import * as path from 'node:path';
import { expect } from 'chai';
import type { LoadedSetup } from '../../src/cli/load-setup';
import type { Observation } from '../../src/enumerate/result';
import { verdictOf } from '../../src/report';
import { CAT_MODELS, check, loadConf, loadSc, parseTest } from './model-runs';

interface Classic {
  readonly name: string;
  readonly text: string;
  readonly lkmm: Observation;
  readonly sc: Observation;
  /** Flags raised under the LKMM (SC raises none of these). */
  readonly flags?: readonly string[];
}

const two = (p0: string, p1: string, cond: string, params = 'int *x, int *y') =>
  `P0(${params})\n{\n${p0}\n}\n\nP1(${params})\n{\n${p1}\n}\n\nexists (${cond})\n`;

const CLASSICS: readonly Classic[] = [
  {
    name: 'SB',
    text: two(
      'int r0; WRITE_ONCE(*x, 1); r0 = READ_ONCE(*y);',
      'int r0; WRITE_ONCE(*y, 1); r0 = READ_ONCE(*x);',
      '0:r0=0 /\\ 1:r0=0',
    ),
    lkmm: 'Sometimes',
    sc: 'Never',
  },
  {
    name: 'SB+mbs',
    text: two(
      'int r0; WRITE_ONCE(*x, 1); smp_mb(); r0 = READ_ONCE(*y);',
      'int r0; WRITE_ONCE(*y, 1); smp_mb(); r0 = READ_ONCE(*x);',
      '0:r0=0 /\\ 1:r0=0',
    ),
    lkmm: 'Never',
    sc: 'Never',
  },
  {
    name: 'MP',
    text: two(
      'WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1);',
      'int r0; int r1; r0 = READ_ONCE(*y); r1 = READ_ONCE(*x);',
      '1:r0=1 /\\ 1:r1=0',
    ),
    lkmm: 'Sometimes',
    sc: 'Never',
  },
  {
    name: 'MP+wmb+rmb',
    text: two(
      'WRITE_ONCE(*x, 1); smp_wmb(); WRITE_ONCE(*y, 1);',
      'int r0; int r1; r0 = READ_ONCE(*y); smp_rmb(); r1 = READ_ONCE(*x);',
      '1:r0=1 /\\ 1:r1=0',
    ),
    lkmm: 'Never',
    sc: 'Never',
  },
  {
    name: 'MP+rel+acq',
    text: two(
      'WRITE_ONCE(*x, 1); smp_store_release(y, 1);',
      'int r0; int r1; r0 = smp_load_acquire(y); r1 = READ_ONCE(*x);',
      '1:r0=1 /\\ 1:r1=0',
    ),
    lkmm: 'Never',
    sc: 'Never',
  },
  {
    name: 'LB',
    text: two(
      'int r0; r0 = READ_ONCE(*x); WRITE_ONCE(*y, 1);',
      'int r0; r0 = READ_ONCE(*y); WRITE_ONCE(*x, 1);',
      '0:r0=1 /\\ 1:r0=1',
    ),
    lkmm: 'Sometimes',
    sc: 'Never',
  },
  {
    // explanation.txt, RCU: the critical section cannot span the grace period.
    name: 'RCU-MP',
    text: two(
      'rcu_read_lock(); WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1); rcu_read_unlock();',
      'int r1; int r2; r1 = READ_ONCE(*x); synchronize_rcu(); r2 = READ_ONCE(*y);',
      '1:r1=1 /\\ 1:r2=0',
    ),
    lkmm: 'Never',
    // Program order alone allows it under SC; only the Grace-Period Guarantee forbids it.
    sc: 'Never',
  },
  {
    name: 'RCU-MP-after-gp',
    text: two(
      'rcu_read_lock(); WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1); rcu_read_unlock();',
      'int r1; int r2; r1 = READ_ONCE(*y); synchronize_rcu(); r2 = READ_ONCE(*x);',
      '1:r1=1 /\\ 1:r2=1',
    ),
    lkmm: 'Sometimes',
    sc: 'Sometimes',
  },
  {
    name: 'SRCU-MP',
    text: two(
      'int r0; r0 = srcu_read_lock(s); WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1); srcu_read_unlock(s, r0);',
      'int r1; int r2; r1 = READ_ONCE(*x); synchronize_srcu(s); r2 = READ_ONCE(*y);',
      '1:r1=1 /\\ 1:r2=0',
      'int *x, int *y, struct srcu_struct *s',
    ),
    lkmm: 'Never',
    sc: 'Never',
  },
  {
    name: 'lost-update+locks',
    text: two(
      'int r0; spin_lock(l); r0 = READ_ONCE(*x); WRITE_ONCE(*x, r0 + 1); spin_unlock(l);',
      'int r0; spin_lock(l); r0 = READ_ONCE(*x); WRITE_ONCE(*x, r0 + 1); spin_unlock(l);',
      'x=1',
      'int *x, spinlock_t *l',
    ),
    lkmm: 'Never',
    sc: 'Never',
  },
  {
    name: 'lost-update',
    text: two(
      'int r0; r0 = READ_ONCE(*x); WRITE_ONCE(*x, r0 + 1);',
      'int r0; r0 = READ_ONCE(*x); WRITE_ONCE(*x, r0 + 1);',
      'x=1',
    ),
    lkmm: 'Sometimes',
    sc: 'Sometimes',
  },
  {
    name: 'plain-race',
    text: two('*x = 1;', 'int r0; r0 = READ_ONCE(*x);', '1:r0=1'),
    lkmm: 'Sometimes',
    sc: 'Sometimes',
    flags: ['data-race'],
  },
];

describe('models: classic tests under ordo LKMM and SC', () => {
  let lkmm: LoadedSetup;
  let sc: LoadedSetup;

  before(() => {
    lkmm = loadConf(path.join(CAT_MODELS, 'lkmm.cfg'));
    sc = loadSc();
  });

  for (const t of CLASSICS) {
    const text = `C ${t.name}\n\n{}\n\n${t.text}`;
    it(`${t.name}: LKMM ${t.lkmm}, SC ${t.sc}`, () => {
      const test = parseTest(text, `${t.name}.litmus`);
      const underLkmm = check(test, lkmm);
      const underSc = check(test, sc);
      expect(underLkmm.diagnostics, 'LKMM diagnostics').to.deep.equal([]);
      expect(underSc.diagnostics, 'SC diagnostics').to.deep.equal([]);
      expect(verdictOf(underLkmm).observation, 'LKMM').to.equal(t.lkmm);
      expect(verdictOf(underSc).observation, 'SC').to.equal(t.sc);
      expect([...underLkmm.flags].sort(), 'LKMM flags').to.deep.equal(t.flags ?? []);
      expect(underSc.flags, 'SC flags').to.deep.equal([]);
    });
  }
});
