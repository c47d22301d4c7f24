// Litmus stage: operator precedences of thread code and propositions, shared by the AST builder
// (which groups the parser's flat operator chains) and the printer (which adds parentheses).
import type { BinaryOp } from './ast';

export type Associativity = 'left' | 'right' | 'none';

export interface OperatorInfo {
  /** Higher binds tighter. */
  readonly precedence: number;
  readonly associativity: Associativity;
}

const left = (precedence: number): OperatorInfo => ({ precedence, associativity: 'left' });

/** herd's CParser levels (`* /` > `+ -` > comparisons > `&` > `^` > `|`), then our `&&`, `||`. */
export const BINARY_OPERATORS: Record<BinaryOp, OperatorInfo> = {
  '||': left(1),
  '&&': left(2),
  '|': left(3),
  '^': left(4),
  '&': left(5),
  '==': { precedence: 6, associativity: 'none' },
  '!=': { precedence: 6, associativity: 'none' },
  '<': { precedence: 6, associativity: 'none' },
  '>': { precedence: 6, associativity: 'none' },
  '<=': { precedence: 6, associativity: 'none' },
  '>=': { precedence: 6, associativity: 'none' },
  '+': left(7),
  '-': left(7),
  '*': left(8),
  '/': left(8),
};

/** Tighter than every binary operator: `~`, `!`, `*` (load) and casts. */
export const UNARY_PRECEDENCE = 9;

/** herd's stateParser: `\/` < `/\` < `=>` (right-associative) < `~`/`not`. */
export const PROP_OPERATORS: Record<string, OperatorInfo> = {
  '\\/': left(1),
  '/\\': left(2),
  '=>': { precedence: 3, associativity: 'right' },
};
export const NOT_PRECEDENCE = 4;

export interface Chain<N, O> {
  readonly operands: readonly N[];
  readonly operators: readonly O[];
}

/**
 * Groups `a op b op c ...` by precedence climbing. `combine` builds a node; `chained` is told
 * about a non-associative operator that follows another of its level (`a == b == c`).
 */
export function groupByPrecedence<N, O>(
  chain: Chain<N, O>,
  info: (op: O) => OperatorInfo,
  combine: (op: O, left: N, right: N) => N,
  chained?: (op: O) => void,
): N {
  let next = 0;
  let operand = 0;
  const climb = (min: number): N => {
    let result = chain.operands[operand++];
    while (next < chain.operators.length) {
      const op = chain.operators[next];
      const { precedence, associativity } = info(op);
      if (precedence < min) break;
      next++;
      const right = climb(associativity === 'right' ? precedence : precedence + 1);
      result = combine(op, result, right);
      const following = chain.operators[next];
      if (associativity === 'none' && following !== undefined) {
        if (info(following).precedence === precedence) chained?.(following);
      }
    }
    return result;
  };
  return climb(0);
}
