// Relations stage: the bitset algebra every other stage computes with. A leaf module.
export * as evset from './event-set';
export { EventSet } from './event-set';
export * as rel from './relation';
export { Relation } from './relation';
