// CLI adapter: `ordo lower --arch T FILE...`: C litmus tests as herd7 assembly litmus tests,
// their kernel primitives replaced by what Linux emits on the architecture, to cross-check
// with herd7's own models or run on hardware with litmus7.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTargetId, TARGETS } from '../../events/lowering';
import { lowerToAsm } from '../../events/lowering/asm';
import { type MacroFile, parseLitmus, parseMacroFile } from '../../litmus';
import { type Diagnostic, formatDiagnostic, hasErrors } from '../../source';
import { type Command, EXIT_FAILURES, EXIT_OK, EXIT_USAGE } from '../command';
import { catModelsDir } from '../config';
import { expandInputs } from '../inputs';
import { diskLookup } from '../source-lookup';

const ARCHS = Object.keys(TARGETS).join('|');

const USAGE = `Usage: ordo lower --arch ${ARCHS} [-o DIR] FILE|DIR|@listfile ...

Prints each C litmus test as a herd7 assembly litmus test (AArch64, X86_64, PPC or RISCV):
each kernel primitive becomes the instructions Linux emits for it on that architecture (the
tables of src/events/lowering, with ordo's lkmm.def giving each primitive's shape), the
thread parameters become registers holding the locations' addresses, and the condition
names the registers the C registers were given. Check the result with herd7's own
architecture models, or run it on hardware with litmus7.

Options:
  --arch T     ${ARCHS.replace(/\|/g, ', ')} (arm64 uses LSE atomics, arm64-llsc the LL/SC fallback)
  -o DIR       write DIR/<test name>.litmus for each test instead of printing them
Exit status: 0 all tests lowered, 1 some could not be (errors on stderr), 2 usage error.`;

function lkmmMacros(): MacroFile | Diagnostic[] {
  const file = path.join(catModelsDir(), 'lkmm.def');
  const parsed = parseMacroFile(fs.readFileSync(file, 'utf8'), file);
  return parsed.value && !hasErrors(parsed.diagnostics) ? parsed.value : [...parsed.diagnostics];
}

export const lowerCommand: Command = {
  summary: 'print C litmus tests as herd7 assembly tests for an architecture (--arch)',
  async run(argv) {
    let arch: string | undefined;
    let out: string | undefined;
    const inputs: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--help' || a === '-h') {
        process.stdout.write(`${USAGE}\n`);
        return EXIT_OK;
      }
      if (a === '--arch' || a === '-o') {
        const value = argv[++i];
        if (value === undefined) return usage(`option ${a} needs a value`);
        if (a === '--arch') arch = value;
        else out = value;
      } else if (a.startsWith('-') && a !== '-') return usage(`unknown option ${a}`);
      else inputs.push(a);
    }
    if (arch === undefined) return usage('--arch is required');
    if (!isTargetId(arch)) return usage(`unknown architecture '${arch}' (expected ${ARCHS})`);
    if (inputs.length === 0) return usage('no input files');
    const lookup = diskLookup();
    const report = (ds: readonly Diagnostic[]) => {
      for (const d of ds) process.stderr.write(`${formatDiagnostic(d, lookup)}\n`);
    };
    const macros = lkmmMacros();
    if (Array.isArray(macros)) {
      report(macros);
      return EXIT_FAILURES;
    }
    const { files, problems } = expandInputs(inputs);
    for (const p of problems) process.stderr.write(`ordo lower: ${p.message}\n`);
    let failed = problems.length > 0;
    const texts: string[] = [];
    for (const file of files) {
      const parsed = parseLitmus(fs.readFileSync(file, 'utf8'), file);
      report(parsed.diagnostics);
      if (!parsed.value || hasErrors(parsed.diagnostics)) {
        failed = true;
        continue;
      }
      const lowered = lowerToAsm(parsed.value, macros, arch);
      report(lowered.diagnostics);
      if (!lowered.value) {
        failed = true;
        continue;
      }
      if (out === undefined) texts.push(lowered.value);
      else {
        fs.mkdirSync(out, { recursive: true });
        fs.writeFileSync(path.join(out, `${parsed.value.name}.litmus`), lowered.value);
      }
    }
    process.stdout.write(texts.join('\n'));
    return failed ? EXIT_FAILURES : EXIT_OK;
  },
};

function usage(problem: string): number {
  process.stderr.write(`ordo lower: ${problem}\n\n${USAGE}\n`);
  return EXIT_USAGE;
}
