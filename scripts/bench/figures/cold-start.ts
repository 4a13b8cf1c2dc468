import { startWebServer } from '../../../electron/cli/web-server';
import { resultParts } from '../../../shared/ipc/json-text';
import { failed } from '../measure';
import { driveApart } from '../driver';
import { serveBareGrid } from './browser';
import { BYTES_TITLE, TIME_TITLE, type ColdStartInput } from './pages-input';
import type { BenchEnv, Figure, FigureResult } from '../types';

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
    const server = await startWebServer({ dispatch: app.dispatch, staticDir: rendererDir });
    const { bareGridDir } = env.spec;
    const bare = bareGridDir
      ? await serveBareGrid(bareGridDir, {
          '/rows.json': '[]',
          // The Members screen's first load as the app's bridge sends it (compact form).
          '/rows-compact.json': resultParts(await app.dispatch('municipalities:grid', {})),
        })
      : null;
    try {
      const input: ColdStartInput = { appUrl: server.url, bareUrl: bare?.url ?? null, runs: env.spec.runs };
      // The pages are driven from a process of their own (driver.ts): figure 7 samples the core alone.
      return await driveApart({ kind: 'cold-start', input }, {}, env.sample);
    } catch (error) {
      return [failed('cold-start-bytes', BYTES_TITLE, error), failed('cold-start-rows', TIME_TITLE, 'see above')];
    } finally {
      await bare?.close();
      await server.close();
      await app.close();
    }
  },
};
