// Events stage: the public face of src/events/: from a C litmus test and its .def macros to
// event structures (initial writes, one path per way through each thread, equations).
export { buildEvents, type EventOptions, type TestEvents } from './build-events';
export {
  expandThread,
  herdUnknownMacroMessage,
  INTERNAL_PRIMITIVES,
  UNKNOWN_PRIMITIVE,
  unknownPrimitive,
} from './expand';
export { displayedRefs, type InitState, observedRefs } from './init-state';
export { type PathRelations, pathRelations } from './path-relations';
export type { Equation, EventKind, LoweredEvent, Pair, ThreadPath } from './structure';
export {
  type Atom,
  type BinaryOperator,
  evalBinary,
  evalUnary,
  isVar,
  type UnaryOperator,
  type Value,
  ValueError,
  type Var,
} from './values';
