// CLI adapter: herd-style settings (`.cfg` files and model options) and where model files are found.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTargetId, TARGETS } from '../events/lowering';
import { unreachable } from '../litmus';
import { type Diagnostic, error, type Result, type Span, span, warning } from '../source';

/** One `key value` setting, from a `.cfg` line or a command-line option. */
export interface Setting {
  readonly key: string;
  readonly value: string;
  readonly span: Span;
}

/** Where a setting came from when it is not in a file: diagnostics print this as the file. */
export const COMMAND_LINE = '<command line>';

export function commandLineSetting(key: string, value: string): Setting {
  return { key, value, span: span(COMMAND_LINE, 0, 0) };
}

type KeyKind = 'file' | 'list' | 'int' | 'seconds' | 'conf' | 'picture' | 'unsupported' | 'target';

/**
 * The keys herd accepts in cfg files (its `-key value` options). Picture keys are kept for
 * the graph output; `unsupported` ones are accepted with a warning that ordo ignores them.
 */
const KEYS: Readonly<Record<string, KeyKind>> = {
  // ordo's own key: lower C primitives to an architecture's instructions (src/events/lowering).
  target: 'target',
  macros: 'file',
  bell: 'file',
  model: 'file',
  cat: 'file',
  variant: 'list',
  include: 'list',
  skipchecks: 'list',
  skipcheck: 'list',
  unroll: 'int',
  timeout: 'seconds',
  conf: 'conf',
  'local-conf': 'conf',
  ...Object.fromEntries(
    [
      'graph',
      'squished',
      'showevents',
      'movelabel',
      'fontsize',
      'xscale',
      'yscale',
      'arrowsize',
      'showinitrf',
      'showfinalrf',
      'showinitwrites',
      'splines',
      'pad',
      'edgeattr',
      'show',
      'nshow',
      'showflag',
      'doshow',
      'unshow',
      'showpo',
      'showthread',
      'showlegend',
      'oneinit',
      'dotmode',
      'dotcom',
      'through',
    ].map((k) => [k, 'picture']),
  ),
  ...Object.fromEntries(
    [
      'strictskip',
      'optace',
      'speedcheck',
      'restrict',
      'names',
      'excl',
      'kinds',
      'conds',
      'outcomereads',
    ].map((k) => [k, 'unsupported']),
  ),
};

export function isConfigKey(key: string): boolean {
  return Object.hasOwn(KEYS, key);
}

/** Reads a cfg file's text: `key value` per line, `#` comments, blank lines ignored. */
export function parseConfig(text: string, file: string): Result<Setting[]> {
  const settings: Setting[] = [];
  const diagnostics: Diagnostic[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    // Trimmed first: a lazy value before `\s*$` backtracks quadratically on long blanks.
    const line = raw.replace(/#.*/, '').trimEnd();
    const m = /^(\s*)(\S+)(?:\s+(.*))?$/.exec(line);
    if (!m) continue;
    const start = lineStart + m[1].length;
    const at = span(file, start, lineStart + line.length);
    const key = m[2];
    if (!isConfigKey(key)) {
      diagnostics.push(
        error('config/unknown-key', `unknown key '${key}' in configuration file`, {
          ...at,
          end: start + key.length,
        }),
      );
    } else if (m[3] === undefined || m[3] === '') {
      diagnostics.push(error('config/missing-value', `key '${key}' needs a value`, at));
    } else {
      settings.push({ key, value: m[3], span: at });
    }
  }
  return { value: settings, diagnostics };
}

/** Everything the settings say, before any model file is looked up. */
export interface ModelSettings {
  /** cfg files read (as found on disk), in order. */
  readonly confs: string[];
  model?: Setting;
  bell?: Setting;
  macros?: Setting;
  readonly variants: string[];
  readonly includeDirs: string[];
  readonly skipChecks: string[];
  unroll?: number;
  timeoutSeconds?: number;
  /** Picture keys in order (edgeattr repeats), for graph output. */
  readonly picture: [string, string][];
  target?: string;
}

export function emptySettings(): ModelSettings {
  return { confs: [], variants: [], includeDirs: [], skipChecks: [], picture: [] };
}

/** How names are looked up: cwd, then `-I` dirs and $HERDLIB, then cfg folders, then ordo's own. */
export interface SearchPath {
  readonly cwd: string;
  readonly includeDirs: readonly string[];
  readonly herdLib?: string;
}

/**
 * Applies settings in order, as herd applies options left to right: later `model`, `bell`,
 * `macros`, `unroll`, `timeout` win, `variant`/`include`/`skipchecks` accumulate, `local-conf`
 * reads another cfg file at that point. Returns the diagnostics.
 */
export function applySettings(
  into: ModelSettings,
  settings: readonly Setting[],
  search: SearchPath,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const s of settings) {
    const kind = KEYS[s.key];
    switch (kind) {
      case 'file':
        into[s.key === 'cat' ? 'model' : (s.key as 'model' | 'bell' | 'macros')] = s;
        break;
      case 'list': {
        const items = s.value.split(',').map((v) => v.trim());
        if (s.key === 'variant') into.variants.push(...items);
        else if (s.key === 'include') into.includeDirs.push(...items.map((d) => relativeTo(s, d)));
        else into.skipChecks.push(...items);
        break;
      }
      case 'int':
        if (!/^\d+$/.test(s.value)) diagnostics.push(badValue(s, 'a non-negative integer'));
        else into.unroll = Number(s.value);
        break;
      case 'seconds':
        if (!/^\d+(\.\d*)?$/.test(s.value)) diagnostics.push(badValue(s, 'a number of seconds'));
        else into.timeoutSeconds = Number(s.value);
        break;
      case 'conf':
        diagnostics.push(...readConf(into, s, search));
        break;
      case 'picture':
        into.picture.push([s.key, s.value]);
        break;
      case 'target':
        if (isTargetId(s.value)) into.target = s.value;
        else diagnostics.push(badValue(s, `one of ${Object.keys(TARGETS).join(', ')}`));
        break;
      case 'unsupported':
        diagnostics.push(
          warning('config/unsupported', `ordo ignores '${s.key}' (not supported yet)`, s.span),
        );
        break;
      case undefined:
        diagnostics.push(error('config/unknown-key', `unknown option '${s.key}'`, s.span));
        break;
      default:
        return unreachable(kind);
    }
  }
  return diagnostics;
}

/** Reads the cfg file a `conf`/`local-conf` setting names and applies its settings. */
export function readConf(into: ModelSettings, s: Setting, search: SearchPath): Diagnostic[] {
  const found = findFile(s.value, search, into.confs);
  if (!found) return [notFound(s, search, into.confs)];
  if (into.confs.includes(found)) {
    return [error('config/recursive', `configuration file ${s.value} includes itself`, s.span)];
  }
  const text = fs.readFileSync(found, 'utf8');
  into.confs.push(found);
  const parsed = parseConfig(text, found);
  return [...parsed.diagnostics, ...applySettings(into, parsed.value ?? [], search)];
}

function relativeTo(s: Setting, dir: string): string {
  return s.span.file === COMMAND_LINE ? dir : path.resolve(path.dirname(s.span.file), dir);
}

function badValue(s: Setting, expected: string): Diagnostic {
  return error('config/bad-value', `'${s.key}' expects ${expected}, not '${s.value}'`, s.span);
}

/** ordo's own model library: `cat-models/` beside the package root (from src/ or dist/). */
export function catModelsDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'cat-models');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(__dirname, '..', '..', 'cat-models');
    dir = parent;
  }
}

function searchDirs(search: SearchPath, confs: readonly string[]): string[] {
  return [
    search.cwd,
    ...search.includeDirs.map((d) => path.resolve(search.cwd, d)),
    ...(search.herdLib ? [search.herdLib] : []),
    ...confs.map((c) => path.dirname(c)),
    catModelsDir(),
  ];
}

/** A model file name resolved along the search path, or undefined. Absolute names are taken as is. */
export function findFile(
  name: string,
  search: SearchPath,
  confs: readonly string[],
): string | undefined {
  // A folder is not a model file (reading one would throw EISDIR).
  if (path.isAbsolute(name))
    return fs.statSync(name, { throwIfNoEntry: false })?.isFile() ? name : undefined;
  for (const dir of searchDirs(search, confs)) {
    const candidate = path.resolve(dir, name);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function notFound(s: Setting, search: SearchPath, confs: readonly string[]): Diagnostic {
  const dirs = [...new Set(searchDirs(search, confs))].map((d) => path.relative('.', d) || '.');
  return error(
    'config/file-not-found',
    `cannot find ${s.value} (searched ${dirs.join(', ')})`,
    s.span,
  );
}

/** What loading a model needs: resolved paths and options. */
export interface ModelSetup {
  /** How the model is named in reports: the cfg file or the cat file, as the user gave it. */
  readonly label: string;
  readonly model: string;
  readonly bell?: string;
  readonly macros?: string;
  readonly variants: readonly string[];
  readonly includeDirs: readonly string[];
  readonly skipChecks: readonly string[];
  readonly unroll?: number;
  readonly timeoutSeconds?: number;
  readonly picture: readonly (readonly [string, string])[];
  /** `ordo run --arch`: lower C primitives to this architecture first (src/events/lowering). */
  readonly target?: string;
}

/** Settings that choose a model, so that ordo's default is not read. */
const MODEL_CHOICES = ['conf', 'local-conf', 'model', 'cat'];

/** ordo's default model: its own LKMM rendition. */
export const DEFAULT_CONF = 'lkmm.cfg';

/**
 * Resolves every file the settings name. With neither a cfg file nor a model, ordo's own
 * LKMM (cat-models/lkmm.cfg) is read first and the settings given override it.
 */
export function resolveSetup(given: readonly Setting[], search: SearchPath): Result<ModelSetup> {
  const settings = emptySettings();
  const diagnostics: Diagnostic[] = [];
  if (!given.some((s) => MODEL_CHOICES.includes(s.key))) {
    const defaultConf = path.join(catModelsDir(), DEFAULT_CONF);
    if (!fs.existsSync(defaultConf)) {
      diagnostics.push(
        error(
          'config/no-default-model',
          `ordo's default model ${defaultConf} is missing; give a model with --conf FILE or --model FILE`,
          span(COMMAND_LINE, 0, 0),
        ),
      );
      return { value: undefined, diagnostics };
    }
    diagnostics.push(...readConf(settings, commandLineSetting('conf', defaultConf), search));
  }
  diagnostics.push(...applySettings(settings, given, search));
  const resolve = (s: Setting | undefined): string | undefined => {
    if (!s) return undefined;
    const found = findFile(s.value, search, settings.confs);
    if (!found) diagnostics.push(notFound(s, search, settings.confs));
    return found;
  };
  if (!settings.model) {
    diagnostics.push(
      error(
        'config/no-model',
        'no cat model given (a `model` key or --model FILE)',
        span(COMMAND_LINE, 0, 0),
      ),
    );
  }
  const model = resolve(settings.model);
  const bell = resolve(settings.bell);
  const macros = resolve(settings.macros);
  if (!model || diagnostics.some((d) => d.severity === 'error')) {
    return { value: undefined, diagnostics };
  }
  const chosen = given.filter((s) => MODEL_CHOICES.includes(s.key)).pop();
  return {
    value: {
      label: chosen?.value ?? DEFAULT_CONF,
      model,
      bell,
      macros,
      variants: [...new Set(settings.variants)],
      includeDirs: [
        ...search.includeDirs.map((d) => path.resolve(search.cwd, d)),
        ...settings.includeDirs,
        ...(search.herdLib ? [search.herdLib] : []),
        ...settings.confs.map((c) => path.dirname(c)),
      ],
      skipChecks: settings.skipChecks,
      unroll: settings.unroll,
      timeoutSeconds: settings.timeoutSeconds,
      picture: settings.picture,
      target: settings.target,
    },
    diagnostics,
  };
}
