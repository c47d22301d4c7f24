import { targetSetup, RUN_TARGETS } from './src/cli/arch-targets';
import { loadSetup } from './src/cli/load-setup';
import { checkTest } from './src/enumerate';
import { parseLitmus } from './src/litmus';
import { verdictOf } from './src/report';
import * as fs from 'node:fs';
const files = process.argv.slice(2);
const loaded = RUN_TARGETS.map((t) => { const l = loadSetup(targetSetup(t)); if (!l.value) { console.log(t, l.diagnostics.map(d=>d.message)); process.exit(1);} return l.value; });
for (const f of files) {
  const test = parseLitmus(fs.readFileSync(f, 'utf8'), f).value!;
  const row = [test.name.padEnd(40)];
  for (const l of loaded) {
    const r = checkTest(test, l.macros, l.model, { variants: l.setup.variants });
    const errs = r.diagnostics.filter(d => d.severity === 'error');
    row.push(errs.length ? 'ERR:' + errs[0].message.slice(0, 30) : verdictOf(r).observation.padEnd(9) + Math.round(r.timeMs));
  }
  console.log(row.join(' '));
}
