// Events stage (assembly output of `ordo lower`): a construct the assembly output cannot
// express; the compiler turns it into a diagnostic at the C code's position.
export class AsmUnsupported extends Error {}

export function unsupported(what: string): never {
  throw new AsmUnsupported(what);
}
