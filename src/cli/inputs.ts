// CLI adapter: expands FILE|DIR|@listfile arguments into a sorted list of test files.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface InputProblem {
  readonly arg: string;
  readonly message: string;
}

export interface ExpandedInputs {
  readonly files: string[];
  readonly problems: InputProblem[];
}

/**
 * Directories are searched recursively for `*.litmus`; `@list` names a file holding one path
 * per line (relative to the list's folder; `#` comments and blank lines ignored).
 */
export function expandInputs(args: readonly string[], extension = '.litmus'): ExpandedInputs {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const visit = (arg: string, base: string): void => {
    if (arg.startsWith('@')) {
      const listPath = path.resolve(base, arg.slice(1));
      let text: string;
      try {
        text = fs.readFileSync(listPath, 'utf8');
      } catch {
        problems.push({ arg, message: `cannot read list file ${arg.slice(1)}` });
        return;
      }
      for (const line of text.split('\n')) {
        const entry = line.replace(/#.*/, '').trim();
        if (entry)
          visit(
            path.isAbsolute(entry) ? entry : path.join(path.dirname(arg.slice(1)), entry),
            base,
          );
      }
      return;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      problems.push({ arg, message: `no such file or directory: ${arg}` });
      return;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      collect(arg, extension, found);
      found.sort();
      files.push(...found);
    } else {
      files.push(arg);
    }
  };
  for (const arg of args) visit(arg, process.cwd());
  return { files, problems };
}

function collect(dir: string, extension: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) collect(p, extension, out);
    else if (entry.name.endsWith(extension)) out.push(p);
  }
}
