// LSP adapter: the messages between the language server and its check workers (structured-clone data only).
import type { ModelSetup } from '../../cli/config';
import type { TestResult } from '../../enumerate/result';
import type { Diagnostic } from '../../source';
import type { Limits } from '../settings';

export interface CheckRequest {
  readonly kind: 'check';
  readonly id: number;
  readonly file: string;
  readonly text: string;
  readonly targets: readonly ModelSetup[];
  readonly limits: Limits;
  /** Bumped when a model file changes on disk: the worker drops its caches. */
  readonly generation: number;
}

/** Loads the models ahead of the first check, so a fresh worker answers quickly. */
export interface PreloadRequest {
  readonly kind: 'preload';
  readonly targets: readonly ModelSetup[];
  readonly generation: number;
}

export type ToCheckWorker = CheckRequest | PreloadRequest;

/** The outcome under one target: a result, or the diagnostics that prevented one (model errors). */
export interface TargetVerdict {
  readonly result?: TestResult;
  readonly diagnostics: readonly Diagnostic[];
}

export type FromCheckWorker =
  | { readonly kind: 'verdicts'; readonly id: number; readonly verdicts: readonly TargetVerdict[] }
  | { readonly kind: 'crashed'; readonly id: number; readonly message: string };
