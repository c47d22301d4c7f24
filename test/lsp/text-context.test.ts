import { expect } from 'chai';
import { prefixAt, regionAt, splitRegisterRef, tokenAt } from '../../src/lsp/text-context';
import { marked } from './support/lsp-client';

describe('lsp/text-context', () => {
  const { text, offsets } = marked(`C t
{ <|>x=1; }
P0(int *x) { r0 = READ_ONCE(*<|>x); }
P1(int *x) { <|>WRITE_ONCE(*x, 1); // exists in a comment ends the program, as in herd
}
exists (<|>0:r0=0)`);

  it('tells the init section, a thread and the constraint part apart', () => {
    expect(offsets.slice(0, 3).map((o) => regionAt(text, o))).to.deep.equal([
      { kind: 'init' },
      { kind: 'thread', thread: 0 },
      { kind: 'thread', thread: 1 },
    ]);
    expect(regionAt(text, offsets[3])).to.deep.equal({ kind: 'constraint' });
    expect(regionAt(text, text.indexOf('ends the program'))).to.deep.equal({ kind: 'constraint' });
  });

  it('reads `0:r0` as one token and splits it', () => {
    const t = tokenAt(text, offsets[3] + 2);
    expect(t).to.deep.equal({ text: '0:r0', start: offsets[3], end: offsets[3] + 4 });
    expect(splitRegisterRef('0:r0')).to.deep.equal({ thread: 0, reg: 'r0' });
    expect(splitRegisterRef('P12:tmp')).to.deep.equal({ thread: 12, reg: 'tmp' });
    expect(splitRegisterRef('x')).to.equal(undefined);
  });

  it('takes the prefix up to the cursor for completion', () => {
    expect(prefixAt('a = READ_ON', 11)).to.deep.equal({ text: 'READ_ON', start: 4, end: 11 });
    expect(prefixAt('(x ', 3)).to.deep.equal({ text: '', start: 3, end: 3 });
    expect(tokenAt('(  )', 2)).to.equal(undefined);
  });
});
