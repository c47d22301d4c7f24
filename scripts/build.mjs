// Bundles the CLI into one CommonJS file so that a one-test run loads a single module
// (start-up is dominated by module resolution and parsing, not by our code).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';

const outfile = 'dist/ordo.cjs';

/**
 * Graphviz (@viz-js/viz, 60% of the bundle as escaped WebAssembly) is needed by `graph --svg`
 * only: it stays a file of its own beside the bundle, so other runs do not read it.
 */
const vizFile = 'viz.cjs';
const separateViz = {
  name: 'separate-viz',
  setup(b) {
    b.onResolve({ filter: /^@viz-js\/viz$/ }, () => ({ path: `./${vizFile}`, external: true }));
  },
};

/**
 * The litmus parser's lookahead paths, computed here from the grammar: the bundle reads them
 * instead of computing them at each run (grammar/lazy-lookahead.ts).
 */
async function lookaheadTables() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-build-'));
  const generator = path.join(tmp, 'litmus-parser.cjs');
  try {
    await build({
      entryPoints: ['grammar/litmus-parser.ts'],
      outfile: generator,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'warning',
    });
    return createRequire(import.meta.url)(generator).litmusLookaheadTables();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  minifySyntax: true,
  // Fewer bytes to read, and no comments that could bring non-ASCII text (see below).
  minifyWhitespace: true,
  loader: { '.ohm': 'text' },
  // A string literal, parsed at run time: esbuild would make an object into a module of its own.
  define: { ORDO_LOOKAHEAD_TABLES: JSON.stringify(JSON.stringify(await lookaheadTables())) },
  plugins: [separateViz],
  logLevel: 'warning',
});
fs.copyFileSync(createRequire(import.meta.url).resolve('@viz-js/viz'), `dist/${vizFile}`);

// bin/ordo reads the bundle as latin1, several times faster than utf8 decoding, and V8 keeps
// an ASCII script as a one-byte string; esbuild escapes non-ASCII in code (charset ascii).
const bytes = fs.readFileSync(outfile);
const at = bytes.findIndex((b) => b > 0x7f);
if (at >= 0) {
  const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
  console.error(`${outfile}:${line}: a non-ASCII byte, but bin/ordo reads the bundle as latin1`);
  process.exit(1);
}
