// Litmus test support: compares ASTs regardless of positions, which printing cannot keep.
export function withoutSpans(node: unknown): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value) =>
      key === 'span' || key === 'nameSpan' ? undefined : value,
    ),
  );
}
