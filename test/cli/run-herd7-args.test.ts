import { expect } from 'chai';
import { formatHerdError, parseHerd7Args } from '../../src/cli/commands/herd7';
import { parseRunArgs } from '../../src/cli/commands/run';
import { COMMAND_LINE } from '../../src/cli/config';
import { error, SourceFile, span, warning } from '../../src/source';

describe('cli: ordo run and ordo herd7 options', () => {
  it('run: cfg first, then model options, whatever their order; -I, jobs and limits', () => {
    const { args } = parseRunArgs([
      '--bell',
      'b.bell',
      '--conf',
      'x.cfg',
      '-Imodels',
      '-I',
      'more',
      '--variant',
      'a,b',
      '-j',
      '3',
      '--timeout',
      '2.5',
      '--max-candidates',
      '1000',
      '--json',
      't.litmus',
      '--',
      '-odd.litmus',
    ]);
    expect(args!.settings.map((s) => `${s.key}=${s.value}`)).to.deep.equal([
      'conf=x.cfg',
      'bell=b.bell',
      'variant=a,b',
    ]);
    expect(args!.includeDirs).to.deep.equal(['models', 'more']);
    expect([args!.jobs, args!.timeoutSeconds, args!.maxCandidates, args!.json]).to.deep.equal([
      3,
      2.5,
      1000,
      true,
    ]);
    expect(args!.inputs).to.deep.equal(['t.litmus', '-odd.litmus']);
  });

  it('run: rejects unknown options, missing values and bad numbers', () => {
    expect(parseRunArgs(['--frob']).problem).to.equal('unknown option --frob');
    expect(parseRunArgs(['--model']).problem).to.equal('option --model needs a value');
    expect(parseRunArgs(['--jobs', '0']).problem).to.equal(
      "--jobs expects an integer >= 1, not '0'",
    );
    expect(parseRunArgs(['--timeout', 'soon']).problem).to.match(/^--timeout expects/);
  });

  it('herd7: single-dash options in order, cfg keys as options, ignored picture options', () => {
    const { args } = parseHerd7Args([
      '-model',
      'a.cat',
      '-conf',
      'linux-kernel.cfg',
      '-I',
      'dir',
      '-showevents',
      'all',
      '-o',
      '/tmp',
      '-gv',
      '-q',
      '-exit',
      'true',
      '-unroll',
      '3',
      'x.litmus',
      '@list',
    ]);
    expect(args!.settings.map((s) => `${s.key}=${s.value}`)).to.deep.equal([
      'model=a.cat',
      'conf=linux-kernel.cfg',
      'showevents=all',
      'unroll=3',
    ]);
    expect(args!.ignored).to.deep.equal(['-gv']);
    expect(args!.output).to.equal('/tmp');
    expect([args!.quiet, args!.exitOnFailure]).to.deep.equal([true, true]);
    expect(args!.inputs).to.deep.equal(['x.litmus', '@list']);
    expect(parseHerd7Args(['-version']).args!.action).to.equal('version');
  });

  it('herd7: bad options are problems (exit 2)', () => {
    expect(parseHerd7Args(['-frob', 'x']).problem).to.equal("unknown option '-frob'");
    expect(parseHerd7Args(['x.litmus', '-frob']).problem).to.equal("unknown option '-frob'");
    expect(parseHerd7Args(['-exit', 'maybe']).problem).to.match(/^-exit expects true or false/);
    expect(parseHerd7Args(['-conf']).problem).to.equal('option -conf needs an argument');
  });

  it("herd7: errors in herd's frame with 0-based characters, keeping `Unknown macro NAME`", () => {
    const text = 'C t\n{}\nP0(int *x) {\n  smp_memb();\n}\n';
    const src = new SourceFile('t.litmus', text);
    const at = text.indexOf('smp_memb');
    const d = error(
      'events/unknown-primitive',
      'unknown primitive smp_memb (not in linux-kernel.def)',
      span('t.litmus', at, at + 8),
    );
    expect(formatHerdError(d, () => src)).to.equal(
      'Warning: File "t.litmus", line 4, characters 2-10: Unknown macro smp_memb (User error)',
    );
    const w = warning('litmus/x', 'something odd', span('t.litmus', 0, 1));
    expect(formatHerdError(w, () => src)).to.equal(
      'Warning: File "t.litmus", line 1, characters 0-1: something odd',
    );
    const cl = error('config/no-model', 'no cat model given', span(COMMAND_LINE, 0, 0));
    expect(formatHerdError(cl, () => undefined)).to.equal(
      `Warning: File "${COMMAND_LINE}": no cat model given (User error)`,
    );
  });
});
