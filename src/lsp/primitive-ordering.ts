// LSP adapter: one sentence per internal primitive and tag saying how LKMM orders it, for
// hovers. Sources: lkmm-model-walkthrough.md §3-§6 and the kernel's explanation.txt.

/** Sentences for `__fence{tag}`, by lower-cased tag (the old model generation writes `mb`, the new `MB`). */
const FENCES: Readonly<Record<string, string>> = {
  mb: 'a full barrier (strong fence): every access before it is ordered before every access after it, and stores before it propagate to all CPUs before accesses after it (pb)',
  rmb: 'orders earlier loads before later loads of the same CPU (not the reads of void atomics)',
  wmb: 'orders earlier stores before later stores of the same CPU (cumul-fence); not A-cumulative',
  'before-atomic': 'with the following atomic read-modify-write, acts as a full barrier before it',
  'after-atomic': 'with the preceding atomic read-modify-write, acts as a full barrier after it',
  'after-spinlock': 'with the preceding spin_lock(), acts as a full barrier',
  'after-unlock-lock': 'turns a preceding unlock followed by a lock into a full barrier',
  'after-srcu-read-unlock': 'with the preceding srcu_read_unlock(), acts as a full barrier',
  barrier:
    'a compiler barrier: no ordering between CPUs; it only separates plain accesses in the data-race analysis',
  'rcu-lock': 'starts an RCU read-side critical section',
  'rcu-unlock': 'ends an RCU read-side critical section',
  'sync-rcu':
    'waits for a grace period: every RCU read-side critical section that started before it ends before it returns; a strong fence',
};

const LOAD: Readonly<Record<string, string>> = {
  once: 'a marked load: atomic and coherent, no ordering of its own (a later access may depend on it through addr, data or ctrl)',
  acquire: 'an acquire load: ordered before every later access of its CPU (acq-po)',
  'srcu-lock':
    'enters an SRCU read-side critical section (a read of the srcu_struct whose value is the index passed to srcu_read_unlock)',
};

const STORE: Readonly<Record<string, string>> = {
  once: 'a marked store: atomic and coherent, no ordering of its own',
  release:
    'a release store: every earlier access of its CPU is ordered before it, including stores it has read from (A-cumulative, po-rel)',
  'srcu-unlock': 'leaves the SRCU read-side critical section whose index it writes',
};

/** Ordering of read-modify-write primitives, by lower-cased tag. */
const RMW: Readonly<Record<string, string>> = {
  mb: 'fully ordered: as if smp_mb() ran just before and just after it',
  once: 'relaxed: atomic, no ordering',
  acquire: 'acquire: its read is ordered before every later access of its CPU',
  release: 'release: every earlier access of its CPU is ordered before its write',
  noreturn:
    'a void atomic: atomic but unordered, and smp_rmb() does not order its read; add smp_mb__before_atomic() / smp_mb__after_atomic() for ordering',
};

const LOCKS: Readonly<Record<string, string>> = {
  __lock:
    'acquires the lock: critical sections of one lock are mutually exclusive and ordered, and the acquisition has acquire semantics',
  __unlock:
    'releases the lock with release semantics; the next holder of the lock sees everything done in the critical section',
  __trylock:
    'acquires the lock when it is free (acquire semantics, returns 1); otherwise returns 0 with no ordering',
  __islocked: 'reads whether the lock is held; no ordering',
};

/** What `op{tags}` means under LKMM, or undefined for an internal form this table does not know. */
export function describeOrdering(op: string, tags: readonly string[]): string | undefined {
  const tag = (tags[0] ?? '').toLowerCase();
  switch (op) {
    case '__fence':
      return FENCES[tag];
    case '__load':
      return LOAD[tag];
    case '__store':
      return STORE[tag];
    case '__srcu':
      return tag === 'sync-srcu'
        ? 'waits for an SRCU grace period of this srcu_struct (only its critical sections); a strong fence'
        : undefined;
    case '__xchg':
    case '__atomic_op':
    case '__atomic_op_return':
    case '__atomic_fetch_op':
      return RMW[tag] && `an atomic read-modify-write, ${RMW[tag]}`;
    case '__cmpxchg':
    case '__atomic_add_unless':
      return (
        RMW[tag] &&
        `a conditional atomic read-modify-write, ${RMW[tag]} when it succeeds; when it fails it is a lone read with no ordering`
      );
    default:
      return LOCKS[op];
  }
}
