import { expect } from 'chai';
import { parseLitmus } from '../../src/litmus';
import { collectNames } from '../../src/lsp/litmus-names';

const TEST = `C names
{ int x = 2; y = x; }
P0(int *x, int **y) {
  int r1;
  r0 = READ_ONCE(*y);
  r1 = *x;
  WRITE_ONCE(*x, READ_ONCE(*x) + 1);
}
P1(int *x, int *z) {
  *z = 1;
  smp_store_release(x, 3);
  if (r2 == 0) { r3 = smp_load_acquire(z); }
}
locations [z]
exists (0:r0=x /\\ x=3)
`;

describe('lsp/litmus-names', () => {
  const parsed = parseLitmus(TEST, 'names.litmus');
  const names = collectNames(parsed.value!);

  it('parses the fixture', () => {
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
  });

  it('records per thread which primitives and plain accesses touch each location', () => {
    const x = names.locations.get('x')!;
    expect(x.accesses).to.deep.equal([
      { thread: 0, primitives: ['WRITE_ONCE', 'READ_ONCE'], plainRead: true, plainWrite: false },
      { thread: 1, primitives: ['smp_store_release'], plainRead: false, plainWrite: false },
    ]);
    expect(names.locations.get('z')?.accesses).to.deep.equal([
      { thread: 1, primitives: ['smp_load_acquire'], plainRead: false, plainWrite: true },
    ]);
  });

  it('keeps init values and whether the final state observes a location', () => {
    expect(names.locations.get('x')?.init?.value).to.deep.include({ kind: 'IntValue', value: 2 });
    expect(names.locations.get('y')?.init?.value).to.deep.include({
      kind: 'AddressValue',
      name: 'x',
    });
    expect(names.locations.get('x')?.inCondition).to.equal(true);
    expect(names.locations.get('z')?.inCondition).to.equal(true);
    expect(names.locations.get('y')?.inCondition).to.equal(false);
  });

  it('lists registers per thread (declared or assigned, parameters excluded) and parameters', () => {
    expect(names.registers.get(0)).to.deep.equal(['r1', 'r0']);
    expect(names.registers.get(1)).to.deep.equal(['r3']);
    expect(names.params.get(1)).to.deep.equal(['x', 'z']);
  });
});
