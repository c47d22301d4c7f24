import * as path from 'node:path';
import { expect } from 'chai';
import { catSource } from '../../src/cat';
import { runModel } from '../../src/interp';
import { formatDiagnostic, UserError } from '../../src/source';
import { buildExecution, init } from '../support/build-execution';
import { mustCompile, VIRTUAL } from '../support/run-cat';

const EXEC = buildExecution({
  events: [
    ...init(['x', 0]),
    { name: 'a', kind: 'W', thread: 0, loc: 'x', value: 1 },
    { name: 'b', kind: 'R', thread: 1, loc: 'x', value: 1 },
  ],
  rf: [['a', 'b']],
});

/** The printed diagnostic of the evaluation error a model raises, with its code. */
function failure(text: string): { code: string; printed: string } {
  const model = mustCompile(text);
  try {
    runModel(model, EXEC, () => undefined);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const printed = formatDiagnostic(e.diagnostic, catSource).replace(`${VIRTUAL}${path.sep}`, '');
    return { code: e.diagnostic.code, printed };
  }
  throw new Error('no error raised');
}

describe('cat evaluation errors', () => {
  const cases: { name: string; text: string; code: string; printed: string[] }[] = [
    {
      name: 'an unbound name',
      text: 'let x = po |\n  rff\nacyclic x',
      code: 'cat/unbound',
      printed: ['model.cat:2:3: error: unbound name rff', '2 |   rff', '      ^^^'],
    },
    {
      name: 'a set where a relation is needed',
      text: 'let x = rf ; W\nacyclic x',
      code: 'cat/type',
      printed: [
        'model.cat:1:14: error: type error: rel expected, events found',
        '1 | let x = rf ; W',
        '                 ^',
      ],
    },
    {
      name: 'a union of a set and a relation',
      text: 'let x = po | W\nacyclic x',
      code: 'cat/type',
      printed: [
        'model.cat:1:14: error: type error: rel expected, events found',
        '1 | let x = po | W',
        '                 ^',
      ],
    },
    {
      name: 'acyclic applied to a set',
      text: 'acyclic W as sc',
      code: 'cat/type',
      printed: [
        'model.cat:1:1: error: type error: acyclic needs a relation, an event set is given',
        '1 | acyclic W as sc',
        '    ^^^^^^^^^^^^^^^',
      ],
    },
    {
      name: 'a tag no enum declares',
      text: "enum T = 'a\nlet x = match 'b with 'a -> po || _ -> rf end\nacyclic x",
      code: 'cat/unknown-tag',
      printed: [
        "model.cat:2:15: error: tag 'b is not declared by any enum",
        "2 | let x = match 'b with 'a -> po || _ -> rf end",
        '                  ^^',
      ],
    },
    {
      name: 'a tag no clause matches',
      text: "enum T = 'a || 'b\nlet x = match 'b with 'a -> po end\nacyclic x",
      code: 'cat/match',
      printed: [
        "model.cat:2:9: error: no clause matches the tag 'b",
        "2 | let x = match 'b with 'a -> po end",
        '            ^^^^^^^^^^^^^^^^^^^^^^^^^^',
      ],
    },
    {
      name: 'applying a relation',
      text: 'let x = po(rf)\nacyclic x',
      code: 'cat/type',
      printed: [
        'model.cat:1:9: error: type error: a function is expected here, rel found',
        '1 | let x = po(rf)',
        '            ^^^^^^',
      ],
    },
    {
      name: 'a wrong number of arguments',
      text: 'let f(a, b) = a | b\nlet x = f(po, rf, po)\nacyclic x',
      code: 'cat/arguments',
      printed: [
        'model.cat:2:9: error: this function takes 2 arguments, it is given (rel * rel * rel)',
        '2 | let x = f(po, rf, po)',
        '            ^^^^^^^^^^^^^',
      ],
    },
    {
      name: 'a failing primitive',
      text: 'let x = domain(W)\nempty x',
      code: 'cat/primitive',
      printed: [
        'model.cat:1:9: error: domain: rel expected, events found',
        '1 | let x = domain(W)',
        '            ^^^^^^^^^',
      ],
    },
    {
      name: 'a let rec that does not converge',
      text: 'let rec x = if x = rf then rf^-1 else rf\nacyclic x',
      code: 'cat/no-convergence',
      printed: [
        'model.cat:1:1: error: let rec x does not converge after 10000 steps (each step must only add to every value)',
        '1 | let rec x = if x = rf then rf^-1 else rf',
        '    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      ],
    },
  ];

  for (const c of cases) {
    it(c.name, () =>
      expect(failure(c.text)).to.deep.equal({ code: c.code, printed: c.printed.join('\n') }),
    );
  }

  it('a let rec over values that cannot be compared by inclusion', () => {
    const f = failure('let rec f = (po, rf)\nacyclic po | f');
    expect(f.code).to.equal('cat/no-convergence');
    expect(f.printed.split('\n')[0]).to.equal(
      'model.cat:1:1: error: let rec cannot compute a fixpoint over values of type (rel * rel)',
    );
  });
});
