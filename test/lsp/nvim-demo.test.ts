// A real editor: scripts/nvim-lsp-demo.sh opens a library test in headless Neovim, whose
// built-in LSP client receives ordo's diagnostics and verdict.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';

const ROOT = path.resolve(__dirname, '..', '..');
const TEST = path.join(ROOT, 'litmus', 'classic', 'SB+mbs.litmus');

function hasNvim(): boolean {
  return spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
}

describe('scripts/nvim-lsp-demo.sh (headless Neovim)', function () {
  this.timeout(90_000);

  before(function () {
    if (!hasNvim()) {
      console.log(
        '    note: nvim is not installed (apt-get install neovim); skipping the editor test',
      );
      this.skip();
    }
    if (!fs.existsSync(TEST)) {
      console.log(`    note: ${path.relative(ROOT, TEST)} is missing; skipping the editor test`);
      this.skip();
    }
  });

  it('prints the diagnostics and the verdict Neovim received for a library test', () => {
    const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'nvim-lsp-demo.sh'), TEST, '60'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stdout + r.stderr).to.equal(0);
    // The library states its expected LKMM verdict in a `Result:` comment.
    const expected = /Result:\s*(\w+)/.exec(fs.readFileSync(TEST, 'utf8'))?.[1];
    const verdict = new RegExp(
      `^SB\\+mbs\\.litmus:\\d+:\\d+: info: ${expected} under LKMM \\(\\d+ of \\d+ executions?\\) \\[ordo/verdict\\]$`,
      'm',
    );
    expect(r.stdout).to.match(verdict);
  });
});
