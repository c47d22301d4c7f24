// Test support: the edges a DOT text from ordo's graph writer draws, by event letter.

/** `from -label-> to` for each edge of a DOT text, events by letter, initial-value dots `init`. */
export function drawnEdges(dot: string): string[] {
  const letters = new Map(
    [...dot.matchAll(/^ +(e\d+) \[label="(\w+): /gm)].map((m) => [m[1], m[2]] as const),
  );
  const name = (node: string) => letters.get(node) ?? (node.startsWith('init') ? 'init' : node);
  return [...dot.matchAll(/^ {2}(\w+) -> (\w+) \[label="([^"]*)"/gm)].map(
    (m) => `${name(m[1])} -${m[3]}-> ${name(m[2])}`,
  );
}
