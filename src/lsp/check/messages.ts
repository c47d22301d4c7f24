// LSP adapter: the messages between the language server and its workers (structured-clone data
// only). Targets are resolved, and confined to the allowed folders, before they get here.
import type { ModelSetup } from '../../cli/config';
import type { TestResult } from '../../enumerate/result';
import type { Diagnostic } from '../../source';
import type { Limits } from '../settings';
import type { WitnessAnswer } from '../witness';

/** The verdicts of a litmus text under each target. */
export interface CheckJob {
  readonly kind: 'check';
  readonly file: string;
  readonly text: string;
  readonly targets: readonly ModelSetup[];
  readonly limits: Limits;
  /** Bumped when a model file changes on disk: the worker drops its caches. */
  readonly generation: number;
}

/** The diagnostics of a model file's text (ohm can take seconds to explain a syntax error). */
export interface LintJob {
  readonly kind: 'lint';
  readonly file: string;
  readonly text: string;
  /** The file as the model, or as the bell of the configured model (or the reverse). */
  readonly spec: { readonly model: string; readonly bell?: string };
  readonly variants: readonly string[];
  readonly includeDirs: readonly string[];
  /** Folders includes may be read from. */
  readonly roots: readonly string[];
  readonly limits: Limits;
}

/** The first execution satisfying the condition under one target, drawn. */
export interface WitnessJob {
  readonly kind: 'witness';
  readonly file: string;
  readonly text: string;
  readonly target: ModelSetup;
  readonly limits: Limits;
  readonly generation: number;
}

export type Job = CheckJob | LintJob | WitnessJob;

/** Loads the models ahead of the first check, so a fresh worker answers quickly. */
export interface PreloadRequest {
  readonly kind: 'preload';
  readonly targets: readonly ModelSetup[];
  readonly generation: number;
}

export type ToWorker = (Job & { readonly id: number }) | PreloadRequest;

/** The outcome under one target: a result, or the diagnostics that prevented one (model errors). */
export interface TargetVerdict {
  readonly result?: TestResult;
  readonly diagnostics: readonly Diagnostic[];
}

/** What a job produced. */
export type JobAnswer =
  | { readonly kind: 'verdicts'; readonly verdicts: readonly TargetVerdict[] }
  | { readonly kind: 'lint'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'witness'; readonly answer: WitnessAnswer };

export type FromWorker =
  | { readonly kind: 'started'; readonly id: number }
  | (JobAnswer & { readonly id: number })
  | { readonly kind: 'crashed'; readonly id: number; readonly message: string };
