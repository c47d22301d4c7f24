// Architecture models: well-known litmus results of each architecture, with their source next
// to each case, run as C litmus tests through ordo's lowering (kernel primitives) or with the
// architecture's instruction written as herd's internal primitive (`__fence{ISB}`,
// `__load{Q}(*x)`) when no kernel primitive emits it. Needs no ../shared.
import { expect } from 'chai';
import type { RunTarget } from '../../src/cli/arch-targets';
import { checkUnder, litmus } from './arch-runs';

type Word = 'allowed' | 'forbidden';

interface KnownResult {
  readonly name: string;
  /** Where the result comes from. */
  readonly source: string;
  readonly text: string;
  readonly expect: Partial<Record<RunTarget, Word>>;
}

// Sources, cited per case below.
const SDM = 'Intel 64 and IA-32 SDM Vol. 3A §9.2.3 (formerly §8.2.3), memory-ordering examples';
const TSO = 'Owens, Sarkar, Sewell, "A better x86 memory model: x86-TSO", TPHOLs 2009';
const ARM = 'Pulte et al., "Simplifying ARM concurrency", POPL 2018 (Armv8 multicopy-atomic model)';
const ARMARM = 'Arm ARM DDI 0487, B2.3 (Barrier-ordered-before, Dependency-ordered-before)';
const TUT =
  'Maranget, Sarkar, Sewell, "A tutorial introduction to the ARM and POWER relaxed memory models", 2012';
const CATS = 'Alglave, Maranget, Tautschnig, "Herding cats", TOPLAS 2014';
const RVWMO =
  'RISC-V ISA manual Vol. I, RVWMO (preserved program order rules, Appendix A litmus tests)';
const LKMM =
  'tools/memory-model/Documentation/explanation.txt (LOCKING, smp_mb__after_unlock_lock)';

const W = (l: string, v = 1) => `WRITE_ONCE(*${l}, ${v});`;
const R = (r: string, l: string) => `${r} = READ_ONCE(*${l});`;
/** A read whose address depends on `dep` (herd's `x + (r & 0)` idiom). */
const Raddr = (r: string, l: string, dep: string) => `${r} = READ_ONCE(*(${l} + (${dep} & 0)));`;

function sb(name: string, write: (l: string) => string, mid: string, read = R): string {
  return litmus(
    name,
    [
      `int r0;\nint r9;\n${write('x')}\n${mid}\n${read('r0', 'y')}`,
      `int r0;\nint r9;\n${write('y')}\n${mid}\n${read('r0', 'x')}`,
    ],
    '0:r0=0 /\\ 1:r0=0',
  );
}

function mp(name: string, writer: string, reader: string): string {
  return litmus(
    name,
    [`${W('x')}\n${writer}\n${W('y')}`, `int r0;\nint r1;\n${reader}`],
    '1:r0=1 /\\ 1:r1=0',
  );
}

function lb(name: string, thread: (a: string, b: string) => string): string {
  return litmus(
    name,
    [`int r0;\n${thread('x', 'y')}`, `int r0;\n${thread('y', 'x')}`],
    '0:r0=1 /\\ 1:r0=1',
  );
}

function iriw(name: string, reader: (a: string, b: string) => string): string {
  return litmus(
    name,
    [
      W('x'),
      `int r0;\nint r1;\n${reader('x', 'y')}`,
      W('y'),
      `int r0;\nint r1;\n${reader('y', 'x')}`,
    ],
    '1:r0=1 /\\ 1:r1=0 /\\ 3:r0=1 /\\ 3:r1=0',
  );
}

function wrc(name: string, middle: string, last: string): string {
  return litmus(
    name,
    [W('x'), `int r0;\n${R('r0', 'x')}\n${middle}`, `int r0;\nint r1;\n${R('r0', 'y')}\n${last}`],
    '1:r0=1 /\\ 2:r0=1 /\\ 2:r1=0',
  );
}

function twoPlusTwoW(name: string, f: string): string {
  return litmus(
    name,
    [`${W('x')}\n${f}\n${W('y', 2)}`, `${W('y')}\n${f}\n${W('x', 2)}`],
    'x=1 /\\ y=1',
  );
}

function rShape(name: string, f0: string, f1: string): string {
  return litmus(
    name,
    [`${W('x')}\n${f0}\n${W('y')}`, `int r0;\n${W('y', 2)}\n${f1}\n${R('r0', 'x')}`],
    'y=2 /\\ 1:r0=0',
  );
}

const ctrl = (body: string) => `if (r0 == 1) {\n${body}\n}`;
const allWeak = (w: Word): Partial<Record<RunTarget, Word>> => ({
  arm64: w,
  'arm64-llsc': w,
  power: w,
  riscv: w,
});
const everywhere = (w: Word): Partial<Record<RunTarget, Word>> => ({
  'x86-64': w,
  ...allWeak(w),
});

const CASES: readonly KnownResult[] = [
  // ---------- store buffering ----------
  {
    name: 'SB',
    source: `${SDM}, example "loads may be reordered with older stores"; ${TUT} §4 (SB); ${RVWMO}`,
    text: sb('SB', W, ''),
    expect: { ...everywhere('allowed'), sc: 'forbidden', lkmm: 'allowed' },
  },
  {
    name: 'SB+mfences',
    source: `${TSO}, §2 (mfence flushes the store buffer)`,
    text: sb('SB+mfences', W, '__fence{MFENCE};'),
    expect: { 'x86-64': 'forbidden' },
  },
  {
    name: 'SB+mbs',
    source: `${SDM}, "loads and stores are not reordered with locked instructions" (smp_mb() is lock addl); ${TUT} SB+dmbs, SB+syncs; ${RVWMO}`,
    text: sb('SB+mbs', W, 'smp_mb();'),
    expect: everywhere('forbidden'),
  },
  {
    name: 'SB+xchgs',
    source: `${SDM}, "loads are not reordered with locks" (xchg); ${ARMARM} (SWPAL is a full barrier); kernel: xchg() is fully ordered on every architecture`,
    text: sb('SB+xchgs', (l) => `r9 = xchg(${l}, 1);`, ''),
    expect: everywhere('forbidden'),
  },
  {
    name: 'SB+xchg-relaxeds',
    source: `${SDM} (xchg is locked whatever the C suffix); ${ARMARM} (SWP has no ordering); ${RVWMO} (amoswap.w without .aq/.rl)`,
    text: sb('SB+xchg-relaxeds', (l) => `r9 = xchg_relaxed(${l}, 1);`, ''),
    expect: { 'x86-64': 'forbidden', ...allWeak('allowed') },
  },
  {
    name: 'SB+rel+acq',
    source: `${ARMARM} (STLR then LDAR: release-acquire is RCsc on Armv8); ${TUT} (lwsync does not order a write before a read); ${RVWMO} (fence rw,w and fence r,rw leave W->R open)`,
    text: sb(
      'SB+rel+acq',
      (l) => `smp_store_release(${l}, 1);`,
      '',
      (r, l) => `${r} = smp_load_acquire(${l});`,
    ),
    expect: {
      'x86-64': 'allowed',
      arm64: 'forbidden',
      'arm64-llsc': 'forbidden',
      power: 'allowed',
      riscv: 'allowed',
    },
  },
  {
    name: 'SB+rel+ldapr',
    source: `${ARMARM} (LDAPR, acquire-PC, is not ordered after an earlier STLR: RCpc)`,
    text: sb(
      'SB+rel+ldapr',
      (l) => `smp_store_release(${l}, 1);`,
      '',
      (r, l) => `${r} = __load{Q}(*${l});`,
    ),
    expect: { arm64: 'allowed' },
  },
  {
    name: 'SB+fence.tsos',
    source: `${RVWMO}: fence.tso orders R->RW and W->W, not W->R`,
    text: sb('SB+fence.tsos', W, '__fence{Fence-tso};'),
    expect: { riscv: 'allowed' },
  },
  {
    name: 'SB+lwsyncs',
    source: `${TUT} §6 (SB+lwsyncs allowed: lwsync does not order a write before a read)`,
    text: sb('SB+lwsyncs', W, '__fence{LWSYNC};'),
    expect: { power: 'allowed' },
  },
  {
    name: 'SB+dmb.sts',
    source: `${ARMARM} (DMB ST orders only writes)`,
    text: sb('SB+dmb.sts', W, 'smp_wmb();'),
    expect: { arm64: 'allowed' },
  },
  // ---------- message passing ----------
  {
    name: 'MP',
    source: `${SDM}, "neither loads nor stores are reordered with like operations"; ${TUT} §2 (MP); ${RVWMO}`,
    text: mp('MP', '', `${R('r0', 'y')}\n${R('r1', 'x')}`),
    expect: { 'x86-64': 'forbidden', ...allWeak('allowed'), sc: 'forbidden' },
  },
  {
    name: 'MP+dmb.st+addr',
    source: `${ARM} and ${ARMARM} (DMB ST + address dependency); ${TUT} MP+lwsync+addr forbidden; ${RVWMO} rule 9`,
    text: mp('MP+dmb.st+addr', 'smp_wmb();', `${R('r0', 'y')}\n${Raddr('r1', 'x', 'r0')}`),
    expect: everywhere('forbidden'),
  },
  {
    name: 'MP+dmb.st+ctrl',
    source: `${TUT} §4.4 (a control dependency does not order a later read: MP+dmb+ctrl, MP+lwsync+ctrl allowed); ${RVWMO} rule 11 (stores only)`,
    text: mp('MP+dmb.st+ctrl', 'smp_wmb();', `${R('r0', 'y')}\n${ctrl(R('r1', 'x'))}`),
    expect: { 'x86-64': 'forbidden', ...allWeak('allowed') },
  },
  {
    name: 'MP+dmb.st+ctrl-isb',
    source: `${ARMARM} (ctrl + ISB orders later reads); ${TUT} MP+lwsync+ctrlisync forbidden`,
    text: mp(
      'MP+dmb.st+ctrl-isb',
      'smp_wmb();',
      `${R('r0', 'y')}\n${ctrl(`__fence{ISB};\n__fence{ISYNC};\n${R('r1', 'x')}`)}`,
    ),
    expect: { arm64: 'forbidden', power: 'forbidden' },
  },
  {
    name: 'MP+wmb+rmb',
    source: `${TUT} (MP+dmbs, MP+lwsyncs forbidden); ${RVWMO} (fence w,w and fence r,r)`,
    text: mp('MP+wmb+rmb', 'smp_wmb();', `${R('r0', 'y')}\nsmp_rmb();\n${R('r1', 'x')}`),
    expect: everywhere('forbidden'),
  },
  {
    name: 'MP+rel+acq',
    source: `${ARMARM} (STLR, LDAR); ${TUT}; ${RVWMO} (fence rw,w; fence r,rw)`,
    text: mp('MP+rel+acq', '', `r0 = smp_load_acquire(y);\n${R('r1', 'x')}`).replace(
      `${W('y')}`,
      'smp_store_release(y, 1);',
    ),
    expect: everywhere('forbidden'),
  },
  {
    name: 'MP+fence.tsos',
    source: `${RVWMO}: fence.tso orders W->W and R->R`,
    text: mp(
      'MP+fence.tsos',
      '__fence{Fence-tso};',
      `${R('r0', 'y')}\n__fence{Fence-tso};\n${R('r1', 'x')}`,
    ),
    expect: { riscv: 'forbidden' },
  },
  {
    name: 'MP+dmb.st+stadd-dmb.ld',
    source:
      'herdtools7 aarch64.cat via ../shared/spec/arch-models.md B.6: DMB LD does not order the read of an LSE atomic without result (STADD); the LKMM likewise keeps smp_rmb() from ordering void atomics (R4rmb)',
    text: litmus(
      'MP+dmb.st+stadd-dmb.ld',
      [
        `${W('x')}\nsmp_wmb();\natomic_set(y, 1);`,
        `int r1;\natomic_inc(y);\nsmp_rmb();\n${R('r1', 'x')}`,
      ],
      'y=2 /\\ 1:r1=0',
    ),
    expect: { arm64: 'allowed', 'arm64-llsc': 'forbidden', lkmm: 'allowed' },
  },
  // ---------- load buffering ----------
  {
    name: 'LB',
    source: `${SDM}, "stores are not reordered with older loads"; ${ARM} (LB allowed on Armv8); ${TUT} (LB allowed on POWER); ${RVWMO}`,
    text: lb('LB', (a, b) => `${R('r0', a)}\n${W(b)}`),
    expect: { 'x86-64': 'forbidden', ...allWeak('allowed'), sc: 'forbidden' },
  },
  {
    name: 'LB+datas',
    source: `${CATS} (no thin air: LB+datas forbidden everywhere); ${RVWMO} rule 10`,
    text: lb('LB+datas', (a, b) => `${R('r0', a)}\nWRITE_ONCE(*${b}, r0);`),
    expect: everywhere('forbidden'),
  },
  {
    name: 'LB+ctrls',
    source: `${TUT} (control dependencies order later writes: LB+ctrls forbidden); ${RVWMO} rule 11`,
    text: lb('LB+ctrls', (a, b) => `${R('r0', a)}\n${ctrl(W(b))}`),
    expect: everywhere('forbidden'),
  },
  // ---------- multi-copy atomicity ----------
  {
    name: 'IRIW',
    source: `${SDM}, "stores are seen in a consistent order by other processors"; ${TUT} (IRIW allowed without ordering)`,
    text: iriw('IRIW', (a, b) => `${R('r0', a)}\n${R('r1', b)}`),
    expect: { 'x86-64': 'forbidden', arm64: 'allowed', power: 'allowed', riscv: 'allowed' },
  },
  {
    name: 'IRIW+addrs',
    source: `${TUT} §6 (IRIW+addrs allowed on POWER, not multi-copy atomic); ${ARM} (forbidden: Armv8 is multicopy atomic); ${RVWMO} (multi-copy atomic)`,
    text: iriw('IRIW+addrs', (a, b) => `${R('r0', a)}\n${Raddr('r1', b, 'r0')}`),
    expect: { arm64: 'forbidden', power: 'allowed', riscv: 'forbidden' },
  },
  {
    name: 'IRIW+lwsyncs',
    source: `${TUT} §6 (IRIW+lwsyncs allowed: lwsync is not cumulative enough)`,
    text: iriw('IRIW+lwsyncs', (a, b) => `${R('r0', a)}\nsmp_rmb();\n${R('r1', b)}`),
    expect: { power: 'allowed', arm64: 'forbidden', riscv: 'forbidden' },
  },
  {
    name: 'IRIW+syncs',
    source: `${TUT} §6 (IRIW+syncs forbidden)`,
    text: iriw('IRIW+syncs', (a, b) => `${R('r0', a)}\nsmp_mb();\n${R('r1', b)}`),
    expect: everywhere('forbidden'),
  },
  {
    name: 'WRC+addrs',
    source: `${TUT} §6 (WRC+addrs allowed on POWER); ${ARM} (forbidden on Armv8: other-multicopy atomic)`,
    text: wrc('WRC+addrs', 'WRITE_ONCE(*(y + (r0 & 0)), 1);', Raddr('r1', 'x', 'r0')),
    expect: { power: 'allowed', arm64: 'forbidden', 'arm64-llsc': 'forbidden', riscv: 'forbidden' },
  },
  {
    name: 'WRC+lwsync+addr',
    source: `${TUT} §6 (WRC+lwsync+addr forbidden: lwsync is A-cumulative)`,
    text: wrc('WRC+lwsync+addr', `__fence{LWSYNC};\n${W('y')}`, Raddr('r1', 'x', 'r0')),
    expect: { power: 'forbidden' },
  },
  {
    name: 'ISA2+lwsync+data+addr',
    source: `${TUT} §6 (ISA2+lwsync+data+addr forbidden)`,
    text: litmus(
      'ISA2+lwsync+data+addr',
      [
        `${W('x')}\nsmp_wmb();\n${W('y')}`,
        `int r0;\n${R('r0', 'y')}\nWRITE_ONCE(*z, r0);`,
        `int r0;\nint r1;\n${R('r0', 'z')}\n${Raddr('r1', 'x', 'r0')}`,
      ],
      '1:r0=1 /\\ 2:r0=1 /\\ 2:r1=0',
      { params: 'int *x, int *y, int *z' },
    ),
    expect: { power: 'forbidden', arm64: 'forbidden', riscv: 'forbidden' },
  },
  // ---------- write-write and read-write shapes ----------
  {
    name: '2+2W',
    source: `${SDM} (stores are not reordered with other stores); ${TUT} (2+2W allowed without barriers)`,
    text: twoPlusTwoW('2+2W', ''),
    expect: { 'x86-64': 'forbidden', arm64: 'allowed', power: 'allowed', riscv: 'allowed' },
  },
  {
    name: '2+2W+lwsyncs',
    source: `${TUT} (2+2W+lwsyncs forbidden); ${ARMARM} (DMB ST)`,
    text: twoPlusTwoW('2+2W+lwsyncs', 'smp_wmb();'),
    expect: everywhere('forbidden'),
  },
  {
    name: 'R',
    source: `${CATS} §4 (TSO: R allowed, a write before a read is not preserved)`,
    text: rShape('R', '', ''),
    expect: { 'x86-64': 'allowed', arm64: 'allowed', power: 'allowed', riscv: 'allowed' },
  },
  {
    name: 'R+lwsync+sync',
    source: `${CATS} §6 (R+lwsync+sync allowed on Power)`,
    text: rShape('R+lwsync+sync', 'smp_wmb();', 'smp_mb();'),
    expect: { power: 'allowed', arm64: 'forbidden', riscv: 'forbidden' },
  },
  {
    name: 'R+syncs',
    source: `${CATS} §6 (R+syncs forbidden)`,
    text: rShape('R+syncs', 'smp_mb();', 'smp_mb();'),
    expect: everywhere('forbidden'),
  },
  {
    name: 'S',
    source: `${SDM} (stores not reordered with older loads or stores): S forbidden on x86`,
    text: litmus(
      'S',
      [`${W('x', 2)}\n${W('y')}`, `int r0;\n${R('r0', 'y')}\n${W('x')}`],
      'x=2 /\\ 1:r0=1',
    ),
    expect: { 'x86-64': 'forbidden', power: 'allowed', arm64: 'allowed' },
  },
  {
    name: 'S+lwsync+data',
    source: `${TUT} (S+lwsync+data forbidden)`,
    text: litmus(
      'S+lwsync+data',
      [`${W('x', 2)}\nsmp_wmb();\n${W('y')}`, `int r0;\n${R('r0', 'y')}\nWRITE_ONCE(*x, r0);`],
      'x=2 /\\ 1:r0=1',
    ),
    expect: everywhere('forbidden'),
  },
  // ---------- coherence and atomicity ----------
  {
    name: 'CoRR',
    source: `${CATS} (SC per location: CoRR forbidden on every architecture)`,
    text: litmus(
      'CoRR',
      [W('x'), `int r0;\nint r1;\n${R('r0', 'x')}\n${R('r1', 'x')}`],
      '1:r0=1 /\\ 1:r1=0',
    ),
    expect: everywhere('forbidden'),
  },
  {
    name: 'counter+atomic-incs',
    source: `${CATS} (atomicity: no write between an RMW's read and write); ${RVWMO} atomicity axiom`,
    text: litmus('counter+atomic-incs', ['atomic_inc(x);', 'atomic_inc(x);'], 'x=1'),
    expect: everywhere('forbidden'),
  },
  // ---------- kernel primitives whose lowering matters ----------
  {
    name: 'SB+inc-returns',
    source: `${ARMARM} (LDADDAL is a full barrier); arm64 LL/SC: STLXR + DMB ISH; ${RVWMO} (amoadd.w.aqrl)`,
    text: sb('SB+inc-returns', (l) => `r9 = atomic_inc_return(${l});`, ''),
    expect: everywhere('forbidden'),
  },
  {
    name: 'SB+cmpxchg-fails',
    source: `${SDM} (lock cmpxchg is locked even when it fails); arch-models.md B.2/B.6 (a failed cmpxchg skips the trailing barrier; powerpc still runs its leading sync; a failed CASAL only reads with acquire)`,
    text: sb('SB+cmpxchg-fails', W, '', (r, l) => `r9 = cmpxchg(${l}, 5, 6);\n${r} = r9;`),
    expect: {
      'x86-64': 'forbidden',
      arm64: 'allowed',
      'arm64-llsc': 'allowed',
      power: 'forbidden',
      riscv: 'allowed',
      lkmm: 'allowed',
    },
  },
  {
    name: 'Z6.0+locks',
    source: `${LKMM}: on powerpc an unlock followed by a lock is not a full barrier`,
    text: litmus(
      'Z6.0+locks',
      [
        `spin_lock(s);\n${W('x')}\n${W('y')}\nspin_unlock(s);`,
        `int r0;\nspin_lock(s);\n${R('r0', 'y')}\n${W('z')}\nspin_unlock(s);`,
        `int r0;\n${W('z', 2)}\nsmp_mb();\n${R('r0', 'x')}`,
      ],
      '1:r0=1 /\\ z=2 /\\ 2:r0=0',
      { params: 'int *x, int *y, int *z, spinlock_t *s' },
    ),
    expect: { power: 'allowed', 'x86-64': 'forbidden', lkmm: 'allowed' },
  },
  {
    name: 'Z6.0+locks+mb-after-unlock-lock',
    source: `${LKMM}: smp_mb__after_unlock_lock() (sync on powerpc) restores it`,
    text: litmus(
      'Z6.0+locks+mb-after-unlock-lock',
      [
        `spin_lock(s);\n${W('x')}\n${W('y')}\nspin_unlock(s);`,
        `int r0;\nspin_lock(s);\nsmp_mb__after_unlock_lock();\n${R('r0', 'y')}\n${W('z')}\nspin_unlock(s);`,
        `int r0;\n${W('z', 2)}\nsmp_mb();\n${R('r0', 'x')}`,
      ],
      '1:r0=1 /\\ z=2 /\\ 2:r0=0',
      { params: 'int *x, int *y, int *z, spinlock_t *s' },
    ),
    expect: everywhere('forbidden'),
  },
  {
    name: 'MP+locks',
    source: `${LKMM} (a lock hands the previous critical section to the next one); every lock implementation`,
    text: litmus(
      'MP+locks',
      [
        `spin_lock(s);\n${W('x')}\n${W('y')}\nspin_unlock(s);`,
        `int r0;\nint r1;\nspin_lock(s);\n${R('r0', 'y')}\n${R('r1', 'x')}\nspin_unlock(s);`,
      ],
      '1:r0=1 /\\ 1:r1=0',
      { params: 'int *x, int *y, spinlock_t *s' },
    ),
    expect: { ...everywhere('forbidden'), sc: 'forbidden' },
  },
];

describe('architecture models: known results', function () {
  this.timeout(60000);

  it('has at least 40 results, each with a source', () => {
    const checks = CASES.reduce((n, c) => n + Object.keys(c.expect).length, 0);
    expect(CASES.length).to.be.at.least(40);
    expect(checks).to.be.at.least(100);
    for (const c of CASES) expect(c.source, c.name).to.match(/\S{8}/);
  });

  for (const c of CASES) {
    for (const [target, word] of Object.entries(c.expect) as [RunTarget, Word][]) {
      it(`${c.name} is ${word} on ${target}`, () => {
        const r = checkUnder(c.text, target, `${c.name}.litmus`);
        expect(r.satisfied > 0 ? 'allowed' : 'forbidden', c.source).to.equal(word);
      });
    }
  }
});
