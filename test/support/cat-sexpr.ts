// Test support: cat expressions as S-expressions, to state how a text was parsed.
import type { Cond, Expr, Pat0, Pattern, VCond } from '../../src/cat';

const UNARY: Record<string, string> = {
  star: '*',
  plus: '+',
  opt: '?',
  inv: '^-1',
  comp: '~',
  toid: '[]',
};
const BINARY: Record<string, string> = { inter: '&', diff: '\\', cartesian: 'x', add: '++' };

const pat0 = (p: Pat0) => p ?? '_';
const pat = (p: Pattern) => (p.kind === 'var' ? pat0(p.name) : `(${p.names.map(pat0).join(' ')})`);

export function sexpr(e: Expr): string {
  switch (e.kind) {
    case 'empty-rel':
      return '0';
    case 'universe':
      return '_';
    case 'tag':
      return `'${e.name}`;
    case 'var':
      return e.name;
    case 'set':
      return `{${e.elems.map(sexpr).join(' ')}}`;
    case 'tuple':
      return `(tuple${e.elems.map((x) => ` ${sexpr(x)}`).join('')})`;
    case 'unary':
      return `(${UNARY[e.op]} ${sexpr(e.arg)})`;
    case 'nary':
      return `(${e.op === 'union' ? '|' : ';'} ${e.args.map(sexpr).join(' ')})`;
    case 'binary':
      return `(${BINARY[e.op]} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case 'app':
      return `(app ${sexpr(e.fn)} ${sexpr(e.arg)})`;
    case 'fun':
      return `(fun ${pat(e.pat)} ${sexpr(e.body)})`;
    case 'let':
      return `(let${e.rec ? ' rec' : ''} ${e.bindings.map((b) => `[${pat(b.pat)} ${sexpr(b.expr)}]`).join(' ')} ${sexpr(e.body)})`;
    case 'try':
      return `(try ${sexpr(e.body)} ${sexpr(e.handler)})`;
    case 'if':
      return `(if ${cond(e.cond)} ${sexpr(e.ifTrue)} ${sexpr(e.ifFalse)})`;
    case 'match-tag': {
      const clauses = e.clauses.map((c) => ` ['${c.tag} ${sexpr(c.body)}]`).join('');
      return `(match ${sexpr(e.subject)}${clauses}${e.otherwise ? ` [_ ${sexpr(e.otherwise)}]` : ''})`;
    }
    case 'match-set': {
      const { before, elem, rest } = e.split;
      const split =
        before === undefined
          ? `${pat0(elem)} ++ ${pat0(rest)}`
          : `${pat0(before)} | ${pat0(elem)} ++ ${pat0(rest)}`;
      return `(match-set ${sexpr(e.subject)} [{} ${sexpr(e.ifEmpty)}] [${split} ${sexpr(e.body)}])`;
    }
  }
}

function cond(c: Cond): string {
  return c.kind === 'vcond' ? vcond(c.cond) : `(${c.kind} ${sexpr(c.left)} ${sexpr(c.right)})`;
}

function vcond(c: VCond): string {
  switch (c.kind) {
    case 'variant':
      return `"${c.name}"`;
    case 'not':
      return `(not ${vcond(c.arg)})`;
    default:
      return `(${c.kind} ${vcond(c.left)} ${vcond(c.right)})`;
  }
}
