import type { Worker } from 'node:worker_threads';
import {
  type CodeLens,
  CodeLensRefreshRequest,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Diagnostic as LspDiagnostic,
  type Range,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseMacroFile, unreachable } from '../litmus';
import { type Diagnostic, hasErrors } from '../source';
import { JobRunner, type RunningJob } from './check/job-runner';
import type { CheckJob, LintJob } from './check/messages';
import { spawnWorker } from './check/spawn-worker';
import { completeAt } from './completion';
import { Debouncer } from './debouncer';
import { type DocumentKind, documentKind, fileOf } from './documents';
import { hoverAt } from './hover';
import { analyseLitmus, type LitmusAnalysis } from './litmus-analysis';
import type { TestNames } from './litmus-names';
import { ModelContext } from './model-context';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { toLspDiagnostic, toRange } from './to-lsp';
import {
  type DocVerdicts,
  modelLabel,
  SHOW_WITNESS,
  verdictDiagnostics,
  verdictLenses,
} from './verdict-view';
import type { WitnessAnswer } from './witness';

/** Notification telling the client where the job (verdict or model lint) of a document version stands. */
export const CHECK_STATUS = 'ordo/checkStatus';

export interface CheckStatus {
  readonly uri: string;
  readonly version: number;
  readonly state: 'running' | 'done' | 'cancelled' | 'failed';
  readonly message?: string;
}

export const COMMANDS = { showWitness: SHOW_WITNESS, recheck: 'ordo.recheck' } as const;

export interface ServerOptions {
  /** Starts a worker for checks and lints; tests substitute scripted ones. */
  readonly spawnWorker?: (log: (line: string) => void) => Worker;
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
  verdicts?: DocVerdicts;
  failure?: { readonly version: number; readonly message: string };
  /** The running off-thread job: the verdict of a litmus text, the lint of a model file. */
  job?: { readonly version: number; readonly running: RunningJob };
}

class OrdoServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly states = new Map<string, DocState>();
  private readonly debouncer = new Debouncer();
  private readonly runner: JobRunner;
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
    const spawn = options.spawnWorker ?? spawnWorker;
    this.runner = new JobRunner(() => spawn(log));
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
        // Saves of model files invalidate the loaded models.
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
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
    // The running job is about text that no longer exists: stop it now, not after the debounce.
    this.cancelJob(doc.uri);
    this.debouncer.schedule(doc.uri, this.settings.debounceMs, () => this.analyse(doc.uri));
  }

  private closed(uri: string): void {
    this.debouncer.cancel(uri);
    this.cancelJob(uri);
    this.states.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private analyse(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const kind = this.kindOf(doc);
    if (!kind) return;
    const st = this.state(uri);
    const file = fileOf(uri);
    st.verdicts = undefined;
    st.failure = undefined;
    switch (kind) {
      case 'litmus': {
        const litmus = analyseLitmus(doc.getText(), file, this.model.macros());
        st.analysis = { version: doc.version, litmus };
        if (litmus.names) st.names = litmus.names;
        const problems = [...litmus.diagnostics, ...this.model.problems()];
        this.setFast(doc, problems);
        const { choices } = this.model.targets();
        // A target that does not resolve is reported above; the others still give verdicts.
        if (litmus.test && !hasErrors(litmus.diagnostics) && choices.length > 0) {
          const job = { kind: 'check' as const, file, text: doc.getText(), targets: choices };
          this.startJob(doc, { ...job, limits: this.settings.limits, generation: this.generation });
        }
        return;
      }
      case 'model':
        this.startJob(doc, this.model.lintJob(file, doc.getText(), this.settings.limits));
        return;
      case 'macros':
        this.setFast(doc, parseMacroFile(doc.getText(), file).diagnostics);
        return;
      default:
        unreachable(kind);
    }
  }

  private setFast(doc: TextDocument, diagnostics: readonly Diagnostic[]): void {
    const target = { doc, file: fileOf(doc.uri) };
    this.state(doc.uri).fast = diagnostics.map((d) =>
      toLspDiagnostic(d, target, this.model.lookup),
    );
    this.publish(doc);
  }

  private startJob(doc: TextDocument, job: CheckJob | LintJob): void {
    this.cancelJob(doc.uri);
    const st = this.state(doc.uri);
    const version = doc.version;
    const running = this.runner.run(job);
    st.job = { version, running };
    this.status({ uri: doc.uri, version, state: 'running' });
    void running.outcome.then((o) => {
      if (st.job?.running !== running) return; // cancelled: already reported
      st.job = undefined;
      const current = this.documents.get(doc.uri);
      switch (o.kind) {
        case 'verdicts':
          st.verdicts = {
            version,
            labels: job.kind === 'check' ? job.targets.map(modelLabel) : [],
            items: o.verdicts,
          };
          break;
        case 'lint':
          if (current?.version === version) this.setFast(current, o.diagnostics);
          break;
        case 'crashed':
          st.failure = { version, message: o.message };
          break;
        case 'cancelled':
        case 'witness': // witnesses are drawn on demand (showWitness), never as a document's job
          return;
        default:
          unreachable(o);
      }
      // Results first: a client seeing `done` already has them.
      if (current?.version === version) this.publish(current);
      if (this.client.codeLensRefresh)
        void this.connection.sendRequest(CodeLensRefreshRequest.type);
      const failed = o.kind === 'crashed';
      this.status({
        uri: doc.uri,
        version,
        state: failed ? 'failed' : 'done',
        ...(failed ? { message: o.message } : {}),
      });
    });
  }

  private cancelJob(uri: string): void {
    const st = this.states.get(uri);
    const job = st?.job;
    if (!st || !job) return;
    st.job = undefined;
    job.running.cancel();
    this.status({ uri, version: job.version, state: 'cancelled' });
  }

  private status(s: CheckStatus): void {
    void this.connection.sendNotification(CHECK_STATUS, s);
  }

  private publish(doc: TextDocument): void {
    const st = this.state(doc.uri);
    const target = { doc, file: fileOf(doc.uri) };
    const current = <T extends { version: number }>(x: T | undefined) =>
      x?.version === doc.version ? x : undefined;
    const diagnostics = [
      ...st.fast,
      ...verdictDiagnostics(
        this.verdictRange(doc, st),
        current(st.verdicts),
        current(st.failure)?.message,
        (d) => toLspDiagnostic(d, target, this.model.lookup),
      ),
    ];
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  /** Where verdicts and job failures are shown: the condition, else the test's name, else the top. */
  private verdictRange(doc: TextDocument, st: DocState): Range {
    const test = st.analysis?.version === doc.version ? st.analysis.litmus.test : undefined;
    return toRange(doc, test?.condition?.span ?? test?.nameSpan ?? { start: 0, end: 0 });
  }

  private codeLenses(uri: string): CodeLens[] {
    const doc = this.documents.get(uri);
    const st = this.states.get(uri);
    if (!doc || !st || st.verdicts?.version !== doc.version) return [];
    return verdictLenses(uri, this.verdictRange(doc, st), st.verdicts);
  }

  private async showWitness(uri: string, index: number): Promise<WitnessAnswer | null> {
    const doc = this.documents.get(uri);
    const target = this.model.targets().choices[index];
    if (!doc || !target) return null;
    const outcome = await this.runner.run({
      kind: 'witness',
      file: fileOf(uri),
      text: doc.getText(),
      target,
      limits: this.settings.limits,
      generation: this.generation,
    }).outcome;
    const answer: WitnessAnswer =
      outcome.kind === 'witness'
        ? outcome.answer
        : { kind: 'none', message: `ordo could not draw the witness (${outcome.kind})` };
    if (answer.kind === 'none') void this.connection.window.showInformationMessage(answer.message);
    return answer;
  }
}
