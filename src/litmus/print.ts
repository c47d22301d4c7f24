// Litmus stage: renders the AST as a normalised C litmus test that herd7 (and ordo) accept:
// one statement per line, minimal parentheses by herd's precedences, no comments.
import {
  type AddressValue,
  type CallExpr,
  type Expr,
  type InitItem,
  type InitValue,
  type LitmusTest,
  type LocRef,
  type Prop,
  type Stmt,
  type Thread,
  unreachable,
} from './ast';
import { BINARY_OPERATORS, NOT_PRECEDENCE, PROP_OPERATORS, UNARY_PRECEDENCE } from './precedence';

export function printExpr(e: Expr, minPrecedence = 0): string {
  switch (e.kind) {
    case 'IntExpr':
      return String(e.value);
    case 'RegExpr':
      return e.name;
    case 'DerefExpr':
      return `*${printExpr(e.address, UNARY_PRECEDENCE)}`;
    case 'UnaryExpr':
      return `${e.op}${printExpr(e.operand, UNARY_PRECEDENCE)}`;
    case 'CastExpr':
      return `(${e.type})${printExpr(e.expr, UNARY_PRECEDENCE)}`;
    case 'CallExpr':
      return printCall(e);
    case 'BinaryExpr': {
      const { precedence: p, associativity } = BINARY_OPERATORS[e.op];
      const left = printExpr(e.left, associativity === 'left' ? p : p + 1);
      const text = `${left} ${e.op} ${printExpr(e.right, p + 1)}`;
      return p < minPrecedence ? `(${text})` : text;
    }
    default:
      return unreachable(e);
  }
}

/** `f(a, b)`, `__load{ONCE}(x)`, and `__fence{MB}`, which herd writes without parentheses. */
function printCall(e: CallExpr): string {
  const tags = e.tags ? `{${e.tags.join(',')}}` : '';
  if (e.tags && e.args.length === 0) return `${e.name}${tags}`;
  const args = e.args.map((a) => (a.kind === 'OpArg' ? a.op : printExpr(a)));
  return `${e.name}${tags}(${args.join(', ')})`;
}

/** `int r`, `int *r`: stars stick to the name as in the corpus. */
function declare(type: string, name: string): string {
  return type.endsWith('*') ? `${type}${name}` : `${type} ${name}`;
}

export function printStmt(s: Stmt, indent = '\t'): string[] {
  const nested = (body: readonly Stmt[]): string[] =>
    body.flatMap((b) => printStmt(b, `${indent}\t`));
  switch (s.kind) {
    case 'DeclStmt': {
      const init = s.init ? ` = ${printExpr(s.init)}` : '';
      return [`${indent}${declare(s.type, s.name)}${init};`];
    }
    case 'AssignStmt':
      return [`${indent}${s.name} = ${printExpr(s.value)};`];
    case 'StoreStmt':
      return [`${indent}*${printExpr(s.address, UNARY_PRECEDENCE)} = ${printExpr(s.value)};`];
    case 'ExprStmt':
      return [`${indent}${printExpr(s.expr)};`];
    case 'IfStmt': {
      const lines = [`${indent}if (${printExpr(s.cond)}) {`, ...nested(s.then)];
      if (s.else) lines.push(`${indent}} else {`, ...nested(s.else));
      return [...lines, `${indent}}`];
    }
    case 'WhileStmt':
      return [`${indent}while (${printExpr(s.cond)}) {`, ...nested(s.body), `${indent}}`];
    case 'BlockStmt':
      return [`${indent}{`, ...nested(s.body), `${indent}}`];
    default:
      return unreachable(s);
  }
}

function printThread(t: Thread): string[] {
  const params = t.params.map((p) => declare(p.type, p.name)).join(', ');
  return [`P${t.index}(${params})`, '{', ...t.body.flatMap((s) => printStmt(s)), '}'];
}

function printAddress(a: AddressValue): string {
  return a.index === undefined ? a.name : `${a.name}[${a.index}]`;
}

/** herd accepts `&x` only after a pointer type (`int *p = &x;`); elsewhere the bare name. */
function printInitValue(v: InitValue, pointer: boolean): string {
  switch (v.kind) {
    case 'IntValue':
      return String(v.value);
    case 'AddressValue':
      return `${pointer ? '&' : ''}${printAddress(v)}`;
    case 'ArrayValue':
      return `{${v.elements.map((e) => e.value).join(', ')}}`;
    default:
      return unreachable(v);
  }
}

function printInitItem(item: InitItem): string {
  const type = item.type ?? '';
  const prefix = type === '' || type.endsWith('*') ? type.replace(/(\S)\*$/, '$1 *') : `${type} `;
  const v = item.value;
  const target = `${prefix}${printLoc(item.target)}${v?.kind === 'ArrayValue' ? `[${v.size}]` : ''}`;
  if (!v || (v.kind === 'ArrayValue' && v.elements.length === 0)) return `${target};`;
  return `${target} = ${printInitValue(v, type.endsWith('*'))};`;
}

function printLoc(l: LocRef): string {
  if (l.kind === 'RegRef') return `${l.thread}:${l.reg}`;
  if (l.deref) return `*${l.name}`;
  return l.index === undefined ? l.name : `${l.name}[${l.index}]`;
}

function printBinaryProp(op: string, left: Prop, right: Prop, minPrecedence: number): string {
  const { precedence: p, associativity } = PROP_OPERATORS[op];
  const l = printProp(left, associativity === 'left' ? p : p + 1);
  const r = printProp(right, associativity === 'right' ? p : p + 1);
  return p < minPrecedence ? `(${l} ${op} ${r})` : `${l} ${op} ${r}`;
}

export function printProp(p: Prop, minPrecedence = 0): string {
  switch (p.kind) {
    case 'ConstProp':
      return String(p.value);
    case 'NotProp':
      return `~${printProp(p.prop, NOT_PRECEDENCE)}`;
    case 'OrProp':
      return printBinaryProp('\\/', p.left, p.right, minPrecedence);
    case 'AndProp':
      return printBinaryProp('/\\', p.left, p.right, minPrecedence);
    case 'ImpliesProp':
      return printBinaryProp('=>', p.left, p.right, minPrecedence);
    case 'AtomProp': {
      const r = p.right;
      const right =
        r.kind === 'IntValue'
          ? String(r.value)
          : r.kind === 'AddressValue'
            ? printAddress(r)
            : r.kind === 'MemRef' && !r.deref && r.index === undefined
              ? `[${r.name}]`
              : printLoc(r);
      return `${printLoc(p.left)}${p.op}${right}`;
    }
    default:
      return unreachable(p);
  }
}

const QUANTIFIER_WORDS = { exists: 'exists', 'not exists': '~exists', forall: 'forall' } as const;

export function printLitmus(test: LitmusTest): string {
  const lines = [`C ${test.name}${test.doc === undefined ? '' : ` "${test.doc}"`}`];
  if (test.expected) {
    const race = test.expected.dataRace ? ' DATARACE' : '';
    lines.push(`(* Result: ${test.expected.verdict}${race} *)`);
  }
  for (const i of test.info) lines.push(`${i.key}=${i.value}`);
  const init = test.init.map((i) => `\t${printInitItem(i)}`);
  lines.push('', ...(init.length > 0 ? ['{', ...init, '}'] : ['{}']));
  for (const t of test.threads) lines.push('', ...printThread(t));
  lines.push('');
  if (test.locations.length > 0)
    lines.push(`locations [${test.locations.map(printLoc).join('; ')}]`);
  if (test.filter) lines.push(`filter (${printProp(test.filter)})`);
  const c = test.condition;
  if (c) lines.push(`${QUANTIFIER_WORDS[c.quantifier]} (${printProp(c.prop)})`);
  return `${lines.join('\n')}\n`;
}
