// LSP adapter: what a primitive of the `.def` in use means: its definition, the internal forms
// it expands to and their LKMM ordering.
import {
  type CallExpr,
  type Expr,
  type Macro,
  type MacroFile,
  type OpArg,
  type Stmt,
  unreachable,
} from '../litmus/ast';
import { describeOrdering } from './primitive-ordering';

/** A parsed `.def` file with its text (definitions are quoted from it). */
export interface MacroTable {
  readonly file: string;
  readonly text: string;
  readonly parsed: MacroFile;
  readonly macros: ReadonlyMap<string, Macro>;
}

export function macroTable(file: string, text: string, parsed: MacroFile): MacroTable {
  const macros = new Map<string, Macro>();
  for (const m of parsed.macros) if (!macros.has(m.name)) macros.set(m.name, m);
  return { file, text, parsed, macros };
}

export interface InternalForm {
  readonly op: string;
  readonly tags: readonly string[];
}

export interface PrimitiveInfo {
  readonly macro: Macro;
  /** The macro's line as written in the `.def`. */
  readonly definition: string;
  /** Internal forms after expanding the macros it calls (`atomic_read` -> `__load{ONCE}`). */
  readonly internals: readonly InternalForm[];
  /** One LKMM sentence per distinct internal form the table knows. */
  readonly ordering: readonly string[];
}

export function describePrimitive(name: string, table: MacroTable): PrimitiveInfo | undefined {
  const macro = table.macros.get(name);
  if (!macro) return undefined;
  const internals: InternalForm[] = [];
  collectInternals(macro, table, new Set([name]), internals);
  const ordering: string[] = [];
  for (const f of internals) {
    const sentence = describeOrdering(f.op, f.tags);
    if (sentence && !ordering.includes(sentence)) ordering.push(sentence);
  }
  return {
    macro,
    definition: table.text.slice(macro.span.start, macro.span.end).trim(),
    internals,
    ordering,
  };
}

function collectInternals(
  macro: Macro,
  table: MacroTable,
  expanding: Set<string>,
  out: InternalForm[],
): void {
  const body = macro.body.kind === 'ExprBody' ? [macro.body.expr] : macro.body.body;
  for (const call of callsIn(body)) {
    const callee = table.macros.get(call.name);
    if (callee && !expanding.has(call.name)) {
      expanding.add(call.name);
      collectInternals(callee, table, expanding, out);
      expanding.delete(call.name);
    } else if (call.name.startsWith('__')) {
      out.push({ op: call.name, tags: call.tags ?? [] });
    }
  }
}

/** Calls in evaluation order (arguments before the call that uses them). */
function callsIn(nodes: readonly (Stmt | Expr | OpArg)[]): CallExpr[] {
  const out: CallExpr[] = [];
  const visit = (n: Stmt | Expr | OpArg): void => {
    switch (n.kind) {
      case 'IntExpr':
      case 'RegExpr':
      case 'OpArg':
        break;
      case 'DerefExpr':
        visit(n.address);
        break;
      case 'CastExpr':
        visit(n.expr);
        break;
      case 'BinaryExpr':
        visit(n.left);
        visit(n.right);
        break;
      case 'UnaryExpr':
        visit(n.operand);
        break;
      case 'CallExpr':
        n.args.forEach(visit);
        out.push(n);
        break;
      case 'DeclStmt':
        if (n.init) visit(n.init);
        break;
      case 'AssignStmt':
        visit(n.value);
        break;
      case 'StoreStmt':
        visit(n.address);
        visit(n.value);
        break;
      case 'ExprStmt':
        visit(n.expr);
        break;
      case 'IfStmt':
        visit(n.cond);
        n.then.forEach(visit);
        n.else?.forEach(visit);
        break;
      case 'WhileStmt':
        visit(n.cond);
        n.body.forEach(visit);
        break;
      case 'BlockStmt':
        n.body.forEach(visit);
        break;
      default:
        unreachable(n);
    }
  };
  nodes.forEach(visit);
  return out;
}
