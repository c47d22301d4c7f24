// CLI adapter: `ordo run --graphs DIR`: its options, the output folder, and the writer that
// files each test's graphs (recorded by the batch's checker) in input order.
import * as fs from 'node:fs';
import {
  type DotOptions,
  type GraphFormat,
  type GraphSelection,
  outcomeGraphs,
  type TestOutcome,
  writeTestGraphs,
} from '../report';

export interface GraphOutput {
  readonly dir: string;
  readonly show: GraphSelection;
  readonly format: GraphFormat;
}

const SELECTIONS: readonly string[] = ['witness', 'counterexample', 'all'];

/**
 * Takes `--graphs DIR`, `--show S` and `--format F` out of a command line; the rest is for
 * parseRunArgs (so the other commands that share it do not accept these silently).
 */
export function takeGraphOptions(
  argv: readonly string[],
): { readonly graphs?: GraphOutput; readonly rest: string[] } | string {
  let dir: string | undefined;
  let show: string | undefined;
  let format: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a !== '--graphs' && a !== '--show' && a !== '--format') {
      rest.push(a);
      continue;
    }
    const value = argv[++i];
    if (value === undefined) return `option ${a} needs a value`;
    if (a === '--graphs') dir = value;
    else if (a === '--show') show = value;
    else format = value;
  }
  if (dir === undefined) {
    return show === undefined && format === undefined
      ? { rest }
      : '--show and --format need --graphs DIR';
  }
  if (show !== undefined && !SELECTIONS.includes(show)) {
    return `--show expects one of ${SELECTIONS.join(', ')}, not '${show}'`;
  }
  if (format !== undefined && format !== 'dot' && format !== 'svg') {
    return `--format expects dot or svg, not '${format}'`;
  }
  const graphs: GraphOutput = {
    dir,
    show: (show ?? 'witness') as GraphSelection,
    format: (format ?? 'dot') as GraphFormat,
  };
  return { graphs, rest };
}

/** Creates the folder and its parents; a usage problem when that cannot be done. */
export function prepareGraphDir(dir: string): string | undefined {
  try {
    fs.mkdirSync(dir, { recursive: true });
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'not a folder' : (code ?? String(e));
    return `--graphs ${dir}: ${why}`;
  }
}

export interface GraphWriter {
  /** Files an outcome's graphs (SVG is rendered in the background, in input order). */
  write(outcome: TestOutcome): void;
  /** Waits for every file; the number written and what could not be written. */
  done(): Promise<{ readonly files: number; readonly problems: readonly string[] }>;
}

export function graphWriter(output: GraphOutput, options: DotOptions): GraphWriter {
  let files = 0;
  const problems: string[] = [];
  let queue: Promise<void> = Promise.resolve();
  return {
    write(outcome) {
      const graphs = outcomeGraphs(outcome);
      if (graphs.length === 0) return;
      queue = queue.then(async () => {
        try {
          const { dir, format } = output;
          files += (await writeTestGraphs(dir, outcome.file, graphs, format, options)).length;
        } catch (e) {
          const why = (e as NodeJS.ErrnoException).code ?? String(e);
          problems.push(`cannot write the graphs of ${outcome.file}: ${why}`);
        }
      });
    },
    async done() {
      await queue;
      return { files, problems };
    },
  };
}
