// Source stage: spans, source files, diagnostics and their printer. A leaf: every stage may use it.
export * from './ast-depth';
export * from './diagnostic';
export * from './parse-cache';
export * from './print';
export * from './span';
