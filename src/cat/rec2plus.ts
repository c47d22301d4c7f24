// Cat stage: herd's `rec2plus` rewrite, applied to every parsed file (spec §8.4):
// `let rec x = e1 | ... | (x ; x) | ... | en` becomes `let x = (e1 | ... | en)+`.
import type { Binding, Expr, Ins } from './ast';
import { mentions } from './free-vars';

export function rec2plus(body: readonly Ins[]): Ins[] {
  return body.map((ins) => {
    if (ins.kind !== 'let' || !ins.rec || ins.when || ins.bindings.length !== 1) return ins;
    const rewritten = rewriteBinding(ins.bindings[0]);
    return rewritten ? { ...ins, rec: false, bindings: [rewritten] } : ins;
  });
}

function rewriteBinding(b: Binding): Binding | undefined {
  const x = b.pat.kind === 'var' ? b.pat.name : null;
  const e = b.expr;
  if (x === null || e.kind !== 'nary' || e.op !== 'union') return undefined;
  const isSquare = (s: Expr) =>
    s.kind === 'nary' &&
    s.op === 'seq' &&
    s.args.length === 2 &&
    s.args.every((a) => a.kind === 'var' && a.name === x);
  const rest = e.args.filter((s) => !isSquare(s));
  if (rest.length === e.args.length || rest.length === 0 || rest.some((s) => mentions(s, x)))
    return undefined;
  const sum: Expr =
    rest.length === 1 ? rest[0] : { kind: 'nary', op: 'union', args: rest, span: e.span };
  return { ...b, expr: { kind: 'unary', op: 'plus', arg: sum, span: e.span } };
}
