// VS Code client: starts `ordo lsp --stdio`, passes the `ordo.*` settings, shows check
// progress in the status bar and opens witness graphs the server draws.
import * as path from 'node:path';
import {
  type ExtensionContext,
  StatusBarAlignment,
  type StatusBarItem,
  ViewColumn,
  commands,
  window,
  workspace,
} from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

/** Mirrors src/lsp/server.ts (`CheckStatus`) and src/lsp/witness.ts (`WitnessAnswer`). */
interface CheckStatus {
  readonly uri: string;
  readonly version: number;
  readonly state: 'running' | 'done' | 'cancelled' | 'failed';
  readonly message?: string;
}

type WitnessAnswer =
  | { readonly kind: 'graph'; readonly dot: string; readonly svg?: string }
  | { readonly kind: 'none'; readonly message: string };

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const status = window.createStatusBarItem(StatusBarAlignment.Left);
  context.subscriptions.push(
    status,
    commands.registerCommand('ordo.restartServer', async () => {
      await client?.stop();
      client = await startClient(context, status);
    }),
  );
  client = await startClient(context, status);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function ordoExecutable(): string {
  const configured = workspace.getConfiguration('ordo').get<string>('path') || 'ordo';
  const root = workspace.workspaceFolders?.[0]?.uri.fsPath;
  // A bare name is looked up on PATH; a relative path is the workspace's (e.g. bin/ordo).
  return root && configured.includes('/') && !path.isAbsolute(configured)
    ? path.join(root, configured)
    : configured;
}

async function startClient(context: ExtensionContext, status: StatusBarItem): Promise<LanguageClient> {
  // TransportKind.stdio appends `--stdio`: the server runs as `ordo lsp --stdio`.
  const run = { command: ordoExecutable(), args: ['lsp'], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'litmus' },
      { language: 'cat' },
      { language: 'litmus-macros' },
    ],
    initializationOptions: { settings: workspace.getConfiguration('ordo') },
    synchronize: {
      configurationSection: 'ordo',
      fileEvents: workspace.createFileSystemWatcher('**/*.{cat,bell,def,cfg}'),
    },
    middleware: {
      executeCommand: async (command, args, next) => {
        // From the command palette: the command is about the active editor's document.
        const uri = window.activeTextEditor?.document.uri.toString();
        const answer: unknown = await next(command, args.length === 0 && uri ? [uri] : args);
        if (command === 'ordo.showWitness') await showWitness(answer as WitnessAnswer | null);
        return answer;
      },
    },
  };
  const c = new LanguageClient('ordo', 'ordo', serverOptions, clientOptions);
  context.subscriptions.push(
    c.onNotification('ordo/checkStatus', (s: CheckStatus) => showStatus(status, s)),
  );
  await c.start();
  return c;
}

function showStatus(item: StatusBarItem, s: CheckStatus): void {
  if (s.state === 'running') {
    item.text = '$(sync~spin) ordo: checking';
    item.tooltip = `Checking ${path.basename(s.uri)} (version ${s.version})`;
    item.show();
  } else if (s.state === 'failed') {
    item.text = '$(warning) ordo: check failed';
    item.tooltip = s.message;
    item.show();
  } else {
    item.hide();
  }
}

async function showWitness(answer: WitnessAnswer | null): Promise<void> {
  if (!answer || answer.kind === 'none') return; // the server has already said why
  if (answer.svg) {
    const panel = window.createWebviewPanel('ordoWitness', 'ordo: witness', ViewColumn.Beside, {});
    panel.webview.html = `<!DOCTYPE html><html><body>${answer.svg}</body></html>`;
    return;
  }
  const doc = await workspace.openTextDocument({ language: 'dot', content: answer.dot });
  await window.showTextDocument(doc, ViewColumn.Beside);
}
