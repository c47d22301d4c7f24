import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { parseConfig } from '../../src/cli/config';
import { dotOptionsOf, edgeAttrsOf, parseEdgeAttr, renderDot } from '../../src/report/dot';
import {
  emitHerdGraphs,
  frameDot,
  graphBaseName,
  renderDots,
  selectionOfHerdShow,
  writeTestGraphs,
} from '../../src/report/graph-files';
import {
  type ExecutionGraph,
  eventLabel,
  eventLetter,
  type GraphEvent,
  isSelected,
  requestedRelations,
} from '../../src/report/graph-model';
import { renderSvg } from '../../src/report/graph-svg';
import { LKMM, skipWithoutShared } from '../corpus/oracle-files';

const init = (id: number, location: string): GraphEvent => ({
  id,
  thread: -1,
  action: 'W',
  tags: [],
  location,
  value: '0',
});
const access = (
  id: number,
  thread: number,
  action: string,
  location: string,
  value: string,
): GraphEvent => ({
  id,
  thread,
  action,
  tags: ['ONCE'],
  location,
  value,
});

/** SB's witness: both reads see the initial writes; fr closes the cycle. */
const SB: ExecutionGraph = {
  test: 'SB',
  index: 1,
  satisfies: true,
  events: [
    init(0, 'x'),
    init(1, 'y'),
    access(2, 0, 'W', 'x', '1'),
    access(3, 0, 'R', 'y', '0'),
    access(4, 1, 'W', 'y', '1'),
    access(5, 1, 'R', 'x', '0'),
  ],
  relations: [
    {
      name: 'po',
      pairs: [
        [2, 3],
        [4, 5],
      ],
    },
    {
      name: 'rf',
      pairs: [
        [1, 3],
        [0, 5],
      ],
    },
    {
      name: 'co',
      pairs: [
        [0, 2],
        [1, 4],
      ],
    },
    {
      name: 'fr',
      pairs: [
        [3, 4],
        [5, 2],
      ],
    },
  ],
  state: {
    values: [
      { loc: { kind: 'reg', thread: 1, reg: 'r0' }, value: { kind: 'int', value: 0 } },
      { loc: { kind: 'reg', thread: 0, reg: 'r0' }, value: { kind: 'int', value: 0 } },
    ],
    satisfies: true,
  },
  flags: [],
};

/** MP with a fence: P0 writes x then y; P1 reads y=1 then x=0; wmb between the writes. */
const MP: ExecutionGraph = {
  test: 'MP+wmb',
  index: 1,
  satisfies: true,
  events: [
    init(0, 'x'),
    init(1, 'y'),
    access(2, 0, 'W', 'x', '1'),
    { id: 3, thread: 0, action: 'F', tags: ['WMB'] },
    access(4, 0, 'W', 'y', '1'),
    access(5, 1, 'R', 'y', '1'),
    access(6, 1, 'R', 'x', '0'),
  ],
  relations: [
    {
      name: 'po',
      pairs: [
        [2, 3],
        [2, 4],
        [3, 4],
        [5, 6],
      ],
    },
    {
      name: 'rf',
      pairs: [
        [4, 5],
        [0, 6],
      ],
    },
    {
      name: 'co',
      pairs: [
        [0, 2],
        [1, 4],
      ],
    },
    { name: 'fr', pairs: [[6, 2]] },
    {
      name: 'hb',
      pairs: [
        [2, 4],
        [4, 5],
        [2, 5],
      ],
    },
  ],
  flags: [],
};

/** `[from, to, label]` of every edge of a DOT text. */
function edges(dot: string): [string, string, string][] {
  return [...dot.matchAll(/^ {2}(\w+) -> (\w+) \[label="([^"]*)"/gm)].map((m) => [
    m[1],
    m[2],
    m[3],
  ]);
}

function attrsOf(dot: string, from: string, to: string): string {
  return new RegExp(`^ {2}${from} -> ${to} \\[(.*)\\];$`, 'm').exec(dot)?.[1] ?? '';
}

describe('report: graph model', () => {
  it('names events like herd: a..z, then aa', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(eventLetter)).to.deep.equal([
      'a',
      'b',
      'z',
      'aa',
      'ab',
      'az',
      'ba',
    ]);
  });

  it('labels events like herd 7.58', () => {
    expect(eventLabel(access(2, 0, 'W', 'x', '1'), 'a')).to.equal('a: W[ONCE][x]=1');
    expect(eventLabel({ id: 3, thread: 0, action: 'F', tags: ['MB'] }, 'c')).to.equal('c: F[MB]');
    expect(
      eventLabel({ id: 4, thread: 1, action: 'R', tags: [], location: 'x', value: '0' }, 'd'),
    ).to.equal('d: R[x]=0');
  });

  it('selects witnesses, counterexamples or all', () => {
    expect([isSelected('witness', true), isSelected('witness', false)]).to.deep.equal([
      true,
      false,
    ]);
    expect([isSelected('counterexample', true), isSelected('counterexample', false)]).to.deep.equal(
      [false, true],
    );
    expect([isSelected('all', true), isSelected('all', false)]).to.deep.equal([true, true]);
    expect(requestedRelations({ show: 'all', relations: ['hb', 'rf', 'pb'] })).to.deep.equal([
      'po',
      'rf',
      'co',
      'fr',
      'hb',
      'pb',
    ]);
  });
});

describe('report: DOT for execution graphs', () => {
  it("draws SB's witness: threads as clusters, po, rf from initial values, fr", () => {
    const dot = renderDot(SB);
    expect(dot).to.match(/^digraph G \{\n/);
    expect(dot).to.contain('subgraph cluster_P0 {');
    expect(dot).to.contain('subgraph cluster_P1 {');
    expect(dot).not.to.contain('cluster_init');
    expect(dot).to.contain('e2 [label="a: W[ONCE][x]=1"];');
    expect(dot).to.contain('e3 [label="b: R[ONCE][y]=0"];');
    expect(dot).to.contain('e4 [label="c: W[ONCE][y]=1"];');
    expect(dot).to.contain('e5 [label="d: R[ONCE][x]=0"];');
    expect(dot).to.contain('label="Test SB: witness 1\\n0:r0=0; 1:r0=0;"');
    expect(edges(dot)).to.have.deep.members([
      ['e2', 'e3', 'po'],
      ['e4', 'e5', 'po'],
      ['init3', 'e3', 'rf'],
      ['init5', 'e5', 'rf'],
      ['e3', 'e4', 'fr'],
      ['e5', 'e2', 'fr'],
    ]);
    expect(dot).to.match(/init3 \[shape=point/);
    expect(attrsOf(dot, 'e2', 'e3')).not.to.contain('constraint');
    expect(attrsOf(dot, 'e3', 'e4')).to.contain('constraint="false"');
  });

  it("draws MP's witness with the fence, po reduced, and a model relation", () => {
    const dot = renderDot(MP);
    expect(dot).to.contain('e3 [label="b: F[WMB]"];');
    expect(edges(dot)).to.have.deep.members([
      ['e2', 'e3', 'po'],
      ['e3', 'e4', 'po'],
      ['e5', 'e6', 'po'],
      ['e4', 'e5', 'rf'],
      ['init6', 'e6', 'rf'],
      ['e6', 'e2', 'fr'],
      ['e2', 'e4', 'hb'],
      ['e4', 'e5', 'hb'],
    ]);
    expect(attrsOf(dot, 'e2', 'e4')).to.contain('color="indigo"');
  });

  it('shows initial writes and their co edges on request', () => {
    const dot = renderDot(SB, { showInitWrites: true });
    expect(dot).to.contain('subgraph cluster_init {');
    expect(dot).to.contain('e0 [label="e: W[x]=0"];');
    expect(edges(dot)).to.deep.include.members([
      ['e1', 'e3', 'rf'],
      ['e0', 'e2', 'co'],
    ]);
    expect(dot).not.to.contain('init3');
  });

  it("colours edges with the .cfg's edgeattr lines", () => {
    expect(parseEdgeAttr('hb,color,indigo')).to.deep.equal({
      relation: 'hb',
      attr: 'color',
      value: 'indigo',
    });
    expect(parseEdgeAttr('hb,color')).to.equal(undefined);
    const attrs = edgeAttrsOf(['co,color,blue', 'hb,color,darkgreen', 'hb,style,dashed', 'bad']);
    const dot = renderDot(MP, { edgeAttrs: attrs, showInitWrites: true });
    expect(attrsOf(dot, 'e1', 'e4')).to.equal(
      'label="co", fontcolor="blue", color="blue", constraint="false"',
    );
    expect(attrsOf(dot, 'e2', 'e4')).to.contain('color="darkgreen"');
    expect(attrsOf(dot, 'e2', 'e4')).to.contain('style="dashed"');
  });

  it("takes the drawing keys of the kernel's linux-kernel.cfg", function () {
    skipWithoutShared(this, 'reading linux-kernel.cfg');
    const file = path.join(LKMM, 'linux-kernel.cfg');
    const settings = parseConfig(fs.readFileSync(file, 'utf8'), file).value ?? [];
    const options = dotOptionsOf(settings.map((s) => [s.key, s.value] as const));
    expect(options.showInitWrites).to.equal(false);
    expect(options.fontsize).to.equal(8);
    expect(options.edgeAttrs?.get('co')).to.deep.equal({ color: 'blue' });
    expect(options.edgeAttrs?.get('hb')).to.deep.equal({ color: 'indigo' });
    expect(attrsOf(renderDot(MP, options), 'e2', 'e4')).to.contain('color="indigo"');
  });

  it('keeps a cyclic relation whole and escapes labels', () => {
    const cyclic: ExecutionGraph = {
      ...SB,
      test: 'a"b\\c',
      state: undefined,
      relations: [
        {
          name: 'hb',
          pairs: [
            [2, 3],
            [3, 4],
            [4, 5],
            [5, 2],
            [2, 4],
          ],
        },
      ],
    };
    const dot = renderDot(cyclic);
    expect(edges(dot)).to.have.length(5);
    expect(dot).to.contain('label="Test a\\"b\\\\c: witness 1"');
  });

  it("frames DOT like herd's -o - and names files like herd's -o DIR", () => {
    expect(frameDot('SB', 'digraph G {\n}\n')).to.equal(
      '\nDOTBEGIN SB\nDOTCOM dot\ndigraph G {\n}\n\nDOTEND SB\n',
    );
    expect(frameDot('MP', '')).to.equal('\nDOTBEGIN MP\nDOTCOM dot\n\nDOTEND MP\n');
    expect(graphBaseName('litmus/classic/SB+mbs.litmus')).to.equal('SB+mbs');
    expect(
      ['prop', 'neg', 'all', 'none', 'cond', 'wit', 'foo'].map(selectionOfHerdShow),
    ).to.deep.equal(['witness', 'counterexample', 'all', 'none', 'cond', 'wit', undefined]);
    expect(renderDots([SB, { ...SB, index: 2 }]).match(/^digraph G \{$/gm)).to.have.length(2);
  });
});

describe('report: SVG rendered offline and graph files', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-graph-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('renders an SVG with the events and edge labels, without Graphviz installed', async () => {
    const svg = await renderSvg(renderDot(SB));
    expect(svg).to.match(/<svg [^>]*width="\d+pt" height="\d+pt"/);
    for (const text of [
      'a: W[ONCE][x]=1',
      'd: R[ONCE][x]=0',
      '>rf<',
      '>fr<',
      '>po<',
      '>P0<',
      '>P1<',
    ]) {
      expect(svg).to.contain(text);
    }
    expect(svg.match(/class="edge"/g)).to.have.length(6);
  });

  it("gives herd7's -o - text and -o DIR files", () => {
    expect(emitHerdGraphs('-', 'x/SB.litmus', [SB])).to.equal(frameDot('SB', renderDot(SB)));
    expect(emitHerdGraphs(dir, 'x/SB+x.litmus', [SB])).to.equal('');
    expect(fs.readFileSync(path.join(dir, 'SB+x.dot'), 'utf8')).to.equal(renderDot(SB));
    // herd frames (and files) a test even when it draws none of its executions.
    expect(emitHerdGraphs('-', 'x/MP.litmus', [])).to.equal(frameDot('MP', ''));
    expect(emitHerdGraphs(dir, 'x/MP.litmus', [], {}, '-neg')).to.equal('');
    expect(fs.readFileSync(path.join(dir, 'MP-neg.dot'), 'utf8')).to.equal('');
  });

  it('writes one .dot per test, one .svg per graph', async () => {
    expect(
      await writeTestGraphs(dir, 'x/SB.litmus', [SB, { ...SB, index: 2 }], 'dot'),
    ).to.deep.equal([path.join(dir, 'SB.dot')]);
    expect(fs.readFileSync(path.join(dir, 'SB.dot'), 'utf8')).to.equal(
      renderDots([SB, { ...SB, index: 2 }]),
    );
    const svgs = await writeTestGraphs(dir, 'x/SB.litmus', [SB, { ...SB, index: 2 }], 'svg');
    expect(svgs).to.deep.equal([path.join(dir, 'SB-1.svg'), path.join(dir, 'SB-2.svg')]);
    expect(await writeTestGraphs(dir, 'MP+wmb.litmus', [MP], 'svg')).to.deep.equal([
      path.join(dir, 'MP+wmb.svg'),
    ]);
    expect(await writeTestGraphs(dir, 'none.litmus', [], 'svg')).to.deep.equal([]);
    expect(fs.readFileSync(path.join(dir, 'MP+wmb.svg'), 'utf8')).to.contain('b: F[WMB]');
  });
});
