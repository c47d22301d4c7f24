// Test support: random small LKMM-style executions (fast-check), for comparing models.
import fc from 'fast-check';
import type { EventSpec, ExecutionSpec } from './build-execution';

type Op =
  | { readonly kind: 'R' | 'W'; readonly loc: number; readonly tag: string | undefined }
  | { readonly kind: 'F'; readonly tag: string }
  | { readonly kind: 'RMW'; readonly loc: number; readonly tag: string };

const LOCS = ['x', 'y'];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('R' as const),
    loc: fc.nat(1),
    tag: fc.constantFrom('ONCE', 'ACQUIRE', undefined),
  }),
  fc.record({
    kind: fc.constant('W' as const),
    loc: fc.nat(1),
    tag: fc.constantFrom('ONCE', 'RELEASE', undefined),
  }),
  fc.record({
    kind: fc.constant('F' as const),
    tag: fc.constantFrom('MB', 'wmb', 'rmb', 'rcu-lock', 'rcu-unlock', 'sync-rcu'),
  }),
  fc.record({
    kind: fc.constant('RMW' as const),
    loc: fc.nat(1),
    tag: fc.constantFrom('MB', 'ONCE', 'ACQUIRE'),
  }),
);

const threads = fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 3,
});
const choice = fc.record({
  choices: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
  finals: fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
});

/** Threads of 1 to 4 operations, an xchg-like RMW counting as a read and a write. */
export const arbitraryExecution: fc.Arbitrary<ExecutionSpec> = fc
  .record({ threads, choice })
  .map(({ threads, choice }) => realize(threads, choice));

/** Candidates of one event structure: the same events, different rf and final writes. */
export const arbitraryCandidates: fc.Arbitrary<ExecutionSpec[]> = fc
  .record({ threads, choices: fc.array(choice, { minLength: 2, maxLength: 4 }) })
  .map(({ threads, choices }) => {
    const structureKey = {};
    const first = realize(threads, choices[0]);
    return choices.map((c) => ({ ...realize(threads, c), events: first.events, structureKey }));
  });

function realize(
  threads: readonly (readonly Op[])[],
  { choices, finals }: { choices: number[]; finals: number[] },
): ExecutionSpec {
  const events: EventSpec[] = LOCS.map((loc) => ({ name: `i${loc}`, kind: 'IW', loc, value: 0 }));
  let value = 0;
  threads.forEach((ops, t) => {
    ops.forEach((o, k) => {
      const name = `t${t}e${k}`;
      if (o.kind === 'F') events.push({ name, kind: 'F', thread: t, tags: [o.tag] });
      else if (o.kind === 'RMW') {
        const common = { thread: t, loc: LOCS[o.loc], tags: [o.tag], atomic: true, instance: name };
        events.push({ name: `${name}r`, kind: 'R', ...common });
        events.push({ name: `${name}w`, kind: 'W', value: ++value, ...common });
      } else {
        const tags = o.tag === undefined ? [] : [o.tag];
        events.push({
          name,
          kind: o.kind,
          thread: t,
          loc: LOCS[o.loc],
          tags,
          value: o.kind === 'W' ? ++value : 0,
        });
      }
    });
  });
  const writes = (loc: string | undefined) =>
    events.filter((e) => (e.kind === 'W' || e.kind === 'IW') && e.loc === loc);
  const rf: [string, string][] = [];
  let c = 0;
  const withValues = events.map((e, i) => {
    if (e.kind !== 'R') return e;
    // Reading a write that comes later in the same thread would only be rejected.
    const ws = writes(e.loc).filter((w) => w.thread !== e.thread || events.indexOf(w) < i);
    const w = ws[choices[c++ % choices.length] % ws.length];
    rf.push([w.name, e.name]);
    return { ...e, value: w.value };
  });
  // Observed locations get a chosen final write, as herd gives them (not the initial one if others exist).
  const fw = LOCS.flatMap((loc, i) => {
    const ws = writes(loc).filter((w) => w.kind !== 'IW');
    return ws.length === 0 || finals[i] % 3 === 0 ? [] : [ws[finals[i] % ws.length].name];
  });
  return { events: withValues, rf, fw };
}
