// Tooling: opens a local HTML or SVG file in headless Chromium (Debian's package, driven by
// playwright-core) and writes a PNG screenshot; used by the HTML table test and for the
// README's pictures. Usage: node scripts/html-screenshot.mjs PAGE.html|GRAPH.svg OUT.png [--width N] [--scale N]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.ORDO_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumAvailable() {
  return fs.existsSync(CHROMIUM);
}

/** Flags for a quiet, sandbox-free, offline browser in CI containers. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Runs `fn(page)` with `file` loaded; the browser and its fresh profile are removed after. */
export async function withPage(file, fn, { width = 1000, height = 700, scale = 1 } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width, height },
    deviceScaleFactor: scale,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // Offline by construction: anything but the file itself would be a bug in the page.
    const requested = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      requested.push(url);
      return route.abort();
    });
    if (file.endsWith('.svg')) {
      // An SVG document has no page box to measure: show it inline in a blank page instead.
      const svg = fs.readFileSync(file, 'utf8').replace(/^<\?xml[^>]*>\s*(<!DOCTYPE[^>]*>)?/, '');
      await page.setContent(
        `<!DOCTYPE html><body style="margin:8px;background:#fff">${svg}</body>`,
      );
    } else {
      await page.goto(pathToFileURL(path.resolve(file)).href);
    }
    return await fn(page, requested);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Writes a PNG of `page` (or of the first element matching `selector`) to `out`; returns its
 * size and the share of pixels that differ from the top-left one (0 means a blank picture),
 * measured by the browser itself.
 */
export async function screenshot(page, out, selector) {
  const png = selector
    ? await page.locator(selector).first().screenshot({ path: out })
    : await page.screenshot({ path: out, fullPage: true });
  const ink = await page.evaluate(
    async (dataUrl) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      let differing = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) differing++;
      }
      return { width: img.width, height: img.height, ratio: differing / (data.length / 4) };
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
  return { bytes: png.length, ...ink };
}

async function main(argv) {
  const [page, out, ...rest] = argv;
  if (!page || !out) {
    process.stderr.write(
      'usage: node scripts/html-screenshot.mjs PAGE.html|GRAPH.svg OUT.png [--width N] [--scale N]\n',
    );
    return 2;
  }
  if (!chromiumAvailable()) {
    process.stderr.write(`no Chromium at ${CHROMIUM} (apt-get install -y chromium)\n`);
    return 1;
  }
  const option = (name, fallback) => {
    const at = rest.indexOf(name);
    return at >= 0 ? Number(rest[at + 1]) : fallback;
  };
  const width = option('--width', 1000);
  const scale = option('--scale', 1);
  const selector = page.endsWith('.svg') ? 'svg' : undefined;
  const shot = await withPage(page, (p) => screenshot(p, out, selector), {
    width,
    height: 200,
    scale,
  });
  process.stdout.write(`${out}: ${shot.width}x${shot.height}, ${shot.bytes} bytes\n`);
  return shot.ratio > 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
