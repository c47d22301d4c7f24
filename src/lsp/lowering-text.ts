// LSP adapter: what a primitive becomes on each architecture, read from the events stage's
// lowering tables (src/events/lowering, one row per primitive citing its kernel header) and
// written for a hover.
import { type Annotation, type Fence, type Step, TARGETS, type TargetId } from '../events/lowering';

export interface LoweringLine {
  readonly target: TargetId;
  readonly text: string;
  readonly source: string;
}

const ANNOTATION_WORDS: Readonly<Record<Annotation, string>> = {
  A: 'acquire',
  Q: 'acquire-PC',
  L: 'release',
  LOCK: 'locked',
  EX: 'LL/SC loop',
  NoRet: 'no return value',
  'Fails-plain': 'fails with a plain load',
};

/** One line per target whose table has a row for `primitive`. */
export function loweringLines(primitive: string): LoweringLine[] {
  return (Object.keys(TARGETS) as TargetId[]).flatMap((target) => {
    const row = TARGETS[target].rows[primitive];
    if (!row) return [];
    const text =
      row.kind === 'unsupported'
        ? `not checked: ${row.why}`
        : row.steps.length === 0
          ? 'no instruction (compiler barrier at most)'
          : row.steps.map(stepText).join(' ; ');
    return [{ target, text, source: row.source }];
  });
}

function stepText(step: Step): string {
  if (step.kind === 'fence') return fenceText(step.fence);
  const words = step.ann.map((a) => ANNOTATION_WORDS[a]);
  return words.length === 0 ? 'access' : `access (${words.join(', ')})`;
}

/** Barriers as their instructions are written: `DMB-ISH` -> `dmb ish`, `Fence-rw-w` -> `fence rw,w`. */
function fenceText(fence: Fence): string {
  if (fence === 'Fence-tso') return 'fence.tso';
  if (fence === 'LOCK-ADD') return 'lock addl';
  const riscv = /^Fence-(\w+)-(\w+)$/.exec(fence);
  if (riscv) return `fence ${riscv[1]},${riscv[2]}`;
  return fence.toLowerCase().replace(/-/g, ' ');
}
