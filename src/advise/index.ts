// Advise stage: the public face of the barrier advisor. It sits after enumeration: variants
// of a test are edits of its AST, checked by the ordinary checker; src/report/ prints advice.
export * from './advice';
export { type AdviseInput, type AdviseOptions, adviseTest, DEFAULT_ADVISE_OPTIONS } from './advise';
export {
  type CheckRequest,
  checkVariant,
  inThreadChecker,
  type VariantChecker,
  type VariantOutcome,
} from './checker';
export { COST_LEGEND, COST_LEVELS } from './primitives';
export type { AdviseTarget } from './variants';
