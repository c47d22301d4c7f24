import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { expect } from 'chai';
import { VERSION } from '../../src/cli/version';

describe('cli: version and help', () => {
  it('reports the package.json version', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(VERSION).to.equal(pkg.version);
    expect(execFileSync('bin/ordo', ['--version'], { encoding: 'utf8' })).to.equal(
      `ordo ${VERSION}\n`,
    );
  });

  it('exits 2 on an unknown command', () => {
    try {
      execFileSync('bin/ordo', ['frobnicate'], { stdio: 'pipe' });
      expect.fail('should have exited non-zero');
    } catch (e) {
      expect((e as { status: number }).status).to.equal(2);
    }
  });
});
