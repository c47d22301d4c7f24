// Cat stage: free occurrences of a name in an expression, honouring every binder.
import type { Binding, Cond, Expr, Pat0, Pattern } from './ast';
import { unreachable } from './unreachable';

export function mentions(e: Expr, x: string): boolean {
  switch (e.kind) {
    case 'empty-rel':
    case 'universe':
    case 'tag':
      return false;
    case 'var':
      return e.name === x;
    case 'set':
    case 'tuple':
      return e.elems.some((a) => mentions(a, x));
    case 'unary':
      return mentions(e.arg, x);
    case 'nary':
      return e.args.some((a) => mentions(a, x));
    case 'binary':
      return mentions(e.left, x) || mentions(e.right, x);
    case 'app':
      return mentions(e.fn, x) || mentions(e.arg, x);
    case 'fun':
      return !binds(e.pat, x) && mentions(e.body, x);
    case 'let': {
      const shadowed = e.bindings.some((b) => binds(b.pat, x));
      const inRhs = e.rec ? !shadowed && rhsMention(e.bindings, x) : rhsMention(e.bindings, x);
      return inRhs || (!shadowed && mentions(e.body, x));
    }
    case 'try':
      return mentions(e.body, x) || mentions(e.handler, x);
    case 'if':
      return condMentions(e.cond, x) || mentions(e.ifTrue, x) || mentions(e.ifFalse, x);
    case 'match-tag':
      return (
        mentions(e.subject, x) ||
        e.clauses.some((c) => mentions(c.body, x)) ||
        (e.otherwise !== undefined && mentions(e.otherwise, x))
      );
    case 'match-set': {
      const bound = [e.split.before, e.split.elem, e.split.rest].includes(x);
      return mentions(e.subject, x) || mentions(e.ifEmpty, x) || (!bound && mentions(e.body, x));
    }
    default:
      return unreachable(e);
  }
}

function rhsMention(bindings: readonly Binding[], x: string): boolean {
  return bindings.some((b) => mentions(b.expr, x));
}

function condMentions(c: Cond, x: string): boolean {
  return c.kind === 'vcond' ? false : mentions(c.left, x) || mentions(c.right, x);
}

export function binds(p: Pattern, x: string): boolean {
  const names: readonly Pat0[] = p.kind === 'var' ? [p.name] : p.names;
  return names.includes(x);
}
