// Litmus tests: the parser's lookahead (grammar/lazy-lookahead.ts), read from the tables the
// bundle is built with or built lazily per decision, chooses exactly as chevrotain's eager one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { type ILookaheadStrategy, LLkLookaheadStrategy } from 'chevrotain';
import { C_MODE, STATE_MODE } from '../../grammar/litmus-modes';
import { LitmusParser, litmusLookahead, litmusLookaheadTables } from '../../grammar/litmus-parser';
import { getLitmusLexer } from '../../grammar/litmus-tokens';
import { splitLitmus } from '../../src/litmus/split';
import { CORPUS, hasShared } from '../corpus/oracle-files';

function litmusFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((e) => {
    const file = path.join(e.parentPath, e.name);
    return e.isFile() && e.name.endsWith('.litmus') ? [file] : [];
  });
}

type Rule = 'initSection' | 'program' | 'constraints';

/** The CST and errors of one region, tokens named by type, image and offset. */
function parseWith(parser: LitmusParser, text: string, mode: string, rule: Rule): string {
  parser.load(getLitmusLexer().tokenize(text, mode).tokens, 'the end');
  const cst = parser[rule]();
  const errors = parser.errors.map((e) => [e.name, e.message, e.token.startOffset]);
  return JSON.stringify({ cst, errors }, (_key, value) =>
    value?.tokenType ? `${value.tokenType.name}:${value.image}@${value.startOffset}` : value,
  );
}

/** Each region of a litmus file with its lexer mode and rule, as src/litmus/parse.ts reads it. */
function regions(text: string, file: string): [string, string, Rule][] {
  const t = splitLitmus(text, file).value;
  if (!t) return [];
  const slice = (r: { start: number; end: number }) => text.slice(r.start, r.end);
  return [
    [slice(t.init), STATE_MODE, 'initSection'],
    [slice(t.program), C_MODE, 'program'],
    [slice(t.constraints), STATE_MODE, 'constraints'],
  ];
}

/** Broken copies of a region, for error recovery: a character dropped, and the text cut short. */
function broken(region: string): string[] {
  const third = Math.floor(region.length / 3);
  return [region.slice(0, third) + region.slice(third + 1), region.slice(0, 2 * third)];
}

describe('litmus: lazy lookahead', () => {
  const eager = new LitmusParser(true);
  const lazy = new LitmusParser(false, litmusLookahead(undefined));
  const tabled = new LitmusParser(false, litmusLookahead(litmusLookaheadTables()));

  it('parses and recovers exactly as the eagerly built parser does, with and without tables', function () {
    this.timeout(60_000);
    const files = [...litmusFiles('litmus'), ...(hasShared ? litmusFiles(CORPUS) : [])];
    let compared = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const own = file.startsWith('litmus');
      for (const [region, mode, rule] of regions(text, file)) {
        for (const input of own ? [region, ...broken(region)] : [region]) {
          const expected = parseWith(eager, input, mode, rule);
          expect(parseWith(lazy, input, mode, rule), `${file} ${rule}`).to.equal(expected);
          expect(parseWith(tabled, input, mode, rule), `${file} ${rule}`).to.equal(expected);
          compared++;
        }
      }
    }
    expect(compared).to.be.greaterThan(files.length * 3);
  });

  describe('builds lookahead on demand', () => {
    const proto = (LLkLookaheadStrategy as unknown as { prototype: ILookaheadStrategy }).prototype;
    const originals = {
      alternation: proto.buildLookaheadForAlternation,
      optional: proto.buildLookaheadForOptional,
    };
    let built = 0;
    before(() => {
      proto.buildLookaheadForAlternation = function (options) {
        built++;
        return originals.alternation.call(this, options);
      };
      proto.buildLookaheadForOptional = function (options) {
        built++;
        return originals.optional.call(this, options);
      };
    });
    after(() => {
      proto.buildLookaheadForAlternation = originals.alternation;
      proto.buildLookaheadForOptional = originals.optional;
    });

    const sb = fs.readFileSync('litmus/classic/SB+mbs.litmus', 'utf8');
    const parseSb = (parser: LitmusParser) => {
      for (const [region, mode, rule] of regions(sb, 'SB+mbs.litmus')) {
        parseWith(parser, region, mode, rule);
      }
    };

    it('none when constructed, some of the grammar for one test, each once', () => {
      built = 0;
      new LitmusParser(true);
      const all = built;
      built = 0;
      const parser = new LitmusParser(false, litmusLookahead(undefined));
      expect(built).to.equal(0);
      parseSb(parser);
      const reached = built;
      expect(reached).to.be.greaterThan(0).and.lessThan(all);
      parseSb(parser);
      expect(built).to.equal(reached);
    });

    it('none at all with tables', () => {
      const tables = litmusLookaheadTables();
      built = 0;
      parseSb(new LitmusParser(false, litmusLookahead(tables)));
      expect(built).to.equal(0);
    });
  });
});
