// Events stage (per-architecture lowering): public face. Target tables (one row per LKMM
// primitive, citing the kernel header it comes from), the interpreter that turns them into a
// target's macro file, and the per-test check for primitives no target can lower.
export {
  accessTags,
  PLAIN_TAG,
  postTag,
  preTag,
  type RowShape,
  rowShape,
  targetMacros,
} from './macros';
export { isTargetId, TARGETS } from './targets';
export type {
  Annotation,
  Fence,
  Lowered,
  Row,
  Step,
  TargetId,
  TargetTable,
  Unsupported,
} from './types';
export { notCheckedMessage, type UnsupportedCall, unsupportedCalls } from './unsupported';
