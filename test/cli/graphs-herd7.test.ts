// `ordo herd7 -show ... -o DIR|-`: herd's pictures as DOT files or framed on stdout before
// each test's block, herd's -show words, -nshow, -doshow, -edgeattr, and bad values.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { herd7Command, herdGraphPlan } from '../../src/cli/commands/herd7';
import { selectionFor } from '../../src/report/graph-files';
import { drawnEdges } from '../support/drawn-edges';
import { runCaptured } from '../support/run-captured';
import { digraphCount, hasStackTrace, scratchWithClassics, witnessCounts } from './graphs-support';

/** The DOT between a test's DOTBEGIN and DOTEND lines, and what follows DOTEND. */
function framed(stdout: string, base: string): { dot: string; after: string } {
  const begin = `\nDOTBEGIN ${base}\nDOTCOM dot\n`;
  const end = `\nDOTEND ${base}\n`;
  const from = stdout.indexOf(begin);
  const to = stdout.indexOf(end, from);
  expect(from, `no DOTBEGIN ${base}`).to.be.at.least(0);
  expect(to, `no DOTEND ${base}`).to.be.above(from);
  return { dot: stdout.slice(from + begin.length, to), after: stdout.slice(to + end.length) };
}

describe('cli: ordo herd7 pictures (-show, -o)', function () {
  this.timeout(60_000);
  let dir: string;
  let sb: string;
  let sbMbs: string;
  let forbid: string;
  const herd7 = (...argv: string[]) =>
    runCaptured(herd7Command, ['-conf', 'lkmm.cfg', '-j', '1', ...argv]);
  before(() => {
    dir = scratchWithClassics(['SB', 'SB+mbs']);
    sb = path.join(dir, 'tests', 'SB.litmus');
    sbMbs = path.join(dir, 'tests', 'SB+mbs.litmus');
    forbid = path.join(dir, 'tests', 'SB+mbs-forbid.litmus');
    const text = fs.readFileSync(sbMbs, 'utf8');
    fs.writeFileSync(
      forbid,
      text.replace('C SB+mbs', 'C SB+mbs-forbid').replace(/^exists/m, '~exists'),
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("-show prop -o - frames each test's DOT just before its block, empty when nothing is drawn", async () => {
    const r = await herd7('-show', 'prop', '-o', '-', sb, sbMbs);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout.startsWith('\nDOTBEGIN SB\nDOTCOM dot\ndigraph G {\n')).to.equal(true);
    const first = framed(r.stdout, 'SB');
    expect(first.after.startsWith('Test SB Allowed\n')).to.equal(true);
    expect(digraphCount(first.dot)).to.equal(witnessCounts(r.stdout, 'SB').positive);
    expect(drawnEdges(first.dot)).to.include.members(['init -rf-> b', 'b -fr-> c', 'd -fr-> a']);
    const second = framed(r.stdout, 'SB+mbs');
    expect(second.dot).to.equal('');
    expect(second.after.startsWith('Test SB+mbs Allowed\n')).to.equal(true);
  });

  it('-o DIR writes <base><suffix>.dot, an empty file when nothing is drawn (herd default -show none)', async () => {
    const out = path.join(dir, 'dots');
    fs.mkdirSync(out);
    const r = await herd7('-show', 'neg', '-o', out, '-suffix', '-neg', sb, sbMbs);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).not.to.contain('DOTBEGIN');
    expect(fs.readdirSync(out).sort()).to.deep.equal(['SB+mbs-neg.dot', 'SB-neg.dot']);
    const neg = fs.readFileSync(path.join(out, 'SB+mbs-neg.dot'), 'utf8');
    expect(digraphCount(neg)).to.equal(witnessCounts(r.stdout, 'SB+mbs').negative);
    const none = path.join(dir, 'none');
    fs.mkdirSync(none);
    expect((await herd7('-o', none, sb)).status).to.equal(0);
    expect(fs.readFileSync(path.join(none, 'SB.dot'), 'utf8')).to.equal('');
  });

  it('-show cond and wit follow the quantifier; -nshow, -doshow and -edgeattr shape the DOT', async () => {
    // cond draws the executions herd counts as Positive (p for exists, not p for ~exists).
    const cond = await herd7('-show', 'cond', '-o', '-', sb, forbid);
    for (const [base, name] of [
      ['SB', 'SB'],
      ['SB+mbs-forbid', 'SB+mbs-forbid'],
    ]) {
      const { positive } = witnessCounts(cond.stdout, name);
      expect(digraphCount(framed(cond.stdout, base).dot), base).to.equal(positive);
    }
    const wit = await herd7('-show', 'wit', '-o', '-', forbid);
    expect(digraphCount(framed(wit.stdout, 'SB+mbs-forbid').dot)).to.equal(
      witnessCounts(wit.stdout, 'SB+mbs-forbid').negative,
    );
    const some = await herd7(
      '-show',
      'all',
      '-nshow',
      '2',
      '-doshow',
      'hb',
      '-edgeattr',
      'hb,color,red',
      '-o',
      '-',
      sbMbs,
    );
    const dot = framed(some.stdout, 'SB+mbs').dot;
    expect(digraphCount(dot)).to.equal(2);
    expect(drawnEdges(dot).some((e) => e.includes('-hb->'))).to.equal(true);
    expect(dot).to.match(/label="hb", fontcolor="red", color="red"/);
    const one = await herd7('-show', 'all', '-showone', 'true', '-o', '-', sbMbs);
    expect(digraphCount(framed(one.stdout, 'SB+mbs').dot)).to.equal(1);
  });

  it('refuses bad values with exit status 2 and no stack trace', async () => {
    const file = path.join(dir, 'plain-file');
    fs.writeFileSync(file, '');
    const cases: [string[], RegExp][] = [
      [['-show', 'foo', sb], /-show expects prop, neg, all, cond, wit or none, not 'foo'/],
      [['-o', path.join(dir, 'missing'), sb], /-o .*missing: not an existing folder/],
      [['-o', file, sb], /-o .*plain-file: not an existing folder/],
      [['-show', 'all', '-nshow', '0', sb], /-nshow expects an integer >= 1, not '0'/],
      [['-showone', 'maybe', sb], /-showone expects true or false, not 'maybe'/],
    ];
    for (const [argv, message] of cases) {
      const r = await herd7(...argv);
      expect(r.status, argv.join(' ')).to.equal(2);
      expect(r.stderr).to.match(message);
      expect(hasStackTrace(r.stderr)).to.equal(false);
      expect(r.stdout).to.equal('');
    }
  });

  it("resolves herd's -show words per quantifier, as herd's manual says", () => {
    const table = (['cond', 'wit'] as const).map((show) =>
      (['exists', 'not exists', 'forall'] as const).map((q) => selectionFor(show, q)),
    );
    expect(table).to.deep.equal([
      ['witness', 'counterexample', 'witness'],
      ['witness', 'witness', 'counterexample'],
    ]);
    expect(herdGraphPlan([], false)).to.equal(undefined);
    expect(
      herdGraphPlan(
        [
          ['show', 'prop'],
          ['doshow', 'hb,pb'],
          ['show', 'neg'],
          ['nshow', '3'],
          ['doshow', 'hb'],
        ],
        false,
      ),
    ).to.deep.equal({ show: 'counterexample', relations: ['hb', 'pb'], limit: 3 });
    expect(herdGraphPlan([['show', 'all']], true)).to.deep.equal({
      show: 'all',
      relations: [],
      limit: 1,
    });
  });
});
