// Cat stage: the end of every switch over a tagged union.
export function unreachable(x: never): never {
  throw new Error(`internal error: unexpected case ${JSON.stringify(x)}`);
}
