import { expect } from 'chai';
import { loweringLines } from '../../src/lsp/lowering-text';

const byTarget = (primitive: string) =>
  Object.fromEntries(loweringLines(primitive).map((l) => [l.target, l.text]));

describe('lsp/lowering-text', () => {
  it('writes barriers as their instructions are written', () => {
    expect(byTarget('smp_mb')).to.deep.include({
      'x86-64': 'lock addl',
      arm64: 'dmb ish',
      power: 'sync',
      riscv: 'fence rw,rw',
    });
  });

  it('writes the access with its annotations in words', () => {
    expect(byTarget('smp_load_acquire')).to.deep.include({
      arm64: 'access (acquire)',
      'x86-64': 'access',
    });
    expect(byTarget('smp_store_release').arm64).to.equal('access (release)');
  });

  it('says when there is no instruction, and when a primitive is not checked', () => {
    expect(byTarget('rcu_read_lock').arm64).to.equal('no instruction (compiler barrier at most)');
    expect(byTarget('synchronize_rcu').arm64).to.match(
      /^not checked: an RCU grace period is a kernel algorithm/,
    );
  });

  it('cites the kernel header of each row and has nothing for unknown names', () => {
    expect(loweringLines('smp_mb').find((l) => l.target === 'arm64')?.source).to.equal(
      'arch/arm64/include/asm/barrier.h',
    );
    expect(loweringLines('no_such_primitive')).to.deep.equal([]);
  });
});
