import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startWebServer } from '../../../electron/cli/web-server';
import { findChannel, invoke, rowsOf } from '../channels';
import { resultParts } from '../../../shared/ipc/json-text';
import { failed } from '../measure';
import { noteChangedTables } from '../../../electron/core/services/statistics/stats-cache';
import { driveApart } from '../driver';
import type { BenchEnv, Figure, OpenedApp } from '../types';
import { screenTitles, type BareServed, type ScreensInput } from './pages-input';

/**
 * The bare pages' answers. The app's first load of the grid, as its bridge sends it: the bare page
 * makes its rows from it (issue 16 target 1's floor fetches it, and the harness holds no row
 * objects of its own); the Map's answer for its default filter (target 2's floor draws its points).
 */
async function bareAnswers(
  app: OpenedApp,
  partnerships: boolean,
): Promise<{ answers: Record<string, Answer>; hasCompact: boolean; rowCount: number }> {
  const compactAnswer =
    partnerships && findChannel('partnerships:grid') !== null ? await app.dispatch('partnerships:grid', {}) : undefined;
  const rowsJson =
    compactAnswer === undefined
      ? JSON.stringify(
          rowsOf(await invoke(app.dispatch, partnerships ? 'partnerships:list' : 'municipalities:list', {})) ?? [],
        )
      : '[]';
  return {
    answers: {
      '/rows.json': rowsJson,
      // As the bridge sends it (the grid's answer is kept as text in core: json-text.ts).
      ...(compactAnswer === undefined ? {} : { '/rows-compact.json': resultParts(compactAnswer) }),
      '/map.json': resultParts(await app.dispatch('map:data', { filter: {} })),
    },
    hasCompact: compactAnswer !== undefined,
    rowCount: compactAnswer?.ok ? await countRows(app, 'partnerships') : (JSON.parse(rowsJson) as unknown[]).length,
  };
}

/** Rows of a table of the registry (the harness counts them instead of holding the answer's rows). */
const countRows = async (app: OpenedApp, table: string): Promise<number> => {
  const [row] = await app.ctx.db.knex(table).count({ n: '*' });
  return Number(row?.n ?? 0);
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** A bare page's answer: JSON text, or its parts as the web bridge writes them (`resultParts`). */
export type Answer = string | readonly (string | Uint8Array)[];

/**
 * Serves the built bare-grid page and its answers on 127.0.0.1. `answers` are JSON texts by path
 * (`/rows.json`: rows as one array; `/rows-compact.json`: the app's compact answer, the bytes its
 * bridge sends; `/map.json`: the Map's data): they are written to files first and served from
 * there, as static files, so that the harness holds none of their text while the app is measured
 * (figure 7 samples the core's process, which the harness runs in).
 */
export async function serveBareGrid(
  dir: string,
  answers: Record<string, Answer>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const answerDir = mkdtempSync(path.join(os.tmpdir(), 'twinreg-bench-answers-'));
  const files = new Map<string, string>();
  for (const [index, [pathname, text]] of Object.entries(answers).entries()) {
    const file = path.join(answerDir, `answer-${String(index)}.json`);
    // Parts as the bridge writes them: the bytes core has are written as they are, not decoded.
    const fd = openSync(file, 'w');
    try {
      for (const part of typeof text === 'string' ? [text] : text) writeFileSync(fd, part);
    } finally {
      closeSync(fd);
    }
    files.set(pathname, file);
  }
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const answer = files.get(pathname);
    if (answer !== undefined) {
      res.writeHead(200, { 'content-type': MIME['.json'], 'cache-control': 'no-store' });
      createReadStream(answer).pipe(res);
      return;
    }
    const file = path.resolve(dir, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(path.resolve(dir) + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file)
      .then((data) =>
        res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' }).end(data),
      )
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(answerDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

/**
 * Figure 6: the real renderer with the real core behind the bridge, in Chromium: opening the
 * screen until its first rows are drawn, and typing in the quick search until the one matching
 * row is drawn; then the same two on a bare AG Grid page with the same rows (the grid's floor).
 * The Members screen stands in while the Partnerships screen is not built. The core and its web
 * bridge run here; the pages are driven from a process of their own (driver.ts, screens.ts).
 */
export const browserFigure: Figure = {
  id: 'browser',
  run: async (env: BenchEnv) => {
    const partnerships = findChannel('partnerships:list') !== null;
    const { openTitle, firstTitle, searchTitle } = screenTitles(partnerships);
    const { rendererDir, bareGridDir } = env.spec;
    if (!rendererDir || !bareGridDir) {
      const note = env.spec.browserUnavailable ?? 'skipped (--no-browser)';
      return [
        { id: 'browser-open', title: openTitle, status: 'n/a', note },
        { id: 'browser-open-first', title: firstTitle, status: 'n/a', note },
        { id: 'browser-search', title: searchTitle, status: 'n/a', note },
      ];
    }
    const app = await env.openCopy('browser');
    const closers: (() => Promise<void>)[] = [];
    try {
      const server = await startWebServer({ dispatch: app.dispatch, staticDir: rendererDir });
      closers.push(() => server.close());
      const input: ScreensInput = {
        appUrl: server.url,
        scale: env.spec.scale,
        runs: env.spec.runs,
        needle: env.spec.needle,
        partnerships,
      };
      return await driveApart(
        { kind: 'screens', input },
        {
          // The bare pages' answers, once the driver knows which screen it measures.
          serveBare: async (forPartnerships): Promise<BareServed> => {
            const { answers, hasCompact, rowCount } = await bareAnswers(app, forPartnerships === true);
            const bare = await serveBareGrid(bareGridDir, answers);
            closers.push(() => bare.close());
            return { url: bare.url, hasCompact, rowCount };
          },
          noteChanged: (tables) => {
            noteChangedTables(app.ctx.db, tables as string[]);
            return Promise.resolve(null);
          },
        },
        env.sample,
      );
    } catch (error) {
      return [
        failed('browser-open', openTitle, error),
        failed('browser-open-first', firstTitle, 'see the figure above'),
        failed('browser-search', searchTitle, 'see the figure above'),
      ];
    } finally {
      for (const close of closers.reverse()) await close();
      await app.close();
    }
  },
};
