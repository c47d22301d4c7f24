// `ordo lower`: every library test as herd7 assembly for each architecture, checked against
// herd7's assembly litmus syntax; the instructions each table asks for; what cannot be lowered.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { catModelsDir } from '../../src/cli/config';
import { TARGETS, type TargetId, unsupportedCalls } from '../../src/events/lowering';
import { lowerToAsm } from '../../src/events/lowering/asm';
import { type MacroFile, parseMacroFile } from '../../src/litmus';
import { libraryTests } from '../library/library-files';
import { parseTest } from '../models/model-runs';
import { litmus } from './arch-runs';
import { validateAsm } from './asm-validator';

function lkmmDef(): MacroFile {
  const file = path.join(catModelsDir(), 'lkmm.def');
  return parseMacroFile(fs.readFileSync(file, 'utf8'), file).value!;
}

const IDS = Object.keys(TARGETS) as TargetId[];

function lower(text: string, target: TargetId, macros: MacroFile) {
  return lowerToAsm(parseTest(text, 'test.litmus'), macros, target);
}

describe('arch: ordo lower (herd7 assembly)', function () {
  this.timeout(30000);
  const macros = lkmmDef();

  describe('the library, for every architecture', () => {
    for (const file of libraryTests()) {
      it(file, () => {
        const test = parseTest(fs.readFileSync(file, 'utf8'), file);
        for (const id of IDS) {
          const r = lowerToAsm(test, macros, id);
          if (unsupportedCalls(test, TARGETS[id]).length > 0) {
            expect(r.value, id).to.equal(undefined);
            expect(r.diagnostics.map((d) => d.code)).to.include('lower/unsupported');
            continue;
          }
          expect(
            r.diagnostics.map((d) => d.message),
            id,
          ).to.deep.equal([]);
          const problems = validateAsm(r.value!, TARGETS[id].herdArch, test.threads.length);
          expect(problems, `${id}:\n${r.value}`).to.deep.equal([]);
        }
      });
    }
  });

  const sbXchgs = litmus(
    'SB+xchgs',
    [
      'int r0;\nint r1;\nr1 = xchg(x, 1);\nr0 = READ_ONCE(*y);',
      'int r0;\nint r1;\nr1 = xchg(y, 1);\nr0 = READ_ONCE(*x);',
    ],
    '0:r0=0 /\\ 1:r0=0',
  );
  const expected: Record<TargetId, RegExp[]> = {
    'x86-64': [
      /^X86_64 SB\+xchgs$/m,
      /\| xchgl \(y\),%e\w+ +;/,
      /^exists \(0:r\w+=0 \/\\ 1:r\w+=0\)$/m,
    ],
    arm64: [
      /^AArch64 /m,
      /SWPAL W\d+,W1,\[X\d+\]/,
      /LDR W0,\[X\d+\]/,
      /^exists \(0:X0=0 \/\\ 1:X0=0\)$/m,
    ],
    'arm64-llsc': [/LDXR W1,/, /STLXR W\d+,W\d+,/, /CBNZ W\d+,LC0\d+/, /DMB ISH /],
    power: [
      /^PPC /m,
      /^ sync /m,
      /lwarx r2,0,r\d+/,
      /stwcx\. r\d+,0,r\d+/,
      /^exists \(0:r1=0 \/\\ 1:r1=0\)$/m,
    ],
    riscv: [/^RISCV /m, /amoswap\.w\.aqrl x6,x\d+,\(x\d+\)/, /^exists \(0:x5=0 \/\\ 1:x5=0\)$/m],
  };
  for (const id of IDS) {
    it(`prints SB+xchgs with the ${id} table's instructions`, () => {
      const r = lower(sbXchgs, id, macros);
      for (const re of expected[id]) expect(r.value).to.match(re);
      expect(r.value).to.match(/^\{\n(.*\n)*\}\n P0 +\| P1 +;$/m);
    });
  }

  it('skips the barrier after a failed cmpxchg, keeps the one before it (powerpc)', () => {
    const text = litmus('cas', ['int r0;\nr0 = cmpxchg(x, 0, 1);'], 'x=1', { params: 'int *x' });
    const lines = lower(text, 'power', macros).value!.split('\n');
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    expect(at(/^ sync/)).to.be.lessThan(at(/lwarx/));
    const fail = /bne (LC\d+)/.exec(lines[at(/cmpw/) + 1])![1];
    const lastSync = lines.length - 1 - [...lines].reverse().findIndex((l) => /^ sync/.test(l));
    expect(at(new RegExp(`^ ${fail}:`))).to.be.greaterThan(lastSync);
  });

  it('reports what it cannot lower, with the primitive and the reason', () => {
    const text = litmus('gp', ['synchronize_rcu();\nWRITE_ONCE(*x, 1);'], 'x=1', {
      params: 'int *x',
    });
    const r = lower(text, 'arm64', macros);
    expect(r.value).to.equal(undefined);
    expect(r.diagnostics.map((d) => d.message)).to.deep.equal([
      'cannot lower synchronize_rcu to arm64: an RCU grace period is a kernel algorithm (kernel/rcu/tree.c), not an instruction sequence an architecture model can check',
    ]);
    const loop = litmus('loop', ['int r0;\nwhile (r0 == 0) {\nr0 = READ_ONCE(*x);\n}'], 'x=1', {
      params: 'int *x',
    });
    expect(lower(loop, 'riscv', macros).diagnostics.map((d) => d.message)).to.deep.equal([
      'cannot lower to RISCV assembly: loops',
    ]);
  });

  it('has a validator that catches malformed tests', () => {
    const good = lower(sbXchgs, 'arm64', macros).value!;
    expect(validateAsm(good, 'AArch64', 2)).to.deep.equal([]);
    expect(validateAsm(good.replace(/ ;\n/, '\n'), 'AArch64', 2)).to.not.deep.equal([]);
    expect(validateAsm(good.replace('SWPAL', 'SWAPAL'), 'AArch64', 2)).to.not.deep.equal([]);
    expect(validateAsm(good.replace(/\| (\S)/, '$1'), 'AArch64', 2)).to.not.deep.equal([]);
    expect(validateAsm(good.replace('0:X0=0', '2:X0=0'), 'AArch64', 2)).to.not.deep.equal([]);
    expect(validateAsm(good, 'PPC', 2)).to.not.deep.equal([]);
  });
});
