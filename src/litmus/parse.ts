// Litmus stage: the front end's entry points. Splits a litmus file like herd, parses each
// region with its own lexer mode, builds the AST and runs the name checks.
import type * as C from '../../grammar/litmus-cst';
import { C_MODE, STATE_MODE } from '../../grammar/litmus-modes';
import { type Diagnostic, hasErrors, type Result, span, tooDeepNode } from '../source';
import type { LitmusTest, MacroFile } from './ast';
import { AstBuilder } from './build-ast';
import { checkLitmus } from './check';
import * as D from './diagnostics';
import { findExpectedResult } from './expected-result';
import { MAX_AST_DEPTH } from './nesting';
import { splitLitmus } from './split';

const END_OF_FILE = 'the end of the file';

/**
 * parse-region.ts brings in chevrotain and the grammar: loaded on the first parse, so that a
 * run whose test and macros all come from the parse cache never loads them.
 */
function regionParser(): typeof import('./parse-region').parseRegion {
  return require('./parse-region').parseRegion;
}

export function parseLitmus(text: string, file: string): Result<LitmusTest> {
  const parseRegion = regionParser();
  const split = splitLitmus(text, file);
  const t = split.value;
  if (!t) return { value: undefined, diagnostics: split.diagnostics };

  const init = parseRegion(
    { text, file, region: t.init, mode: STATE_MODE, endLabel: 'the end of the init section' },
    (p) => p.initSection() as C.InitSectionCstNode,
  );
  const programEnd = t.programEnd;
  const program = parseRegion(
    {
      text,
      file,
      region: t.program,
      mode: C_MODE,
      endLabel: programEnd ? `'${programEnd.word}'` : END_OF_FILE,
      endSpan: programEnd?.span,
    },
    (p) => p.program() as C.ProgramCstNode,
  );
  const constraints = parseRegion(
    { text, file, region: t.constraints, mode: STATE_MODE, endLabel: END_OF_FILE },
    (p) => p.constraints() as C.ConstraintsCstNode,
  );
  const diagnostics: Diagnostic[] = [
    ...init.diagnostics,
    ...program.diagnostics,
    ...constraints.diagnostics,
  ];
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };

  const build = new AstBuilder(file);
  const threads = build.program(program.cst);
  if (threads.length === 0 && build.diagnostics.length === 0) {
    build.diagnostics.push(D.noThreads(programEnd?.span ?? span(file, text.length, text.length)));
  }
  const test: LitmusTest = {
    kind: 'LitmusTest',
    arch: t.arch,
    name: t.name,
    nameSpan: t.nameSpan,
    doc: t.doc,
    info: t.info,
    expected: findExpectedResult(text, t.preamble.end, file),
    init: build.initSection(init.cst),
    threads,
    ...build.constraints(constraints.cst),
    span: span(file, 0, text.length),
  };
  // The builder visits threads before the init section: report in file order.
  const built = [...build.diagnostics].sort((a, b) => a.span.start - b.span.start);
  diagnostics.push(...built, ...depthProblems(test));
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };
  diagnostics.push(...checkLitmus(test));
  return { value: hasErrors(diagnostics) ? undefined : test, diagnostics };
}

/** A `.def` file: `NAME(FORMALS) expr` or `NAME(FORMALS) { stmts }`, read with the C lexer. */
export function parseMacroFile(text: string, file: string): Result<MacroFile> {
  const region = { start: 0, end: text.length };
  const parsed = regionParser()(
    { text, file, region, mode: C_MODE, endLabel: END_OF_FILE },
    (p) => p.macroFile() as C.MacroFileCstNode,
  );
  if (hasErrors(parsed.diagnostics)) return { value: undefined, diagnostics: parsed.diagnostics };
  const build = new AstBuilder(file);
  const macros = build.macroFile(parsed.cst);
  const diagnostics = [...parsed.diagnostics, ...build.diagnostics, ...depthProblems(macros)];
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };
  return { value: { kind: 'MacroFile', macros, span: span(file, 0, text.length) }, diagnostics };
}

/** Later stages recurse over the AST: a chain of thousands of operators must stop here. */
function depthProblems(root: object): Diagnostic[] {
  const at = tooDeepNode(root, MAX_AST_DEPTH);
  return at ? [D.tooDeep(MAX_AST_DEPTH, 'operators, statements and blocks', at)] : [];
}
