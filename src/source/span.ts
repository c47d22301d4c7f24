// Source stage: positions. Spans are offsets; lines and columns are computed only when printed.

export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export function span(file: string, start: number, end: number): Span {
  return { file, start, end };
}

/** The smallest span covering both. */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

export interface LineCol {
  /** 1-based */
  readonly line: number;
  /** 1-based, in UTF-16 code units like editors count them */
  readonly col: number;
}

/** A file's text with a lazily built line index. */
export class SourceFile {
  private lineStarts: number[] | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {}

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) {
        if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  lineCol(offset: number): LineCol {
    const starts = this.starts();
    const off = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: off - starts[lo] + 1 };
  }

  offsetOf(line: number, col: number): number {
    const starts = this.starts();
    const l = Math.max(1, Math.min(line, starts.length));
    return Math.min(starts[l - 1] + col - 1, this.text.length);
  }

  lineText(line: number): string {
    const starts = this.starts();
    const s = starts[line - 1] ?? this.text.length;
    const e = line < starts.length ? starts[line] - 1 : this.text.length;
    return this.text.slice(s, e).replace(/\r$/, '');
  }
}
