// Litmus tests: malformed inputs, one per diagnostic code or syntax situation; each asserts the
// whole printed message (position, text, source line, caret), as ohm's test-errors.js does.
import { expect } from 'chai';
import { parseLitmus } from '../../src/litmus';
import { formatDiagnostic, SourceFile } from '../../src/source';

interface ErrorCase {
  readonly name: string;
  readonly text: string;
  readonly code: string;
  readonly printed: readonly string[];
}

const CASES: readonly ErrorCase[] = [
  {
    name: 'a LISA test is not C',
    text: 'LISA MP\n{\n}\n P0 | P1 ;\n',
    code: 'litmus/not-c',
    printed: [
      'test.litmus:1:1: error: not a C litmus test: the header says LISA (ordo checks C litmus tests)',
      '1 | LISA MP',
      '    ^^^^',
    ],
  },
  {
    name: 'a PPC test is not C',
    text: 'PPC MP\n"doc"\n{\n0:r2=x;\n}\n',
    code: 'litmus/not-c',
    printed: [
      'test.litmus:1:1: error: not a C litmus test: the header says PPC (ordo checks C litmus tests)',
      '1 | PPC MP',
      '    ^^^',
    ],
  },
  {
    name: 'an empty file has no header',
    text: '\n',
    code: 'litmus/missing-header',
    printed: [
      'test.litmus:1:1: error: expected a header such as `C MP+once` at the start of the file',
      '1 | ',
      '    ^',
    ],
  },
  {
    name: 'the header needs a test name',
    text: 'C\n{}\n',
    code: 'litmus/missing-name',
    printed: ['test.litmus:1:2: error: expected the test name after `C`', '1 | C', '     ^'],
  },
  {
    name: 'a test needs an init section',
    text: 'C t\nexists (x=1)\n',
    code: 'litmus/missing-init',
    printed: [
      'test.litmus:3:1: error: expected `{` opening the init section (write `{}` when nothing needs initialising)',
      '3 | ',
      '    ^',
    ],
  },
  {
    name: 'the init section must be closed',
    text: 'C t\n{ x=1;\n',
    code: 'litmus/unclosed-init',
    printed: [
      'test.litmus:2:1: error: this `{` opens the init section but is never closed',
      '2 | { x=1;',
      '    ^',
    ],
  },
  {
    name: 'an OCaml comment must be closed',
    text: 'C t\n(* Result: Never\n{}\n',
    code: 'litmus/unterminated-comment',
    printed: [
      'test.litmus:2:1: error: this comment is never closed',
      '2 | (* Result: Never',
      '    ^^',
    ],
  },
  {
    name: 'a constraint keyword in a C comment cuts the thread code',
    text: 'C t\n{}\nP0(int *x)\n{\n\t// we want exists here\n\tWRITE_ONCE(*x, 1);\n}\nexists (x=1)\n',
    code: 'litmus/keyword-in-comment',
    printed: [
      'test.litmus:5:13: error: the word `exists` in this C comment ends the thread code (herd7 cuts the file at it before reading comments); reword the comment',
      '5 | \t// we want exists here',
      '    \t           ^^^^^^',
    ],
  },
  {
    name: 'a character C does not know',
    text: 'C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, @1);\n}\nexists (x=1)\n',
    code: 'litmus/bad-character',
    printed: [
      "test.litmus:5:17: error: unexpected character '@'",
      '5 | \tWRITE_ONCE(*x, @1);',
      '    \t               ^',
    ],
  },
  {
    name: 'a C comment must be closed',
    text: 'C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1); /* no end\n}\n',
    code: 'litmus/unterminated-comment',
    printed: [
      'test.litmus:5:21: error: this comment is never closed',
      '5 | \tWRITE_ONCE(*x, 1); /* no end',
      '    \t                   ^^',
    ],
  },
  {
    name: 'a missing semicolon',
    text: 'C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1)\n}\nexists (x=1)\n',
    code: 'litmus/syntax',
    printed: ["test.litmus:6:1: error: expected ';' but found '}'", '6 | }', '    ^'],
  },
  {
    name: 'a missing closing parenthesis',
    text: 'C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1;\n}\nexists (x=1)\n',
    code: 'litmus/syntax',
    printed: [
      "test.litmus:5:18: error: expected ')' but found ';'",
      '5 | \tWRITE_ONCE(*x, 1;',
      '    \t                ^',
    ],
  },
  {
    name: 'r-1 is a register followed by the number -1',
    text: 'C t\n{}\nP0(int *x)\n{\n\tint r0 = READ_ONCE(*x);\n\tWRITE_ONCE(*x, r0-1);\n}\nexists (x=1)\n',
    code: 'litmus/syntax',
    printed: [
      "test.litmus:6:19: error: expected ')' but found '-1' (write `- 1` with a space: `-1` is one number)",
      '6 | \tWRITE_ONCE(*x, r0-1);',
      '    \t                 ^^',
    ],
  },
  {
    name: 'a thread left open runs into the condition',
    text: 'C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n\nexists (x=1)\n',
    code: 'litmus/syntax',
    printed: [
      "test.litmus:7:1: error: expected '}' but found 'exists'",
      '7 | exists (x=1)',
      '    ^^^^^^',
    ],
  },
  {
    name: 'an init entry without a value',
    text: 'C t\n{ x = ; }\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\nexists (x=1)\n',
    code: 'litmus/syntax',
    printed: [
      "test.litmus:2:7: error: expected a value (a number, a location name, &name or ATOMIC_INIT(n)) but found ';'",
      '2 | { x = ; }',
      '          ^',
    ],
  },
  {
    name: 'an equation without a right side',
    text: 'C t\n{}\nP0(int *x)\n{\n\tint r0 = READ_ONCE(*x);\n}\nexists (0:r0=)\n',
    code: 'litmus/syntax',
    printed: [
      "test.litmus:7:14: error: expected a value or a location but found ')'",
      '7 | exists (0:r0=)',
      '                 ^',
    ],
  },
  {
    name: 'a conjunction without a right side',
    text: 'C t\n{}\nP0(int *x)\n{\n\tint r0 = READ_ONCE(*x);\n}\nexists (0:r0=1 /\\ )\n',
    code: 'litmus/syntax',
    printed: [
      "test.litmus:7:19: error: expected a proposition such as 0:r1=1 but found ')'",
      '7 | exists (0:r0=1 /\\ )',
      '                      ^',
    ],
  },
  {
    name: 'a statement cannot start with )',
    text: 'C t\n{}\nP0(int *x)\n{\n\t) = 1;\n}\nexists (x=1)\n',
    code: 'litmus/syntax',
    printed: ["test.litmus:5:2: error: expected '}' but found ')'", '5 | \t) = 1;', '    \t^'],
  },
  {
    name: 'text after the condition',
    text: 'C t\n{}\nP0(int *x)\n{\n\tint r0 = READ_ONCE(*x);\n}\nexists (0:r0=1) y\n',
    code: 'litmus/syntax',
    printed: [
      "test.litmus:7:17: error: expected a condition (exists, ~exists, forall, ...) but found 'y'",
      '7 | exists (0:r0=1) y',
      '                    ^',
    ],
  },
  {
    name: 'an OCaml comment in the constraints must be closed',
    text: 'C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\nexists (x=1) (* oops\n',
    code: 'litmus/unterminated-comment',
    printed: [
      'test.litmus:7:14: error: this comment is never closed',
      '7 | exists (x=1) (* oops',
      '                 ^^',
    ],
  },
  {
    name: 'threads are named Pn',
    text: 'C t\n{}\nfoo(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\nexists (x=1)\n',
    code: 'litmus/bad-thread-name',
    printed: [
      'test.litmus:3:1: error: `foo` is not a thread name: threads are named P0, P1, ...',
      '3 | foo(int *x)',
      '    ^^^',
    ],
  },
  {
    name: 'threads are numbered in order',
    text: 'C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\nP2(int *x)\n{\n\tWRITE_ONCE(*x, 2);\n}\nexists (x=1)\n',
    code: 'litmus/thread-order',
    printed: [
      'test.litmus:7:1: error: threads must be numbered P0, P1, ... in order: expected P1 here, found P2',
      '7 | P2(int *x)',
      '    ^^',
    ],
  },
  {
    name: 'a thread number is used twice',
    text: 'C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 2);\n}\nexists (x=1)\n',
    code: 'litmus/duplicate-thread',
    printed: ['test.litmus:7:1: error: thread P0 is defined twice', '7 | P0(int *x)', '    ^^'],
  },
  {
    name: 'a test needs threads',
    text: 'C t\n{ x=1; }\nexists (x=1)\n',
    code: 'litmus/no-threads',
    printed: [
      'test.litmus:3:1: error: the test has no threads (expected `P0(...) { ... }`)',
      '3 | exists (x=1)',
      '    ^^^^^^',
    ],
  },
  {
    name: 'parameters are pointers',
    text: 'C t\n{}\nP0(int x)\n{\n\tWRITE_ONCE(*x, 1);\n}\nexists (x=1)\n',
    code: 'litmus/param-not-pointer',
    printed: [
      'test.litmus:3:8: error: parameter `x` of P0 must be a pointer, e.g. `int *x`',
      '3 | P0(int x)',
      '           ^',
    ],
  },
  {
    name: 'only registers and dereferences are assigned',
    text: 'C t\n{}\nP0(int *x)\n{\n\tREAD_ONCE(*x) = 1;\n}\nexists (x=1)\n',
    code: 'litmus/bad-assignment',
    printed: [
      'test.litmus:5:2: error: only a register (`r = e;`) or a dereference (`*p = e;`) can be assigned',
      '5 | \tREAD_ONCE(*x) = 1;',
      '    \t^^^^^^^^^^^^^',
    ],
  },
  {
    name: 'a register reference names a thread',
    text: 'C t\n{}\nP0(int *x)\n{\n\tint r0 = READ_ONCE(*x);\n}\nexists (Q0:r0=1)\n',
    code: 'litmus/bad-thread-ref',
    printed: [
      'test.litmus:7:9: error: expected a thread number such as 0 or P0 before `:`, found `Q0`',
      '7 | exists (Q0:r0=1)',
      '            ^^',
    ],
  },
  {
    name: 'arrays are declared with a type',
    text: 'C t\n{ a[2] = 1; }\nP0(int *a)\n{\n\tWRITE_ONCE(*a, 1);\n}\nexists (a=1)\n',
    code: 'litmus/bad-array-init',
    printed: [
      'test.litmus:2:3: error: arrays are declared with a type, as `int a[2];` or `int a[2] = {1, 2};`',
      '2 | { a[2] = 1; }',
      '      ^^^^^^^^',
    ],
  },
  {
    name: 'an array initialiser has the declared size',
    text: 'C t\n{ int a[2] = {1, 2, 3}; }\nP0(int *a)\n{\n\tWRITE_ONCE(*a, 1);\n}\nexists (a=1)\n',
    code: 'litmus/array-size',
    printed: [
      'test.litmus:2:14: error: array `a` has 2 elements but 3 initial values',
      '2 | { int a[2] = {1, 2, 3}; }',
      '                 ^^^^^^^^^',
    ],
  },
  {
    name: 'a location is initialised once',
    text: 'C t\n{ x=1; y=2; x=3; }\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1);\n}\nexists (x=1)\n',
    code: 'litmus/duplicate-init',
    printed: [
      'test.litmus:2:13: error: `x` is initialised twice',
      '2 | { x=1; y=2; x=3; }',
      '                ^',
    ],
  },
  {
    name: 'the condition names an existing thread',
    text: 'C t\n{}\nP0(int *x)\n{\n\tint r0 = READ_ONCE(*x);\n}\nexists (0:r0=1 /\\ 1:r0=0)\n',
    code: 'litmus/unknown-thread',
    printed: [
      'test.litmus:7:19: error: there is no thread P1 (the test has only P0)',
      '7 | exists (0:r0=1 /\\ 1:r0=0)',
      '                      ^^^^',
    ],
  },
  {
    name: 'comparisons do not chain',
    text: 'C t\n{}\nP0(int *x)\n{\n\tint r0 = READ_ONCE(*x);\n\tint r1 = r0 == 1 == 1;\n}\nexists (0:r1=1)\n',
    code: 'litmus/chained-comparison',
    printed: [
      'test.litmus:6:19: error: comparisons do not chain: parenthesise the left side of `==`',
      '6 | \tint r1 = r0 == 1 == 1;',
      '    \t                 ^^',
    ],
  },
  {
    name: 'warning: a register no thread assigns',
    text: 'C t\n{}\nP0(int *x)\n{\n\tint r0 = READ_ONCE(*x);\n}\nexists (0:r1=1)\n',
    code: 'litmus/unknown-register',
    printed: [
      'test.litmus:7:9: warning: P0 never assigns a register `r1`, so it is always 0 here',
      '7 | exists (0:r1=1)',
      '            ^^^^',
    ],
  },
  {
    name: 'warning: a location nobody declares',
    text: 'C t\n{}\nP0(int *x)\n{\n\tint r0 = READ_ONCE(*x);\n}\nexists (0:r0=1 /\\ z=1)\n',
    code: 'litmus/unknown-location',
    printed: [
      'test.litmus:7:19: warning: `z` is neither initialised nor a parameter of any thread',
      '7 | exists (0:r0=1 /\\ z=1)',
      '                      ^',
    ],
  },
  {
    name: 'warning: a forgotten parameter',
    text: 'C t\n{}\nP0(int *x, int *y)\n{\n\tWRITE_ONCE(*x, 1);\n\tWRITE_ONCE(*y, 1);\n}\nP1(int *x)\n{\n\tint r0 = READ_ONCE(*y);\n}\nexists (1:r0=1)\n',
    code: 'litmus/missing-parameter',
    printed: [
      "test.litmus:10:22: warning: `y` is a shared location but not a parameter of P1, so here it is an uninitialised local register; add `int *y` to P1's parameters",
      '10 | \tint r0 = READ_ONCE(*y);',
      '     \t                    ^',
    ],
  },
  {
    name: 'an integer past 2^53 is out of range (it would not print back exactly)',
    text: 'C t\n{ x = 9007199254740993; }\nP0(int *x) { WRITE_ONCE(*x, 1); }\n',
    code: 'litmus/int-range',
    printed: [
      "test.litmus:2:7: error: integer 9007199254740993 is out of range: ordo's values are integers between -(2^53-1) and 2^53-1",
      '2 | { x = 9007199254740993; }',
      '          ^^^^^^^^^^^^^^^^',
    ],
  },
];

describe('litmus: diagnostics for malformed tests', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const result = parseLitmus(c.text, 'test.litmus');
      const source = new SourceFile('test.litmus', c.text);
      const first = result.diagnostics[0];
      expect(first, 'a diagnostic').to.not.equal(undefined);
      expect(first.code).to.equal(c.code);
      expect(formatDiagnostic(first, () => source)).to.equal(c.printed.join('\n'));
      // Errors withhold the AST; warnings keep it.
      expect(result.value === undefined).to.equal(first.severity === 'error');
    });
  }

  it('has at least 25 distinct malformed inputs', () => {
    expect(new Set(CASES.map((c) => c.text)).size).to.be.at.least(25);
  });

  it('caps unexpected characters at ten messages, the last counting the rest', () => {
    const text = `C t\n{ x = 0; ${' #'.repeat(30)} }\nP0(int *x) { WRITE_ONCE(*x, 1); }\n`;
    const bad = parseLitmus(text, 't.litmus').diagnostics.filter(
      (d) => d.code === 'litmus/bad-character',
    );
    expect(bad).to.have.length(10);
    expect(bad[9].message).to.equal(
      "unexpected character '#' (and 20 more unexpected characters after it)",
    );
  });

  it('reports several syntax errors in one file when the parser recovers', () => {
    const text =
      'C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x, 1)\n}\nP1(int *x)\n{\n\tint r0 = READ_ONCE(*x;\n}\nexists (1:r0=1)\n';
    const positions = parseLitmus(text, 't.litmus').diagnostics.map((d) => {
      const { line, col } = new SourceFile('t.litmus', text).lineCol(d.span.start);
      return `${line}:${col} ${d.message}`;
    });
    expect(positions).to.deep.equal([
      "6:1 expected ';' but found '}'",
      "9:23 expected ')' but found ';'",
    ]);
  });
});
