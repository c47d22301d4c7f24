// Enumeration stage: the public face of src/enumerate/. checkTest runs one litmus test under a
// compiled cat model and returns herd7's numbers (states, Positive/Negative, flags).
import { type CompiledModel, runModel } from '../interp';
import type { LitmusTest, MacroFile } from '../litmus/ast';
import { type CheckOptions, checkWithRunner } from './check-test';
import type { TestResult } from './result';

export {
  type BranchOutcome,
  type CheckOptions,
  checkWithRunner,
  type ModelRunner,
} from './check-test';
export * from './result';

export function checkTest(
  test: LitmusTest,
  macros: MacroFile,
  model: CompiledModel,
  options: CheckOptions,
): TestResult {
  return checkWithRunner(
    test,
    macros,
    (exec, onAccepted, poll) => runModel(model, exec, onAccepted, poll),
    options,
  );
}
