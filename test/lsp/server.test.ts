// The language server driven by a protocol client over an in-memory pair. Verdicts here come
// from a scripted check worker (deterministic timing); verdict.test.ts runs the real checker.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SB_MBS as SB } from './support/fixtures';
import { inMemoryServer, marked, positionOf, type TestClient } from './support/lsp-client';
import { scriptedWorkers } from './support/scripted-worker';

const URI = 'file:///work/sb.litmus';
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);
const hasVerdict = (p: PublishDiagnosticsParams) => codes(p).includes('ordo/verdict');

describe('lsp/server (in memory)', () => {
  let client: TestClient;
  let workers: ReturnType<typeof scriptedWorkers>;

  afterEach(async () => {
    await client?.close();
  });

  describe('with a quick check', () => {
    beforeEach(async () => {
      workers = scriptedWorkers(20);
      client = inMemoryServer(workers.spawn);
      await client.initialize({ debounceMs: 20 });
    });

    it('publishes a syntax error with its range, then clears it once the text is fixed', async () => {
      const broken = SB.replace('smp_mb();\n  r0', 'smp_mb()\n  r0');
      await client.open(URI, broken);
      const first = await client.diagnosticsFor(URI, (p) => p.version === 1);
      const errors = first.diagnostics.filter((d) => d.severity === 1);
      expect(errors, JSON.stringify(first.diagnostics)).to.have.length.greaterThan(0);
      expect(errors[0].range.start.line).to.be.oneOf([4, 5]);
      expect(errors[0].source).to.equal('ordo');
      await client.change(URI, SB);
      const fixed = await client.diagnosticsFor(URI, (p) => p.version === 2);
      expect(fixed.diagnostics.filter((d) => d.severity === 1)).to.deep.equal([]);
    });

    it('warns about a register the condition names but no thread assigns', async () => {
      const text = SB.replace('1:r0=0', '1:r7=0');
      await client.open(URI, text);
      const p = await client.diagnosticsFor(URI);
      const d = p.diagnostics.find((x) => x.code === 'litmus/unknown-register');
      expect(d, JSON.stringify(p.diagnostics)).to.not.equal(undefined);
      expect(d?.range.start).to.deep.equal(positionOf(text, text.indexOf('1:r7')));
    });

    it('warns about a shared location a thread forgot to take as a parameter', async () => {
      const text = SB.replace('P1(int *x, int *y)', 'P1(int *y)');
      await client.open(URI, text);
      const p = await client.diagnosticsFor(URI);
      expect(codes(p)).to.include('litmus/missing-parameter');
    });

    it('reports a primitive the .def lacks at once, and starts no check', async () => {
      const text = SB.replace('WRITE_ONCE(*y, 1)', 'WRITE_ONCE(*y, 1, 2)').replace(
        'smp_mb();\n  r0 = READ_ONCE(*y)',
        'smp_memb();\n  r0 = READ_ONCE(*y)',
      );
      await client.open(URI, text);
      const p = await client.diagnosticsFor(URI);
      const d = p.diagnostics.find((x) => x.code === 'events/unknown-primitive');
      expect(d?.message).to.equal('unknown primitive smp_memb (not in lkmm.def)');
      expect(d?.range.start).to.deep.equal(positionOf(text, text.indexOf('smp_memb')));
      expect(p.diagnostics.map((x) => x.code)).to.include('events/macro-arity');
      await new Promise((r) => setTimeout(r, 100));
      expect(client.statuses).to.deep.equal([]);
    });

    it('shows the verdict on the exists line once the test parses', async () => {
      await client.open(URI, SB);
      const p = await client.diagnosticsFor(URI, hasVerdict);
      const v = p.diagnostics.find((d) => d.code === 'ordo/verdict')!;
      expect(v.message).to.equal('Never under LKMM (0 of 3 executions)');
      expect(v.severity).to.equal(3);
      expect(v.range.start).to.deep.equal(positionOf(SB, SB.indexOf('exists')));
      expect(await client.status((s) => s.state === 'done')).to.include({ uri: URI, version: 1 });
    });

    it('offers the verdict as a code lens that shows the witness', async () => {
      await client.open(URI, SB);
      await client.diagnosticsFor(URI, hasVerdict);
      const lenses = await client.connection.sendRequest('textDocument/codeLens', {
        textDocument: { uri: URI },
      });
      expect(lenses).to.deep.equal([
        {
          range: {
            start: positionOf(SB, SB.indexOf('exists')),
            end: positionOf(SB, SB.lastIndexOf(')') + 1),
          },
          command: {
            title: 'Never under LKMM (0 of 3 executions)',
            command: 'ordo.showWitness',
            arguments: [URI, 0],
          },
        },
      ]);
    });

    it('edit, then verdict again: the verdict follows the new version', async () => {
      await client.open(URI, SB);
      await client.diagnosticsFor(URI, (p) => p.version === 1 && hasVerdict(p));
      const v2 = await client.change(URI, SB.replace('exists', '~exists'));
      const p = await client.diagnosticsFor(URI, (x) => x.version === v2 && hasVerdict(x));
      expect(p.diagnostics.find((d) => d.code === 'ordo/verdict')?.range.start).to.deep.equal(
        positionOf(SB, SB.indexOf('exists')),
      );
    });

    it('hovers a primitive: its definition, LKMM ordering and instructions', async () => {
      const { text, offsets } = marked(SB.replace('r0 = READ_ONCE(*y)', 'r0 = READ<|>_ONCE(*y)'));
      await client.open(URI, text);
      await client.diagnosticsFor(URI);
      const h = await client.hover(URI, text, offsets[0]);
      const value = (h?.contents as { value: string } | undefined)?.value ?? '';
      expect(value).to.match(/^\*\*READ_ONCE\*\*\(\w+\): expression macro of `lkmm.def`/);
      expect(value).to.include('__load{ONCE}');
      expect(value).to.include('LKMM: a marked load');
      expect(value).to.include('| arm64 | access |');
      expect(value).to.include('_From ');
      expect(h?.range).to.deep.equal({
        start: positionOf(text, text.indexOf('READ_ONCE(*y)')),
        end: positionOf(text, text.indexOf('READ_ONCE(*y)') + 'READ_ONCE'.length),
      });
    });

    it('hovers a location: which threads access it and how', async () => {
      const { text, offsets } = marked(SB.replace('WRITE_ONCE(*x, 1)', 'WRITE_ONCE(*<|>x, 1)'));
      await client.open(URI, text);
      await client.diagnosticsFor(URI);
      const h = await client.hover(URI, text, offsets[0]);
      expect((h?.contents as { value: string } | undefined)?.value).to.equal(
        [
          '**x**: shared location, initially 0.',
          '',
          'Accessed by:',
          '- P0: `WRITE_ONCE`',
          '- P1: `READ_ONCE`',
        ].join('\n'),
      );
    });

    it('completes primitives, locations and registers in a thread', async () => {
      const { text, offsets } = marked(
        SB.replace(
          '  smp_mb();\n  r0 = READ_ONCE(*x);',
          '  smp_mb();\n  r0 = READ_ONCE(*x);\n  <|>',
        ),
      );
      await client.open(URI, text);
      await client.diagnosticsFor(URI);
      const items = await client.complete(URI, text, offsets[0]);
      const labels = items.map((i) => i.label);
      expect(labels).to.include.members([
        'READ_ONCE',
        'smp_store_release',
        'spin_lock',
        'x',
        'y',
        'r0',
      ]);
      const write = items.find((i) => i.label === 'WRITE_ONCE');
      expect((write?.textEdit as { newText: string } | undefined)?.newText).to.match(
        /^WRITE_ONCE\(\$\{1:\w+\}, \$\{2:\w+\}\);$/,
      );
    });

    it('completes registers as N:reg and locations in the condition, while it does not parse', async () => {
      await client.open(URI, SB);
      await client.diagnosticsFor(URI);
      const { text, offsets } = marked(SB.replace('1:r0=0)', '1:r0=0 /\\ 1:<|>)'));
      const v2 = await client.change(URI, text);
      const p = await client.diagnosticsFor(URI, (x) => x.version === v2);
      expect(p.diagnostics.map((d) => d.severity)).to.include(1);
      const items = await client.complete(URI, text, offsets[0]);
      expect(items.map((i) => i.label).sort()).to.deep.equal(['0:r0', '1:r0', 'x', 'y']);
      // The typed `1:` is replaced, not appended to.
      const at = positionOf(text, offsets[0]);
      expect(items.find((i) => i.label === '1:r0')?.textEdit).to.deep.equal({
        range: { start: { ...at, character: at.character - 2 }, end: at },
        newText: '1:r0',
      });
    });
  });

  describe('with more targets', () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-targets-'));
    after(() => fs.rmSync(workspace, { recursive: true, force: true }));

    it("shows one verdict per target: ordo's targets by name, other bare names as <name>.cfg", async () => {
      fs.writeFileSync(
        path.join(workspace, 'mine.cfg'),
        'macros lkmm.def\nbell lkmm.bell\nmodel sc.cat\n',
      );
      workers = scriptedWorkers(20);
      client = inMemoryServer(workers.spawn);
      const targets = ['arm64', 'sc', 'mine'];
      await client.initialize({ targets, debounceMs: 20 }, pathToFileURL(workspace).href);
      await client.open(URI, SB);
      const p = await client.diagnosticsFor(URI, hasVerdict);
      expect(
        p.diagnostics.filter((d) => d.code === 'ordo/verdict').map((d) => d.message),
      ).to.deep.equal([
        'Never under LKMM (0 of 3 executions)',
        'Never under arm64 (0 of 3 executions)',
        'Never under SC (0 of 3 executions)',
        'Never under mine (0 of 3 executions)',
      ]);
    });

    it('says so on the test when a target cannot be found', async () => {
      workers = scriptedWorkers(20);
      client = inMemoryServer(workers.spawn);
      await client.initialize(
        { targets: ['no-such-model'], debounceMs: 20 },
        pathToFileURL(workspace).href,
      );
      await client.open(URI, SB);
      const p = await client.diagnosticsFor(URI);
      const d = p.diagnostics.find((x) => x.code === 'config/file-not-found');
      expect(d?.message).to.match(/^ordo settings: cannot find no-such-model\.cfg/);
      expect(d?.range.start).to.deep.equal({ line: 0, character: 0 });
      // The primary model still gives its verdict.
      const v = await client.diagnosticsFor(URI, hasVerdict);
      expect(v.diagnostics.filter((x) => x.code === 'ordo/verdict')).to.have.length(1);
    });
  });

  describe('while a slow check runs', () => {
    beforeEach(async () => {
      workers = scriptedWorkers(60_000);
      client = inMemoryServer(workers.spawn);
      await client.initialize({ debounceMs: 50 });
    });

    it('a change gets fresh diagnostics within 500 ms and the old check is cancelled', async () => {
      await client.open(URI, SB);
      await client.status((s) => s.state === 'running' && s.version === 1);
      const t0 = Date.now();
      const edited = SB.replace('1:r0=0', '1:r5=0');
      const v2 = await client.change(URI, edited);
      const p = await client.diagnosticsFor(URI, (x) => x.version === v2, 500);
      expect(Date.now() - t0).to.be.below(500);
      expect(codes(p)).to.include('litmus/unknown-register');
      expect(
        await client.status((s) => s.state === 'cancelled' && s.version === 1, 500),
      ).to.include({ uri: URI });
      // The cancelled check's worker was terminated: the new check runs on a fresh one.
      await client.status((s) => s.state === 'running' && s.version === v2, 1_000);
      expect(workers.started()).to.be.at.least(2);
    });

    it('a burst of 100 edits in a second: the last diagnostics match the last text', async function () {
      this.timeout(10_000);
      await client.open(URI, SB);
      let last = 1;
      let lastText = SB;
      for (let i = 0; i < 100; i++) {
        lastText = SB.replace('1:r0=0', `1:r${i}=0`);
        last = await client.change(URI, lastText);
        await new Promise((r) => setTimeout(r, 10));
      }
      const p = await client.diagnosticsFor(URI, (x) => x.version === last, 2_000);
      const unknown = p.diagnostics.filter((d) => d.code === 'litmus/unknown-register');
      expect(unknown).to.have.length(1);
      expect(unknown[0].message).to.include('`r99`');
      expect(unknown[0].range.start).to.deep.equal(positionOf(lastText, lastText.indexOf('1:r99')));
      // Debounced: far fewer analyses than edits.
      expect(client.diagnostics.filter((x) => x.uri === URI).length).to.be.below(20);
    });
  });
});
