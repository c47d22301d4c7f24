// Litmus test support: the shared litmus corpus (../shared) and herd7's verdict table over it.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SHARED_DIR = path.resolve('..', 'shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus', 'litmus');
const ORACLE_TSV = path.join(SHARED_DIR, 'oracle', 'herd7-manual.tsv');

export const sharedPresent = (): boolean => fs.existsSync(SHARED_DIR);

export interface CorpusFile {
  /** Relative to the corpus directory, e.g. `manual/atomic/C-atomic-01.litmus`. */
  readonly name: string;
  readonly path: string;
  readonly text: string;
  /** The header's first word: `C`, `LISA`, `PPC`, ... */
  readonly arch: string;
}

/** Every `.litmus` file of the corpus, sorted by name. */
export function corpusFiles(): CorpusFile[] {
  const files: CorpusFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.litmus')) {
        const text = fs.readFileSync(p, 'utf8');
        const arch = /^\s*(\S+)/.exec(text)?.[1] ?? '';
        files.push({ name: path.relative(CORPUS_DIR, p), path: p, text, arch });
      }
    }
  };
  walk(CORPUS_DIR);
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The `arch` column of herd7-manual.tsv, by relative path. */
export function oracleArchitectures(): Map<string, string> {
  const [header, ...rows] = fs.readFileSync(ORACLE_TSV, 'utf8').trim().split('\n');
  const columns = header.split('\t');
  const relpath = columns.indexOf('relpath');
  const arch = columns.indexOf('arch');
  return new Map(rows.map((r) => r.split('\t')).map((r) => [r[relpath], r[arch]]));
}
