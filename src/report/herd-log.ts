// Report stage: reads herd7 logs and litmus7/klitmus7 `Histogram` logs back into per-test
// records (the grammar every herdtools log consumer accepts), for conformance and `ordo compare`.

export interface HerdLogState {
  /** The state normalised to `loc=v; loc=v;` (single spaces, each item ending in `;`). */
  readonly line: string;
  /** litmus7 histograms: how many runs ended in this state, and whether it was a witness (`*>`). */
  readonly count?: number;
  readonly witness?: boolean;
}

export interface HerdLogObservation {
  readonly word: string;
  readonly positive: number;
  readonly negative: number;
}

export interface HerdLogTest {
  readonly name: string;
  /** `Allowed`, `Forbidden`, `Required` (absent in some litmus7 logs). */
  readonly kind?: string;
  /** 1-based line of the `Test` line in the log. */
  readonly line: number;
  readonly states: HerdLogState[];
  /** `Ok`, `No`, `Undef`, `Succeeded`, `Failed`, `??` (or ordo's `Limit`), without `Loop`. */
  validation?: string;
  loop: boolean;
  /** ordo only: which limit stopped the test. */
  limit?: string;
  positive?: number;
  negative?: number;
  readonly flags: string[];
  /** The condition as printed, without litmus7's `is validated` suffix. */
  condition?: string;
  observation?: HerdLogObservation;
  /** Seconds. */
  time?: number;
  hash?: string;
}

/** `loc=v;` items re-joined canonically; null when the text is not a state. */
export function normaliseStateLine(text: string): string | null {
  const body = text.trim();
  if (!body.endsWith(';')) return null;
  const items = body
    .slice(0, -1)
    .split(';')
    .map((item) => item.trim());
  if (items.some((item) => !/^\S+=\S+$/.test(item.replace(/\s*=\s*/, '=')))) return null;
  return items.map((item) => `${item.replace(/\s*=\s*/, '=')};`).join(' ');
}

const TEST = /^Test (\S+)(?: (\S+))?\s*$/;
const STATES = /^States (\d+)\s*$/;
const HISTOGRAM = /^Histogram \((\d+) states?\)\s*$/;
const HISTOGRAM_LINE = /^(\d+)\s*([*:])>(.*)$/;
const VALIDATION = /^(Loop )?(Ok|No|Undef|Succeeded|Failed|\?\?)\s*$/;
const LIMIT = /^Limit reached: (\S+)\s*$/;
const COUNTS = /^Positive: (\d+),? Negative: (\d+)\s*$/;
const FLAG = /^Flag ([^:\s]+)/;
const CONDITION = /^Condition (.*)$/;
const OBSERVATION = /^Observation (\S+) (\S+) (\d+) (\d+)\s*$/;
const TIME = /^Time (\S+) ([\d.]+)\s*$/;
const HASH = /^Hash=(\S+)\s*$/;

type LineRule = readonly [RegExp, (m: RegExpExecArray, t: HerdLogTest) => void];

/** Lines of a block other than the states, each with what it sets in the record. */
const RULES: readonly LineRule[] = [
  [
    VALIDATION,
    (m, t) => {
      t.loop = m[1] !== undefined;
      t.validation = m[2];
    },
  ],
  [
    LIMIT,
    (m, t) => {
      t.validation = 'Limit';
      t.limit = m[1];
    },
  ],
  [
    COUNTS,
    (m, t) => {
      t.positive = Number(m[1]);
      t.negative = Number(m[2]);
    },
  ],
  [FLAG, (m, t) => t.flags.push(m[1])],
  [
    CONDITION,
    (m, t) => {
      // Trimmed in code: a lazy group before `\s*$` backtracks quadratically on long blanks.
      t.condition = m[1].trimEnd().replace(/ is (?:NOT )?validated$/, '');
    },
  ],
  [
    OBSERVATION,
    (m, t) => {
      t.observation = { word: m[2], positive: Number(m[3]), negative: Number(m[4]) };
    },
  ],
  [
    TIME,
    (m, t) => {
      t.time = Number(m[2]);
    },
  ],
  [
    HASH,
    (m, t) => {
      t.hash = m[1];
    },
  ],
];

/** Every test block of a log, in order; lines outside blocks (warnings, banners) are skipped. */
export function parseHerdLog(text: string): HerdLogTest[] {
  const tests: HerdLogTest[] = [];
  const lines = text.split(/\r?\n/);
  let current: HerdLogTest | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const test = TEST.exec(line);
    if (test) {
      current = { name: test[1], kind: test[2], line: i + 1, states: [], loop: false, flags: [] };
      tests.push(current);
      continue;
    }
    if (!current) continue;
    const states = STATES.exec(line) ?? HISTOGRAM.exec(line);
    if (states) {
      const histogram = states[0].startsWith('Histogram');
      i = readStates(lines, i + 1, Number(states[1]), current.states, histogram) - 1;
      continue;
    }
    for (const [re, apply] of RULES) {
      const m = re.exec(line);
      if (m) {
        apply(m, current);
        break;
      }
    }
  }
  return tests;
}

/** Reads up to `count` state lines from `start`; returns the index of the first line not read. */
function readStates(
  lines: readonly string[],
  start: number,
  count: number,
  out: HerdLogState[],
  histogram: boolean,
): number {
  let i = start;
  for (; i < lines.length && out.length < count; i++) {
    if (histogram) {
      const m = HISTOGRAM_LINE.exec(lines[i].trim());
      const state = m && normaliseStateLine(m[3]);
      if (!m || state === null) break;
      out.push({ line: state, count: Number(m[1]), witness: m[2] === '*' });
    } else {
      const state = normaliseStateLine(lines[i]);
      if (state === null) break;
      out.push({ line: state });
    }
  }
  return i;
}
