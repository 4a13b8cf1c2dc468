import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { createAppContext, type AppContext } from '../../electron/core/context';
import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { attachmentReader } from '../../electron/core/services/attachments-service';
import { createFilePreferences } from '../../electron/core/preferences-file';
import { createFolderDialogs } from '../../electron/cli/web-dialogs';
import { startWebServer, type WebServer } from '../../electron/cli/web-server';
import { RESOURCES_DIR, tempDir } from './temp-db';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RENDERER_DIR = process.env.TWINREG_RENDERER_OUT ?? path.join(ROOT, 'dist', 'renderer');
export const SCREENS_DIR = path.join(ROOT, 'test-results', 'screens');

export type WebApp = { url: string; dir: string; outputDir: string; ctx: AppContext; server: WebServer };

/**
 * A running app: the built renderer behind the web bridge with the real core on a fresh registry
 * (demo data). The fixture below gives each worker one; a test that must not share its registry
 * (it removes the demo data) starts its own. `firstStart`: the app opens as on its first start
 * (it asks for the user's name); otherwise that welcome counts as answered. `prepare` writes the
 * registry file before the app opens it (then no demo data is added).
 */
export async function startWebApp(
  options: { firstStart?: boolean; prepare?: (databasePath: string) => Promise<void> } = {},
): Promise<WebApp & { close: () => Promise<void> }> {
  const dir = tempDir('twinreg-e2e-');
  const databasePath = path.join(dir, 'registry.db');
  await options.prepare?.(databasePath);
  const outputDir = path.join(dir, 'out');
  // The first-start welcome (name, demo data) was answered, unless a test is about the first start.
  if (!options.firstStart) writeFileSync(path.join(dir, 'preferences.json'), JSON.stringify({ welcomed: true }));
  let broadcast: (event: string, payload: unknown) => void = () => undefined;
  const ctx = await createAppContext({
    databasePath,
    resourcesDir: RESOURCES_DIR,
    appVersion: 'e2e',
    preferences: createFilePreferences(path.join(dir, 'preferences.json')),
    dialogs: createFolderDialogs(outputDir),
    events: (event, payload) => broadcast(event, payload),
    seedDemoIfEmpty: true,
  });
  const server = await startWebServer({
    dispatch: createDispatch(createHandlers(ctx), {
      validateOutput: true,
      jsonText: true,
      logError: (e) => console.error(e),
    }),
    staticDir: RENDERER_DIR,
    readAttachment: attachmentReader(ctx),
  });
  broadcast = server.broadcast;
  return {
    url: server.url,
    dir,
    outputDir,
    ctx,
    server,
    close: async () => {
      await server.close();
      await ctx.close();
    },
  };
}

/**
 * The real app in Chromium: the built renderer served by the web bridge with the real core and a
 * fresh SQLite registry (demo data) behind it. One per worker, shared by the files it runs.
 */
export const test = base.extend<{ appPage: Page }, { webApp: WebApp }>({
  webApp: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as the first argument
    async ({}, use) => {
      const app = await startWebApp();
      await use(app);
      await app.close();
    },
    { scope: 'worker' },
  ],
  appPage: async ({ page, webApp }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // A test starts on the screens' defaults: a view a test before chose is not opened again (the
    // app remembers the view chosen last per grid, and a test may end before that write is in).
    await webApp.ctx.preferences.set({ currentViews: {} });
    await page.goto(webApp.url);
    await use(page);
    if (errors.length > 0) throw new Error(`The page logged errors:\n${errors.join('\n')}`);
  },
});

export { expect } from '@playwright/test';

/**
 * Calls core over the web preview's bridge as the page does (token, JSON), outside the page: a
 * test's set-up or a colleague's change. A refusal throws, naming the channel and the error.
 */
export async function invoke(webApp: WebApp, channel: string, input: unknown): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${String(webApp.server.port)}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-twinreg-token': webApp.server.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Saves a screenshot of the current screen for people to look at. */
export async function saveScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`) });
}

/**
 * Opens the Agreements screen on a partnership by its link, as "Vytvořit smlouvu" in its detail
 * does, and waits until the partnership is chosen.
 */
export async function openAgreementOf(page: Page, partnershipId: number): Promise<void> {
  await page.getByTestId('nav-agreements').click();
  await page.evaluate((id) => {
    window.location.hash = `#/agreements?partnership=${id}`;
  }, String(partnershipId));
  await expect(page.getByTestId('agreement-partnership-chosen')).toBeVisible();
}

/**
 * Types into the Partnerships screen's quick search once that screen is shown, and waits until the
 * grid shows the rows found (its counter says "N z M"). The kept Members screen has a search box
 * too, and the rows may be there before the search applies: a test must not act on either.
 */
export async function searchPartnerships(page: Page, text: string): Promise<void> {
  await expect(page.getByTestId('partnerships-grid')).toBeVisible();
  await page.getByTestId('quick-search').fill(text);
  await expect(page.getByTestId('quick-search')).toHaveValue(text);
  await expect(page.getByTestId('row-count')).toContainText(/\d z \d|\d of \d/);
}
