// Test support (robustness): the stages the fuzzers feed, each with its real seed files and
// the invariants its answer must satisfy. Shared by test/robust/ (fixed seed, few cases) and
// scripts/fuzz.ts (as many cases as asked).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CheckLimits, checkFile } from '../../src/cli/check-file';
import {
  applySettings,
  catModelsDir,
  emptySettings,
  type ModelSetup,
  parseConfig,
  resolveSetup,
} from '../../src/cli/config';
import { type LoadedSetup, loadSetup } from '../../src/cli/load-setup';
import { checkTest } from '../../src/enumerate';
import { loadModel } from '../../src/interp';
import { type LitmusTest, parseLitmus, parseMacroFile, printLitmus } from '../../src/litmus';
import { formatHerdText, formatJsonLine } from '../../src/report';
import { type Diagnostic, UserError } from '../../src/source';
import { describeThrown, diagnosticProblems, KnownTexts, silentFailure } from './fuzz-invariants';

const REPO = path.resolve(__dirname, '..', '..');
const SHARED = path.resolve(REPO, '..', 'shared');
const MODELS = catModelsDir();

/** Limits every fuzzed check runs under: a mutant may describe a huge test. */
export const FUZZ_LIMITS: Required<CheckLimits> = {
  timeoutMs: 1000,
  maxCandidates: 2000,
  maxEvents: 200,
};

/** A case over this is reported as a hang (parsing has no limit of its own; checks have 1 s). */
export const CASE_TIME_LIMIT_MS = 10_000;

export interface FuzzTarget {
  readonly name: string;
  /** What is fed: C litmus tests, `.def` files, cat models, bell files, cfg files. */
  readonly what: string;
  /** Real files whose mutants are fed (repository files, plus ../shared when present). */
  seeds(): readonly SeedFile[];
  /** Runs one input; returns every broken invariant (empty when all hold). */
  check(text: string, seed: SeedFile): string[];
}

export interface SeedFile {
  readonly path: string;
  readonly text: string;
}

function filesUnder(dir: string, ext: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(p, ext));
    else if (ext.test(entry.name)) out.push(p);
  }
  return out.sort();
}

function seedFiles(dirs: readonly string[], ext: RegExp): SeedFile[] {
  return dirs
    .flatMap((d) => filesUnder(d, ext))
    .map((p) => ({ path: p, text: fs.readFileSync(p, 'utf8') }));
}

const litmusSeeds = once(() =>
  seedFiles([path.join(REPO, 'litmus'), path.join(SHARED, 'corpus', 'litmus')], /\.litmus$/),
);
const modelDirs = [MODELS, path.join(SHARED, 'corpus', 'lkmm')];

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

/** ordo's default model, loaded once: mutated tests are checked against it. */
const defaultSetup = once((): LoadedSetup => {
  const setup = resolveSetup([], { cwd: REPO, includeDirs: [] });
  const loaded = setup.value && loadSetup(setup.value).value;
  if (!loaded) throw new Error('the default model does not load');
  return loaded;
});

/** A small test every mutated model is run on, so that the interpreter sees broken models. */
const sbTest = once((): LitmusTest => {
  const file = path.join(REPO, 'litmus', 'classic', 'SB+mbs.litmus');
  const parsed = parseLitmus(fs.readFileSync(file, 'utf8'), file);
  if (!parsed.value) throw new Error(`${file} does not parse`);
  return parsed.value;
});

/** Runs `stage`, turning a throw into a problem; the invariants of its diagnostics follow. */
function guarded(stage: string, run: () => string[]): string[] {
  try {
    return run();
  } catch (e) {
    return [`${stage} ${describeThrown(e)}`];
  }
}

function problemsOf(
  value: unknown,
  diagnostics: readonly Diagnostic[],
  known: KnownTexts,
): string[] {
  const silent = silentFailure(value, diagnostics);
  return [...(silent ? [silent] : []), ...diagnosticProblems(diagnostics, known)];
}

/** A model checked on SB: evaluation errors are diagnostics, never anything else. */
function runOnSb(model: Parameters<typeof checkTest>[2], known: KnownTexts): string[] {
  try {
    const result = checkTest(sbTest(), defaultSetup().macros, model, {
      variants: ['lkmmv2'],
      ...FUZZ_LIMITS,
    });
    return diagnosticProblems(result.diagnostics, known);
  } catch (e) {
    if (e instanceof UserError) return diagnosticProblems([e.diagnostic], known);
    return [`running the model ${describeThrown(e)}`];
  }
}

const litmus: FuzzTarget = {
  name: 'litmus',
  what: 'C litmus tests through the parser and name checks, and the printer (round trip)',
  seeds: litmusSeeds,
  check(text, seed) {
    const file = seed.path;
    const known = new KnownTexts({ [file]: text });
    return guarded('parseLitmus', () => {
      const parsed = parseLitmus(text, file);
      const problems = problemsOf(parsed.value, parsed.diagnostics, known);
      if (!parsed.value) return problems;
      // What ordo prints of a test it accepted must read back as a test.
      const printed = printLitmus(parsed.value);
      const again = parseLitmus(printed, file);
      if (!again.value) {
        const first = again.diagnostics.find((d) => d.severity === 'error');
        problems.push(`the printed test does not parse again: ${first?.message}\n${printed}`);
      }
      return problems;
    });
  },
};

const def: FuzzTarget = {
  name: 'def',
  what: '.def macro files',
  seeds: once(() => seedFiles(modelDirs, /\.def$/)),
  check(text, seed) {
    const known = new KnownTexts({ [seed.path]: text });
    return guarded('parseMacroFile', () => {
      const parsed = parseMacroFile(text, seed.path);
      return problemsOf(parsed.value, parsed.diagnostics, known);
    });
  },
};

/** A model file replaced by the mutant, every other file read from disk. */
function overlay(file: string, text: string): (f: string) => string | undefined {
  return (f) => {
    if (path.resolve(f) === file) return text;
    try {
      return fs.readFileSync(f, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** The model of the same name beside a bell, or the LKMM beside it (arch.bell has none). */
function modelForBell(bell: string): string {
  const same = bell.replace(/\.bell$/, '.cat');
  if (fs.existsSync(same)) return same;
  const lkmm = filesUnder(path.dirname(bell), /^(lkmm|linux-kernel)\.cat$/);
  return lkmm[0] ?? same;
}

/** The bell beside a model file (lkmm.bell, linux-kernel.bell), if any. */
function bellBeside(file: string): string | undefined {
  return filesUnder(path.dirname(file), /\.bell$/).find((b) =>
    /lkmm|linux-kernel/.test(path.basename(b)),
  );
}

function modelTarget(name: 'cat' | 'bell'): FuzzTarget {
  return {
    name,
    what: name === 'cat' ? 'cat models (parse, compile, run)' : 'bell files under their model',
    seeds: once(() => seedFiles(modelDirs, name === 'cat' ? /\.cat$/ : /\.bell$/)),
    check(text, seed) {
      const known = new KnownTexts({ [seed.path]: text });
      return guarded(`loadModel(${name})`, () => {
        const model = name === 'cat' ? seed.path : modelForBell(seed.path);
        const spec = { model, bell: name === 'bell' ? seed.path : bellBeside(seed.path) };
        const loaded = loadModel(spec, {
          variants: ['lkmmv2'],
          includeDirs: [],
          readFile: overlay(seed.path, text),
        });
        const problems = problemsOf(loaded.value, loaded.diagnostics, known);
        return loaded.value ? [...problems, ...runOnSb(loaded.value, known)] : problems;
      });
    },
  };
}

/** Loaded models by setup: most mutated cfgs name the same files, and a load is costly. */
const setups = new Map<string, ReturnType<typeof loadSetup>>();

function loadedSetup(setup: ModelSetup): ReturnType<typeof loadSetup> {
  const key = JSON.stringify(setup);
  const known = setups.get(key);
  if (known) return known;
  const loaded = loadSetup(setup);
  if (setups.size > 100) setups.clear();
  setups.set(key, loaded);
  return loaded;
}

const cfg: FuzzTarget = {
  name: 'cfg',
  what: 'herd-style .cfg files (read, resolved, loaded)',
  seeds: once(() => seedFiles(modelDirs, /\.cfg$/)),
  check(text, seed) {
    const known = new KnownTexts({ [seed.path]: text });
    return guarded('cfg', () => {
      const parsed = parseConfig(text, seed.path);
      const problems = problemsOf(parsed.value, parsed.diagnostics, known);
      const search = { cwd: path.dirname(seed.path), includeDirs: [] };
      const settings = emptySettings();
      problems.push(
        ...diagnosticProblems(applySettings(settings, parsed.value ?? [], search), known),
      );
      const setup = resolveSetup([...(parsed.value ?? [])], search);
      problems.push(...diagnosticProblems(setup.diagnostics, known));
      if (!setup.value) return problems;
      const loaded = loadedSetup(setup.value);
      problems.push(...problemsOf(loaded.value, loaded.diagnostics, known));
      return loaded.value ? [...problems, ...runOnSb(loaded.value.model, known)] : problems;
    });
  },
};

const scratch = once(() => fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-fuzz-')));

/** The whole pipeline as `ordo run` drives it for one file, and both report formats. */
const pipeline: FuzzTarget = {
  name: 'pipeline',
  what: 'C litmus tests through the whole pipeline (ordo run, in process) and its reports',
  seeds: litmusSeeds,
  check(text, seed) {
    const file = path.join(scratch(), path.basename(seed.path));
    fs.writeFileSync(file, text);
    const known = new KnownTexts({ [file]: text });
    return guarded('checkFile', () => {
      const loaded = defaultSetup();
      const outcome = checkFile(file, loaded, FUZZ_LIMITS);
      const problems = diagnosticProblems(outcome.diagnostics, known);
      if (!outcome.report && !outcome.diagnostics.some((d) => d.severity === 'error')) {
        problems.push('no report and no error');
      }
      formatJsonLine(outcome, loaded.setup.label, known.lookup);
      if (outcome.report) formatHerdText(outcome.report);
      return problems;
    });
  },
};

export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  litmus,
  def,
  modelTarget('cat'),
  modelTarget('bell'),
  cfg,
  pipeline,
];

export function fuzzTarget(name: string): FuzzTarget | undefined {
  return FUZZ_TARGETS.find((t) => t.name === name);
}
