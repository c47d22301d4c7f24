// Types of scripts/html-screenshot.mjs for the TypeScript tests that import it.
import type { Page } from 'playwright-core';

export declare const CHROMIUM: string;
export declare function chromiumAvailable(): boolean;
export declare function withPage<T>(
  file: string,
  fn: (page: Page, requested: string[]) => Promise<T>,
  size?: { width?: number; height?: number; scale?: number },
): Promise<T>;
export declare function screenshot(
  page: Page,
  out: string,
  selector?: string,
): Promise<{ bytes: number; width: number; height: number; ratio: number }>;
