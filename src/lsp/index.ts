// LSP adapter: public face of the language server (started by `ordo lsp`; nothing else imports it).
export {
  CHECK_STATUS,
  type CheckStatus,
  COMMANDS,
  type ServerOptions,
  startServer,
} from './server';
