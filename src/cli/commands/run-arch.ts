// CLI adapter: `ordo run --arch T[,T...]`: every test under each target (ordo's LKMM and SC
// models, and the architectures kernel primitives are lowered to), grouped by test.
import * as fs from 'node:fs';
import { isTargetId, notCheckedMessage, TARGETS, unsupportedCalls } from '../../events/lowering';
import { parseLitmus } from '../../litmus';
import {
  formatHerdText,
  type JsonTestRecord,
  outcomeFailed,
  type TestOutcome,
  toJsonRecord,
} from '../../report';
import { type Diagnostic, formatDiagnostic, type SourceLookup, warning } from '../../source';
import { parseTargets, type RunTarget, targetSetup } from '../arch-targets';
import { runBatch } from '../batch';
import type { CheckLimits } from '../check-file';
import { EXIT_FAILURES, EXIT_OK, EXIT_USAGE } from '../command';
import { expandInputs } from '../inputs';
import { diskLookup } from '../source-lookup';
import type { RunArgs } from './run';

/** The line before each target's block: herd-log readers skip lines they do not know. */
export function targetMarker(target: RunTarget): string {
  return `Target ${target}\n`;
}

/** One test under one target: checked, or not checked for want of a lowering. */
export type TargetOutcome =
  | { readonly kind: 'checked'; readonly outcome: TestOutcome }
  | {
      readonly kind: 'not-checked';
      readonly file: string;
      readonly name: string;
      /** The primitives the target cannot lower. */
      readonly names: readonly string[];
      readonly notice: Diagnostic;
    };

/** `--json` with `--arch`: herd's record plus the target (and `not-checked` as a verdict). */
export type TargetJsonRecord = Omit<JsonTestRecord, 'verdict'> & {
  readonly verdict: JsonTestRecord['verdict'] | 'not-checked';
  readonly target: RunTarget;
};

export interface TargetRunOptions {
  readonly jobs: number;
  readonly limits: CheckLimits;
  /** Loop unrolling bound (herd's default is 2). */
  readonly unroll?: number;
}

/** Primitives each test calls that a target cannot lower, per file (parsed once). */
function notCheckedNotices(
  files: readonly string[],
  target: RunTarget,
): Map<string, TargetOutcome> {
  const out = new Map<string, TargetOutcome>();
  if (!isTargetId(target)) return out;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const test = parseLitmus(text, file).value;
    const calls = test ? unsupportedCalls(test, TARGETS[target]) : [];
    if (!test || calls.length === 0) continue;
    const notice = warning('arch/not-checked', notCheckedMessage(target, calls), calls[0].span);
    out.set(file, {
      kind: 'not-checked',
      file,
      name: test.name,
      names: calls.map((c) => c.name),
      notice,
    });
  }
  return out;
}

/**
 * Checks every file under every target (one batch of workers per target); `results[i][j]` is
 * file i under target j. Unsupported primitives make a test "not checked" on that target.
 */
export async function checkUnderTargets(
  files: readonly string[],
  targets: readonly RunTarget[],
  options: TargetRunOptions,
  onModel: (target: RunTarget, diagnostics: readonly Diagnostic[]) => void,
): Promise<{ results: TargetOutcome[][]; modelsLoaded: boolean }> {
  const results: TargetOutcome[][] = files.map(() => []);
  let modelsLoaded = true;
  for (const [j, target] of targets.entries()) {
    const skipped = notCheckedNotices(files, target);
    const checked = files.filter((f) => !skipped.has(f));
    const index = files.flatMap((f, i) => (skipped.has(f) ? [] : [i]));
    for (const [i, f] of files.entries()) {
      const s = skipped.get(f);
      if (s) results[i][j] = s;
    }
    const summary = await runBatch(
      checked,
      {
        setup: { ...targetSetup(target), unroll: options.unroll },
        jobs: options.jobs,
        limits: options.limits,
      },
      {
        model: (status) => onModel(target, status.modelDiagnostics),
        outcome: (outcome, k) => {
          results[index[k]][j] = { kind: 'checked', outcome };
        },
      },
    );
    if (checked.length > 0 && !summary.modelLoaded) modelsLoaded = false;
  }
  return { results, modelsLoaded };
}

function jsonRecord(r: TargetOutcome, target: RunTarget, lookup: SourceLookup): TargetJsonRecord {
  const model = targetSetup(target).label;
  if (r.kind === 'checked') return { ...toJsonRecord(r.outcome, model, lookup), target };
  const { line, col } = lookup(r.notice.span.file)?.lineCol(r.notice.span.start) ?? {
    line: 0,
    col: 0,
  };
  return {
    name: r.name,
    file: r.file,
    model,
    kind: null,
    verdict: 'not-checked',
    ok: null,
    positive: null,
    negative: null,
    states: [],
    flags: [],
    limit: null,
    timeMs: null,
    errors: [],
    warnings: [{ file: r.file, line, col, code: r.notice.code, message: r.notice.message }],
    target,
  };
}

/** Runs `ordo run --arch`: the herd block (or JSON line) per test and target, grouped by test. */
export async function runTargets(
  files: readonly string[],
  targets: readonly RunTarget[],
  options: TargetRunOptions & { readonly json: boolean },
): Promise<number> {
  const lookup = diskLookup();
  const printed = new Set<string>();
  const printDiagnostics = (ds: readonly Diagnostic[]) => {
    for (const d of ds) {
      const text = formatDiagnostic(d, lookup);
      // The same parse error comes back from every target: say it once.
      if (printed.has(text)) continue;
      printed.add(text);
      process.stderr.write(`${text}\n`);
    }
  };
  const { results, modelsLoaded } = await checkUnderTargets(files, targets, options, (_, ds) =>
    printDiagnostics(ds),
  );
  let failed = 0;
  let notChecked = 0;
  for (const row of results) {
    for (const [j, r] of row.entries()) {
      const target = targets[j];
      if (r === undefined) continue;
      if (options.json) process.stdout.write(`${JSON.stringify(jsonRecord(r, target, lookup))}\n`);
      if (r.kind === 'not-checked') {
        notChecked++;
        printDiagnostics([r.notice]);
        if (!options.json) {
          const names = r.names.join(', ');
          process.stdout.write(`${targetMarker(target)}Not checked ${r.name}: ${names}\n\n`);
        }
        continue;
      }
      printDiagnostics(r.outcome.diagnostics);
      if (outcomeFailed(r.outcome)) failed++;
      else if (!options.json) {
        process.stdout.write(targetMarker(target) + formatHerdText(r.outcome.report!));
      }
    }
  }
  if (files.length > 1 || targets.length > 1) {
    process.stderr.write(
      `ordo run: ${files.length} tests x ${targets.length} targets, ${failed} failed, ${notChecked} not checked\n`,
    );
  }
  const ok =
    modelsLoaded && failed === 0 && !results.some((row) => row.some((r) => r === undefined));
  return ok ? EXIT_OK : EXIT_FAILURES;
}

/** The `--arch` option: a usage problem, or undefined once the targets are set. */
export function setTargets(args: { targets?: RunTarget[] }, value: string): string | undefined {
  const targets = parseTargets(value);
  if (typeof targets === 'string') return `--arch: ${targets}`;
  args.targets = targets;
  return undefined;
}

/** Model settings `--arch` cannot honour: each target comes with its own model files. */
const MODEL_KEYS = ['conf', 'model', 'cat', 'bell', 'macros', 'variant'];

/** `ordo run --arch ...` from its parsed arguments. */
export async function runArch(args: RunArgs, targets: readonly RunTarget[]): Promise<number> {
  const clash = args.settings.find((s) => MODEL_KEYS.includes(s.key));
  if (clash) {
    process.stderr.write(
      `ordo run: --arch chooses the models itself; drop the ${clash.key} setting\n`,
    );
    return EXIT_USAGE;
  }
  const unroll = args.settings.filter((s) => s.key === 'unroll').pop()?.value;
  if (unroll !== undefined && !/^\d+$/.test(unroll)) {
    process.stderr.write(`ordo run: --unroll expects a non-negative integer, not '${unroll}'\n`);
    return EXIT_USAGE;
  }
  const { files, problems } = expandInputs(args.inputs);
  for (const p of problems) process.stderr.write(`ordo run: ${p.message}\n`);
  const code = await runTargets(files, targets, {
    jobs: args.jobs,
    json: args.json,
    unroll: unroll === undefined ? undefined : Number(unroll),
    limits: {
      timeoutMs: args.timeoutSeconds === undefined ? undefined : args.timeoutSeconds * 1000,
      maxCandidates: args.maxCandidates,
      maxEvents: args.maxEvents,
    },
  });
  return problems.length > 0 ? EXIT_FAILURES : code;
}
