// Report stage: public face: herd7 text blocks, JSON lines, and reading herd7/litmus7 logs;
// outcome tables, comparisons of results, execution graphs (DOT, SVG).

export { formatAdviceJson } from './advice-json';
export { formatAdviceText } from './advice-text';
export { type Comparison, compareRecords, isIdentical, type TestDifference } from './compare';
export { type CompareRecord, readCompareRecords } from './compare-input';
export { type CompareSide, formatComparison, formatComparisonJson } from './compare-text';
export { formatCondition, formatProp } from './condition';
export { type DotOptions, dotOptionsOf, renderDot } from './dot';
export {
  emitHerdGraphs,
  type GraphFormat,
  type GraphPlan,
  type GraphShow,
  outcomeGraphs,
  requestFor,
  selectionOfHerdShow,
  writeTestGraphs,
} from './graph-files';
export type {
  ExecutionGraph,
  GraphEvent,
  GraphRelation,
  GraphRequest,
  GraphSelection,
} from './graph-model';
export { isSelected, requestedRelations } from './graph-model';
export { renderSvg } from './graph-svg';
export { type HerdLogState, type HerdLogTest, normaliseStateLine, parseHerdLog } from './herd-log';
export { formatHerdText, herdTestName, type TestReport } from './herd-text';
export { formatJsonLine, type JsonProblem, type JsonTestRecord, toJsonRecord } from './json';
export { outcomeFailed, type TestOutcome } from './outcome';
export { compareStates, formatStates, sortedStates } from './states';
export {
  buildOutcomeTable,
  type ColumnOutcome,
  mismatchCount,
  type TableColumn,
  type TableRowInput,
} from './table';
export { formatTable, isTableFormat, TABLE_FORMATS, type TableFormat } from './table-format';
export { testHash } from './test-hash';
export { type Verdict, verdictOf } from './verdict';
