// The library under every `ordo run --arch` target: each test gets a verdict per target (or is
// "not checked" for a primitive the target cannot lower); the lowerings are sound for the
// LKMM (an outcome it forbids is forbidden everywhere) and every architecture is weaker than
// SC; litmus/mm/ARCH-NOTES.md explains exactly the scenarios whose verdict differs between
// architectures, with the verdicts the models give.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { RUN_TARGETS, type RunTarget } from '../../src/cli/arch-targets';
import type { Observation } from '../../src/enumerate/result';
import { isTargetId, TARGETS, unsupportedCalls } from '../../src/events/lowering';
import { verdictOf } from '../../src/report';
import { libraryTests } from '../library/library-files';
import { check, parseTest } from '../models/model-runs';
import { loadTarget } from './arch-runs';

type Verdict = Observation | 'not checked';
const ARCHS = RUN_TARGETS.filter(isTargetId);
const NOTES = path.resolve('litmus', 'mm', 'ARCH-NOTES.md');

function verdicts(file: string): Record<RunTarget, Verdict> {
  const test = parseTest(fs.readFileSync(file, 'utf8'), file);
  const out = {} as Record<RunTarget, Verdict>;
  for (const t of RUN_TARGETS) {
    if (isTargetId(t) && unsupportedCalls(test, TARGETS[t]).length > 0) out[t] = 'not checked';
    else {
      const r = check(test, loadTarget(t));
      expect(
        r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
        t,
      ).to.deep.equal([]);
      out[t] = verdictOf(r).observation;
    }
  }
  return out;
}

/** `- \`name\` (x86-64: Never; arm64, power: Sometimes): sentence` lines of ARCH-NOTES.md. */
function notes(): Map<string, { claims: Map<string, string>; sentence: string }> {
  const out = new Map<string, { claims: Map<string, string>; sentence: string }>();
  for (const m of fs.readFileSync(NOTES, 'utf8').matchAll(/^- `([^`]+)` \(([^)]*)\): (.+)$/gm)) {
    const claims = new Map<string, string>();
    for (const group of m[2].split('; ')) {
      const [targets, word] = group.split(': ');
      for (const t of targets.split(', ')) claims.set(t, word);
    }
    out.set(m[1], { claims, sentence: m[3] });
  }
  return out;
}

describe('arch: the library under every target', function () {
  this.timeout(120000);
  const results = new Map<string, Record<RunTarget, Verdict>>();
  const files = libraryTests();

  for (const file of files) {
    it(file, () => {
      const v = verdicts(file);
      results.set(file, v);
      for (const a of ARCHS) {
        if (v[a] === 'not checked') {
          expect(fs.readFileSync(file, 'utf8'), a).to.match(/synchronize_rcu|srcu/);
          continue;
        }
        // The kernel's lowering implements the LKMM: what it forbids, no architecture allows.
        if (v.lkmm === 'Never') expect(v[a], `${a} allows what the LKMM forbids`).to.equal('Never');
        // Every architecture allows what sequential consistency allows.
        if (v.sc !== 'Never') expect(v[a], `${a} forbids what SC allows`).to.not.equal('Never');
      }
    });
  }

  it('explains in ARCH-NOTES.md each seed scenario whose verdict differs between architectures', () => {
    const documented = notes();
    const differing = files.filter((f) => {
      if (!f.includes(`${path.sep}mm${path.sep}`)) return false;
      const v = results.get(f)!;
      return new Set(ARCHS.map((a) => v[a])).size > 1;
    });
    expect([...documented.keys()].sort()).to.deep.equal(
      differing.map((f) => path.basename(f, '.litmus')).sort(),
    );
    for (const f of differing) {
      const name = path.basename(f, '.litmus');
      const { claims, sentence } = documented.get(name)!;
      const v = results.get(f)!;
      expect([...claims.keys()].sort(), name).to.deep.equal([...ARCHS].sort());
      for (const a of ARCHS) expect(claims.get(a), `${name} on ${a}`).to.equal(v[a]);
      expect(sentence, `${name}: one sentence`)
        .to.match(/\.$/)
        .and.not.match(/\.\s+[A-Z]/);
    }
  });

  it('counts each target the way ARCH-NOTES.md says', () => {
    const table = fs.readFileSync(NOTES, 'utf8');
    expect(results.size).to.equal(files.length);
    for (const t of RUN_TARGETS) {
      const count = (w: Verdict) => [...results.values()].filter((v) => v[t] === w).length;
      const row = `| ${t} | ${count('Never')} | ${count('Sometimes')} | ${count('Always')} | ${count('not checked')} |`;
      expect(table, row).to.include(row);
    }
  });
});
