import { expect } from 'chai';
import { type CatModel, type Ins, parseCat } from '../../src/cat';
import { sexpr } from '../support/cat-sexpr';

function model(text: string): CatModel {
  const r = parseCat(text, 'test.cat');
  expect(r.diagnostics.map((d) => d.message)).to.deep.equal([]);
  return r.value!;
}

/** How `text` parses as the right-hand side of a binding. */
function expr(text: string): string {
  const ins = model(`let x = ${text}`).body[0];
  if (ins.kind !== 'let') throw new Error('not a let');
  return sexpr(ins.bindings[0].expr);
}

describe('cat grammar: operators', () => {
  const cases: [string, string][] = [
    // Precedence, loosest first: | ++ ; \ & {* + ? ~} ^-1
    ['a | b ; c', '(| a (; b c))'],
    ['a ; b | c', '(| (; a b) c)'],
    ['a | b ++ c', '(| a (++ b c))'],
    ['a ++ b ; c', '(++ a (; b c))'],
    ['a ; b \\ c', '(; a (\\ b c))'],
    ['a \\ b & c', '(\\ a (& b c))'],
    ['a & b \\ c', '(\\ (& a b) c)'],
    ['A & B * C', '(& A (x B C))'],
    ['W * R \\ X', '(\\ (x W R) X)'],
    ['~A | B', '(| (~ A) B)'],
    ['~A & B', '(& (~ A) B)'],
    ['~r^-1', '(~ (^-1 r))'],
    ['~~A', '(~ (~ A))'],
    ['r+ ; s', '(; (+ r) s)'],
    ['r? | s', '(| (? r) s)'],
    ['[S] ; r ; [T]', '(; ([] S) r ([] T))'],
    // Associativity: | and ; are n-ary (nested chains flattened, as herd's do_op does),
    // \ is left-associative, & and ++ right-associative.
    ['a | b | c', '(| a b c)'],
    ['(a | b) | (c | d)', '(| a b c d)'],
    ['a ; b ; c', '(; a b c)'],
    ['a ; (b ; c)', '(; a b c)'],
    ['a \\ b \\ c', '(\\ (\\ a b) c)'],
    ['a & b & c', '(& a (& b c))'],
    ['a ++ b ++ c', '(++ a (++ b c))'],
    // Application binds tighter than every operator, postfix operators included.
    ['f x+', '(+ (app f x))'],
    ['f x y', '(app (app f x) y)'],
    ['f(a, b)', '(app f (tuple a b))'],
    ['f [S] ; r', '(; (app f ([] S)) r)'],
    ['~f x', '(~ (app f x))'],
    ['domain(r) | range r', '(| (app domain r) (app range r))'],
    // A postfix * followed by the start of an operand is a cartesian product.
    ['r*;s', '(; (* r) s)'],
    ['r* s', '(x r s)'],
    ['r* (s)', '(x r s)'],
    ['r* [S]', '(x r ([] S))'],
    ['r* _', '(x r _)'],
    ["r* 'a", "(x r 'a)"],
    ['r**', '(* (* r))'],
    ['r* * s', '(x (* r) s)'],
    ['r+ * s', '(x (+ r) s)'],
    ['(r*)', '(* r)'],
    // ^-1 binds tightest and may follow anything.
    ['r*^-1', '(^-1 (* r))'],
    ['r^-1^-1', '(^-1 (^-1 r))'],
    ['r^ -1', '(^-1 r)'],
    ['A * B^-1', '(x A (^-1 B))'],
  ];
  for (const [text, tree] of cases) {
    it(`${text}  =>  ${tree}`, () => expect(expr(text)).to.equal(tree));
  }
});

describe('cat grammar: operands and expressions', () => {
  const cases: [string, string][] = [
    ['0', '0'],
    ['_', '_'],
    ['{}', '{}'],
    ['{a, b ; c}', '{a (; b c)}'],
    ["'rcu-lock", "'rcu-lock"],
    ['()', '(tuple)'],
    ['begin a | b end', '(| a b)'],
    ['a, b, c', '(tuple a b c)'],
    // Identifiers may contain . - and end with ': `x-1` is one name.
    ['x-1', 'x-1'],
    ["DMB.ISH | co'", "(| DMB.ISH co')"],
    ['_RMW', '_RMW'],
    ['fun x -> x ; y', '(fun x (; x y))'],
    ['fun (a, _) -> a', '(fun (a _) a)'],
    ['fun () -> 0', '(fun () 0)'],
    ['let y = a and z = b in y | z', '(let [y a] [z b] (| y z))'],
    ['let f(a, b) = a in f', '(let [f (fun (a b) a)] f)'],
    ['let rec r = s | r ; r in r', '(let rec [r (| s (; r r))] r)'],
    ['try a with b', '(try a b)'],
    ['if "v" then a else b', '(if "v" a b)'],
    ['if not "v" && variant "w" || "u" then a else b', '(if (or (and (not "v") "w") "u") a b)'],
    ['if a = b then c else d', '(if (eq a b) c d)'],
    ['if a subset b then c else d', '(if (subset a b) c d)'],
    ['if e in S then c else d', '(if (in e S) c d)'],
    ["match t with 'a -> x || 'b -> y || _ -> z end", "(match t ['a x] ['b y] [_ z])"],
    ['match s with || {} -> 0 || e ++ r -> e end', '(match-set s [{} 0] [e ++ r e])'],
    ['match s with x ++ _ -> x || {} -> 0 end', '(match-set s [{} 0] [x ++ _ x])'],
    ['match s with {} -> 0 || l | x ++ h -> x end', '(match-set s [{} 0] [l | x ++ h x])'],
  ];
  for (const [text, tree] of cases) {
    it(`${text}  =>  ${tree}`, () => expect(expr(text)).to.equal(tree));
  }
});

describe('cat grammar: files and instructions', () => {
  it('reads identity lines as herd does (first match wins)', () => {
    expect(model('X86 TSO let x = 0').identity).to.deep.equal({ name: 'X86', title: 'TSO' });
    expect(model('RISCV "Risc V" let x = 0').identity).to.deep.equal({
      name: 'RISCV',
      title: 'Risc V',
    });
    expect(model('stdlib\nlet x = 0').identity).to.deep.equal({ name: 'stdlib', title: 'stdlib' });
    expect(model('"Linux" include "a.cat"').identity).to.deep.equal({
      name: 'Linux',
      title: 'Linux',
    });
    expect(model('include "a.cat"').identity).to.equal(undefined);
    expect(model('AArch64 catdep let x = 0').catdep).to.equal(true);
  });

  it('skips nested (* *) comments, // and # line comments', () => {
    const m = model('(* a (* nested *) b *) let x = a // c\n# d\nlet y = b (* *)');
    expect(m.body.map((i) => i.kind)).to.deep.equal(['let', 'let']);
  });

  it('parses every instruction', () => {
    const text = `
      enum Accesses = || 'once || 'acquire
      let a = 0 and (b, c) = d
      let x = y in
      let rec r = r | s when acyclic r
      acyclic po as ac
      irreflexive po
      ~empty po as ne
      flag ~empty po as fl
      undefined_unless empty po as uu
      assert acyclic po as a1
      show co, fr
      show co | fr as cofr
      unshow co
      include "x.cat"
      procedure p(a, b) = empty a end
      procedure rec q x = call q(x) end
      call p(a, b) as pa
      debug a
      forall e in S do empty e end
      with co from S
      if "v" && not "w" let z = 0 else let z = _ end
      instructions R[Accesses]
      default W[{'once}]
      match t with 'a -> empty x || _ -> empty y end`;
    const kinds = (body: readonly Ins[]) =>
      body.map((i) => (i.kind === 'check' ? `${i.type}` : i.kind));
    expect(kinds(model(text).body)).to.deep.equal([
      'enum',
      'let',
      'let',
      'let',
      'check',
      'check',
      'check',
      'flag',
      'undefined_unless',
      'assert',
      'show',
      'show-as',
      'unshow',
      'include',
      'procedure',
      'procedure',
      'call',
      'debug',
      'forall',
      'with',
      'if-variant',
      'events',
      'events',
      'match',
    ]);
  });

  it('records checks with their negation, predicate and name', () => {
    const ins = model('flag ~empty a | b as race').body[0];
    expect(
      ins.kind === 'check' && { ...ins.test, expr: sexpr(ins.test.expr), span: undefined },
    ).to.deep.equal({
      negated: true,
      pred: 'empty',
      expr: '(| a b)',
      name: 'race',
      span: undefined,
    });
  });

  it('rewrites let rec x = ... | x ; x | ... into a transitive closure (rec2plus)', async () => {
    const { rec2plus } = await import('../../src/cat/rec2plus');
    const [ins] = rec2plus(model('let rec ob = a | ob ; ob | b').body);
    expect(ins.kind === 'let' && !ins.rec && sexpr(ins.bindings[0].expr)).to.equal('(+ (| a b))');
    const [kept] = rec2plus(model('let rec ob = a | ob ; b').body);
    expect(kept.kind === 'let' && kept.rec).to.equal(true);
  });

  it('gives every node a span covering its text', () => {
    const text = 'let x = a | f b';
    const ins = model(text).body[0];
    if (ins.kind !== 'let') throw new Error('not a let');
    const e = ins.bindings[0].expr;
    expect(text.slice(e.span.start, e.span.end)).to.equal('a | f b');
    if (e.kind !== 'nary') throw new Error('not nary');
    expect(text.slice(e.args[1].span.start, e.args[1].span.end)).to.equal('f b');
  });
});
