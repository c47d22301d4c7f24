// Source stage: how deep an AST nests. Later stages recurse once per level, so the front ends
// refuse what would exhaust the stack; this walk itself uses an explicit stack.
import type { Span } from './span';

interface Node {
  readonly kind: string;
  readonly span: Span;
}

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'kind' in x && 'span' in x;
}

/** The span of the first node (objects with `kind` and `span`) deeper than `maxDepth`, if any. */
export function tooDeepNode(root: object, maxDepth: number): Span | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [x, depth] = stack.pop()!;
    if (typeof x !== 'object' || x === null) continue;
    const level = isNode(x) ? depth + 1 : depth;
    if (level > maxDepth && isNode(x)) return x.span;
    for (const v of Array.isArray(x) ? x : Object.values(x)) {
      if (typeof v === 'object' && v !== null) stack.push([v, level]);
    }
  }
  return undefined;
}
