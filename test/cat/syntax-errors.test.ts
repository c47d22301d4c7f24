import { expect } from 'chai';
import { parseCat } from '../../src/cat';
import { formatDiagnostic, SourceFile } from '../../src/source';

/** The whole printed diagnostic of a malformed model, caret included. */
function printed(text: string): string {
  const r = parseCat(text, 'bad.cat');
  expect(r.value).to.equal(undefined);
  expect(r.diagnostics).to.have.length(1);
  expect(r.diagnostics[0].code).to.equal('cat/syntax');
  return formatDiagnostic(r.diagnostics[0], () => new SourceFile('bad.cat', text));
}

const CHAINED =
  '`~`, `*`, `+` and `?` cannot be chained without parentheses: write ~(A*B), (~A)*B or ~(r+)';

const CASES: { name: string; text: string; expected: string[] }[] = [
  {
    name: '~A*B (herd: ~ and * are non-associative)',
    text: 'let x = ~A*B',
    expected: [
      `bad.cat:1:11: error: syntax error: unexpected '*' (${CHAINED})`,
      '1 | let x = ~A*B',
      '              ^',
    ],
  },
  {
    name: 'A*B*C',
    text: 'let x = A*B*C',
    expected: [
      `bad.cat:1:12: error: syntax error: unexpected '*' (${CHAINED})`,
      '1 | let x = A*B*C',
      '               ^',
    ],
  },
  {
    name: '~r+',
    text: 'let x = ~r+',
    expected: [
      `bad.cat:1:11: error: syntax error: unexpected '+' (${CHAINED})`,
      '1 | let x = ~r+',
      '              ^',
    ],
  },
  {
    name: 'A*B+',
    text: 'let x = A*B+',
    expected: [
      `bad.cat:1:12: error: syntax error: unexpected '+' (${CHAINED})`,
      '1 | let x = A*B+',
      '               ^',
    ],
  },
  {
    name: 'A * ~B',
    text: 'let x = A * ~B',
    expected: [
      "bad.cat:1:13: error: syntax error: unexpected '~' (the operand of a cartesian product cannot start with `~`: write A*(~B))",
      '1 | let x = A * ~B',
      '                ^',
    ],
  },
  {
    name: 'a number other than 0',
    text: 'let x = 10',
    expected: [
      'bad.cat:1:9: error: syntax error: unexpected number 10 (the only number in cat is 0, the empty relation)',
      '1 | let x = 10',
      '            ^^',
    ],
  },
  {
    name: 'r^1',
    text: 'let x = r^1',
    expected: [
      'bad.cat:1:11: error: syntax error: unexpected number 1 (the inverse of r is written r^-1)',
      '1 | let x = r^1',
      '              ^',
    ],
  },
  {
    name: 'an unclosed nested comment, reported where it opens',
    text: 'let x = a\n(* open (* nested *)\nlet y = b',
    expected: [
      'bad.cat:2:1: error: syntax error: comment `(*` is never closed by `*)`',
      '2 | (* open (* nested *)',
      '    ^^',
    ],
  },
  {
    name: 'an unclosed string',
    text: 'include "lock.cat',
    expected: [
      'bad.cat:1:9: error: syntax error: string is never closed by `"`',
      '1 | include "lock.cat',
      '            ^',
    ],
  },
  {
    name: '-> glued to an identifier',
    text: 'let f = fun x->x',
    expected: [
      "bad.cat:1:15: error: syntax error: unexpected character '>' (identifiers may contain `-`: put a space before `->`)",
      '1 | let f = fun x->x',
      '                  ^',
    ],
  },
  {
    name: 'a keyword as a name',
    text: 'let in = b',
    expected: [
      "bad.cat:1:5: error: syntax error: unexpected keyword 'in', expected '_', an identifier, '(' or 'rec'",
      '1 | let in = b',
      '        ^^',
    ],
  },
  {
    name: 'an unclosed parenthesis',
    text: 'let x = (a | b',
    expected: [
      "bad.cat:1:15: error: syntax error: unexpected end of file, expected ')', an expression or an operator",
      '1 | let x = (a | b',
      '                  ^',
    ],
  },
  {
    name: 'an enum of names instead of tags',
    text: 'enum X = a || b',
    expected: [
      "bad.cat:1:10: error: syntax error: unexpected 'a', expected a tag or '||'",
      '1 | enum X = a || b',
      '             ^',
    ],
  },
  {
    name: 'a trailing comma in a set',
    text: 'let x = {a,}',
    expected: [
      "bad.cat:1:12: error: syntax error: unexpected '}', expected an expression",
      '1 | let x = {a,}',
      '               ^',
    ],
  },
  {
    name: 'a set match with one clause',
    text: 'let x = match s with || {} -> 0 end',
    expected: [
      "bad.cat:1:33: error: syntax error: unexpected keyword 'end', expected '||' or an operator",
      '1 | let x = match s with || {} -> 0 end',
      '                                    ^^^',
    ],
  },
  {
    name: 'as without a name',
    text: 'acyclic po as',
    expected: [
      'bad.cat:1:14: error: syntax error: unexpected end of file, expected an identifier',
      '1 | acyclic po as',
      '                 ^',
    ],
  },
  {
    name: 'with without from',
    text: 'with co S',
    expected: [
      "bad.cat:1:9: error: syntax error: unexpected 'S', expected 'from'",
      '1 | with co S',
      '            ^',
    ],
  },
  {
    name: 'a stray character',
    text: 'let x = a $ b',
    expected: [
      "bad.cat:1:11: error: syntax error: unexpected character '$', expected 'in', 'and', an expression, an operator or an instruction",
      '1 | let x = a $ b',
      '              ^',
    ],
  },
  {
    name: 'a procedure without end',
    text: 'procedure p(x) = empty x',
    expected: [
      "bad.cat:1:25: error: syntax error: unexpected end of file, expected 'end', 'as', an expression, an operator or an instruction",
      '1 | procedure p(x) = empty x',
      '                            ^',
    ],
  },
  {
    name: 'an instruction-level if without end',
    text: 'if "v" let x = 0',
    expected: [
      "bad.cat:1:17: error: syntax error: unexpected end of file, expected 'end', 'else', 'in', 'and', an operator or an instruction",
      '1 | if "v" let x = 0',
      '                    ^',
    ],
  },
  {
    name: 'an application whose head is not a name (herd: only VAR arg...)',
    text: 'let x = (f) y',
    expected: [
      "bad.cat:1:13: error: syntax error: unexpected 'y', expected 'in', 'and', an operator or an instruction",
      '1 | let x = (f) y',
      '                ^',
    ],
  },
];

describe('cat grammar: malformed models', () => {
  for (const c of CASES) {
    it(c.name, () => expect(printed(c.text)).to.equal(c.expected.join('\n')));
  }

  it('rejects each malformed model without throwing, whatever the input', () => {
    const fragments = [
      'let',
      'x',
      '=',
      '(',
      ')',
      '*',
      '~',
      '|',
      ';',
      '"',
      '(*',
      "'",
      '0',
      'match',
      'with',
      'end',
      '->',
    ];
    let seed = 7;
    for (let i = 0; i < 300; i++) {
      let text = '';
      for (let k = 0; k < 8; k++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        text += `${fragments[seed % fragments.length]} `;
      }
      const r = parseCat(text, 'fuzz.cat');
      expect(r.value !== undefined || r.diagnostics.length === 1, text).to.equal(true);
    }
  });
});
