// LSP adapter: per-document debouncing, so a burst of keystrokes costs one analysis.

export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Runs `action` after `delayMs` of quiet for `key`; a new call for the same key restarts the wait. */
  schedule(key: string, delayMs: number, action: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        action();
      }, delayMs),
    );
  }

  cancel(key: string): void {
    const t = this.timers.get(key);
    if (t !== undefined) {
      clearTimeout(t);
      this.timers.delete(key);
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
