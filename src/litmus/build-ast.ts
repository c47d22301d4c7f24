// Litmus stage: the CST visitor. Turns chevrotain's concrete syntax trees (grammar/litmus-cst.ts)
// into the typed litmus AST, with a span on every node and a diagnostic for what the grammar
// lets through but herd rejects (thread names, non-pointer parameters, bad assignments).
import type { CstNode, IToken } from 'chevrotain';
import type * as C from '../../grammar/litmus-cst';
import { type Diagnostic, type Span, span } from '../source';
import type {
  AddressValue,
  ArrayValue,
  BinaryOp,
  Condition,
  Expr,
  InitItem,
  InitValue,
  IntValue,
  LocRef,
  Macro,
  MemRef,
  OpArg,
  Param,
  Prop,
  Quantifier,
  RegRef,
  Stmt,
  Thread,
  UnaryOp,
} from './ast';
import * as D from './diagnostics';
import { BINARY_OPERATORS, groupByPrecedence, PROP_OPERATORS } from './precedence';

const PROP_KINDS: Record<string, 'OrProp' | 'AndProp' | 'ImpliesProp'> = {
  '\\/': 'OrProp',
  '/\\': 'AndProp',
  '=>': 'ImpliesProp',
};

/** The parts of a test that come from parsed regions (the rest comes from the splitter). */
export interface BuiltConstraints {
  readonly locations: readonly LocRef[];
  readonly filter?: Prop;
  readonly condition?: Condition;
}

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly file: string) {}

  /** An integer token (decimal or hex, sign lexed into it); values must be exact doubles. */
  private int(t: IToken): number {
    const image = t.image;
    const value = image.startsWith('-') ? -Number(image.slice(1)) : Number(image);
    if (Number.isSafeInteger(value)) return value;
    this.diagnostics.push(D.intRange(image, this.tokenSpan(t)));
    return 0;
  }

  private tokenSpan(t: IToken): Span {
    return span(this.file, t.startOffset, t.startOffset + t.image.length);
  }

  private nodeSpan(n: CstNode): Span {
    const loc = n.location!;
    return span(this.file, loc.startOffset, loc.endOffset! + 1);
  }

  private between(first: Span, last: Span): Span {
    return span(this.file, first.start, last.end);
  }

  // ---------- threads ----------

  program(n: C.ProgramCstNode): Thread[] {
    return (n.children.thread ?? []).flatMap((t) => this.thread(t) ?? []);
  }

  private thread(n: C.ThreadCstNode): Thread | undefined {
    const nameTok = n.children.name[0];
    const nameSpan = this.tokenSpan(nameTok);
    const m = /^P(\d+)$/.exec(nameTok.image);
    if (!m) {
      this.diagnostics.push(D.badThreadName(nameTok.image, nameSpan));
      return undefined;
    }
    const index = Number(m[1]);
    const params = (n.children.params ?? []).map((p) => this.param(p, index));
    return {
      kind: 'Thread',
      index,
      nameSpan,
      params,
      body: this.block(n.children.body[0]),
      span: this.nodeSpan(n),
    };
  }

  private param(n: C.ParamCstNode, thread: number): Param {
    const nameTok = n.children.name[0];
    const stars = n.children.stars?.length ?? 0;
    if (stars === 0) {
      this.diagnostics.push(D.paramNotPointer(nameTok.image, thread, this.tokenSpan(nameTok)));
    }
    return {
      kind: 'Param',
      type: typeText(n.children.type[0], stars),
      name: nameTok.image,
      span: this.nodeSpan(n),
    };
  }

  private block(n: C.BlockCstNode): Stmt[] {
    return (n.children.statements ?? []).flatMap((s) => this.statement(s) ?? []);
  }

  /** The branch of an `if` or the body of a `while`: a block's statements, or one statement. */
  private branch(n: C.StatementCstNode): Stmt[] {
    const block = n.children.block?.[0];
    if (block) return this.block(block);
    const s = this.statement(n);
    return s ? [s] : [];
  }

  private statement(n: C.StatementCstNode): Stmt | undefined {
    const c = n.children;
    const sp = this.nodeSpan(n);
    if (c.block) return { kind: 'BlockStmt', body: this.block(c.block[0]), span: sp };
    if (c.ifStatement) {
      const i = c.ifStatement[0].children;
      return {
        kind: 'IfStmt',
        cond: this.expression(i.cond[0]),
        // biome-ignore lint/suspicious/noThenProperty: the AST contract names the branch `then`
        then: this.branch(i.then[0]),
        else: i.else ? this.branch(i.else[0]) : undefined,
        span: sp,
      };
    }
    if (c.whileStatement) {
      const w = c.whileStatement[0].children;
      return {
        kind: 'WhileStmt',
        cond: this.expression(w.cond[0]),
        body: this.branch(w.body[0]),
        span: sp,
      };
    }
    if (c.declaration) {
      const d = c.declaration[0].children;
      return {
        kind: 'DeclStmt',
        type: typeText(d.type[0], d.stars?.length ?? 0),
        name: d.name[0].image,
        init: d.init ? this.expression(d.init[0]) : undefined,
        span: sp,
      };
    }
    return this.simpleStatement(c.simpleStatement![0], sp);
  }

  private simpleStatement(n: C.SimpleStatementCstNode, sp: Span): Stmt | undefined {
    const target = this.expression(n.children.target[0]);
    const valueNode = n.children.value?.[0];
    if (!valueNode) return { kind: 'ExprStmt', expr: target, span: sp };
    const value = this.expression(valueNode);
    switch (target.kind) {
      case 'RegExpr':
        return { kind: 'AssignStmt', name: target.name, nameSpan: target.span, value, span: sp };
      case 'DerefExpr':
        return { kind: 'StoreStmt', address: target.address, value, span: sp };
      default:
        this.diagnostics.push(D.badAssignment(target.span));
        return undefined;
    }
  }

  // ---------- expressions ----------

  expression(n: C.ExpressionCstNode): Expr {
    const c = n.children;
    return groupByPrecedence(
      { operands: c.operands.map((o) => this.unary(o)), operators: c.operators ?? [] },
      (op) => BINARY_OPERATORS[op.image as BinaryOp],
      (op, left, right): Expr => ({
        kind: 'BinaryExpr',
        op: op.image as BinaryOp,
        left,
        right,
        span: this.between(left.span, right.span),
      }),
      (op) => this.diagnostics.push(D.chainedComparison(op.image, this.tokenSpan(op))),
    );
  }

  private unary(n: C.UnaryCstNode): Expr {
    const c = n.children;
    const sp = this.nodeSpan(n);
    if (c.operator) {
      const operand = this.unary(c.operand![0]);
      const op = c.operator[0].image;
      if (op === '*') return { kind: 'DerefExpr', address: operand, span: sp };
      return { kind: 'UnaryExpr', op: op as UnaryOp, operand, span: sp };
    }
    if (c.cast) {
      const k = c.cast[0].children;
      return {
        kind: 'CastExpr',
        type: typeText(k.type[0], k.stars?.length ?? 0),
        expr: this.unary(k.operand[0]),
        span: sp,
      };
    }
    return this.primary(c.primary![0]);
  }

  private primary(n: C.PrimaryCstNode): Expr {
    const c = n.children;
    if (c.Int) return { kind: 'IntExpr', value: this.int(c.Int[0]), span: this.nodeSpan(n) };
    if (c.inner) return this.expression(c.inner[0]);
    return this.nameOrCall(c.nameOrCall![0]);
  }

  private nameOrCall(n: C.NameOrCallCstNode): Expr {
    const c = n.children;
    const nameTok = c.name[0];
    const sp = this.nodeSpan(n);
    if (!c.tags && !c.argumentList) return { kind: 'RegExpr', name: nameTok.image, span: sp };
    return {
      kind: 'CallExpr',
      name: nameTok.image,
      nameSpan: this.tokenSpan(nameTok),
      tags: c.tags?.[0].children.tags.map((t) => t.children.words.map((w) => w.image).join('-')),
      args: (c.argumentList?.[0].children.args ?? []).map((a) => this.argument(a)),
      span: sp,
    };
  }

  private argument(n: C.ArgumentCstNode): Expr | OpArg {
    const c = n.children;
    if (c.expression) return this.expression(c.expression[0]);
    const op = c.operatorArg![0];
    return {
      kind: 'OpArg',
      op: op.children.op!.map((t) => t.image).join('') as OpArg['op'],
      span: this.nodeSpan(op),
    };
  }

  // ---------- .def macros ----------

  macroFile(n: C.MacroFileCstNode): Macro[] {
    return (n.children.macros ?? []).map((m) => {
      const c = m.children;
      return {
        kind: 'Macro',
        name: c.name[0].image,
        formals: (c.formals ?? []).map((f) => f.image),
        body: c.body
          ? { kind: 'StmtBody', body: this.block(c.body[0]) }
          : { kind: 'ExprBody', expr: this.expression(c.expr![0]) },
        span: this.nodeSpan(m),
      };
    });
  }

  // ---------- init section ----------

  initSection(n: C.InitSectionCstNode): InitItem[] {
    return (n.children.items ?? []).flatMap((i) => this.initItem(i) ?? []);
  }

  private initItem(n: C.InitItemCstNode): InitItem | undefined {
    const c = n.children;
    const sp = this.nodeSpan(n);
    const typeWord = c.type?.[0].image;
    const type =
      typeWord === undefined && !c.star
        ? undefined
        : `${c.atomic ? '_Atomic ' : ''}${typeWord ?? ''}${c.star ? '*' : ''}`;
    const t = c.target![0].children;
    const target: LocRef = t.regRef
      ? this.regRef(t.regRef[0])
      : {
          kind: 'MemRef',
          name: (t.bracketed ?? t.name!)[0].image,
          span: this.nodeSpan(c.target![0]),
        };
    const value = c.value ? this.initValue(c.value[0]) : undefined;
    const size = t.size ? this.int(t.size[0]) : undefined;
    if (size === undefined && value?.kind !== 'ArrayValue') {
      return { kind: 'InitItem', target, type, value, span: sp };
    }
    const name = target.kind === 'MemRef' ? target.name : '';
    const array = this.arrayValue(name, size, typeWord !== undefined, value, sp);
    return array && { kind: 'InitItem', target, type, value: array, span: sp };
  }

  /** `int a[2];`, `int a[2] = {1, 2};`: herd wants a type, a size and that many values. */
  private arrayValue(
    name: string,
    size: number | undefined,
    typed: boolean,
    value: InitValue | undefined,
    sp: Span,
  ): ArrayValue | undefined {
    if (size === undefined || !typed || (value && value.kind !== 'ArrayValue')) {
      this.diagnostics.push(D.badArrayInit(sp));
      return undefined;
    }
    if (!value) return { kind: 'ArrayValue', size, elements: [], span: sp };
    if (value.elements.length !== size) {
      this.diagnostics.push(D.arraySize(name, size, value.elements.length, value.span));
      return undefined;
    }
    return value;
  }

  private initValue(n: C.InitValueCstNode): InitValue {
    const c = n.children;
    const sp = this.nodeSpan(n);
    const int = c.int ?? c.atomicInit;
    if (int) return { kind: 'IntValue', value: this.int(int[0]), span: sp };
    if (c.address) return this.addressValue(c.address[0], sp);
    const elements = c.elements!.map(
      (e): IntValue => ({ kind: 'IntValue', value: this.int(e), span: this.tokenSpan(e) }),
    );
    return { kind: 'ArrayValue', size: elements.length, elements, span: sp };
  }

  private addressValue(n: C.AddressValueCstNode, sp = this.nodeSpan(n)): AddressValue {
    const c = n.children;
    return {
      kind: 'AddressValue',
      name: c.name[0].image,
      index: c.index ? this.int(c.index[0]) : undefined,
      span: sp,
    };
  }

  private regRef(n: C.RegRefCstNode): RegRef {
    const c = n.children;
    const threadTok = (c.thread ?? c.proc!)[0];
    const m = /^P?(\d+)$/.exec(threadTok.image);
    if (!m) this.diagnostics.push(D.badThreadRef(threadTok.image, this.tokenSpan(threadTok)));
    return {
      kind: 'RegRef',
      thread: m ? Number(m[1]) : -1,
      reg: c.reg[0].image,
      span: this.nodeSpan(n),
    };
  }

  private memRefOf(n: C.AddressValueCstNode): MemRef {
    const a = this.addressValue(n);
    return { kind: 'MemRef', name: a.name, index: a.index, span: a.span };
  }

  // ---------- constraints ----------

  constraints(n: C.ConstraintsCstNode): BuiltConstraints {
    const c = n.children;
    const items = c.locationsClause?.[0].children.items ?? [];
    return {
      locations: items.map((i) =>
        i.children.regRef
          ? this.regRef(i.children.regRef[0])
          : this.memRefOf(i.children.global![0]),
      ),
      filter: c.filter ? this.prop(c.filter[0]) : undefined,
      condition: c.quantified ? this.quantified(c.quantified[0]) : undefined,
    };
  }

  private quantified(n: C.QuantifiedCstNode): Condition {
    const c = n.children;
    const quantifier: Quantifier = c.forall ? 'forall' : c.negation ? 'not exists' : 'exists';
    return { kind: 'Condition', quantifier, prop: this.prop(c.prop![0]), span: this.nodeSpan(n) };
  }

  prop(n: C.PropCstNode): Prop {
    const c = n.children;
    return groupByPrecedence(
      { operands: c.operands.map((o) => this.propUnary(o)), operators: c.operators ?? [] },
      (op) => PROP_OPERATORS[op.image],
      (op, left, right): Prop => ({
        kind: PROP_KINDS[op.image],
        left,
        right,
        span: this.between(left.span, right.span),
      }),
    );
  }

  private propUnary(n: C.PropUnaryCstNode): Prop {
    const c = n.children;
    const sp = this.nodeSpan(n);
    if (c.not) return { kind: 'NotProp', prop: this.propUnary(c.operand![0]), span: sp };
    if (c.True || c.False) return { kind: 'ConstProp', value: !!c.True, span: sp };
    if (c.inner) return this.prop(c.inner[0]);
    const a = c.atom![0].children;
    const l = a.left[0].children;
    const left: LocRef = l.regRef
      ? this.regRef(l.regRef[0])
      : l.global
        ? this.memRefOf(l.global[0])
        : { kind: 'MemRef', name: l.bracketed![0].image, span: this.nodeSpan(a.left[0]) };
    return {
      kind: 'AtomProp',
      op: a.equal ? '=' : '!=',
      left,
      right: this.atomRight(a.right[0]),
      span: sp,
    };
  }

  private atomRight(n: C.AtomRightCstNode): AtomRight {
    const c = n.children;
    const sp = this.nodeSpan(n);
    if (c.regRef) return this.regRef(c.regRef[0]);
    if (c.int) return { kind: 'IntValue', value: this.int(c.int[0]), span: sp };
    if (c.address) return this.addressValue(c.address[0]);
    if (c.deref) return { kind: 'MemRef', name: c.deref[0].image, deref: true, span: sp };
    return { kind: 'MemRef', name: c.bracketed![0].image, span: sp };
  }
}

type AtomRight = LocRef | IntValue | AddressValue;

/** `volatile int`, `struct srcu_struct` and the stars after them: `volatile int *`. */
function typeText(n: C.TypeSpecCstNode, stars: number): string {
  const c = n.children;
  const words = [...(c.qualifiers ?? []), ...(c.struct ?? []), ...(c.base ?? [])]
    .sort((a, b) => a.startOffset - b.startOffset)
    .map((t) => t.image);
  return stars > 0 ? `${words.join(' ')} ${'*'.repeat(stars)}` : words.join(' ');
}
