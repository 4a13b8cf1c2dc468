import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { createAppContext, type AppContext } from '../../electron/core/context';
import { acquireImportLock } from '../../electron/core/db/import-lock';
import { LISTENER_APPLICATION_NAME } from '../../electron/core/db/notify';
import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { createFilePreferences } from '../../electron/core/preferences-file';
import { createFolderDialogs } from '../../electron/cli/web-dialogs';
import { startWebServer, type WebServer } from '../../electron/cli/web-server';
import { adminKnex, databaseUrl, serverTestUrl } from '../support/server-db';
import { RESOURCES_DIR, tempDir } from '../support/temp-db';
import { saveScreen } from '../support/web-fixture';

/**
 * Two staff members on one registry on a PostgreSQL server (issue 15 item 7): two web previews,
 * each its own core, on one database made for this spec. Jana (A) edits; Petr (B) sees it in his
 * open grid without reloading; Petr's edit and delete of a record Jana changed meanwhile are
 * refused naming her; Jana's import keeps Petr's from starting. Runs when
 * TWINREG_TEST_DATABASE_URL names a server (`.ci/run` starts one); skipped otherwise.
 */
const ADMIN_URL = serverTestUrl();
if (ADMIN_URL === null)
  console.log('two-clients.spec.ts skipped: TWINREG_TEST_DATABASE_URL is not set (a PostgreSQL server; see .ci/run)');

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RENDERER_DIR = process.env.TWINREG_RENDERER_OUT ?? path.join(ROOT, 'dist', 'renderer');

type Client = {
  ctx: AppContext;
  server: WebServer;
  page: Page;
  /**
   * Whether this client's server passes `data:changed` on to its page. Off, the page has not yet
   * heard of the other's change (its notice is on the way): what it shows is stale, as a person's
   * screen is in the moment between the other's save and the notice.
   */
  hearing: { on: boolean };
  close: () => Promise<void>;
};

async function startClient(browser: Browser, url: string, actorName: string, seed: boolean): Promise<Client> {
  const dir = tempDir('twinreg-e2e-two-');
  const preferencesPath = path.join(dir, 'preferences.json');
  writeFileSync(preferencesPath, JSON.stringify({ welcomed: true, actorName }));
  const hearing = { on: true };
  let broadcast: (event: string, payload: unknown) => void = () => undefined;
  const ctx = await createAppContext({
    databasePath: url,
    resourcesDir: RESOURCES_DIR,
    appVersion: 'e2e',
    preferences: createFilePreferences(preferencesPath),
    dialogs: createFolderDialogs(path.join(dir, 'out')),
    events: (event, payload) => {
      if (event !== 'data:changed' || hearing.on) broadcast(event, payload);
    },
    seedDemoIfEmpty: seed,
  });
  const server = await startWebServer({
    dispatch: createDispatch(createHandlers(ctx), {
      validateOutput: true,
      jsonText: true,
      logError: (e) => console.error(e),
    }),
    staticDir: RENDERER_DIR,
  });
  broadcast = server.broadcast;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'cs-CZ' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  return {
    ctx,
    server,
    page,
    hearing,
    close: async () => {
      await context.close();
      await server.close();
      await ctx.close();
      if (errors.length > 0) throw new Error(`The page logged errors:\n${errors.join('\n')}`);
    },
  };
}

const grid = (page: Page) => page.getByTestId('partnerships-grid');

/** The Partnerships grid showing Tábor's partnership with Konstanz (the demo data's, in both clients). */
async function showKonstanz(page: Page) {
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('quick-search').fill('konstanz');
  const row = grid(page).locator('.ag-row[row-id]');
  await expect(row).toHaveCount(1);
  return row;
}

/** Jana edits the signature date of the row in her grid. */
async function editSigned(page: Page, typed: string, shown: string) {
  const signed = (await showKonstanz(page)).locator('.ag-cell[col-id="signedOn"]');
  await signed.dblclick();
  await signed.locator('input').fill(typed);
  await signed.locator('input').press('Enter');
  await expect(signed).toHaveText(shown);
}

test.describe('two staff members on one registry on a server', () => {
  test.skip(ADMIN_URL === null, 'TWINREG_TEST_DATABASE_URL is not set');
  test.setTimeout(180_000);

  let a: Client;
  let b: Client;
  /** The clients that started (closed at the end, also when the second failed to start). */
  const started: Client[] = [];
  let dropDatabase: () => Promise<void> = () => Promise.resolve();
  let user = '';

  test.beforeAll(async ({ browser }) => {
    if (ADMIN_URL === null) return;
    const name = `twinreg_e2e_${String(process.pid)}_${randomBytes(4).toString('hex')}`;
    const admin = adminKnex(ADMIN_URL);
    try {
      await admin.raw("create database ?? encoding 'UTF8' template template0", [name]);
    } finally {
      await admin.destroy();
    }
    dropDatabase = async () => {
      const dropper = adminKnex(ADMIN_URL);
      try {
        await dropper.raw('drop database if exists ?? with (force)', [name]);
      } finally {
        await dropper.destroy();
      }
    };
    const url = databaseUrl(ADMIN_URL, name);
    user = decodeURIComponent(new URL(url).username);
    // Jana's app makes the registry (migrations, demo data); Petr's opens it.
    a = await startClient(browser, url, 'Jana Nováková', true);
    started.push(a);
    b = await startClient(browser, url, 'Petr Svoboda', false);
    started.push(b);
  });

  test.afterAll(async () => {
    // Both are closed even when one fails; the database goes in any case.
    const results = await Promise.allSettled(started.map((client) => client.close()));
    await dropDatabase();
    for (const result of results) if (result.status === 'rejected') throw result.reason;
  });

  test('an edit in A shows in B’s open grid without a reload', async () => {
    const rowOfB = await showKonstanz(b.page);
    const signedOfB = rowOfB.locator('.ag-cell[col-id="signedOn"]');
    await expect(signedOfB).toHaveText('');
    // Jana's listening connection and Petr's are up before she saves (they connect at the start).
    await expect
      .poll(() => a.ctx.db.changes?.connected() === true && b.ctx.db.changes?.connected() === true)
      .toBe(true);
    await editSigned(a.page, '1985-06-01', '1. 6. 1985');
    await expect(signedOfB).toHaveText('1. 6. 1985');
    await signedOfB.scrollIntoViewIfNeeded();
    await saveScreen(b.page, 'two-clients-b-sees-a-edit-cs');
  });

  for (const language of ['cs', 'en'] as const) {
    test(`a stale edit and a stale delete in B are refused naming A (${language})`, async () => {
      await b.ctx.preferences.set({ language });
      try {
        await b.page.reload();
        const signedOfB = (await showKonstanz(b.page)).locator('.ag-cell[col-id="signedOn"]');
        const before = await signedOfB.textContent();
        // Jana saves while Petr's screen has not heard of it yet.
        b.hearing.on = false;
        const [typed, shown] = language === 'cs' ? ['1985-06-02', '2. 6. 1985'] : ['1985-06-03', '3. 6. 1985'];
        await editSigned(a.page, typed, shown);
        await expect(signedOfB).toHaveText(before ?? '');
        await signedOfB.dblclick();
        await signedOfB.locator('input').fill('1985-07-01');
        await signedOfB.locator('input').press('Enter');
        const toast = b.page.getByTestId('toast-error');
        const named = `Jana Nováková (${user})`;
        await expect(toast).toContainText(
          language === 'cs'
            ? `Záznam mezitím změnil někdo jiný: ${named},`
            : `Someone else changed this record meanwhile: ${named},`,
        );
        await saveScreen(b.page, `two-clients-conflict-${language}`);

        // A delete of the version Petr saw: refused, the record stays.
        await grid(b.page).getByTestId('delete-partnership').click();
        await b.page.getByTestId('confirm-ok').click();
        await expect(b.page.getByTestId('toast-error').last()).toContainText(named);
        await saveScreen(b.page, `two-clients-delete-conflict-${language}`);
        const stored = await a.ctx.db
          .knex('partnerships as p')
          .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
          .where('t.name', 'Konstanz')
          .first<{ signed_on: string }>('p.signed_on');
        expect(stored.signed_on).toBe(typed);
      } finally {
        b.hearing.on = true;
        await b.ctx.preferences.set({ language: 'cs' });
      }
    });
  }

  test('B’s history names A with the database account and the server’s time', async () => {
    await b.page.reload();
    await showKonstanz(b.page);
    await grid(b.page).getByTestId('open-partnership').click();
    const history = b.page.getByTestId('history-list');
    const latest = history.getByTestId('history-entry').first();
    await expect(latest).toContainText('Jana Nováková');
    await expect(latest.getByTestId('history-db-user')).toHaveText(` · databázový účet ${user}`);
    await expect(latest.getByTestId('history-server-time')).toContainText('čas serveru');
    await latest.scrollIntoViewIfNeeded();
    await saveScreen(b.page, 'two-clients-history-cs');
    await b.page.getByTestId('detail-close').click();
  });

  test('an import in A blocks an import in B, which is told by whom and since when', async () => {
    await b.page.reload();
    // Jana's import is running: her app holds the registry's import lock while it imports.
    const release = await acquireImportLock(a.ctx.db, { actor: await a.ctx.actor() });
    try {
      await b.page.getByTestId('nav-members').click();
      await b.page.getByTestId('open-import').click();
      await b.page.getByTestId('import-file-input').setInputFiles({
        name: 'obce.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          [
            'obec_kod;obec_text;okres_csu_cis101_lau_kod;okres_text;kraj_csu_cis108_nuts_kod;kraj_text',
            '999148;Horní Dvojklientov;CZ0412;Karlovy Vary;CZ041;Karlovarský kraj',
          ].join('\r\n'),
        ),
      });
      await expect(b.page.getByTestId('count-add')).toContainText('1');
      await b.page.getByTestId('import-commit').click();
      const error = b.page.getByTestId('import-error');
      await expect(error).toContainText(`Právě probíhá jiný import do tohoto registru (Jana Nováková (${user}), od `);
      await saveScreen(b.page, 'two-clients-import-busy-cs');
    } finally {
      await release();
    }
    // Jana's import has finished: Petr's goes through.
    await b.page.getByTestId('import-commit').click();
    await expect(b.page.getByTestId('import-done')).toContainText('1');
  });

  test('Petr’s app says when the server connection is lost and when it is back', async () => {
    await expect.poll(() => b.ctx.db.changes?.connected(), { timeout: 20_000 }).toBe(true);
    // The server ends Petr's listening connection (a restart, a network failure); his app
    // reconnects by itself and says so.
    const database = (await b.ctx.db.knex.raw<{ rows: { name: string }[] }>('select current_database() as name'))
      .rows[0]?.name;
    await a.ctx.db.knex.raw(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = ? and datname = ?',
      [LISTENER_APPLICATION_NAME, database ?? ''],
    );
    await expect(b.page.getByTestId('toast-ok').first()).toContainText('Spojení s databázovým serverem je obnovené', {
      timeout: 20_000,
    });
    await expect(b.page.getByTestId('server-connection-lost')).toHaveCount(0);
  });
});
