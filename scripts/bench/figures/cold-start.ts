import { startWebServer } from '../../../electron/cli/web-server';
import { chromium, type Browser } from 'playwright-core';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../tests/support/chromium';
import { resultText } from '../../../shared/ipc/json-text';
import { failed, measured } from '../measure';
import { serveBareGrid } from './browser';
import type { BenchEnv, Figure, FigureResult } from '../types';

const PROBE = path.join(import.meta.dirname, '..', 'page-probe.js');
const BYTES_TITLE = '6g Script before the first rows';
const TIME_TITLE = '6h First rows on a new document';
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

/**
 * Figure 6g/6h: the app's first start as a user meets it: a new browser profile (nothing cached)
 * opens the app's address and the first screen (Members) draws its first rows. 6g counts the
 * bytes of JavaScript the page received before that moment (every script and preloaded module,
 * decoded size), 6h the time from the start of the navigation to the painted rows. Its baseline is
 * the bare AG Grid page on a new profile too, fetching the same rows (the Members screen's first
 * load, `municipalities:grid`, in the compact form the app's bridge sends) from a static file: navigation start → its rows painted (one call of the test driver
 * between the page being ready and the grid being made is in the baseline, not in the app's time).
 */
export const coldStartFigure: Figure = {
  id: 'cold-start',
  run: async (env: BenchEnv): Promise<FigureResult[]> => {
    const { rendererDir } = env.spec;
    if (!rendererDir) {
      const note = env.spec.browserUnavailable ?? 'skipped (--no-browser)';
      return [
        { id: 'cold-start-bytes', title: BYTES_TITLE, status: 'n/a', note },
        { id: 'cold-start-rows', title: TIME_TITLE, status: 'n/a', note },
      ];
    }
    const app = await env.openCopy('cold-start');
    let browser: Browser | null = null;
    const server = await startWebServer({ dispatch: app.dispatch, staticDir: rendererDir });
    const { bareGridDir } = env.spec;
    const bare = bareGridDir
      ? await serveBareGrid(bareGridDir, {
          '/rows.json': '[]',
          // The Members screen's first load as the app's bridge sends it (compact form).
          '/rows-compact.json': resultText(await app.dispatch('municipalities:grid', {})),
        })
      : null;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
      const times: number[] = [];
      const sizes: number[] = [];
      let scripts = 0;
      for (let run = 0; run < env.spec.runs; run += 1) {
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
        env.sample();
      }
      // The baseline: the bare grid page, on a new profile each run as well.
      const bareTimes: number[] = [];
      for (let run = 0; bare !== null && run < env.spec.runs; run += 1) {
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
    } catch (error) {
      return [failed('cold-start-bytes', BYTES_TITLE, error), failed('cold-start-rows', TIME_TITLE, 'see above')];
    } finally {
      if (browser) await browser.close();
      await bare?.close();
      await server.close();
      await app.close();
    }
  },
};
