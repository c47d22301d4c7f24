// LSP adapter: the models the settings name (resolved like `ordo run --conf`), their `.def`, and
// the one rule on files: the server reads only the workspace and the configured model folders.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRunTarget, targetSetup } from '../cli/arch-targets';
import {
  COMMAND_LINE,
  catModelsDir,
  commandLineSetting,
  type ModelSetup,
  resolveSetup,
} from '../cli/config';
import { parseMacroFile } from '../litmus';
import { type Diagnostic, error, SourceFile, type SourceLookup, span } from '../source';
import type { LintJob } from './check/messages';
import { type MacroTable, macroTable } from './primitive-info';
import { isInside } from './roots';
import type { Limits, Settings } from './settings';

/** Where settings problems are reported (a diagnostic needs a file). */
const SETTINGS_FILE = 'ordo settings';

export class ModelContext {
  private resolved: { choices: ModelSetup[]; problems: Diagnostic[] } | undefined;
  private table: { value?: MacroTable; problems: Diagnostic[] } | undefined;
  private readonly sources = new Map<string, SourceFile | undefined>();
  private readonly allowed: string[];
  private readonly cwd: string;

  /** `overlay` gives the text of open documents, newer than the disk. */
  constructor(
    private readonly settings: Settings,
    workspaceRoots: readonly string[],
    private readonly overlay: (file: string) => string | undefined,
  ) {
    this.cwd = workspaceRoots[0] ?? process.cwd();
    const confs = [settings.config, ...settings.targets].flatMap((c) =>
      c && !isTargetName(c) ? [this.absolute(c)] : [],
    );
    this.allowed = [
      ...workspaceRoots,
      ...confs.map((c) => path.dirname(c)),
      ...settings.includeDirs.map((d) => this.absolute(d)),
      catModelsDir(),
    ];
  }

  /** The primary model first, then each extra target. */
  targets(): { choices: readonly ModelSetup[]; problems: readonly Diagnostic[] } {
    this.resolved ??= this.resolve();
    return this.resolved;
  }

  /** The primary model's `.def`: primitives for hovers, completion and name checks. */
  macros(): MacroTable | undefined {
    this.table ??= this.loadMacros();
    return this.table.value;
  }

  /** Settings and model problems, shown on every litmus document. */
  problems(): Diagnostic[] {
    this.macros();
    return [...this.targets().problems, ...(this.table?.problems ?? [])];
  }

  /** Folders model files may come from (every include of a model must stay inside them). */
  roots(): readonly string[] {
    const fromSetups = this.targets().choices.flatMap((s) => s.includeDirs);
    return [...new Set([...this.allowed, ...fromSetups])];
  }

  /**
   * Linting an open model file: the configured model and bell are loaded as the pair they
   * form (names the bell defines are bound in the model); any other file on its own.
   */
  lintJob(file: string, text: string, limits: Limits): LintJob {
    const primary = this.targets().choices[0];
    const same = (f: string | undefined): boolean =>
      f !== undefined && path.resolve(f) === path.resolve(file);
    const spec = same(primary?.bell)
      ? { model: primary.model, bell: file }
      : same(primary?.model)
        ? { model: file, bell: primary.bell }
        : { model: file };
    return {
      kind: 'lint',
      file,
      text,
      spec,
      variants: primary?.variants ?? [],
      includeDirs: [...(primary?.includeDirs ?? []), path.dirname(file)],
      roots: this.roots(),
      limits,
    };
  }

  /** An allowed file's text (open documents first), or undefined: never throws, never reads outside. */
  readonly readFile = (file: string): string | undefined => {
    const open = this.overlay(file);
    if (open !== undefined) return open;
    if (!isInside(file, this.roots())) return undefined;
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };

  /** Line/column of positions in other files (includes, the `.def`), for messages. */
  readonly lookup: SourceLookup = (file) => {
    if (!this.sources.has(file)) {
      const text = this.readFile(file);
      this.sources.set(file, text === undefined ? undefined : new SourceFile(file, text));
    }
    return this.sources.get(file);
  };

  private absolute(p: string): string {
    return path.resolve(this.cwd, p);
  }

  private resolve(): { choices: ModelSetup[]; problems: Diagnostic[] } {
    const confs = [this.settings.config, ...this.settings.targets];
    const search = {
      cwd: this.cwd,
      includeDirs: this.settings.includeDirs.map((d) => this.absolute(d)),
    };
    const choices: ModelSetup[] = [];
    const problems: Diagnostic[] = [];
    for (const conf of confs) {
      // ordo's own targets (`arm64`, `sc`...) as `ordo run --arch` sets them up.
      if (conf && isRunTarget(conf)) {
        choices.push(targetSetup(conf));
        continue;
      }
      const file = conf && (isTargetName(conf) ? `${conf}.cfg` : this.absolute(conf));
      const given = file ? [commandLineSetting('conf', file)] : [];
      const r = resolveSetup(given, search);
      problems.push(...r.diagnostics.map(fromSettings));
      if (!r.value) continue;
      // The files a cfg names must lie in the configured folders themselves.
      const outside = [r.value.model, r.value.bell, r.value.macros].filter(
        (f): f is string => f !== undefined && !isInside(f, this.allowed),
      );
      if (outside.length > 0) {
        problems.push(outsideRoots(outside[0]));
        continue;
      }
      choices.push(r.value);
    }
    return { choices, problems };
  }

  private loadMacros(): { value?: MacroTable; problems: Diagnostic[] } {
    const file = this.targets().choices[0]?.macros;
    if (!file) return { problems: [] };
    const text = this.readFile(file);
    if (text === undefined) return { problems: [outsideRoots(file)] };
    const parsed = parseMacroFile(text, file);
    const problems = parsed.diagnostics.filter((d) => d.severity === 'error');
    return { value: parsed.value && macroTable(file, text, parsed.value), problems };
  }
}

/** Another bare word names a cfg: `<word>.cfg`, searched like a model file (ordo's cat-models/ last). */
function isTargetName(conf: string): boolean {
  return /^[\w-]+$/.test(conf);
}

function fromSettings(d: Diagnostic): Diagnostic {
  return d.span.file === COMMAND_LINE ? { ...d, span: span(SETTINGS_FILE, 0, 0) } : d;
}

function outsideRoots(file: string): Diagnostic {
  return error(
    'lsp/outside-roots',
    `ordo reads only the workspace and the configured model folders; ${file} is outside them`,
    span(SETTINGS_FILE, 0, 0),
  );
}
