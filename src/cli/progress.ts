// CLI adapter: a one-line progress display on a terminal's stderr (never when piped).

export interface ProgressLine {
  show(done: number, file: string): void;
  /** Erases the line so that other output starts at column 0. */
  clear(): void;
}

export function progressLine(
  total: number,
  out: NodeJS.WriteStream = process.stderr,
): ProgressLine {
  let shown = false;
  return {
    show(done, file) {
      const width = Math.max(20, (out.columns ?? 80) - 1);
      out.write(`\r\x1b[K${`[${done}/${total}] ${file}`.slice(0, width)}`);
      shown = true;
    },
    clear() {
      if (shown) out.write('\r\x1b[K');
      shown = false;
    },
  };
}
