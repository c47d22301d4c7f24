// LSP adapter: the diagnostics of a model file (`.cat`, `.bell`) from the editor's text, with its
// includes read from the allowed folders only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadModel } from '../../interp';
import type { Diagnostic } from '../../source';
import { isInside } from '../roots';
import type { LintJob } from './messages';

export function lintModel(job: LintJob): readonly Diagnostic[] {
  const self = path.resolve(job.file);
  const readFile = (f: string): string | undefined => {
    if (path.resolve(f) === self) return job.text;
    if (!isInside(f, job.roots)) return undefined;
    try {
      return fs.readFileSync(f, 'utf8');
    } catch {
      return undefined;
    }
  };
  return loadModel(job.spec, { variants: job.variants, includeDirs: job.includeDirs, readFile })
    .diagnostics;
}
