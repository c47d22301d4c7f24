// Litmus grammar: chevrotain's LL(k) lookahead without its cost at construction (most of a
// one-test run's parser cost): read from tables computed when the bundle was built, or else
// built per decision on its first use.
import {
  getLookaheadPaths,
  type ILookaheadStrategy,
  type ILookaheadValidationError,
  type IOrAlt,
  type IToken,
  LLkLookaheadStrategy,
  type OptionalProductionType,
  type Rule,
  type TokenType,
  tokenMatcher,
} from 'chevrotain';

type Choose = (orAlts?: IOrAlt<unknown>[]) => number | undefined;
type Enter = () => boolean;
type Paths = readonly (readonly string[])[];

/**
 * The lookahead paths of every decision (OR, OPTION, MANY, ...) as chevrotain's getLookaheadPaths
 * computes them, tokens by name: per alternative for an OR, inside the production otherwise.
 */
export type LookaheadTables = Readonly<Record<string, readonly Paths[]>>;

interface Decision {
  readonly rule: Rule;
  readonly prodType: OptionalProductionType | 'Alternation';
  readonly prodOccurrence: number;
  readonly maxLookahead: number;
}

const keyOf = (d: Decision) => `${d.rule.name}:${d.prodType}:${d.prodOccurrence}`;

/** Where the parser looks ahead: chevrotain's parser trait (`LA` is public API). */
interface LookingAhead {
  LA(howMuch: number): IToken;
}

function matches(parser: LookingAhead, path: readonly TokenType[]): boolean {
  for (let i = 0; i < path.length; i++) {
    if (!tokenMatcher(parser.LA(i + 1), path[i])) return false;
  }
  return true;
}

/**
 * Parsing is chevrotain's: a table holds the paths its LLkLookaheadStrategy computes, and they
 * are used as it uses them (the first alternative whose gate is open and one of whose paths
 * matches the next tokens). Without a table, each decision is delegated to LLkLookaheadStrategy
 * the first time the parser reaches it: a one-test run reaches a fraction of the grammar.
 */
export class LazyLookahead implements ILookaheadStrategy {
  private readonly llk: InstanceType<typeof LLkLookaheadStrategy>;
  private readonly decisions: Decision[] = [];
  private readonly tokensByName: ReadonlyMap<string, TokenType>;

  constructor(
    maxLookahead: number,
    tokens: readonly TokenType[],
    private readonly tables?: LookaheadTables,
  ) {
    this.llk = new LLkLookaheadStrategy({ maxLookahead });
    this.tokensByName = new Map(tokens.map((t) => [t.name, t]));
  }

  validate(options: {
    rules: Rule[];
    tokenTypes: TokenType[];
    grammarName: string;
  }): ILookaheadValidationError[] {
    return this.llk.validate(options);
  }

  buildLookaheadForAlternation(options: {
    prodOccurrence: number;
    rule: Rule;
    maxLookahead: number;
    hasPredicates: boolean;
    dynamicTokensEnabled: boolean;
  }): Choose {
    const alts = this.tabled({ ...options, prodType: 'Alternation' });
    if (alts) {
      return function (this: LookingAhead, orAlts) {
        for (let a = 0; a < alts.length; a++) {
          const gate = options.hasPredicates ? orAlts?.[a]?.GATE : undefined;
          if (gate && gate.call(this) === false) continue;
          if (alts[a].some((path) => matches(this, path))) return a;
        }
        return undefined;
      };
    }
    let choose: Choose | undefined;
    const llk = this.llk;
    return function (this: unknown, orAlts) {
      choose ??= llk.buildLookaheadForAlternation(options);
      return choose.call(this, orAlts);
    };
  }

  buildLookaheadForOptional(options: {
    prodOccurrence: number;
    prodType: OptionalProductionType;
    rule: Rule;
    maxLookahead: number;
    dynamicTokensEnabled: boolean;
  }): Enter {
    const inside = this.tabled(options)?.[0];
    if (inside) {
      return function (this: LookingAhead) {
        return inside.some((path) => matches(this, path));
      };
    }
    let enter: Enter | undefined;
    const llk = this.llk;
    return function (this: unknown) {
      enter ??= llk.buildLookaheadForOptional(options);
      return enter.call(this);
    };
  }

  /** Tables for the decisions this strategy was asked about (all, once the parser is built). */
  computeTables(): LookaheadTables {
    return Object.fromEntries(
      this.decisions.map((d) => {
        const paths = getLookaheadPaths({
          occurrence: d.prodOccurrence,
          rule: d.rule,
          prodType: d.prodType,
          maxLookahead: d.maxLookahead,
        });
        // An optional production's paths are those inside it, then those after it.
        const used = d.prodType === 'Alternation' ? paths : paths.slice(0, 1);
        return [keyOf(d), used.map((alt) => alt.map((path) => path.map((t) => t.name)))];
      }),
    );
  }

  /** A decision's paths from the tables, as token types; undefined when not tabled. */
  private tabled(d: Decision): TokenType[][][] | undefined {
    this.decisions.push(d);
    const names = this.tables?.[keyOf(d)];
    return names?.map((alt) => alt.map((path) => path.map((n) => this.token(n))));
  }

  private token(name: string): TokenType {
    const t = this.tokensByName.get(name);
    if (!t) throw new Error(`lookahead tables name an unknown token ${name}`);
    return t;
  }
}
