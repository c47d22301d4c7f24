// Litmus grammar: one pure CstParser for every region of a C litmus test (thread code, init
// section, constraints) and for `.def` macro files. Syntax only: no actions; the AST is built
// from the CST in src/litmus/build-ast.ts.
import {
  CstParser,
  EOF,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
  tokenLabel,
} from 'chevrotain';
import { LazyLookahead, type LookaheadTables } from './lazy-lookahead';
import * as T from './litmus-tokens';

/** What a rule stands for, in messages such as "expected a statement but found ')'". */
const RULE_DESCRIPTIONS: Record<string, string> = {
  program: 'a thread such as `P0(int *x) { ... }`',
  thread: 'a thread such as `P0(int *x) { ... }`',
  typeSpec: 'a type',
  param: 'a parameter such as `int *x`',
  statement: 'a statement',
  unary: 'an expression',
  primary: 'an expression',
  argument: 'an argument',
  operatorArg: 'an operator (+ - & | ^ &~)',
  macroFile: 'a macro definition such as `NAME(X) { ... }`',
  macro: 'a macro body (`{ statements }` or an expression)',
  initSection: 'an init entry such as `x=1;` or `int *p=&x;`',
  initItem: 'an init entry such as `x=1;` or `int *p=&x;`',
  initTarget: 'a location (x, [x], 0:r1 or P0:r1)',
  initValue: 'a value (a number, a location name, &name or ATOMIC_INIT(n))',
  constraints: 'a condition (exists, ~exists, forall, ...)',
  quantified: 'a condition (exists, ~exists, forall, ...)',
  kind: 'a kind (forall, exists or not exists)',
  propUnary: 'a proposition such as 0:r1=1',
  atom: 'an equation such as 0:r1=1',
  locRef: 'a location (x, [x], a[1], 0:r1 or P0:r1)',
  atomRight: 'a value or a location',
  locItem: 'a location (x, a[1], 0:r1 or P0:r1)',
};

function describeRule(ruleName: string): string {
  return RULE_DESCRIPTIONS[ruleName] ?? ruleName;
}

/**
 * How messages name the end of the token vector: the parser reads one region of a file at a
 * time, and a region may end at a keyword ("'exists'") rather than at the end of the file.
 */
const inputEnd = { label: 'the end of the file' };

function describeToken(token: IToken): string {
  return token.tokenType === EOF ? inputEnd.label : `'${token.image}'`;
}

const MAX_LOOKAHEAD = 2;

/** The bundle's lookahead tables as JSON: scripts/build.mjs computes them (esbuild's define). */
declare const ORDO_LOOKAHEAD_TABLES: string | undefined;
const builtTables: LookaheadTables | undefined =
  typeof ORDO_LOOKAHEAD_TABLES === 'undefined' ? undefined : JSON.parse(ORDO_LOOKAHEAD_TABLES);

/** A lookahead strategy for the parser, reading `tables` where they have a decision. */
export function litmusLookahead(tables = builtTables): LazyLookahead {
  return new LazyLookahead(MAX_LOOKAHEAD, [...T.allTokens, EOF], tables);
}

export class LitmusParser extends CstParser {
  /** `validate`: chevrotain's grammar validations and its eager lookahead (the grammar test). */
  constructor(validate: boolean, lookahead = litmusLookahead()) {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: MAX_LOOKAHEAD,
      ...(validate ? {} : { lookaheadStrategy: lookahead }),
      nodeLocationTracking: 'onlyOffset',
      skipValidations: !validate,
      errorMessageProvider: messages,
    });
    this.performSelfAnalysis();
  }

  /** Sets the tokens to parse and how messages should name their end. */
  load(tokens: IToken[], endLabel: string): void {
    inputEnd.label = endLabel;
    this.input = tokens;
  }

  // ---------- thread code ----------

  program = this.RULE('program', () => {
    this.MANY(() => this.SUBRULE(this.thread));
  });

  thread = this.RULE('thread', () => {
    this.OPTION(() => {
      this.CONSUME(T.TypeName, { LABEL: 'returnType' });
      this.OPTION1(() => this.CONSUME(T.Star));
    });
    this.CONSUME(T.Ident, { LABEL: 'name' });
    this.CONSUME(T.LParen);
    this.OPTION2(() => {
      this.SUBRULE(this.param, { LABEL: 'params' });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE1(this.param, { LABEL: 'params' });
      });
    });
    this.CONSUME(T.RParen);
    this.SUBRULE(this.block, { LABEL: 'body' });
  });

  /** `volatile int`, `struct srcu_struct`, `int const`: qualifiers are kept in the text. */
  typeSpec = this.RULE('typeSpec', () => {
    this.MANY(() => this.CONSUME(T.Qualifier, { LABEL: 'qualifiers' }));
    this.OR([
      { ALT: () => this.CONSUME(T.TypeName, { LABEL: 'base' }) },
      {
        ALT: () => {
          this.CONSUME(T.Struct, { LABEL: 'struct' });
          this.CONSUME(T.Ident, { LABEL: 'base' });
        },
      },
    ]);
    this.MANY1(() => this.CONSUME1(T.Qualifier, { LABEL: 'qualifiers' }));
  });

  param = this.RULE('param', () => {
    this.SUBRULE(this.typeSpec, { LABEL: 'type' });
    this.MANY(() => this.CONSUME(T.Star, { LABEL: 'stars' }));
    this.CONSUME(T.Ident, { LABEL: 'name' });
  });

  block = this.RULE('block', () => {
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.statement, { LABEL: 'statements' }));
    this.CONSUME(T.RCurly);
  });

  statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.block) },
      { ALT: () => this.SUBRULE(this.ifStatement) },
      { ALT: () => this.SUBRULE(this.whileStatement) },
      { ALT: () => this.SUBRULE(this.declaration) },
      { ALT: () => this.SUBRULE(this.simpleStatement) },
    ]);
  });

  ifStatement = this.RULE('ifStatement', () => {
    this.CONSUME(T.If);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression, { LABEL: 'cond' });
    this.CONSUME(T.RParen);
    this.SUBRULE(this.statement, { LABEL: 'then' });
    // Greedy: a dangling `else` belongs to the nearest `if`, as in C.
    this.OPTION(() => {
      this.CONSUME(T.Else);
      this.SUBRULE1(this.statement, { LABEL: 'else' });
    });
  });

  whileStatement = this.RULE('whileStatement', () => {
    this.CONSUME(T.While);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression, { LABEL: 'cond' });
    this.CONSUME(T.RParen);
    this.SUBRULE(this.statement, { LABEL: 'body' });
  });

  declaration = this.RULE('declaration', () => {
    this.SUBRULE(this.typeSpec, { LABEL: 'type' });
    this.MANY(() => this.CONSUME(T.Star, { LABEL: 'stars' }));
    this.CONSUME(T.Ident, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.Assign);
      this.SUBRULE(this.expression, { LABEL: 'init' });
    });
    this.CONSUME(T.Semi);
  });

  /** `e;`, `r = e;`, `*p = e;`: which left sides may be assigned is checked on the AST. */
  simpleStatement = this.RULE('simpleStatement', () => {
    this.SUBRULE(this.expression, { LABEL: 'target' });
    this.OPTION(() => {
      this.CONSUME(T.Assign);
      this.SUBRULE1(this.expression, { LABEL: 'value' });
    });
    this.CONSUME(T.Semi);
  });

  /**
   * `a op b op c ...` flat: precedences (herd's, plus our `&&` and `||`) are applied when the
   * AST is built (src/litmus/precedence.ts). One rule instead of one per level keeps parser
   * construction, paid by every `ordo` run, cheap.
   */
  expression = this.RULE('expression', () => {
    this.SUBRULE(this.unary, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.BinaryOperator, { LABEL: 'operators' });
      this.SUBRULE1(this.unary, { LABEL: 'operands' });
    });
  });

  unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.OR1([
            { ALT: () => this.CONSUME(T.Tilde, { LABEL: 'operator' }) },
            { ALT: () => this.CONSUME(T.Bang, { LABEL: 'operator' }) },
            { ALT: () => this.CONSUME(T.Star, { LABEL: 'operator' }) },
          ]);
          this.SUBRULE(this.unary, { LABEL: 'operand' });
        },
      },
      { ALT: () => this.SUBRULE(this.cast) },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  cast = this.RULE('cast', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.typeSpec, { LABEL: 'type' });
    this.MANY(() => this.CONSUME(T.Star, { LABEL: 'stars' }));
    this.CONSUME(T.RParen);
    this.SUBRULE(this.unary, { LABEL: 'operand' });
  });

  primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Int) },
      { ALT: () => this.SUBRULE(this.nameOrCall) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression, { LABEL: 'inner' });
          this.CONSUME(T.RParen);
        },
      },
    ]);
  });

  /** `r`, `f(args)`, and herd's internal forms `__load{ONCE}(X)` and `__fence{MB}`. */
  nameOrCall = this.RULE('nameOrCall', () => {
    this.CONSUME(T.Ident, { LABEL: 'name' });
    this.OPTION(() => this.SUBRULE(this.tags));
    this.OPTION1(() => this.SUBRULE(this.argumentList));
  });

  tags = this.RULE('tags', () => {
    this.CONSUME(T.LCurly);
    this.SUBRULE(this.tag, { LABEL: 'tags' });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE1(this.tag, { LABEL: 'tags' });
    });
    this.CONSUME(T.RCurly);
  });

  /** Tags may contain `-`: `{after-srcu-read-unlock}`. */
  tag = this.RULE('tag', () => {
    this.CONSUME(T.Ident, { LABEL: 'words' });
    this.MANY(() => {
      this.CONSUME(T.Minus);
      this.CONSUME1(T.Ident, { LABEL: 'words' });
    });
  });

  argumentList = this.RULE('argumentList', () => {
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.argument, { LABEL: 'args' });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE1(this.argument, { LABEL: 'args' });
      });
    });
    this.CONSUME(T.RParen);
  });

  argument = this.RULE('argument', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.operatorArg) },
      { ALT: () => this.SUBRULE(this.expression) },
    ]);
  });

  /** The operator argument of `__atomic_op{t}(X,+,V)` and friends. */
  operatorArg = this.RULE('operatorArg', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Plus, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(T.Minus, { LABEL: 'op' }) },
      {
        ALT: () => {
          this.CONSUME(T.Amp, { LABEL: 'op' });
          this.OPTION(() => this.CONSUME(T.Tilde, { LABEL: 'op' }));
        },
      },
      { ALT: () => this.CONSUME(T.Pipe, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(T.Caret, { LABEL: 'op' }) },
    ]);
  });

  // ---------- .def macro files ----------

  macroFile = this.RULE('macroFile', () => {
    this.MANY(() => this.SUBRULE(this.macro, { LABEL: 'macros' }));
  });

  macro = this.RULE('macro', () => {
    this.CONSUME(T.Ident, { LABEL: 'name' });
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.CONSUME1(T.Ident, { LABEL: 'formals' });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.CONSUME2(T.Ident, { LABEL: 'formals' });
      });
    });
    this.CONSUME(T.RParen);
    this.OR([
      { ALT: () => this.SUBRULE(this.block, { LABEL: 'body' }) },
      { ALT: () => this.SUBRULE(this.expression, { LABEL: 'expr' }) },
    ]);
  });

  // ---------- init section (herd's state syntax) ----------

  initSection = this.RULE('initSection', () => {
    this.CONSUME(T.LCurly);
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Semi) },
        {
          ALT: () => {
            this.SUBRULE(this.initItem, { LABEL: 'items' });
            this.MANY(() => {
              this.CONSUME1(T.Semi);
              this.SUBRULE1(this.initItem, { LABEL: 'items' });
            });
            this.OPTION1(() => this.CONSUME2(T.Semi));
          },
        },
      ]);
    });
    this.CONSUME(T.RCurly);
  });

  /**
   * `x=1`, `int x=1`, `_Atomic int x`, `int *p=&x`, `*p=&x`, `int a[2]={1,2}`, `0:r1=x`.
   * Whole alternatives, not an optional type prefix: `x = 1` and `int x` both start with a
   * name, and only an OR looks far enough ahead to tell them apart.
   */
  initItem = this.RULE('initItem', () => {
    this.OR({
      MAX_LOOKAHEAD: 3,
      DEF: [
        {
          ALT: () => {
            this.OPTION(() => this.CONSUME(T.AtomicQualifier, { LABEL: 'atomic' }));
            this.CONSUME(T.Ident, { LABEL: 'type' });
            this.OPTION1(() => this.CONSUME(T.Star, { LABEL: 'star' }));
            this.initTargetAndValue(1);
          },
        },
        {
          ALT: () => {
            this.CONSUME1(T.Star, { LABEL: 'star' });
            this.initTargetAndValue(2);
          },
        },
        { ALT: () => this.initTargetAndValue(3) },
      ],
    });
  });

  private initTargetAndValue(occurrence: number): void {
    this.subrule(occurrence, this.initTarget, { LABEL: 'target' });
    this.option(occurrence + 10, () => {
      this.consume(occurrence, T.Assign);
      this.subrule(occurrence, this.initValue, { LABEL: 'value' });
    });
  }

  initTarget = this.RULE('initTarget', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.regRef) },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.CONSUME(T.Ident, { LABEL: 'bracketed' });
          this.CONSUME(T.RBracket);
        },
      },
      {
        ALT: () => {
          this.CONSUME1(T.Ident, { LABEL: 'name' });
          this.OPTION(() => {
            this.CONSUME1(T.LBracket);
            this.CONSUME(T.Int, { LABEL: 'size' });
            this.CONSUME1(T.RBracket);
          });
        },
      },
    ]);
  });

  initValue = this.RULE('initValue', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Int, { LABEL: 'int' }) },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Amp, { LABEL: 'amp' }));
          this.SUBRULE(this.addressValue, { LABEL: 'address' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.AtomicInit);
          this.CONSUME(T.LParen);
          this.CONSUME1(T.Int, { LABEL: 'atomicInit' });
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LCurly);
          this.CONSUME2(T.Int, { LABEL: 'elements' });
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.CONSUME3(T.Int, { LABEL: 'elements' });
          });
          this.CONSUME(T.RCurly);
        },
      },
    ]);
  });

  /** A location's name used as a value, i.e. its address; `a[1]` is an element's address. */
  addressValue = this.RULE('addressValue', () => {
    this.CONSUME(T.Ident, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.LBracket);
      this.CONSUME(T.Int, { LABEL: 'index' });
      this.CONSUME(T.RBracket);
    });
  });

  /** `0:r1` or `P0:r1`. */
  regRef = this.RULE('regRef', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Int, { LABEL: 'thread' }) },
      { ALT: () => this.CONSUME(T.Ident, { LABEL: 'proc' }) },
    ]);
    this.CONSUME(T.Colon);
    this.CONSUME1(T.Ident, { LABEL: 'reg' });
  });

  // ---------- constraints (herd's state syntax) ----------

  constraints = this.RULE('constraints', () => {
    this.OPTION(() => this.SUBRULE(this.locationsClause));
    this.OPTION1(() => {
      this.CONSUME(T.Filter);
      this.SUBRULE(this.prop, { LABEL: 'filter' });
    });
    this.OPTION2(() => this.SUBRULE(this.quantified));
    this.OPTION3(() => this.CONSUME(T.Semi));
    this.OPTION4(() => this.SUBRULE(this.withClause));
  });

  locationsClause = this.RULE('locationsClause', () => {
    this.CONSUME(T.Locations);
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.locItem, { LABEL: 'items' });
      this.MANY(() => {
        this.CONSUME(T.Semi);
        this.SUBRULE1(this.locItem, { LABEL: 'items' });
      });
      this.OPTION1(() => this.CONSUME1(T.Semi));
    });
    this.CONSUME(T.RBracket);
  });

  locItem = this.RULE('locItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.regRef) },
      { ALT: () => this.SUBRULE(this.addressValue, { LABEL: 'global' }) },
    ]);
  });

  /** herd reads `final P` and a bare `(P)` as `exists P`. */
  quantified = this.RULE('quantified', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Exists, { LABEL: 'exists' });
          this.SUBRULE(this.prop);
        },
      },
      {
        ALT: () => {
          this.OR1([
            { ALT: () => this.CONSUME(T.Tilde, { LABEL: 'negation' }) },
            { ALT: () => this.CONSUME(T.Not, { LABEL: 'negation' }) },
          ]);
          this.CONSUME1(T.Exists, { LABEL: 'exists' });
          this.SUBRULE1(this.prop);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Forall, { LABEL: 'forall' });
          this.SUBRULE2(this.prop);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Final, { LABEL: 'final' });
          this.SUBRULE3(this.prop);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen, { LABEL: 'bare' });
          this.SUBRULE4(this.prop);
          this.CONSUME(T.RParen);
        },
      },
    ]);
  });

  /** `with name: exists; ...` (herd's test kinds; accepted and ignored). */
  withClause = this.RULE('withClause', () => {
    this.CONSUME(T.With);
    this.SUBRULE(this.kind);
    this.MANY(() => {
      this.CONSUME(T.Semi);
      this.SUBRULE1(this.kind);
    });
    this.OPTION(() => this.CONSUME1(T.Semi));
  });

  kind = this.RULE('kind', () => {
    this.CONSUME(T.Ident);
    this.CONSUME(T.Colon);
    this.OR([
      { ALT: () => this.CONSUME(T.Forall) },
      { ALT: () => this.CONSUME(T.Exists) },
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.CONSUME1(T.Exists);
        },
      },
    ]);
  });

  /** Like `expression`: `\\/`, `/\\` and `=>` are grouped when the AST is built. */
  prop = this.RULE('prop', () => {
    this.SUBRULE(this.propUnary, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.PropOperator, { LABEL: 'operators' });
      this.SUBRULE1(this.propUnary, { LABEL: 'operands' });
    });
  });

  propUnary = this.RULE('propUnary', () => {
    this.OR([
      {
        ALT: () => {
          this.OR1([
            { ALT: () => this.CONSUME(T.Tilde, { LABEL: 'not' }) },
            { ALT: () => this.CONSUME(T.Not, { LABEL: 'not' }) },
          ]);
          this.SUBRULE(this.propUnary, { LABEL: 'operand' });
        },
      },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.prop, { LABEL: 'inner' });
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.atom) },
    ]);
  });

  atom = this.RULE('atom', () => {
    this.SUBRULE(this.locRef, { LABEL: 'left' });
    this.OR([
      { ALT: () => this.CONSUME(T.Assign, { LABEL: 'equal' }) },
      { ALT: () => this.CONSUME(T.EqEq, { LABEL: 'equal' }) },
      { ALT: () => this.CONSUME(T.NotEq, { LABEL: 'notEqual' }) },
      { ALT: () => this.CONSUME(T.LtGt, { LABEL: 'notEqual' }) },
    ]);
    this.SUBRULE(this.atomRight, { LABEL: 'right' });
  });

  /** `0:r1`, `P0:r1`, `x`, `[x]`, `a[1]`. */
  locRef = this.RULE('locRef', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.regRef) },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.CONSUME(T.Ident, { LABEL: 'bracketed' });
          this.CONSUME(T.RBracket);
        },
      },
      { ALT: () => this.SUBRULE(this.addressValue, { LABEL: 'global' }) },
    ]);
  });

  /** A number, an address (`x`, `a[1]`), or a location: `0:r1`, `[x]`, `*x`. */
  atomRight = this.RULE('atomRight', () => {
    // regRef first: `0:r1` and the number `0` share their first token.
    this.OR([
      { ALT: () => this.SUBRULE(this.regRef) },
      { ALT: () => this.CONSUME(T.Int, { LABEL: 'int' }) },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.CONSUME(T.Ident, { LABEL: 'bracketed' });
          this.CONSUME(T.RBracket);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Star);
          this.CONSUME1(T.Ident, { LABEL: 'deref' });
        },
      },
      { ALT: () => this.SUBRULE(this.addressValue, { LABEL: 'address' }) },
    ]);
  });
}

function expectedList(paths: TokenType[][]): string {
  const labels = [...new Set(paths.map((p) => tokenLabel(p[0])))];
  if (labels.length === 1) return labels[0];
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual, ruleName }) =>
    expected === EOF
      ? `expected ${describeRule(ruleName)} or ${inputEnd.label} but found ${describeToken(actual)}`
      : `expected ${tokenLabel(expected)} but found ${describeToken(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant, ruleName }) =>
    `expected ${describeRule(ruleName)} but found ${describeToken(firstRedundant)}`,
  buildNoViableAltMessage: ({ actual, ruleName }) =>
    `expected ${describeRule(ruleName)} but found ${describeToken(actual[0])}`,
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) =>
    `expected ${expectedList(expectedIterationPaths)} but found ${describeToken(actual[0])}`,
};

/** The lookahead paths of the whole grammar as data, for scripts/build.mjs to bundle. */
export function litmusLookaheadTables(): LookaheadTables {
  const lookahead = litmusLookahead(undefined);
  new LitmusParser(false, lookahead);
  return lookahead.computeTables();
}

let parser: LitmusParser | undefined;

/**
 * The one parser instance, built on first use. Grammar validations cost start-up time, so
 * they run only when asked for (the grammar test does).
 */
export function getLitmusParser(validate = false): LitmusParser {
  if (!parser || validate) parser = new LitmusParser(validate);
  return parser;
}
