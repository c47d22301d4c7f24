// LSP adapter: the editor's `ordo.*` settings, validated into defaults (a bad value is ignored, never fatal).

export interface Limits {
  /** Wall-clock budget of one check, per model. */
  readonly timeoutMs: number;
  /** Candidate executions examined before a check stops with `limit` set. */
  readonly maxCandidates: number;
}

export interface Settings {
  /** A herd-style `.cfg` (macros/bell/model/variant); absent = ordo's own LKMM. */
  readonly config?: string;
  /** More `.cfg` files to check every test against, each shown as its own verdict. */
  readonly targets: readonly string[];
  /** Extra folders searched for model files, like `-I`. */
  readonly includeDirs: readonly string[];
  readonly limits: Limits;
  /** Quiet time after a keystroke before the document is analysed again. */
  readonly debounceMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  targets: [],
  includeDirs: [],
  limits: { timeoutMs: 10_000, maxCandidates: 2_000_000 },
  debounceMs: 150,
};

/** Reads the `ordo` section as sent by a client (initializationOptions or workspace/configuration). */
export function readSettings(raw: unknown): Settings {
  const o = isRecord(raw) ? raw : {};
  const limits = isRecord(o.limits) ? o.limits : {};
  const timeoutSeconds = positive(limits.timeoutSeconds);
  return {
    config: nonEmptyString(o.config),
    targets: stringList(o.targets),
    includeDirs: stringList(o.includeDirs),
    limits: {
      timeoutMs:
        timeoutSeconds === undefined ? DEFAULT_SETTINGS.limits.timeoutMs : timeoutSeconds * 1000,
      maxCandidates: positive(limits.maxCandidates) ?? DEFAULT_SETTINGS.limits.maxCandidates,
    },
    debounceMs: nonNegative(o.debounceMs) ?? DEFAULT_SETTINGS.debounceMs,
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function nonEmptyString(x: unknown): string | undefined {
  return typeof x === 'string' && x.trim() !== '' ? x : undefined;
}

function stringList(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string' && s !== '') : [];
}

function positive(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : undefined;
}

function nonNegative(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : undefined;
}
