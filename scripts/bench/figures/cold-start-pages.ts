import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../tests/support/chromium';
import { measured } from '../measure';
import type { DriverHooks } from '../driver';
import type { FigureResult } from '../types';
import { BYTES_TITLE, TIME_TITLE, type ColdStartInput } from './pages-input';

// The page side of figures 6g/6h (cold-start.ts): run in the page driver's process (driver.ts).

const PROBE = path.join(import.meta.dirname, '..', 'page-probe.js');
/** Issue 16 target 8: script before the first rows, and the first rows against the bare grid page. */
const MAX_KB = 1500;
const MAX_RATIO = 2;

type FirstRows = { ms: number; bytes: number; scripts: number };

const isFirstRows = (value: unknown): value is FirstRows =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FirstRows).ms === 'number' &&
  typeof (value as FirstRows).bytes === 'number' &&
  typeof (value as FirstRows).scripts === 'number';

/** Figures 6g/6h's pages: a new browser context (empty cache) per run, the app and then the bare page. */
export async function measureColdStart(input: ColdStartInput, hooks: DriverHooks): Promise<FigureResult[]> {
  let browser: Browser | null = null;
  const server = { url: input.appUrl };
  const bare = input.bareUrl === null ? null : { url: input.bareUrl };
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
    const times: number[] = [];
    const sizes: number[] = [];
    let scripts = 0;
    for (let run = 0; run < input.runs; run += 1) {
      // A context of its own each run: an empty cache, as on the first start.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'cs-CZ' });
      try {
        await context.addInitScript({ path: PROBE });
        const page = await context.newPage();
        await page.goto(server.url, { waitUntil: 'commit' });
        const value: unknown = await page.evaluate('window.__bench.firstRows()');
        if (!isFirstRows(value)) throw new Error(`firstRows gave ${JSON.stringify(value)}`);
        times.push(value.ms);
        sizes.push(value.bytes / 1e3);
        scripts = value.scripts;
      } finally {
        await context.close();
      }
      hooks.sample();
    }
    // The baseline: the bare grid page, on a new profile each run as well.
    const bareTimes: number[] = [];
    for (let run = 0; bare !== null && run < input.runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'cs-CZ' });
      try {
        await context.addInitScript({ path: PROBE });
        const page = await context.newPage();
        await page.goto(`${bare.url}?compact`, { waitUntil: 'commit' });
        await page.waitForSelector('body[data-ready="true"]');
        await page.evaluate('window.__bench.openBare()');
        const ms: unknown = await page.evaluate('performance.now()');
        if (typeof ms !== 'number') throw new Error(`performance.now() gave ${String(ms)}`);
        bareTimes.push(ms);
      } finally {
        await context.close();
      }
    }
    const rowsTime = measured('navigation start → first Members rows painted, empty cache', 'ms', times);
    const baseline =
      bareTimes.length > 0
        ? measured('bare AG Grid page, same rows from a static file, empty cache', 'ms', bareTimes)
        : undefined;
    const ratio = baseline ? rowsTime.median / baseline.median : undefined;
    const bytes = measured('JavaScript received before the first rows', 'kB', sizes);
    return [
      {
        id: 'cold-start-bytes',
        title: BYTES_TITLE,
        status: 'ok',
        value: bytes,
        // Issue 16 target 8 (the same at every scale: the code does not grow with the data).
        target: { text: '≤ 1,500 kB', pass: bytes.median <= MAX_KB },
        extra: { 'script files': scripts },
        note: 'decoded size; the rest of the app loads when its screen is opened',
      },
      {
        id: 'cold-start-rows',
        title: TIME_TITLE,
        status: 'ok',
        value: rowsTime,
        ...(baseline && ratio !== undefined
          ? { baseline, ratio, target: { text: `≤ ${String(MAX_RATIO)}× bare page`, pass: ratio <= MAX_RATIO } }
          : { note: 'no bare grid page built: no baseline' }),
      },
    ];
  } finally {
    if (browser) await browser.close();
  }
}
