// Cat stage: where grammar/cat.ohm's text comes from, in the bundle and under tsx.
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The text of grammar/cat.ohm. In dist/ordo.cjs esbuild has inlined it (grammar-bundled.ts);
 * running from src/ under tsx, .ohm files cannot be imported, so it is read from disk.
 */
export function catGrammarText(): string {
  if (__filename.endsWith('.ts')) {
    return fs.readFileSync(path.join(__dirname, '..', '..', 'grammar', 'cat.ohm'), 'utf8');
  }
  return require('./grammar-bundled').default;
}
