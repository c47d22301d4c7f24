// CLI adapter: `ordo advise`: the barrier advisor. Which ordering a test's outcome needs, or the
// cheapest way to forbid it, under one model and compared across targets.
import * as fs from 'node:fs';
import {
  type AdviseOptions,
  type AdviseTarget,
  adviseTest,
  COST_LEVELS,
  DEFAULT_ADVISE_OPTIONS,
  inThreadChecker,
  type VariantChecker,
} from '../../advise';
import { isTargetId, notCheckedMessage, TARGETS, unsupportedCalls } from '../../events/lowering';
import { parseLitmus, parseMacroFile } from '../../litmus';
import { formatAdviceJson, formatAdviceText } from '../../report';
import { type Diagnostic, formatDiagnostic, hasErrors, SourceFile } from '../../source';
import { type RunTarget, targetSetup } from '../arch-targets';
import { type CheckLimits, checkOptions } from '../check-file';
import { type Command, EXIT_FAILURES, EXIT_OK, EXIT_USAGE } from '../command';
import { type ModelSetup, resolveSetup } from '../config';
import { expandInputs } from '../inputs';
import { loadSetup } from '../load-setup';
import { diskLookup } from '../source-lookup';
import { variantPool } from '../variant-pool';
import { parseRunArgs, type RunArgs } from './run';

const USAGE = `Usage: ordo advise [options] FILE|DIR|@listfile ...

The barrier advisor. For each C litmus test it checks variants of the test with the ordinary
checker (each stops at the first execution that reaches the outcome of the condition) and
reports, naming the lines of the test:
- outcome forbidden: each ordering element (barrier, acquire/release, ordered RMW, lock
  pair) weakened one form at a time with the others kept: NECESSARY or redundant, which
  weaker form still suffices, which strengthening elsewhere in its thread would make it
  redundant, and the minimal sets of elements that suffice;
- outcome allowed: whether SC allows it too (a logic race, which no barrier fixes), else the
  cheapest fixes (stronger forms, smp_mb__after_atomic() and co., a barrier between two
  accesses, combined up to --max-changes), each as a patch of the test.
Dependencies are listed, not varied. With several targets, the first is analysed and the
others say where an element is free (e.g. on x86) or a fix is not needed.

Cost model, per change (a fix costs the sum of its changes):
  ${COST_LEVELS.join('\n  ')}

Options:
  --arch T[,T...]        targets: lkmm, x86-64, arm64, arm64-llsc, power, riscv, sc, or all
  --fixes N              fixes to report (default ${DEFAULT_ADVISE_OPTIONS.maxFixes})
  --max-changes N        changes one fix may combine (default ${DEFAULT_ADVISE_OPTIONS.maxChanges})
  --max-variants N       variants the fix search may check (default ${DEFAULT_ADVISE_OPTIONS.maxVariants})
  --json                 one JSON object per test and line
  --conf FILE, --model FILE, --bell FILE, --macros FILE, -I DIR, --variant V
                         the model, as for ordo run (default: cat-models/lkmm.cfg; not with --arch)
  --jobs N, -j N         worker threads (default: the number of cores; 1 checks in this thread)
  --timeout S            stop a variant after S seconds (its verdict is then not known)
  --max-candidates N, --max-events N, --unroll N   as for ordo run
Exit status: 0 every test advised, 1 some could not be, 2 usage error.`;

const OWN_OPTIONS: Readonly<Record<string, keyof AdviseOptions>> = {
  '--fixes': 'maxFixes',
  '--max-changes': 'maxChanges',
  '--max-variants': 'maxVariants',
};

type Parsed = {
  readonly run?: RunArgs;
  readonly options?: AdviseOptions;
  readonly problem?: string;
  readonly help?: boolean;
};

export function parseAdviseArgs(argv: readonly string[]): Parsed {
  const options: Record<keyof AdviseOptions, number> = { ...DEFAULT_ADVISE_OPTIONS };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const key = OWN_OPTIONS[argv[i]];
    if (!key) {
      rest.push(argv[i]);
      continue;
    }
    const value = argv[++i];
    if (value === undefined || !/^[1-9]\d*$/.test(value)) {
      return { problem: `${argv[i - 1]} expects an integer >= 1, not '${value ?? ''}'` };
    }
    options[key] = Number(value);
  }
  const parsed = parseRunArgs(rest);
  if (parsed.help) return { help: true };
  if (!parsed.args) return { problem: parsed.problem };
  return { run: parsed.args, options };
}

export const adviseCommand: Command = {
  summary: 'which barriers a test needs, which are redundant, and the cheapest fixes',
  async run(argv) {
    const parsed = parseAdviseArgs(argv);
    if (parsed.help) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (!parsed.run || !parsed.options || parsed.run.inputs.length === 0) {
      process.stderr.write(`ordo advise: ${parsed.problem ?? 'no input files'}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    return adviseFiles(parsed.run, parsed.options);
  },
};

/** Settings `--arch` cannot honour: each target comes with its own model files. */
const MODEL_KEYS = ['conf', 'local-conf', 'model', 'cat', 'bell', 'macros', 'variant'];

interface NamedSetup {
  readonly name: string;
  readonly setup: ModelSetup;
  readonly target?: RunTarget;
}

/** The targets to ask, first the one analysed, or a usage problem. */
function chooseSetups(
  args: RunArgs,
  print: (ds: readonly Diagnostic[]) => void,
): NamedSetup[] | string | undefined {
  const unrollSetting = args.settings.filter((s) => s.key === 'unroll').pop()?.value;
  const unroll = unrollSetting && /^\d+$/.test(unrollSetting) ? Number(unrollSetting) : undefined;
  if (args.targets) {
    const clash = args.settings.find((s) => MODEL_KEYS.includes(s.key));
    if (clash) return `--arch chooses the models itself; drop the ${clash.key} setting`;
    return args.targets.map((t) => ({ name: t, setup: { ...targetSetup(t), unroll }, target: t }));
  }
  const resolved = resolveSetup(args.settings, {
    cwd: process.cwd(),
    includeDirs: args.includeDirs,
  });
  print(resolved.diagnostics);
  return resolved.value && [{ name: resolved.value.label, setup: resolved.value }];
}

/** Variants calling a primitive the target cannot lower are "not checked" there. */
function guarded(target: RunTarget | undefined, check: VariantChecker): VariantChecker {
  if (target === undefined || !isTargetId(target)) return check;
  const table = TARGETS[target];
  return async (requests) => {
    const missing = requests.map((r) => unsupportedCalls(r.test, table));
    const checked = await check(requests.filter((_, i) => missing[i].length === 0));
    let k = 0;
    return requests.map((_, i) =>
      missing[i].length > 0
        ? { kind: 'not-checked', why: notCheckedMessage(target, missing[i]) }
        : checked[k++],
    );
  };
}

interface Checkers {
  readonly targets: AdviseTarget[];
  readonly sc: AdviseTarget;
  readonly ok: boolean;
  close(): Promise<void>;
}

/** One checker per target (and SC): in this thread with one job, else on workers. */
async function startCheckers(
  setups: readonly NamedSetup[],
  limits: CheckLimits,
  jobs: number,
  print: (ds: readonly Diagnostic[]) => void,
): Promise<Checkers> {
  const scSetup = setups.find((s) => s.target === 'sc') ?? {
    name: 'sc',
    setup: targetSetup('sc'),
    target: 'sc',
  };
  const all = [...setups, ...(setups.includes(scSetup) ? [] : [scSetup])];
  const closers: (() => Promise<void>)[] = [];
  let ok = true;
  const made = await Promise.all(
    all.map(async (s, i): Promise<AdviseTarget> => {
      let check: VariantChecker;
      if (jobs === 1) {
        const loaded = loadSetup(s.setup);
        print(loaded.diagnostics);
        if (!loaded.value) {
          ok = false;
          check = async (rs) =>
            rs.map(() => ({ kind: 'not-checked', why: `the model ${s.name} did not load` }));
        } else
          check = inThreadChecker(
            loaded.value.macros,
            loaded.value.model,
            checkOptions(loaded.value, limits),
          );
      } else {
        // The analysed model gets every worker; the others answer a few variants each.
        const pool = variantPool(s.setup, limits, i === 0 ? jobs : 1);
        closers.push(() => pool.close());
        const status = await pool.ready();
        print(status.diagnostics);
        if (!status.ok) ok = false;
        check = pool.check;
      }
      return { name: s.name, check: guarded(s.target, check) };
    }),
  );
  return {
    targets: made.slice(0, setups.length),
    sc: made[all.indexOf(scSetup)],
    ok,
    close: async () => void (await Promise.all(closers.map((c) => c()))),
  };
}

/** The macros the analysed model defines: the advisor proposes no other primitive. */
function macroNames(setup: ModelSetup, print: (ds: readonly Diagnostic[]) => void): Set<string> {
  if (!setup.macros) return new Set();
  const parsed = parseMacroFile(fs.readFileSync(setup.macros, 'utf8'), setup.macros);
  print(parsed.diagnostics);
  return new Set(parsed.value?.macros.map((m) => m.name) ?? []);
}

async function adviseFiles(args: RunArgs, options: AdviseOptions): Promise<number> {
  const lookup = diskLookup();
  const print = (ds: readonly Diagnostic[]) => {
    for (const d of ds) process.stderr.write(`${formatDiagnostic(d, lookup)}\n`);
  };
  const setups = chooseSetups(args, print);
  if (typeof setups === 'string') {
    process.stderr.write(`ordo advise: ${setups}\n`);
    return EXIT_USAGE;
  }
  if (!setups) return EXIT_FAILURES;
  const { files, problems } = expandInputs(args.inputs);
  for (const p of problems) process.stderr.write(`ordo advise: ${p.message}\n`);
  const timeoutSeconds = args.timeoutSeconds ?? setups[0].setup.timeoutSeconds;
  const limits: CheckLimits = {
    timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
    maxCandidates: args.maxCandidates,
    maxEvents: args.maxEvents,
  };
  const checkers = await startCheckers(setups, limits, Math.max(1, args.jobs), print);
  let failed = problems.length;
  try {
    if (!checkers.ok) return EXIT_FAILURES;
    const defined = macroNames(setups[0].setup, print);
    for (const file of files) {
      const advice = await adviseFile(file, checkers, (m) => defined.has(m), options, print);
      if (!advice) failed++;
      else
        process.stdout.write(
          args.json ? formatAdviceJson(advice) : `${formatAdviceText(advice)}\n`,
        );
      if (advice?.targets[0].status === 'unknown') failed++;
    }
  } finally {
    await checkers.close();
  }
  return failed > 0 ? EXIT_FAILURES : EXIT_OK;
}

async function adviseFile(
  file: string,
  checkers: Checkers,
  defined: (macro: string) => boolean,
  options: AdviseOptions,
  print: (ds: readonly Diagnostic[]) => void,
) {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(
      `ordo advise: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}\n`,
    );
    return undefined;
  }
  const parsed = parseLitmus(text, file);
  print(parsed.diagnostics);
  if (!parsed.value || hasErrors(parsed.diagnostics)) return undefined;
  if (!parsed.value.condition) {
    process.stderr.write(
      `ordo advise: ${file}: the test has no condition, so no outcome to advise on\n`,
    );
    return undefined;
  }
  return adviseTest(
    {
      source: new SourceFile(file, text),
      test: parsed.value,
      defined,
      targets: checkers.targets,
      sc: checkers.sc,
    },
    options,
  );
}
