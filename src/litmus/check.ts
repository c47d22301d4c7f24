// Litmus stage: name checks on a parsed test. herd accepts most of these mistakes silently
// (an unknown register reads 0, a forgotten parameter becomes a local register); we say so.
import type { Diagnostic, Span } from '../source';
import {
  type Expr,
  type LitmusTest,
  type LocRef,
  type Prop,
  type Stmt,
  type Thread,
  unreachable,
} from './ast';
import * as D from './diagnostics';

export function checkLitmus(test: LitmusTest): Diagnostic[] {
  const globals = globalNames(test);
  return [
    ...checkThreadNumbers(test.threads),
    ...checkDuplicateInit(test),
    ...test.threads.flatMap((t) => checkMissingParameters(t, globals)),
    ...checkFinalSection(test, globals),
  ];
}

function checkThreadNumbers(threads: readonly Thread[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<number, Span>();
  for (const t of threads) {
    const earlier = first.get(t.index);
    if (earlier) {
      out.push(D.duplicateThread(t.index, t.nameSpan, earlier));
      continue;
    }
    if (t.index !== first.size) out.push(D.threadOrder(first.size, t.index, t.nameSpan));
    first.set(t.index, t.nameSpan);
  }
  return out;
}

const locName = (l: LocRef): string =>
  l.kind === 'RegRef'
    ? `${l.thread}:${l.reg}`
    : l.index === undefined
      ? l.name
      : `${l.name}[${l.index}]`;

function checkDuplicateInit(test: LitmusTest): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, Span>();
  for (const item of test.init) {
    const name = locName(item.target);
    const earlier = first.get(name);
    if (earlier) out.push(D.duplicateInit(name, item.target.span, earlier));
    else first.set(name, item.target.span);
  }
  return out;
}

/** Shared locations: initialised, pointed to by an initial value, or some thread's parameter. */
function globalNames(test: LitmusTest): Set<string> {
  const names = new Set<string>();
  for (const item of test.init) {
    if (item.target.kind === 'MemRef') names.add(item.target.name);
    if (item.value?.kind === 'AddressValue') names.add(item.value.name);
  }
  for (const t of test.threads) for (const p of t.params) names.add(p.name);
  return names;
}

/**
 * Registers a thread gives a value (assignments, initialised declarations, parameters), and
 * with `withDeclarations` also those it merely declares.
 */
function registerNames(thread: Thread, withDeclarations = false): Set<string> {
  const names = new Set(thread.params.map((p) => p.name));
  const visit = (stmts: readonly Stmt[]): void => {
    for (const s of stmts) {
      switch (s.kind) {
        case 'AssignStmt':
          names.add(s.name);
          break;
        case 'DeclStmt':
          if (s.init || withDeclarations) names.add(s.name);
          break;
        case 'IfStmt':
          visit(s.then);
          visit(s.else ?? []);
          break;
        case 'WhileStmt':
        case 'BlockStmt':
          visit(s.body);
          break;
        case 'StoreStmt':
        case 'ExprStmt':
          break;
        default:
          unreachable(s);
      }
    }
  };
  visit(thread.body);
  return names;
}

function* stmtExprs(stmts: readonly Stmt[]): Generator<Expr> {
  for (const s of stmts) {
    switch (s.kind) {
      case 'DeclStmt':
        if (s.init) yield s.init;
        break;
      case 'AssignStmt':
        yield s.value;
        break;
      case 'StoreStmt':
        yield s.address;
        yield s.value;
        break;
      case 'ExprStmt':
        yield s.expr;
        break;
      case 'IfStmt':
        yield s.cond;
        yield* stmtExprs(s.then);
        yield* stmtExprs(s.else ?? []);
        break;
      case 'WhileStmt':
        yield s.cond;
        yield* stmtExprs(s.body);
        break;
      case 'BlockStmt':
        yield* stmtExprs(s.body);
        break;
      default:
        unreachable(s);
    }
  }
}

function* names(e: Expr): Generator<{ name: string; span: Span }> {
  switch (e.kind) {
    case 'RegExpr':
      yield e;
      break;
    case 'IntExpr':
      break;
    case 'DerefExpr':
      yield* names(e.address);
      break;
    case 'CastExpr':
      yield* names(e.expr);
      break;
    case 'UnaryExpr':
      yield* names(e.operand);
      break;
    case 'BinaryExpr':
      yield* names(e.left);
      yield* names(e.right);
      break;
    case 'CallExpr':
      for (const a of e.args) if (a.kind !== 'OpArg') yield* names(a);
      break;
    default:
      unreachable(e);
  }
}

/** herd silently makes a forgotten parameter an uninitialised local register. */
function checkMissingParameters(thread: Thread, globals: Set<string>): Diagnostic[] {
  const known = registerNames(thread, true);
  const out: Diagnostic[] = [];
  for (const e of stmtExprs(thread.body)) {
    for (const n of names(e)) {
      if (globals.has(n.name) && !known.has(n.name)) {
        out.push(D.missingParameter(n.name, thread.index, n.span));
        known.add(n.name);
      }
    }
  }
  return out;
}

function checkFinalSection(test: LitmusTest, globals: Set<string>): Diagnostic[] {
  const registers = test.threads.map((t) => registerNames(t));
  for (const item of test.init) {
    if (item.target.kind === 'RegRef') registers[item.target.thread]?.add(item.target.reg);
  }
  const out: Diagnostic[] = [];
  const checkLoc = (l: LocRef): void => {
    if (l.kind === 'MemRef') {
      if (!globals.has(l.name)) out.push(D.unknownLocation(l.name, l.span));
    } else if (!registers[l.thread]) {
      out.push(D.unknownThread(l.thread, test.threads.length, l.span));
    } else if (!registers[l.thread].has(l.reg)) {
      out.push(D.unknownRegister(l.thread, l.reg, l.span));
    }
  };
  const checkProp = (p: Prop): void => {
    switch (p.kind) {
      case 'ConstProp':
        break;
      case 'NotProp':
        checkProp(p.prop);
        break;
      case 'AndProp':
      case 'OrProp':
      case 'ImpliesProp':
        checkProp(p.left);
        checkProp(p.right);
        break;
      case 'AtomProp':
        checkLoc(p.left);
        if (p.right.kind === 'AddressValue') {
          if (!globals.has(p.right.name)) out.push(D.unknownLocation(p.right.name, p.right.span));
        } else if (p.right.kind !== 'IntValue') {
          checkLoc(p.right);
        }
        break;
      default:
        unreachable(p);
    }
  };
  test.locations.forEach(checkLoc);
  if (test.filter) checkProp(test.filter);
  if (test.condition) checkProp(test.condition.prop);
  return out;
}
