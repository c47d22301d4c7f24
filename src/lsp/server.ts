// LSP adapter: the language server. Fast checks (syntax, names) run on the main thread after
// each burst of edits; verdicts run in worker threads and are cancelled when the text changes.
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import {
  type CodeLens,
  CodeLensRefreshRequest,
  type Connection,
  DiagnosticSeverity,
  type InitializeParams,
  type InitializeResult,
  type Diagnostic as LspDiagnostic,
  type Range,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModelSetup } from '../cli/config';
import { unreachable } from '../litmus/ast';
import { hasErrors } from '../source';
import { CheckRunner, type RunningCheck } from './check/check-runner';
import type { TargetVerdict } from './check/messages';
import { spawnCheckWorker } from './check/spawn-check-worker';
import { completeAt } from './completion';
import { Debouncer } from './debouncer';
import { type DocumentKind, documentKind, fileOf } from './documents';
import { hoverAt } from './hover';
import { analyseLitmus, type LitmusAnalysis } from './litmus-analysis';
import type { TestNames } from './litmus-names';
import { ModelContext } from './model-context';
import { modelFileDiagnostics } from './model-diagnostics';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { toLspDiagnostic, toRange } from './to-lsp';
import { verdictText } from './verdict-text';
import { pendingWitnessGraphs, type WitnessGraphs } from './witness';

/** Notification telling the client where the verdict of a document version stands. */
export const CHECK_STATUS = 'ordo/checkStatus';

export interface CheckStatus {
  readonly uri: string;
  readonly version: number;
  readonly state: 'running' | 'done' | 'cancelled' | 'failed';
  readonly message?: string;
}

export const COMMANDS = { showWitness: 'ordo.showWitness', recheck: 'ordo.recheck' } as const;

export interface ServerOptions {
  /** Starts a check worker; tests substitute scripted ones. */
  readonly spawnWorker?: (log: (line: string) => void) => Worker;
  readonly witnessGraphs?: WitnessGraphs;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  new OrdoServer(connection, options).listen();
}

interface DocState {
  /** The last analysis of a litmus document, with the version it describes. */
  analysis?: { readonly version: number; readonly litmus: LitmusAnalysis };
  /** Names of the last version that parsed: hovers and completion keep working while typing. */
  names?: TestNames;
  fast: LspDiagnostic[];
  verdicts?: {
    readonly version: number;
    readonly labels: readonly string[];
    readonly items: readonly TargetVerdict[];
  };
  failure?: { readonly version: number; readonly message: string };
  check?: { readonly version: number; readonly running: RunningCheck };
}

class OrdoServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly states = new Map<string, DocState>();
  private readonly debouncer = new Debouncer();
  private readonly runner: CheckRunner;
  private readonly witnessGraphs: WitnessGraphs;
  private settings: Settings = DEFAULT_SETTINGS;
  private workspaceRoots: string[] = [];
  private model: ModelContext;
  private generation = 0;
  private client = { configuration: false, snippets: false, codeLensRefresh: false };

  constructor(
    private readonly connection: Connection,
    options: ServerOptions,
  ) {
    const log = (line: string): void => connection.console.log(line);
    const spawn = options.spawnWorker ?? spawnCheckWorker;
    this.runner = new CheckRunner(() => spawn(log));
    this.witnessGraphs = options.witnessGraphs ?? pendingWitnessGraphs;
    this.model = this.newModelContext();
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => void this.pullSettings());
    c.onDidChangeConfiguration((p) => {
      if (this.client.configuration) void this.pullSettings();
      else this.applySettings(readSettings((p.settings as { ordo?: unknown } | undefined)?.ordo));
    });
    c.onDidChangeWatchedFiles((p) => {
      if (p.changes.some((ch) => /\.(cat|bell|def|cfg)$/.test(ch.uri))) this.modelFilesChanged();
    });
    c.onShutdown(async () => {
      this.debouncer.dispose();
      await this.runner.dispose();
    });
    this.documents.onDidChangeContent((e) => this.changed(e.document));
    this.documents.onDidSave((e) => {
      if (this.kindOf(e.document) !== 'litmus') this.modelFilesChanged();
    });
    this.documents.onDidClose((e) => this.closed(e.document.uri));
    c.onHover((p) => {
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc || this.kindOf(doc) !== 'litmus') return null;
      const answer = hoverAt(doc.getText(), doc.offsetAt(p.position), {
        names: this.states.get(doc.uri)?.names,
        macros: this.model.macros(),
      });
      return answer ? { contents: answer.contents, range: toRange(doc, answer.token) } : null;
    });
    c.onCompletion((p) => {
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc || this.kindOf(doc) !== 'litmus') return [];
      const facts = {
        names: this.states.get(doc.uri)?.names,
        macros: this.model.macros(),
        snippets: this.client.snippets,
      };
      return completeAt(doc.getText(), doc.offsetAt(p.position), facts, (start, end) =>
        toRange(doc, { start, end }),
      );
    });
    c.onCodeLens((p) => this.codeLenses(p.textDocument.uri));
    c.onExecuteCommand(async (p) => {
      const [uri, index] = (p.arguments ?? []) as [string?, number?];
      if (p.command === COMMANDS.recheck && uri) return this.analyse(uri);
      if (p.command === COMMANDS.showWitness && uri) return this.showWitness(uri, index ?? 0);
      return null;
    });
    this.documents.listen(c);
    c.listen();
  }

  private initialize(p: InitializeParams): InitializeResult {
    const caps = p.capabilities;
    this.client = {
      configuration: caps.workspace?.configuration === true,
      snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
      codeLensRefresh: caps.workspace?.codeLens?.refreshSupport === true,
    };
    const folders = p.workspaceFolders?.map((f) => f.uri) ?? (p.rootUri ? [p.rootUri] : []);
    this.workspaceRoots = folders.filter((u) => u.startsWith('file:')).map(fileOf);
    const io = p.initializationOptions as { settings?: unknown } | undefined;
    this.applySettings(readSettings(io?.settings ?? io));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', '('] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
      },
      serverInfo: { name: 'ordo' },
    };
  }

  private async pullSettings(): Promise<void> {
    if (!this.client.configuration) return;
    const raw: unknown = await this.connection.workspace.getConfiguration('ordo');
    // Clients without an `ordo` section answer null: the initial settings stay.
    if (raw === null || raw === undefined) return;
    const settings = readSettings(raw);
    if (JSON.stringify(settings) !== JSON.stringify(this.settings)) this.applySettings(settings);
  }

  private applySettings(settings: Settings): void {
    this.settings = settings;
    this.modelFilesChanged();
  }

  private newModelContext(): ModelContext {
    return new ModelContext(this.settings, this.workspaceRoots, (file) => this.openText(file));
  }

  /** Models, their `.def` or the settings changed: everything derived from them is redone. */
  private modelFilesChanged(): void {
    this.generation++;
    this.model = this.newModelContext();
    const { choices } = this.model.targets();
    if (choices.length > 0) {
      this.runner.preload({ targets: choices, generation: this.generation });
    }
    for (const doc of this.documents.all())
      this.debouncer.schedule(doc.uri, 0, () => this.analyse(doc.uri));
  }

  private openText(file: string): string | undefined {
    return this.documents
      .all()
      .find((d) => fileOf(d.uri) === file)
      ?.getText();
  }

  private kindOf(doc: TextDocument): DocumentKind | undefined {
    return documentKind(doc.uri, doc.languageId);
  }

  private state(uri: string): DocState {
    const st = this.states.get(uri) ?? { fast: [] };
    this.states.set(uri, st);
    return st;
  }

  private changed(doc: TextDocument): void {
    // The running check is about text that no longer exists: stop it now, not after the debounce.
    this.cancelCheck(doc.uri);
    this.debouncer.schedule(doc.uri, this.settings.debounceMs, () => this.analyse(doc.uri));
  }

  private closed(uri: string): void {
    this.debouncer.cancel(uri);
    this.cancelCheck(uri);
    this.states.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private analyse(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const kind = this.kindOf(doc);
    if (!kind) return;
    const st = this.state(uri);
    const target = { doc, file: fileOf(uri) };
    const lookup = this.model.lookup;
    st.verdicts = undefined;
    st.failure = undefined;
    switch (kind) {
      case 'litmus': {
        const litmus = analyseLitmus(doc.getText(), target.file);
        st.analysis = { version: doc.version, litmus };
        if (litmus.names) st.names = litmus.names;
        const problems = [...litmus.diagnostics, ...this.model.problems()];
        st.fast = problems.map((d) => toLspDiagnostic(d, target, lookup));
        this.publish(doc);
        if (litmus.test && !hasErrors(problems)) this.startCheck(doc);
        return;
      }
      case 'model':
      case 'macros':
        st.fast = modelFileDiagnostics(kind, doc.getText(), target.file, this.model).map((d) =>
          toLspDiagnostic(d, target, lookup),
        );
        this.publish(doc);
        return;
      default:
        unreachable(kind);
    }
  }

  private startCheck(doc: TextDocument): void {
    const { choices } = this.model.targets();
    if (choices.length === 0) return;
    this.cancelCheck(doc.uri);
    const st = this.state(doc.uri);
    const version = doc.version;
    const running = this.runner.run({
      file: fileOf(doc.uri),
      text: doc.getText(),
      targets: choices,
      limits: this.settings.limits,
      generation: this.generation,
    });
    st.check = { version, running };
    this.status({ uri: doc.uri, version, state: 'running' });
    void running.outcome.then((o) => {
      if (st.check?.running !== running) return; // cancelled: already reported
      st.check = undefined;
      switch (o.kind) {
        case 'verdicts':
          st.verdicts = { version, labels: choices.map(modelLabel), items: o.verdicts };
          this.status({ uri: doc.uri, version, state: 'done' });
          break;
        case 'crashed':
          st.failure = { version, message: o.message };
          this.status({ uri: doc.uri, version, state: 'failed', message: o.message });
          break;
        case 'cancelled':
          return;
        default:
          unreachable(o);
      }
      const current = this.documents.get(doc.uri);
      if (current?.version === version) this.publish(current);
      if (this.client.codeLensRefresh)
        void this.connection.sendRequest(CodeLensRefreshRequest.type);
    });
  }

  private cancelCheck(uri: string): void {
    const st = this.states.get(uri);
    const check = st?.check;
    if (!st || !check) return;
    st.check = undefined;
    check.running.cancel();
    this.status({ uri, version: check.version, state: 'cancelled' });
  }

  private status(s: CheckStatus): void {
    void this.connection.sendNotification(CHECK_STATUS, s);
  }

  private publish(doc: TextDocument): void {
    const st = this.state(doc.uri);
    const diagnostics = [...st.fast, ...this.verdictDiagnostics(doc, st)];
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  /** Where verdicts are shown: the condition, else the test's header. */
  private verdictRange(doc: TextDocument, st: DocState): Range | undefined {
    const test = st.analysis?.version === doc.version ? st.analysis.litmus.test : undefined;
    if (!test) return undefined;
    return toRange(doc, test.condition?.span ?? test.nameSpan);
  }

  private verdictDiagnostics(doc: TextDocument, st: DocState): LspDiagnostic[] {
    const range = this.verdictRange(doc, st);
    if (!range) return [];
    const target = { doc, file: fileOf(doc.uri) };
    const out: LspDiagnostic[] = [];
    if (st.failure?.version === doc.version) {
      const message = `check failed: ${st.failure.message}`;
      out.push(ordoDiagnostic(range, DiagnosticSeverity.Warning, 'ordo/check-failed', message));
    }
    if (st.verdicts?.version !== doc.version) return out;
    const { labels, items } = st.verdicts;
    for (const [i, v] of items.entries()) {
      if (v.result) {
        const text = verdictText(labels[i], v.result);
        out.push(ordoDiagnostic(range, DiagnosticSeverity.Information, 'ordo/verdict', text));
      }
      const diags = [...v.diagnostics, ...(v.result?.diagnostics ?? [])];
      out.push(...diags.map((d) => toLspDiagnostic(d, target, this.model.lookup)));
    }
    return out;
  }

  private codeLenses(uri: string): CodeLens[] {
    const doc = this.documents.get(uri);
    const st = this.states.get(uri);
    if (!doc || !st || st.verdicts?.version !== doc.version) return [];
    const range = this.verdictRange(doc, st);
    if (!range) return [];
    const { labels, items } = st.verdicts;
    return items.flatMap((v, i) => {
      if (!v.result) return [];
      const title = verdictText(labels[i], v.result);
      return [{ range, command: { title, command: COMMANDS.showWitness, arguments: [uri, i] } }];
    });
  }

  private async showWitness(uri: string, index: number): Promise<unknown> {
    const doc = this.documents.get(uri);
    const target = this.model.targets().choices[index];
    if (!doc || !target) return null;
    const answer = await this.witnessGraphs.render({
      file: fileOf(uri),
      text: doc.getText(),
      target,
      limits: this.settings.limits,
    });
    if (answer.kind === 'none') void this.connection.window.showInformationMessage(answer.message);
    return answer;
  }
}

function ordoDiagnostic(
  range: Range,
  severity: DiagnosticSeverity,
  code: string,
  message: string,
): LspDiagnostic {
  return { range, severity, source: 'ordo', code, message };
}

/** How verdicts name a model: "LKMM" for ordo's and the kernel's LKMM, else the file's base name. */
export function modelLabel(setup: ModelSetup): string {
  const base = path.basename(setup.label).replace(/\.(cfg|cat)$/, '');
  return /^(lkmm|linux-kernel)$/.test(base) ? 'LKMM' : base;
}
