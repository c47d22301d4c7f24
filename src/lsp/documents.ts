// LSP adapter: which kind of ordo file a document is, and the file name its spans carry.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export type DocumentKind = 'litmus' | 'model' | 'macros';

const BY_EXTENSION: Readonly<Record<string, DocumentKind>> = {
  '.litmus': 'litmus',
  '.cat': 'model',
  '.bell': 'model',
  '.def': 'macros',
};

const BY_LANGUAGE: Readonly<Record<string, DocumentKind>> = {
  litmus: 'litmus',
  cat: 'model',
  bell: 'model',
  'litmus-macros': 'macros',
};

/** The extension decides (editors disagree on language ids); the language id covers unsaved buffers. */
export function documentKind(uri: string, languageId: string): DocumentKind | undefined {
  return BY_EXTENSION[path.extname(fileOf(uri)).toLowerCase()] ?? BY_LANGUAGE[languageId];
}

/** A file: URI's path; other schemes (untitled:) keep the URI as their name. */
export function fileOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}
