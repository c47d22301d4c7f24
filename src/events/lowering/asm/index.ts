// Events stage (assembly output of `ordo lower`): public face.
export type { HerdArch } from './backend';
export { lowerToAsm } from './print';
