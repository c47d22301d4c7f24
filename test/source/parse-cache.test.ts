// Source tests: the disk cache of parse results, each case in a child process with its own
// temporary folder (the cache's folder is chosen once per process).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';

const SOURCE = path.resolve('src', 'source');

/**
 * Runs `body` with `cachedParse`, two counting parsers (parseA, parseB) and `dirs` (an empty
 * code folder), TMPDIR set to `tmp`; returns what the body prints as JSON.
 */
function inChild(tmp: string, body: string): unknown {
  const code = `
    const { cachedParse } = require(${JSON.stringify(SOURCE)});
    const calls = { a: 0, b: 0 };
    const parseA = (text, file) => (calls.a++, { value: { a: text, file }, diagnostics: [] });
    const parseB = (text, file) => (calls.b++, { value: { b: text, file }, diagnostics: [] });
    const dirs = [${JSON.stringify(path.join(tmp, 'code'))}];
    ${body}`;
  const out = execFileSync(
    process.execPath,
    ['--conditions=import', '--import', 'tsx', '-e', code],
    { env: { ...process.env, TMPDIR: tmp, ORDO_NO_CACHE: '' }, encoding: 'utf8' },
  );
  return JSON.parse(out);
}

const user = process.getuid?.() ?? os.userInfo().username;

describe('source: parse cache', function () {
  this.timeout(30_000);
  let tmp: string;
  let root: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-cache-test-'));
    fs.mkdirSync(path.join(tmp, 'code'));
    root = path.join(tmp, `ordo-parse-cache-${user}`);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('parses once per parser, file and text, and reads the rest back', () => {
    const out = inChild(
      tmp,
      `const values = [
         cachedParse(parseA, 'x', 'f', dirs), cachedParse(parseA, 'x', 'f', dirs),
         cachedParse(parseB, 'x', 'f', dirs), cachedParse(parseA, 'y', 'f', dirs),
         cachedParse(parseA, 'x', 'g', dirs),
       ].map((r) => r.value);
       console.log(JSON.stringify({ calls, values }));`,
    );
    expect(out).to.deep.equal({
      calls: { a: 3, b: 1 },
      values: [
        { a: 'x', file: 'f' },
        { a: 'x', file: 'f' },
        { b: 'x', file: 'f' },
        { a: 'y', file: 'f' },
        { a: 'x', file: 'g' },
      ],
    });
    const again = inChild(
      tmp,
      `cachedParse(parseA, 'x', 'f', dirs); console.log(JSON.stringify(calls));`,
    );
    expect(again).to.deep.equal({ a: 0, b: 0 });
  });

  it('removes folders of other builds unused for a day, when a build starts its own', () => {
    fs.mkdirSync(path.join(root, 'old'), { recursive: true });
    fs.mkdirSync(path.join(root, 'recent'));
    fs.writeFileSync(path.join(root, 'old-layout.v8'), '');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    for (const old of ['old', 'old-layout.v8']) {
      fs.utimesSync(path.join(root, old), twoDaysAgo, twoDaysAgo);
    }
    inChild(tmp, `cachedParse(parseA, 'x', 'f', dirs); console.log('0');`);
    const left = fs.readdirSync(root);
    expect(left).to.include('recent').and.not.include('old').and.not.include('old-layout.v8');
    expect(left).to.have.length(2);
  });

  it('does not use a folder others may write into', function () {
    if (process.getuid === undefined) this.skip();
    fs.mkdirSync(root, { mode: 0o700 });
    fs.chmodSync(root, 0o777);
    const out = inChild(
      tmp,
      `cachedParse(parseA, 'x', 'f', dirs); cachedParse(parseA, 'x', 'f', dirs);
       console.log(JSON.stringify(calls));`,
    );
    expect(out).to.deep.equal({ a: 2, b: 0 });
    expect(fs.readdirSync(root)).to.deep.equal([]);
  });
});
