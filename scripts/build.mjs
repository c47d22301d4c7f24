// Bundles the CLI into one CommonJS file so that a one-test run loads a single module
// (start-up is dominated by module resolution and parsing, not by our code).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/ordo.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  minifySyntax: true,
  loader: { '.ohm': 'text' },
  logLevel: 'warning',
});
