// Test support: an LSP client (vscode-languageserver-protocol) talking to ordo's server, in
// memory over a duplex pair or to a spawned `ordo lsp --stdio`.
import { type ChildProcess, spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { createConnection } from 'vscode-languageserver/node';
import {
  type CompletionItem,
  CompletionRequest,
  createProtocolConnection,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  type Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { CHECK_STATUS, type CheckStatus, startServer } from '../../../src/lsp';

/** `<|>` marks positions in fixture text (as Langium's tests do); returns the text without them. */
export function marked(source: string): { text: string; offsets: number[] } {
  const parts = source.split('<|>');
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts.slice(0, -1)) {
    at += p.length;
    offsets.push(at);
  }
  return { text: parts.join(''), offsets };
}

/** Line/character of an offset (fixtures are ASCII, so UTF-16 columns equal offsets). */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

interface Waiter<T> {
  readonly accept: (x: T) => boolean;
  readonly resolve: (x: T) => void;
}

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly statuses: CheckStatus[] = [];
  private readonly diagWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly statusWaiters: Waiter<CheckStatus>[] = [];
  private versions = new Map<string, number>();

  constructor(
    readonly connection: ProtocolConnection,
    private readonly dispose: () => Promise<void>,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.push(p);
      this.settle(this.diagWaiters, p);
    });
    connection.onNotification(CHECK_STATUS, (s: CheckStatus) => {
      this.statuses.push(s);
      this.settle(this.statusWaiters, s);
    });
    connection.onRequest('workspace/configuration', () => [null]);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
  }

  async initialize(settings: unknown = {}, rootUri: string | null = null): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri,
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
      initializationOptions: { settings },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(uri: string, text: string, languageId = 'litmus'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  hover(uri: string, text: string, offset: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: positionOf(text, offset),
    });
  }

  async complete(uri: string, text: string, offset: number): Promise<CompletionItem[]> {
    const r = await this.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionOf(text, offset),
    });
    return Array.isArray(r) ? r : (r?.items ?? []);
  }

  /** The next (or an already received) diagnostics publication for `uri` satisfying `accept`. */
  diagnosticsFor(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    const test = (p: PublishDiagnosticsParams) => p.uri === uri && accept(p);
    const seen = this.diagnostics.find(test);
    if (seen) return Promise.resolve(seen);
    return this.wait(this.diagWaiters, test, timeoutMs, `diagnostics for ${uri}`);
  }

  /** Like diagnosticsFor, ignoring publications already received. */
  nextDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    return this.wait(
      this.diagWaiters,
      (p) => p.uri === uri && accept(p),
      timeoutMs,
      `diagnostics for ${uri}`,
    );
  }

  status(accept: (s: CheckStatus) => boolean, timeoutMs = 10_000): Promise<CheckStatus> {
    const seen = this.statuses.find(accept);
    if (seen) return Promise.resolve(seen);
    return this.wait(this.statusWaiters, accept, timeoutMs, 'a check status');
  }

  async close(): Promise<void> {
    await this.dispose();
  }

  private wait<T>(
    waiters: Waiter<T>[],
    accept: (x: T) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
        timeoutMs,
      );
      waiters.push({
        accept,
        resolve: (x) => {
          clearTimeout(timer);
          resolve(x);
        },
      });
    });
  }

  private settle<T>(waiters: Waiter<T>[], x: T): void {
    for (const w of [...waiters]) {
      if (w.accept(x)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(x);
      }
    }
  }
}

/** Client and server in this process over a pair of in-memory streams. */
export function inMemoryServer(spawnWorker?: (log: (line: string) => void) => Worker): TestClient {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Message readers, not raw streams: the library would end the process when a stream closes.
  const server = createConnection(
    new StreamMessageReader(toServer),
    new StreamMessageWriter(toClient),
  );
  startServer(server, { spawnWorker });
  const client = createProtocolConnection(
    new StreamMessageReader(toClient),
    new StreamMessageWriter(toServer),
  );
  return new TestClient(client, async () => {
    await client.sendRequest(ShutdownRequest.type);
    client.dispose();
    server.dispose();
  });
}

/** `ordo lsp --stdio` as a child process, the way an editor starts it. */
export function spawnedServer(
  command: string,
  args: readonly string[],
): { client: TestClient; child: ChildProcess } {
  const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const client = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    client: new TestClient(client, async () => {
      await client.sendRequest(ShutdownRequest.type);
      await client.sendNotification(ExitNotification.type);
      await exited;
      client.dispose();
    }),
  };
}

export type { Diagnostic };
