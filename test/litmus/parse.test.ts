// Litmus tests: each construct of the C litmus format (c-litmus-format.md) reaches the AST as
// the spec says: header, info, init forms, thread code, precedences, constraints.
import { expect } from 'chai';
import {
  type Expr,
  type LitmusTest,
  parseLitmus,
  printLitmus,
  printStmt,
  type Stmt,
} from '../../src/litmus';
import { exprShape, initShape, propShape } from './support/shape';

/** Parses a test that must have no errors. */
function parse(text: string, file = 'test.litmus'): LitmusTest {
  const r = parseLitmus(text, file);
  const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  expect(errors).to.deep.equal([]);
  return r.value!;
}

/** A one-thread test around `body`, with parameters x and y. */
const withBody = (body: string, condition = 'exists (x=1)'): LitmusTest =>
  parse(`C t\n{}\nP0(int *x, int *y)\n{\n${body}\n}\n${condition}\n`);

const bodyOf = (body: string): readonly Stmt[] => withBody(body).threads[0].body;

/** The expression assigned by `r = <expr>;`. */
function exprOf(source: string): Expr {
  const [s] = bodyOf(`r = ${source};`);
  if (s.kind !== 'AssignStmt') throw new Error(`not an assignment: ${s.kind}`);
  return s.value;
}

const initOf = (init: string): string[] =>
  parse(`C t\n{ ${init} }\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\n`).init.map(initShape);

const conditionOf = (constraints: string): LitmusTest =>
  parse(
    `C t\n{}\nP0(int *x, int *y, int *a)\n{\n\tint r0 = 1;\n\tint r1 = 2;\n}\n${constraints}\n`,
  );

describe('litmus: header and info area', () => {
  it('reads the name, a doc string on the header line, and info lines', () => {
    const t = parse('C MP+o "a doc"\nHash=abc\nCycle=Rfe PodRR\n{}\nP0(int *x)\n{\n}\n');
    expect([t.name, t.doc]).to.deep.equal(['MP+o', 'a doc']);
    expect(t.info.map((i) => [i.key, i.value])).to.deep.equal([
      ['Hash', 'abc'],
      ['Cycle', 'Rfe PodRR'],
    ]);
  });

  it('reads a doc string on the next line and skips a tex name', () => {
    const t = parse('C W+RR (tex)\n"Fence Rfe"\n{}\nP0(int *x)\n{\n}\n');
    expect([t.name, t.doc]).to.deep.equal(['W+RR', 'Fence Rfe']);
  });

  it('takes the file name for the name `--`', () => {
    expect(parse('C --\n{}\nP0(int *x)\n{\n}\n', 'dir/MP+x.litmus').name).to.equal('MP+x');
  });

  it('skips nested OCaml comments, even holding `{`, before the init section', () => {
    const t = parse('C t\n(* a (* nested { *) comment *)\nk=v\n{ x=1; }\nP0(int *x)\n{\n}\n');
    expect(t.info.map((i) => i.key)).to.deep.equal(['k']);
    expect(t.init.map(initShape)).to.deep.equal(['- | mem x | 1']);
  });

  it('reads an info line whose value hides a huge comment (linear scan; found by npm run fuzz)', () => {
    const comment = `${'(*'.repeat(40_000)}x${'*)'.repeat(40_000)}`;
    const t = parse(`C t\nOrig=a${comment}b \t\n{}\nP0(int *x)\n{\n}\n`);
    expect(t.info.map((i) => [i.key, i.value.replace(/ +/, ' ')])).to.deep.equal([['Orig', 'a b']]);
  });

  it('reads the LKMM Result: convention, in a one-line or a longer comment', () => {
    const one = parse('C t\n(* Result: Never DATARACE *)\n{}\nP0(int *x)\n{\n}\n').expected;
    expect([one?.verdict, one?.dataRace]).to.deep.equal(['Never', true]);
    const long = parse('C t\n(*\n * Some text.\n * Result: Sometimes\n *)\n{}\nP0(int *x)\n{\n}\n');
    expect([long.expected?.verdict, long.expected?.dataRace]).to.deep.equal(['Sometimes', false]);
    for (const verdict of ['Always', 'Maybe', 'DEADLOCK']) {
      const t = parse(`C t\n(* Result: ${verdict} *)\n{}\nP0(int *x)\n{\n}\n`);
      expect(t.expected?.verdict).to.equal(verdict);
    }
    expect(parse('C t\n(* Result: Flag x *)\n{}\nP0(int *x)\n{\n}\n').expected).to.equal(undefined);
  });
});

describe('litmus: init section', () => {
  it('reads empty sections', () => {
    for (const init of ['{}', '{ }', '{;}']) {
      expect(parse(`C t\n${init}\nP0(int *x)\n{\n}\n`).init).to.deep.equal([]);
    }
  });

  it('reads untyped locations, values and addresses', () => {
    expect(initOf('x = 3; y; z = y; w = 0x10; v = -1; p = a[1];')).to.deep.equal([
      '- | mem x | 3',
      '- | mem y | -',
      '- | mem z | &y',
      '- | mem w | 16',
      '- | mem v | -1',
      '- | mem p | &a[1]',
    ]);
  });

  it('reads typed declarations, ATOMIC_INIT and _Atomic', () => {
    expect(
      initOf('int x = 3; int y; atomic_t a = ATOMIC_INIT(2); spinlock_t l; _Atomic int b = 1;'),
    ).to.deep.equal([
      'int | mem x | 3',
      'int | mem y | -',
      'atomic_t | mem a | 2',
      'spinlock_t | mem l | -',
      '_Atomic int | mem b | 1',
    ]);
  });

  it('reads pointers', () => {
    expect(initOf('int *p = &x; int *q = x; int *r; *s = &x; int *t=1;')).to.deep.equal([
      'int* | mem p | &x',
      'int* | mem q | &x',
      'int* | mem r | -',
      '* | mem s | &x',
      'int* | mem t | 1',
    ]);
  });

  it('reads registers, typed or not', () => {
    expect(
      initOf('0:r1 = 5; P0:r2 = 5; 0:r3 = x; 0:r4 = &x; int 0:r5; int *0:r6 = x;'),
    ).to.deep.equal([
      '- | reg 0:r1 | 5',
      '- | reg 0:r2 | 5',
      '- | reg 0:r3 | &x',
      '- | reg 0:r4 | &x',
      'int | reg 0:r5 | -',
      'int* | reg 0:r6 | &x',
    ]);
  });

  it('reads arrays and the bracketed form', () => {
    expect(initOf('int a[2]; int b[2] = {1, 2}; [c] = 4;')).to.deep.equal([
      'int | mem a | [2]{}',
      'int | mem b | [2]{1,2}',
      '- | mem c | 4',
    ]);
  });
});

describe('litmus: threads', () => {
  it('reads parameter types, a leading void, and empty parameter lists', () => {
    const t = parse(
      'C t\n{}\nvoid P0(volatile int *a, struct srcu_struct *s, int **b, spinlock_t *l, atomic_t *c)\n{\n}\n' +
        'void *P1(intptr_t *d, void *e, const int *f, _Atomic int *g)\n{\n}\nP2()\n{\n}\n',
    );
    expect(t.threads.map((th) => th.params.map((p) => `${p.type}${p.name}`))).to.deep.equal([
      ['volatile int *a', 'struct srcu_struct *s', 'int **b', 'spinlock_t *l', 'atomic_t *c'],
      ['intptr_t *d', 'void *e', 'const int *f', '_Atomic int *g'],
      [],
    ]);
  });

  it('reads every statement form', () => {
    const body = bodyOf(
      [
        '\tint r0;',
        '\tint *r1 = x;',
        '\tr2 = READ_ONCE(*x);',
        '\t*y = 1;',
        '\t*(x + r2) = 2;',
        '\tsmp_mb();',
        '\t(void) xchg(x, 1);',
        '\tr2;',
        '\tif (r2 == 1) WRITE_ONCE(*y, 1); else { WRITE_ONCE(*y, 2); }',
        '\twhile (r2) r2 = READ_ONCE(*x);',
        '\t{ r3 = 1; }',
      ].join('\n'),
    );
    expect(body.map((s) => s.kind)).to.deep.equal([
      'DeclStmt',
      'DeclStmt',
      'AssignStmt',
      'StoreStmt',
      'StoreStmt',
      'ExprStmt',
      'ExprStmt',
      'ExprStmt',
      'IfStmt',
      'WhileStmt',
      'BlockStmt',
    ]);
    expect(body.flatMap((s) => printStmt(s, ''))).to.deep.equal([
      'int r0;',
      'int *r1 = x;',
      'r2 = READ_ONCE(*x);',
      '*y = 1;',
      '*(x + r2) = 2;',
      'smp_mb();',
      '(void)xchg(x, 1);',
      'r2;',
      'if (r2 == 1) {',
      '\tWRITE_ONCE(*y, 1);',
      '} else {',
      '\tWRITE_ONCE(*y, 2);',
      '}',
      'while (r2) {',
      '\tr2 = READ_ONCE(*x);',
      '}',
      '{',
      '\tr3 = 1;',
      '}',
    ]);
  });

  it("reads herd's internal forms, with tags and operator arguments", () => {
    const body = bodyOf(
      '\t__fence{MB};\n\t__atomic_op{NORETURN}(x,&~,1);\n\tr = __load{ONCE,after-x}(*x);\n\t__atomic_op{X}(x,+,1);\n\t__atomic_op{X}(x,-,1);\n\t__atomic_op{X}(x,|,1);\n\t__atomic_op{X}(x,^,1);\n\t__atomic_op{X}(x,&,1);',
    );
    expect(body.flatMap((s) => printStmt(s, ''))).to.deep.equal([
      '__fence{MB};',
      '__atomic_op{NORETURN}(x, &~, 1);',
      'r = __load{ONCE,after-x}(*x);',
      '__atomic_op{X}(x, +, 1);',
      '__atomic_op{X}(x, -, 1);',
      '__atomic_op{X}(x, |, 1);',
      '__atomic_op{X}(x, ^, 1);',
      '__atomic_op{X}(x, &, 1);',
    ]);
    const [fence] = body;
    expect(fence.kind === 'ExprStmt' && fence.expr).to.include({
      kind: 'CallExpr',
      name: '__fence',
    });
  });

  it("groups binary operators by herd's precedences", () => {
    const shapes = [
      'a + b * c',
      'a - b - c',
      'a & b == c',
      'a | b ^ c & d',
      'a / b < c + d',
      '(a & 8) != 0',
      'a && b || c',
      'a | b && c',
      '~a + 1',
      '!a & b',
      '*x + 1',
      '(int)a + 1',
      '(char **)x',
      '(*x)',
      'a - -1',
    ].map((s) => exprShape(exprOf(s)));
    expect(shapes).to.deep.equal([
      '(+ a (* b c))',
      '(- (- a b) c)',
      '(& a (== b c))',
      '(| a (^ b (& c d)))',
      '(< (/ a b) (+ c d))',
      '(!= (& a 8) 0)',
      '(|| (&& a b) c)',
      '(&& (| a b) c)',
      '(+ (~ a) 1)',
      '(& (! a) b)',
      '(+ (* x) 1)',
      '(+ (cast int a) 1)',
      '(cast char ** x)',
      '(* x)',
      '(- a -1)',
    ]);
  });

  it('keeps C comments in thread code out of the way, and `(*` is C there', () => {
    const body = bodyOf('\t// a comment\n\t/* another\n\t   one */\n\tr = (*x);');
    expect(body.flatMap((s) => printStmt(s, ''))).to.deep.equal(['r = *x;']);
  });

  it('does not end the thread code at words that merely contain a keyword', () => {
    const body = bodyOf('\tint existsx = 1;\n\tint my_filter = 2;');
    expect(body.map((s) => (s.kind === 'DeclStmt' ? s.name : s.kind))).to.deep.equal([
      'existsx',
      'my_filter',
    ]);
  });
});

describe('litmus: constraints', () => {
  it('reads every quantifier', () => {
    const cases: [string, string | undefined][] = [
      ['exists (x=1)', 'exists'],
      ['~exists (x=1)', 'not exists'],
      ['~ exists (x=1)', 'not exists'],
      ['not exists (x=1)', 'not exists'],
      ['forall (x=1)', 'forall'],
      ['final (x=1)', 'exists'],
      ['locations [x] (x=1)', 'exists'],
      ['', undefined],
    ];
    for (const [text, quantifier] of cases) {
      expect(conditionOf(text).condition?.quantifier, text).to.equal(quantifier);
    }
  });

  it("groups propositions by herd's precedences", () => {
    const shapes = [
      'x=1 /\\ y=1 \\/ a=1',
      'x=1 \\/ y=1 /\\ a=1',
      'x=1 /\\ y=1 => a=1',
      'x=1 => y=1 => a=1',
      '~x=1 /\\ y=1',
      'not (x=1 \\/ y=1)',
      'true \\/ false',
      '(x=1) \\/ (y=1)',
    ].map((p) => propShape(conditionOf(`exists ${p}`).condition!.prop));
    expect(shapes).to.deep.equal([
      '(\\/ (/\\ x=1 y=1) a=1)',
      '(\\/ x=1 (/\\ y=1 a=1))',
      '(/\\ x=1 (=> y=1 a=1))',
      '(=> x=1 (=> y=1 a=1))',
      '(/\\ (~ x=1) y=1)',
      '(~ (\\/ x=1 y=1))',
      '(\\/ true false)',
      '(\\/ x=1 y=1)',
    ]);
  });

  it('reads every kind of atom', () => {
    const atoms = [
      '0:r0=1',
      'P0:r0=1',
      'x=1',
      '[x]=1',
      'x==1',
      'x!=1',
      'x<>1',
      '0:r0=x',
      '0:r0=0:r1',
      'a[1]=2',
      'x=0x10',
      'x=-1',
      '[x]=[y]',
      'x=*y',
      '0:r0=a[1]',
    ].map((a) => propShape(conditionOf(`exists (${a})`).condition!.prop));
    expect(atoms).to.deep.equal([
      '0:r0=1',
      '0:r0=1',
      'x=1',
      'x=1',
      'x=1',
      'x!=1',
      'x!=1',
      '0:r0=x',
      '0:r0=0:r1',
      'a[1]=2',
      'x=16',
      'x=-1',
      'x=[y]',
      'x=*y',
      '0:r0=a[1]',
    ]);
  });

  it('reads locations, filter, comments, a trailing `;` and `with` kinds', () => {
    const t = conditionOf(
      'locations [x; 0:r1; P0:r0; a[1];]\nfilter (0:r0=1)\nexists (x=1) (* why *) ;\nwith t: exists; u: ~exists;'.replace(
        '~exists',
        'not exists',
      ),
    );
    expect(printLitmus(t).split('\n').slice(-4)).to.deep.equal([
      'locations [x; 0:r1; 0:r0; a[1]]',
      'filter (0:r0=1)',
      'exists (x=1)',
      '',
    ]);
  });
});

describe('litmus: printing', () => {
  it('renders a normalised test that herd7 reads', () => {
    const text =
      'C MP+o "doc"\n(* Result: Never *)\nk=v\n{ int *p = &x; 0:r1=y; }\nP0(int *x)\n{\n  WRITE_ONCE(*x, (1 + 2) * 3);\n}\n\n~exists (0:r1=1 /\\ ~(x=1 \\/ x=2))\n';
    expect(printLitmus(parse(text))).to.equal(
      [
        'C MP+o "doc"',
        '(* Result: Never *)',
        'k=v',
        '',
        '{',
        '\tint *p = &x;',
        '\t0:r1 = y;',
        '}',
        '',
        'P0(int *x)',
        '{',
        '\tWRITE_ONCE(*x, (1 + 2) * 3);',
        '}',
        '',
        '~exists (0:r1=1 /\\ ~(x=1 \\/ x=2))',
        '',
      ].join('\n'),
    );
  });
});
