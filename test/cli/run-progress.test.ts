import { expect } from 'chai';
import { progressLine } from '../../src/cli/progress';

describe('cli: progress line', () => {
  it('redraws one line, truncated to the terminal, and erases it', () => {
    let written = '';
    const out = {
      columns: 30,
      write: (s: string) => (written += s),
    } as unknown as NodeJS.WriteStream;
    const p = progressLine(12, out);
    p.clear();
    expect(written).to.equal('');
    p.show(3, 'manual/some/very/long/path/of/a/test.litmus');
    expect(written).to.equal('\r\x1b[K[3/12] manual/some/very/long/');
    p.clear();
    p.clear();
    expect(written.endsWith('long/\r\x1b[K')).to.equal(true);
  });
});
