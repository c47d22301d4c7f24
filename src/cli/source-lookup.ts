// CLI adapter: source text for printing diagnostics, read from disk once per file on demand.
import * as fs from 'node:fs';
import { SourceFile, type SourceLookup } from '../source';

export function diskLookup(): SourceLookup {
  const cache = new Map<string, SourceFile | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let source: SourceFile | undefined;
      try {
        source = new SourceFile(file, fs.readFileSync(file, 'utf8'));
      } catch {
        source = undefined;
      }
      cache.set(file, source);
    }
    return cache.get(file);
  };
}
