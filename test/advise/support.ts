// Advise test support: ordo's targets loaded once, the advisor run in this thread, and the
// ordinary checker (full enumeration, no early stop) to confirm what the advisor claims.
import * as fs from 'node:fs';
import { type Advice, type AdviseTarget, adviseTest, inThreadChecker } from '../../src/advise';
import { findElements } from '../../src/advise/elements';
import { editSource } from '../../src/advise/patch';
import { findSites } from '../../src/advise/sites';
import { type RunTarget, targetSetup } from '../../src/cli/arch-targets';
import { type LoadedSetup, loadSetup } from '../../src/cli/load-setup';
import { checkTest } from '../../src/enumerate';
import { parseLitmus } from '../../src/litmus';
import { verdictOf } from '../../src/report';
import { SourceFile } from '../../src/source';

const loaded = new Map<RunTarget, LoadedSetup>();

export function setupOf(target: RunTarget): LoadedSetup {
  let l = loaded.get(target);
  if (!l) {
    const r = loadSetup(targetSetup(target));
    if (!r.value)
      throw new Error(`cannot load ${target}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
    l = r.value;
    loaded.set(target, l);
  }
  return l;
}

export function targetOf(target: RunTarget): AdviseTarget {
  const l = setupOf(target);
  return {
    name: target,
    check: inThreadChecker(l.macros, l.model, { variants: l.setup.variants }),
  };
}

export function defined(macro: string): boolean {
  return setupOf('lkmm').macros.macros.some((m) => m.name === macro);
}

export function sourceOf(file: string): SourceFile {
  return new SourceFile(file, fs.readFileSync(file, 'utf8'));
}

const advised = new Map<string, Promise<Advice>>();

/** The advice on a library file under the targets, lkmm first; computed once per file and targets. */
export function adviseFile(
  file: string,
  targets: readonly RunTarget[] = ['lkmm'],
): Promise<Advice> {
  const key = `${file}@${targets.join(',')}`;
  let a = advised.get(key);
  if (!a) {
    const source = sourceOf(file);
    const test = parseLitmus(source.text, file).value!;
    a = adviseTest({ source, test, defined, targets: targets.map(targetOf), sc: targetOf('sc') });
    advised.set(key, a);
  }
  return a;
}

/** The ordinary checker's verdict on a test text: Sometimes/Never/Always, with DATARACE. */
export function verdictOfText(text: string, file: string, target: RunTarget): string {
  const parsed = parseLitmus(text, file);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.value || errors.length > 0)
    throw new Error(`variant does not parse: ${errors[0]?.message}`);
  const l = setupOf(target);
  const r = checkTest(parsed.value, l.macros, l.model, { variants: l.setup.variants });
  if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(r.diagnostics[0].message);
  return `${verdictOf(r).observation}${r.flags.includes('data-race') ? ' DATARACE' : ''}`;
}

/** The text of a test with one element at its weakest (removed, or its most relaxed form). */
export function weakestText(file: string, elementId: string): string {
  const source = sourceOf(file);
  const test = parseLitmus(source.text, file).value!;
  const element = findElements(findSites(test, defined), source).find((e) => e.id === elementId)!;
  return editSource(source, element.weakenings[element.weakenings.length - 1].edits);
}

/** Applies unified-diff hunks to a text, checking that every context and removed line matches. */
export function applyHunks(text: string, hunks: Advice['fixes'][number]['hunks']): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let next = 0;
  for (const h of hunks) {
    const start = h.oldLines === 0 ? h.oldStart : h.oldStart - 1;
    out.push(...lines.slice(next, start));
    let at = start;
    for (const l of h.lines) {
      const body = l.slice(1);
      if (l[0] === '+') out.push(body);
      else {
        if (lines[at] !== body)
          throw new Error(`hunk line ${at + 1} is '${lines[at]}', patch expects '${body}'`);
        if (l[0] === ' ') out.push(body);
        at++;
      }
    }
    next = at;
  }
  return [...out, ...lines.slice(next)].join('\n');
}
