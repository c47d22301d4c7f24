// Test support: litmus texts the LSP tests open.

/** SB with full barriers: forbidden under LKMM. */
export const SB_MBS = `C SB+mbs
{}
P0(int *x, int *y) {
  WRITE_ONCE(*x, 1);
  smp_mb();
  r0 = READ_ONCE(*y);
}
P1(int *x, int *y) {
  WRITE_ONCE(*y, 1);
  smp_mb();
  r0 = READ_ONCE(*x);
}
exists (0:r0=0 /\\ 1:r0=0)
`;
