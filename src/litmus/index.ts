// Litmus stage: the public face of the C litmus front end (parse, check, print).
export * from './ast';
export { parseLitmus, parseMacroFile } from './parse';
export { printExpr, printLitmus, printProp, printStmt } from './print';
