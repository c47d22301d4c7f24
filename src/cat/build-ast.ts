// Cat stage: the one ohm operation turning a cat parse tree into the cat AST.
import type * as ohm from 'ohm-js';
import { type Span, span } from '../source';
import type * as A from './ast';

type Node = ohm.Node;

/**
 * Builds the `ast` operation on `grammar`. Spans need the file name, which ohm operations
 * cannot take without threading it through every call, so the returned function sets it for
 * the duration of one (synchronous) build.
 */
export function makeAstBuilder(
  grammar: ohm.Grammar,
): (m: ohm.MatchResult, file: string) => A.CatModel {
  let file = '';
  const sp = (n: Node): Span => span(file, n.source.startIdx, n.source.endIdx);
  const exp = (n: Node): A.Expr => n.ast();
  const list = <T>(n: Node): T[] => n.asIteration().children.map((c: Node) => c.ast());
  const opt = <T>(n: Node): T | undefined =>
    n.numChildren === 0 ? undefined : n.children[0].ast();
  const many = <T>(n: Node): T[] => n.children.map((c: Node) => c.ast());
  const str = (n: Node): string => n.sourceString.slice(1, -1);
  const un = (op: A.UnaryOp, arg: A.Expr, n: Node): A.Expr => ({
    kind: 'unary',
    op,
    arg,
    span: sp(n),
  });
  const bin = (op: A.BinaryOp, l: Node, r: Node, n: Node): A.Expr => ({
    kind: 'binary',
    op,
    left: exp(l),
    right: exp(r),
    span: sp(n),
  });
  // herd flattens nested chains of the same n-ary operator, parenthesised or not.
  const nary = (op: A.NaryOp, first: Node, rest: Node, n: Node): A.Expr => {
    const parts = [first, ...rest.children].map(exp);
    if (parts.length === 1) return parts[0];
    const args = parts.flatMap((e) => (e.kind === 'nary' && e.op === op ? e.args : [e]));
    return { kind: 'nary', op, args, span: sp(n) };
  };
  const tuplePat = (names: A.Pat0[]): A.Pattern =>
    names.length === 1 ? { kind: 'var', name: names[0] } : { kind: 'tuple', names };
  const fun = (pat: A.Pattern, body: Node, n: Node): A.Expr => ({
    kind: 'fun',
    pat,
    body: exp(body),
    span: sp(n),
  });
  const binding = (name: string | null, expr: A.Expr, n: Node): A.Binding => ({
    pat: { kind: 'var', name },
    expr,
    span: sp(n),
  });
  const test = (t: Node, e: Node, as: Node, n: Node): A.Test => ({
    negated: t.children[0].numChildren > 0,
    pred: t.children[1].sourceString as A.Predicate,
    expr: exp(e),
    name: opt(as),
    span: sp(n),
  });
  const tagClauses = (clauses: Node, dflt: Node | undefined) => ({
    clauses: list<{ tag: string; body: never }>(clauses),
    otherwise: dflt && dflt.numChildren > 0 ? dflt.children[0].ast() : undefined,
  });

  const semantics = grammar.createSemantics().addOperation('ast', {
    Model(identity, catdep, body, _end) {
      return {
        file,
        identity: opt(identity),
        catdep: catdep.numChildren > 0,
        body: many(body),
      } satisfies A.CatModel;
    },
    Identity_named(name, second) {
      const title = second.numChildren === 0 ? name.sourceString : second.children[0].sourceString;
      return { name: name.sourceString, title: title.startsWith('"') ? title.slice(1, -1) : title };
    },
    Identity_title(s) {
      return { name: str(s), title: str(s) };
    },
    Enum(_enum, name, _eq, _alt, tags) {
      const names = list<string>(tags).map((t) => t.slice(1));
      return { kind: 'enum', name: name.sourceString, tags: names, span: sp(this) } satisfies A.Ins;
    },
    LetRec(_let, _rec, binds, _when, when, _in) {
      const w = when.numChildren === 0 ? undefined : when.children[0].ast();
      return {
        kind: 'let',
        rec: true,
        bindings: binds.ast(),
        when: w,
        span: sp(this),
      } satisfies A.Ins;
    },
    Let(_let, binds, _in) {
      return {
        kind: 'let',
        rec: false,
        bindings: binds.ast(),
        when: undefined,
        span: sp(this),
      } satisfies A.Ins;
    },
    InsMatch(_match, subject, _with, _alt, clauses, _end) {
      return {
        kind: 'match',
        subject: exp(subject),
        ...clauses.ast(),
        span: sp(this),
      } satisfies A.Ins;
    },
    InsClauses_tags(clauses, _alt, _u, _arrow, dflt) {
      const otherwise = dflt.numChildren === 0 ? undefined : many<A.Ins>(dflt.children[0]);
      return { clauses: list(clauses), otherwise };
    },
    InsClauses_default(_u, _arrow, body) {
      return { clauses: [], otherwise: many(body) };
    },
    InsClause(tag, _arrow, body) {
      return { tag: tag.sourceString.slice(1), body: many(body) };
    },
    ShowAs(_show, e, _as, name) {
      return {
        kind: 'show-as',
        expr: exp(e),
        name: name.sourceString,
        span: sp(this),
      } satisfies A.Ins;
    },
    Show(_show, names) {
      return { kind: 'show', names: list(names), span: sp(this) } satisfies A.Ins;
    },
    Unshow(_unshow, names) {
      return { kind: 'unshow', names: list(names), span: sp(this) } satisfies A.Ins;
    },
    Include(_include, s) {
      return { kind: 'include', file: str(s), span: sp(this) } satisfies A.Ins;
    },
    Procedure_tuple(_proc, rec, name, _l, formals, _r, _eq, body, _end) {
      return {
        kind: 'procedure',
        name: name.sourceString,
        rec: rec.numChildren > 0,
        pat: tuplePat(formals.ast()),
        body: many(body),
        span: sp(this),
      } satisfies A.Ins;
    },
    Procedure_single(_proc, rec, name, pat, _eq, body, _end) {
      return {
        kind: 'procedure',
        name: name.sourceString,
        rec: rec.numChildren > 0,
        pat: { kind: 'var', name: pat.ast() },
        body: many(body),
        span: sp(this),
      } satisfies A.Ins;
    },
    Call(_call, name, arg, as) {
      return {
        kind: 'call',
        name: name.sourceString,
        arg: exp(arg),
        as: opt(as),
        span: sp(this),
      } satisfies A.Ins;
    },
    Debug(_debug, e) {
      return { kind: 'debug', expr: exp(e), span: sp(this) } satisfies A.Ins;
    },
    Forall(_forall, name, _in, set, _do, body, _end) {
      return {
        kind: 'forall',
        name: name.sourceString,
        set: exp(set),
        body: many(body),
        span: sp(this),
      } satisfies A.Ins;
    },
    WithFrom(_with, name, _from, set) {
      return {
        kind: 'with',
        name: name.sourceString,
        set: exp(set),
        span: sp(this),
      } satisfies A.Ins;
    },
    IfVariant(_if, cond, ifSet, _else, otherwise, _end) {
      const elseBody = otherwise.numChildren === 0 ? [] : many<A.Ins>(otherwise.children[0]);
      return {
        kind: 'if-variant',
        cond: cond.ast(),
        ifTrue: many(ifSet),
        ifFalse: elseBody,
        span: sp(this),
      } satisfies A.Ins;
    },
    Events_instructions(_kw, set, _l, args, _r) {
      return {
        kind: 'events',
        set: set.sourceString,
        args: list(args),
        isDefault: false,
        span: sp(this),
      } satisfies A.Ins;
    },
    Events_default(_kw, set, _l, args, _r) {
      return {
        kind: 'events',
        set: set.sourceString,
        args: list(args),
        isDefault: true,
        span: sp(this),
      } satisfies A.Ins;
    },
    Check(type, app) {
      const t = type.numChildren === 0 ? 'check' : (type.children[0].sourceString as A.TestType);
      return { kind: 'check', type: t, test: app.ast(), span: sp(this) } satisfies A.Ins;
    },
    TestApp(t, e, as) {
      return test(t, e, as, this);
    },
    AsName(_as, name) {
      return name.sourceString;
    },
    PatBinds(binds) {
      return list(binds);
    },
    PatBind_fun1(name, pat, _eq, e) {
      return binding(name.sourceString, fun({ kind: 'var', name: pat.ast() }, e, this), this);
    },
    PatBind_funN(name, _l, formals, _r, _eq, e) {
      return binding(name.sourceString, fun(tuplePat(formals.ast()), e, this), this);
    },
    PatBind_tuple(_l, formals, _r, _eq, e) {
      return { pat: tuplePat(formals.ast()), expr: exp(e), span: sp(this) } satisfies A.Binding;
    },
    PatBind_pats(pats, _eq, e) {
      return { pat: tuplePat(list(pats)), expr: exp(e), span: sp(this) } satisfies A.Binding;
    },
    Formals(l) {
      return list(l);
    },
    Pat0(p) {
      return p.sourceString === '_' ? null : p.sourceString;
    },
    Exp_letrec(_let, _rec, binds, _in, body) {
      return {
        kind: 'let',
        rec: true,
        bindings: binds.ast(),
        body: exp(body),
        span: sp(this),
      } satisfies A.Expr;
    },
    Exp_let(_let, binds, _in, body) {
      return {
        kind: 'let',
        rec: false,
        bindings: binds.ast(),
        body: exp(body),
        span: sp(this),
      } satisfies A.Expr;
    },
    Exp_funN(_fun, _l, formals, _r, _arrow, body) {
      return fun(tuplePat(formals.ast()), body, this);
    },
    Exp_fun1(_fun, pat, _arrow, body) {
      return fun({ kind: 'var', name: pat.ast() }, body, this);
    },
    Exp_try(_try, body, _with, handler) {
      return {
        kind: 'try',
        body: exp(body),
        handler: exp(handler),
        span: sp(this),
      } satisfies A.Expr;
    },
    Exp_if(_if, cond, _then, a, _else, b) {
      return {
        kind: 'if',
        cond: cond.ast(),
        ifTrue: exp(a),
        ifFalse: exp(b),
        span: sp(this),
      } satisfies A.Expr;
    },
    Exp_match(_match, subject, _with, _alt, clauses, _end) {
      return { ...clauses.ast(), subject: exp(subject), span: sp(this) } satisfies A.Expr;
    },
    Exp_tuple(first, _commas, rest) {
      return {
        kind: 'tuple',
        elems: [exp(first), ...many<A.Expr>(rest)],
        span: sp(this),
      } satisfies A.Expr;
    },
    Cond_eq(a, _op, b) {
      return { kind: 'eq', left: exp(a), right: exp(b) } satisfies A.Cond;
    },
    Cond_subset(a, _op, b) {
      return { kind: 'subset', left: exp(a), right: exp(b) } satisfies A.Cond;
    },
    Cond_in(a, _op, b) {
      return { kind: 'in', left: exp(a), right: exp(b) } satisfies A.Cond;
    },
    Cond_variant(v) {
      return { kind: 'vcond', cond: v.ast() } satisfies A.Cond;
    },
    VCond_or(a, _op, b) {
      return { kind: 'or', left: a.ast(), right: b.ast() } satisfies A.VCond;
    },
    VAnd_and(a, _op, b) {
      return { kind: 'and', left: a.ast(), right: b.ast() } satisfies A.VCond;
    },
    VNot_not(_not, a) {
      return { kind: 'not', arg: a.ast() } satisfies A.VCond;
    },
    VAtom_name(s) {
      return { kind: 'variant', name: str(s), span: sp(this) } satisfies A.VCond;
    },
    VAtom_variant(_variant, s) {
      return { kind: 'variant', name: str(s), span: sp(s) } satisfies A.VCond;
    },
    VAtom_paren(_l, v, _r) {
      return v.ast();
    },
    SetClauses_emptyFirst(empty, _alt, elem) {
      return { kind: 'match-set', ifEmpty: empty.ast(), ...elem.ast() };
    },
    SetClauses_eltFirst(elem, _alt, empty) {
      return { kind: 'match-set', ifEmpty: empty.ast(), ...elem.ast() };
    },
    EmptyClause(_l, _r, _arrow, body) {
      return exp(body);
    },
    EltClause_split(before, _u, elem, _pp, rest, _arrow, body) {
      return {
        split: { before: before.ast(), elem: elem.ast(), rest: rest.ast() },
        body: exp(body),
      };
    },
    EltClause_rem(elem, _pp, rest, _arrow, body) {
      return { split: { elem: elem.ast(), rest: rest.ast() }, body: exp(body) };
    },
    TagClauses_tags(clauses, _alt, _u, _arrow, dflt) {
      return { kind: 'match-tag', ...tagClauses(clauses, dflt) };
    },
    TagClauses_default(_u, _arrow, body) {
      return { kind: 'match-tag', clauses: [], otherwise: exp(body) };
    },
    TagClause(tag, _arrow, body) {
      return { tag: tag.sourceString.slice(1), body: exp(body) };
    },
    Base(first, _ops, rest) {
      return nary('union', first, rest, this);
    },
    AddE_add(a, _op, b) {
      return bin('add', a, b, this);
    },
    SeqE(first, _ops, rest) {
      return nary('seq', first, rest, this);
    },
    DiffE_diff(a, _op, b) {
      return bin('diff', a, b, this);
    },
    InterE_inter(a, _op, b) {
      return bin('inter', a, b, this);
    },
    Unary_comp(_op, a) {
      return un('comp', exp(a), this);
    },
    CompArg_comp(_op, a) {
      return un('comp', exp(a), this);
    },
    Post(base, ops, cart) {
      let e = exp(base);
      for (const op of ops.children) {
        const end = op.source.endIdx;
        e = { kind: 'unary', op: op.ast(), arg: e, span: span(file, this.source.startIdx, end) };
      }
      if (cart.numChildren === 0) return e;
      return {
        kind: 'binary',
        op: 'cartesian',
        left: e,
        right: exp(cart.children[0]),
        span: sp(this),
      };
    },
    PostOp_star(_op) {
      return 'star';
    },
    PostOp_plus(_op) {
      return 'plus';
    },
    PostOp_opt(_op) {
      return 'opt';
    },
    PostOp_inv(_hat, _m1) {
      return 'inv';
    },
    CartRight(_star, e) {
      return exp(e);
    },
    Inv(atom, invs) {
      let e = exp(atom);
      for (const op of invs.children) {
        e = {
          kind: 'unary',
          op: 'inv',
          arg: e,
          span: span(file, this.source.startIdx, op.source.endIdx),
        };
      }
      return e;
    },
    App(fn, args) {
      let e: A.Expr = { kind: 'var', name: fn.sourceString, span: sp(fn) };
      for (const a of args.children) {
        e = {
          kind: 'app',
          fn: e,
          arg: exp(a),
          span: span(file, this.source.startIdx, a.source.endIdx),
        };
      }
      return e;
    },
    Arg(a) {
      return a.ctorName === 'ident' ? { kind: 'var', name: a.sourceString, span: sp(a) } : exp(a);
    },
    Simple_zero(_z) {
      return { kind: 'empty-rel', span: sp(this) } satisfies A.Expr;
    },
    Simple_tag(t) {
      return { kind: 'tag', name: t.sourceString.slice(1), span: sp(this) } satisfies A.Expr;
    },
    Simple_set(_l, elems, _r) {
      return { kind: 'set', elems: list(elems), span: sp(this) } satisfies A.Expr;
    },
    Simple_universe(_u) {
      return { kind: 'universe', span: sp(this) } satisfies A.Expr;
    },
    Simple_unit(_l, _r) {
      return { kind: 'tuple', elems: [], span: sp(this) } satisfies A.Expr;
    },
    Simple_paren(_l, e, _r) {
      return exp(e);
    },
    Simple_block(_begin, e, _end) {
      return exp(e);
    },
    Simple_toid(_l, e, _r) {
      return un('toid', exp(e), this);
    },
    ident(_n) {
      return this.sourceString;
    },
    tag(_q, _n) {
      return this.sourceString;
    },
    _iter(...children) {
      return children.map((c) => c.ast());
    },
  });

  return (m, f) => {
    file = f;
    return semantics(m).ast();
  };
}
