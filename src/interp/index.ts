// Interpreter stage: cat models run over candidate executions. Public face of src/interp/.
export { CANDIDATE_NAMES, type Execution } from './execution';
export { MAX_FIXPOINT_STEPS } from './fixpoint';
export {
  type AcceptedBranch,
  bellTags,
  type CompiledModel,
  loadModel,
  type ModelOptions,
  runModel,
} from './model';
