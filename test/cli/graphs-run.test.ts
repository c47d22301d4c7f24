// `ordo run --graphs DIR`: one graph file per test, in this thread or from worker threads,
// nothing recorded without the option, and usage errors for bad values.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { runBatch } from '../../src/cli/batch';
import { takeGraphOptions } from '../../src/cli/batch-graphs';
import { runCommand } from '../../src/cli/commands/run';
import { commandLineSetting, resolveSetup } from '../../src/cli/config';
import { outcomeGraphs, type TestOutcome } from '../../src/report';
import { drawnEdges } from '../support/drawn-edges';
import { runCaptured } from '../support/run-captured';
import { digraphCount, hasStackTrace, scratchWithClassics, witnessCounts } from './graphs-support';

describe('cli: ordo run --graphs', function () {
  this.timeout(60_000);
  let dir: string;
  let tests: string;
  before(() => {
    dir = scratchWithClassics(['SB', 'SB+mbs', '2+2W']);
    tests = path.join(dir, 'tests');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const read = (file: string) => fs.readFileSync(file, 'utf8');

  it('writes the witness of SB and 2+2W into a new folder, SB+mbs having none', async () => {
    const out = path.join(dir, 'new', 'graphs');
    const r = await runCaptured(runCommand, [
      '--jobs',
      '1',
      '--graphs',
      out,
      path.join(tests, 'SB.litmus'),
      path.join(tests, 'SB+mbs.litmus'),
      path.join(tests, '2+2W.litmus'),
    ]);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.contain('Test SB Allowed').and.to.contain('Observation SB+mbs Never');
    expect(fs.readdirSync(out).sort()).to.deep.equal(['2+2W.dot', 'SB.dot']);
    expect(r.stderr).to.contain(`2 graph files in ${out}`);
    const sb = read(path.join(out, 'SB.dot'));
    expect(digraphCount(sb)).to.equal(witnessCounts(r.stdout, 'SB').positive);
    expect(drawnEdges(sb)).to.have.members([
      'a -po-> b',
      'c -po-> d',
      'init -rf-> b',
      'init -rf-> d',
      'b -fr-> c',
      'd -fr-> a',
    ]);
    // 2+2W's witness: each thread's second write is co-before the other thread's first.
    const w = read(path.join(out, '2+2W.dot'));
    expect(drawnEdges(w)).to.have.members(['a -po-> b', 'c -po-> d', 'b -co-> c', 'd -co-> a']);
    // The configuration's edgeattr keys colour the edges (lkmm.cfg: co blue).
    expect(w).to.match(/label="co", fontcolor="blue", color="blue"/);
  });

  it('writes the same files from two worker threads on a folder of three tests', async () => {
    const one = path.join(dir, 'one');
    const two = path.join(dir, 'two');
    const r1 = await runCaptured(runCommand, ['-j', '1', '--show', 'all', '--graphs', one, tests]);
    const r2 = await runCaptured(runCommand, ['-j', '2', '--graphs', two, '--show', 'all', tests]);
    expect([r1.status, r2.status]).to.deep.equal([0, 0]);
    expect(fs.readdirSync(two).sort()).to.deep.equal(['2+2W.dot', 'SB+mbs.dot', 'SB.dot']);
    for (const file of fs.readdirSync(two)) {
      expect(read(path.join(two, file)), file).to.equal(read(path.join(one, file)));
    }
    const { positive, negative } = witnessCounts(r2.stdout, 'SB+mbs');
    expect(digraphCount(read(path.join(two, 'SB+mbs.dot')))).to.equal(positive + negative);
  });

  it('writes one SVG per counterexample with --format svg', async () => {
    const out = path.join(dir, 'svg');
    const r = await runCaptured(runCommand, [
      '--graphs',
      out,
      '--format',
      'svg',
      '--show',
      'counterexample',
      path.join(tests, 'SB+mbs.litmus'),
    ]);
    expect(r.status, r.stderr).to.equal(0);
    const files = fs.readdirSync(out).sort();
    expect(files).to.have.length(witnessCounts(r.stdout, 'SB+mbs').negative);
    expect(files[0]).to.equal('SB+mbs-1.svg');
    expect(read(path.join(out, files[0])))
      .to.match(/<svg /)
      .and.to.match(/F\[mb\]/i);
  });

  it('records graphs only when a batch asks for them', async () => {
    const setup = resolveSetup([commandLineSetting('conf', 'lkmm.cfg')], {
      cwd: dir,
      includeDirs: [],
    }).value!;
    const files = [path.join(tests, 'SB.litmus'), path.join(tests, '2+2W.litmus')];
    const collect = async (jobs: number, graphs?: { show: 'witness'; relations: string[] }) => {
      const outcomes: TestOutcome[] = [];
      await runBatch(
        files,
        { setup, jobs, limits: {}, graphs },
        { outcome: (o) => void outcomes.push(o) },
      );
      return outcomes;
    };
    // In this thread (the worker path is the --jobs 2 case above): the checker's own gate.
    for (const o of await collect(1)) expect(o.report!.result).not.to.have.property('graphs');
    const drawn = await collect(1, { show: 'witness', relations: [] });
    expect(drawn.map((o) => outcomeGraphs(o).length)).to.deep.equal([1, 1]);
  });

  it('refuses bad values with a usage error and no stack trace', async () => {
    const file = path.join(dir, 'plain-file');
    fs.writeFileSync(file, '');
    const sb = path.join(tests, 'SB.litmus');
    const cases: [string[], RegExp][] = [
      [['--graphs', file, sb], /--graphs .*plain-file: not a folder/],
      [['--graphs', path.join(file, 'sub'), sb], /not a folder/],
      [
        ['--graphs', dir, '--show', 'foo', sb],
        /--show expects one of witness, counterexample, all, not 'foo'/,
      ],
      [['--graphs', dir, '--format', 'png', sb], /--format expects dot or svg, not 'png'/],
      [['--show', 'all', sb], /--show and --format need --graphs DIR/],
      [['--graphs', dir, '--arch', 'x86-64', sb], /--graphs is not supported with --arch/],
      [['--graphs'], /option --graphs needs a value/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCaptured(runCommand, argv);
      expect(r.status, argv.join(' ')).to.equal(2);
      expect(r.stderr).to.match(message);
      expect(hasStackTrace(r.stderr)).to.equal(false);
      expect(r.stdout).to.equal('');
    }
  });

  it('leaves arguments after -- to the inputs', () => {
    const taken = takeGraphOptions(['--graphs', 'd', '--', '--show']);
    expect(taken).to.deep.equal({
      graphs: { dir: 'd', show: 'witness', format: 'dot' },
      rest: ['--', '--show'],
    });
  });
});
