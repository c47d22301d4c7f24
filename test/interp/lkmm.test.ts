import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { parseCat } from '../../src/cat';
import { bellTags, type CompiledModel, loadModel } from '../../src/interp';
import {
  buildExecution,
  type EventSpec,
  type ExecutionSpec,
  init,
} from '../support/build-execution';
import { runCat } from '../support/run-cat';

const LKMM = path.resolve('..', 'shared', 'corpus', 'lkmm');

function lkmm(skipChecks: string[] = []): CompiledModel {
  const r = loadModel(
    { model: path.join(LKMM, 'linux-kernel.cat'), bell: path.join(LKMM, 'linux-kernel.bell') },
    { variants: ['lkmmv2'], includeDirs: [], skipChecks },
  );
  expect(r.diagnostics).to.deep.equal([]);
  return r.value!;
}

const once = (
  name: string,
  kind: 'R' | 'W',
  thread: number,
  loc: string,
  value: number,
  tag = 'ONCE',
): EventSpec => ({
  name,
  kind,
  thread,
  loc,
  value,
  tags: [tag],
});
const plain = (
  name: string,
  kind: 'R' | 'W',
  thread: number,
  loc: string,
  value: number,
): EventSpec => ({
  name,
  kind,
  thread,
  loc,
  value,
});
const fence = (name: string, thread: number, tag: string): EventSpec => ({
  name,
  kind: 'F',
  thread,
  tags: [tag],
});

/** Store buffering: each thread writes one variable and reads the other, both read 0. */
function sb(withFences: boolean): ExecutionSpec {
  return {
    events: [
      ...init(['x', 0], ['y', 0]),
      once('a', 'W', 0, 'x', 1),
      ...(withFences ? [fence('f0', 0, 'MB')] : []),
      once('b', 'R', 0, 'y', 0),
      once('c', 'W', 1, 'y', 1),
      ...(withFences ? [fence('f1', 1, 'MB')] : []),
      once('d', 'R', 1, 'x', 0),
    ],
    rf: [
      ['iy', 'b'],
      ['ix', 'd'],
    ],
  };
}

/** Message passing: the flag y is seen set, the data x still 0. */
function mp(
  writer: 'plain' | 'wmb' | 'release',
  reader: 'plain' | 'rmb' | 'acquire',
): ExecutionSpec {
  return {
    events: [
      ...init(['x', 0], ['y', 0]),
      once('a', 'W', 0, 'x', 1),
      ...(writer === 'wmb' ? [fence('f0', 0, 'wmb')] : []),
      once('b', 'W', 0, 'y', 1, writer === 'release' ? 'RELEASE' : 'ONCE'),
      once('c', 'R', 1, 'y', 1, reader === 'acquire' ? 'ACQUIRE' : 'ONCE'),
      ...(reader === 'rmb' ? [fence('f1', 1, 'rmb')] : []),
      once('d', 'R', 1, 'x', 0),
    ],
    rf: [
      ['b', 'c'],
      ['ix', 'd'],
    ],
  };
}

/** RCU-MP: a reader sees y = 1 then x = 0 inside a critical section; the writer syncs between. */
const RCU_MP: ExecutionSpec = {
  events: [
    ...init(['x', 0], ['y', 0]),
    fence('l', 0, 'rcu-lock'),
    once('ry', 'R', 0, 'y', 1),
    once('rx', 'R', 0, 'x', 0),
    fence('u', 0, 'rcu-unlock'),
    once('wx', 'W', 1, 'x', 1),
    fence('s', 1, 'sync-rcu'),
    once('wy', 'W', 1, 'y', 1),
  ],
  rf: [
    ['wy', 'ry'],
    ['ix', 'rx'],
  ],
};

/** Two critical sections of lock l: thread 0 writes x, thread 1 reads it. */
function locked(reads: 'ix' | 'wx'): ExecutionSpec {
  const lockOp = (thread: number): EventSpec[] => [
    { name: `lr${thread}`, kind: 'LKR', thread, loc: 'l', instance: `lock${thread}` },
    { name: `lw${thread}`, kind: 'LKW', thread, loc: 'l', instance: `lock${thread}` },
  ];
  return {
    events: [
      ...init(['l', 0], ['x', 0]),
      ...lockOp(0),
      once('wx', 'W', 0, 'x', 1),
      { name: 'ul0', kind: 'UL', thread: 0, loc: 'l' },
      ...lockOp(1),
      once('rx', 'R', 1, 'x', reads === 'wx' ? 1 : 0),
      { name: 'ul1', kind: 'UL', thread: 1, loc: 'l' },
    ],
    rf: [[reads, 'rx']],
  };
}

describe('upstream LKMM files', () => {
  before(function () {
    if (!fs.existsSync(LKMM)) {
      console.log(`    note: ${LKMM} not found, upstream LKMM tests skipped`);
      this.skip();
    }
  });

  for (const file of [
    'linux-kernel.cat',
    'linux-kernel.bell',
    'lock.cat',
    'stdlib.cat',
    'cross.cat',
    'cos-opt.cat',
  ]) {
    it(`parses ${file}`, () => {
      const r = parseCat(fs.readFileSync(path.join(LKMM, file), 'utf8'), file);
      expect(r.diagnostics).to.deep.equal([]);
    });
  }

  it('loads linux-kernel.cat with its bell, which declares the annotation tags', () => {
    expect(bellTags(lkmm())).to.deep.equal([
      'ONCE',
      'RELEASE',
      'ACQUIRE',
      'NORETURN',
      'MB',
      'wmb',
      'rmb',
      'barrier',
      'rcu-lock',
      'rcu-unlock',
      'sync-rcu',
      'before-atomic',
      'after-atomic',
      'after-spinlock',
      'after-unlock-lock',
      'after-srcu-read-unlock',
      'srcu-lock',
      'srcu-unlock',
      'sync-srcu',
    ]);
  });

  it('allows SB without fences, with one coherence order per location', () => {
    const r = runCat(lkmm(), buildExecution(sb(false)), ['co', 'fr', 'hb']);
    expect(r).to.have.length(1);
    // Initial writes are external to every thread: reading them is an rfe, hence hb.
    expect(r[0].values).to.deep.equal({
      co: ['ix->a', 'iy->c'],
      fr: ['b->c', 'd->a'],
      hb: ['ix->d', 'iy->b'],
    });
    expect(r[0].flags).to.deep.equal([]);
  });

  it('forbids SB with smp_mb() on both sides, by the propagation axiom (pb has a cycle)', () => {
    expect(runCat(lkmm(), buildExecution(sb(true)))).to.have.length(0);
    const [b] = runCat(lkmm(['propagation']), buildExecution(sb(true)), ['pb', 'strong-fence']);
    expect(b.values['strong-fence']).to.deep.equal(['a->b', 'c->d']);
    // fre then the fence: b -> c -> d and d -> a -> b; co from the initial writes then the fence.
    expect(b.values.pb).to.deep.equal(['a->b', 'b->d', 'c->d', 'd->b', 'ix->b', 'iy->d']);
  });

  it('allows MP without barriers and forbids it with smp_wmb() and smp_rmb() (happens-before)', () => {
    expect(runCat(lkmm(), buildExecution(mp('plain', 'plain')))).to.have.length(1);
    expect(runCat(lkmm(), buildExecution(mp('wmb', 'rmb')))).to.have.length(0);
    expect(runCat(lkmm(), buildExecution(mp('wmb', 'plain')))).to.have.length(1);
    const [b] = runCat(lkmm(['happens-before']), buildExecution(mp('wmb', 'rmb')), ['hb', 'ppo']);
    expect(b.values.ppo).to.deep.equal(['a->b', 'c->d']);
    // d -> c: d reads x before a overwrites it, a is propagated before b (wmb), c reads b.
    expect(b.values.hb).to.deep.equal(['a->b', 'b->c', 'c->d', 'd->c', 'ix->d']);
  });

  it('forbids MP with release and acquire', () => {
    expect(runCat(lkmm(), buildExecution(mp('release', 'acquire')))).to.have.length(0);
  });

  it('forbids RCU-MP by the rcu axiom: rb becomes reflexive through rcu-fence', () => {
    expect(runCat(lkmm(), buildExecution(RCU_MP))).to.have.length(0);
    const names = ['rcu-rscs', 'rcu-order', 'rcu-fence', 'rb'];
    const [b] = runCat(lkmm(['rcu']), buildExecution(RCU_MP), names);
    expect(b.values['rcu-rscs']).to.deep.equal(['l->u']);
    // The grace period s and the critical section (l, u), linked both ways by rcu-link.
    expect(b.values['rcu-order']).to.deep.equal(['s->l', 's->s', 'u->s']);
    expect(b.values['rcu-fence']).to.include.members(['wx->rx', 'wx->ry', 'wx->u']);
    expect(b.values.rb).to.include('rx->rx');
  });

  it('makes critical sections of one lock mutually exclusive', () => {
    // Each reads-from choice leaves exactly one order of the critical sections.
    for (const reads of ['ix', 'wx'] as const) {
      const r = runCat(lkmm(), buildExecution(locked(reads)), ['co']);
      expect(r, reads).to.have.length(1);
      const first = reads === 'ix' ? 1 : 0;
      expect(r[0].values.co, reads).to.include(`ul${first}->lw${1 - first}`);
    }
  });

  it('flags a data race between plain accesses', () => {
    const racy: ExecutionSpec = {
      events: [...init(['x', 0]), plain('a', 'W', 0, 'x', 1), plain('b', 'R', 1, 'x', 0)],
      rf: [['ix', 'b']],
    };
    expect(runCat(lkmm(), buildExecution(racy)).map((b) => b.flags)).to.deep.equal([['data-race']]);
  });

  it('needs the lkmmv2 variant, or raises the bell flag', () => {
    const r = loadModel(
      { model: path.join(LKMM, 'linux-kernel.cat'), bell: path.join(LKMM, 'linux-kernel.bell') },
      { variants: [], includeDirs: [] },
    );
    const [b] = runCat(r.value!, buildExecution(sb(false)));
    expect(b.flags).to.deep.equal(['this-model-requires-variant-higher-than-lkmmv1']);
  });
});
