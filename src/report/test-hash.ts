// Report stage: the `Hash=` line. herd's MD5 is taken over its own pretty-printing of the test,
// which ordo does not reproduce; ordo hashes its own canonical rendering instead.
import { createHash } from 'node:crypto';
import { type LitmusTest, printLitmus } from '../litmus';

/**
 * A `Hash=` key in the test's info area is echoed, as herd does. Otherwise: the MD5 of
 * printLitmus(test), which ignores comments and layout, so the hash changes exactly when
 * the test does. It differs from herd's hash for the same test; the kernel scripts never
 * read it and mcompare7 has `-nohash`.
 */
export function testHash(test: LitmusTest): string {
  const given = test.info.find((line) => line.key === 'Hash');
  if (given) return given.value;
  return createHash('md5').update(printLitmus(test)).digest('hex');
}
