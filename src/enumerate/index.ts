// Enumeration stage: the public face of src/enumerate/. checkTest runs one litmus test under a
// compiled cat model and returns herd7's numbers (states, Positive/Negative, flags).
import { type CompiledModel, runModel } from '../interp';
import type { LitmusTest, MacroFile } from '../litmus/ast';
import { type CheckOptions, type CheckResult, checkWithRunner } from './check-test';

export {
  type BranchOutcome,
  type CheckOptions,
  type CheckResult,
  checkWithRunner,
  type ModelRunner,
} from './check-test';
export {
  BASE_RELATIONS,
  type ExecutionGraph,
  type GraphEvent,
  type GraphRelation,
  type GraphRequest,
  type GraphSelection,
  toGraph,
} from './graph';
export * from './result';

export function checkTest(
  test: LitmusTest,
  macros: MacroFile,
  model: CompiledModel,
  options: CheckOptions,
): CheckResult {
  return checkWithRunner(
    test,
    macros,
    (exec, onAccepted, poll) => runModel(model, exec, onAccepted, poll),
    options,
  );
}
