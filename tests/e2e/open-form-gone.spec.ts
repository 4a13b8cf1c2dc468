import path from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createAppContext, type AppContext } from '../../electron/core/context';
import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { createFilePreferences } from '../../electron/core/preferences-file';
import { createFolderDialogs } from '../../electron/cli/web-dialogs';
import { RESOURCES_DIR } from '../support/temp-db';
import { expect, saveScreen, searchPartnerships, startWebApp, test } from '../support/web-fixture';

/**
 * Walkthrough 22, findings 5, 9 and 10: Jana has a form open in the web preview while Petr, on the
 * same registry file with a core of his own (his changes announced to Jana's window as a
 * colleague's are), deletes or merges its record or saves the town card she is looking at. Her
 * form says so at once beside Save, keeps her typing, offers the record kept by a merge with her
 * typing on it, and her town card takes his save.
 */
type Petr = { ctx: AppContext; call: (channel: string, input: unknown) => Promise<unknown> };

let app: Awaited<ReturnType<typeof startWebApp>>;
let petr: Petr;

test.beforeAll(async () => {
  app = await startWebApp();
  await app.ctx.preferences.set({ actorName: 'Jana Nováková' });
  const preferencesPath = path.join(app.dir, 'petr-preferences.json');
  writeFileSync(preferencesPath, JSON.stringify({ welcomed: true, actorName: 'Petr Svoboda' }));
  const ctx = await createAppContext({
    databasePath: path.join(app.dir, 'registry.db'),
    resourcesDir: RESOURCES_DIR,
    appVersion: 'e2e',
    preferences: createFilePreferences(preferencesPath),
    dialogs: createFolderDialogs(path.join(app.dir, 'petr-out')),
    // Petr's change reaches Jana's window as a colleague's does (a server's notification).
    events: (event, payload) => app.server.broadcast(event, payload),
    seedDemoIfEmpty: false,
  });
  const dispatch = createDispatch(createHandlers(ctx));
  petr = {
    ctx,
    call: async (channel, input) => {
      const result = await dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    },
  };
});

test.afterAll(async () => {
  await petr.ctx.close();
  await app.close();
});

const stamp = { created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };

/** A partnership of Tábor with a new town of the name given (its id and the town's). */
async function addPartnership(name: string): Promise<{ id: number; townId: number }> {
  const knex = app.ctx.db.knex;
  const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
  const [town] = await knex('foreign_towns')
    .insert({ name, name_key: name.toLowerCase(), country_code: 'SI', ...stamp })
    .returning<{ id: number }[]>('id');
  const [row] = await knex('partnerships')
    .insert({ municipality_id: tabor.id, foreign_town_id: town?.id, type: 'unknown', status: 'unknown', ...stamp })
    .returning<{ id: number }[]>('id');
  if (!row || !town) throw new Error('not added');
  return { id: row.id, townId: town.id };
}

/** Jana's window in the language given, on the Partnerships screen. */
async function open(page: Page, language: 'cs' | 'en'): Promise<void> {
  await app.ctx.preferences.set({ language, currentViews: {} });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(app.url);
  await page.getByTestId('nav-partnerships').click();
}

/** Jana opens the partnership with the town named and types notes into it. */
async function openAndType(page: Page, town: string, notes: string) {
  await searchPartnerships(page, town);
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await expect(detail.locator('h2')).toContainText(town);
  await detail.getByTestId('field-notes').fill(notes);
  return detail;
}

const version = async (table: string, id: number) =>
  (await app.ctx.db.knex(table).where({ id }).first<{ version: number }>('version')).version;

for (const language of ['cs', 'en'] as const) {
  test(`a colleague’s delete shows beside Save at once, the typing kept (${language})`, async ({ page }) => {
    // Added before the window opens: its grid loads them with the rest.
    const town = `Smazov ${language}`;
    const { id } = await addPartnership(town);
    await open(page, language);
    const detail = await openAndType(page, town, 'Jana: poznámka, kterou nikdo neuložil');
    await expect(detail.getByTestId('form-gone')).toHaveCount(0);

    await petr.call('partnerships:delete', { id, version: await version('partnerships', id) });

    const notice = detail.getByTestId('form-gone');
    await expect(notice).toContainText(
      language === 'cs'
        ? 'Tento záznam mezitím smazal někdo jiný: Petr Svoboda ('
        : 'Someone else deleted this record meanwhile: Petr Svoboda (',
    );
    await expect(notice).toContainText(language === 'cs' ? 'Je v koši' : 'It is in the bin');
    await expect(detail.getByTestId('field-notes')).toHaveValue('Jana: poznámka, kterou nikdo neuložil');
    await expect(detail.getByTestId('detail-save')).toBeDisabled();
    // Walkthrough 26, finding 6: the typing has no record to go to; it can be taken away as text.
    await detail.getByTestId('field-status').selectOption('active');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await notice.getByTestId('form-gone-copy').click();
    await expect(notice.getByTestId('form-gone-copied')).toContainText(
      language === 'cs' ? 'Vaše úpravy jsou ve schránce' : 'Your edits are on the clipboard',
    );
    expect((await page.evaluate(() => navigator.clipboard.readText())).split('\n')).toEqual(
      language === 'cs'
        ? ['Stav: „aktivní“', 'Poznámky: „Jana: poznámka, kterou nikdo neuložil“']
        : ['Status: “active”', 'Notes: “Jana: poznámka, kterou nikdo neuložil”'],
    );
    await saveScreen(page, `open-form-gone-deleted-${language}`);
  });

  test(`a colleague’s merge names the record kept and opens it with the typing (${language})`, async ({ page }) => {
    const kept = await addPartnership(`Ponechov ${language}`);
    const away = await addPartnership(`Slučov ${language}`);
    await open(page, language);
    const detail = await openAndType(page, `Slučov ${language}`, 'Jana: výměna hasičů 2027');

    await petr.call('partnerships:merge', { keepId: kept.id, mergeId: away.id });

    const notice = detail.getByTestId('form-gone');
    await expect(notice).toContainText(
      language === 'cs'
        ? `Tento záznam mezitím sloučil někdo jiný do záznamu „Tábor – Ponechov cs“: Petr Svoboda (`
        : `Someone else merged this record into “Tábor – Ponechov en” meanwhile: Petr Svoboda (`,
    );
    await expect(detail.getByTestId('detail-save')).toBeDisabled();
    await saveScreen(page, `open-form-gone-merged-${language}`);

    await notice.getByTestId('form-gone-open').click();
    await expect(detail.locator('h2')).toContainText(`Ponechov ${language}`);
    // The typing is on the kept record's form, not saved until Jana saves it.
    await expect(detail.getByTestId('field-notes')).toHaveValue('Jana: výměna hasičů 2027');
    await expect(detail.getByTestId('merge-notice')).toBeVisible();
    await expect(detail.getByTestId('form-gone')).toHaveCount(0);
    const stored = await app.ctx.db
      .knex('partnerships')
      .where({ id: kept.id })
      .first<{ notes: string | null }>('notes');
    expect(stored.notes).toBeNull();
    await saveScreen(page, `open-form-gone-merged-opened-${language}`);
    await detail.getByTestId('detail-save').click();
    await expect
      .poll(async () => (await app.ctx.db.knex('partnerships').where({ id: kept.id }).first('notes')) as unknown)
      .toEqual({ notes: 'Jana: výměna hasičů 2027' });
  });

  test(`an open town card takes a colleague’s save; typed fields stay, a clash is named (${language})`, async ({
    page,
  }) => {
    // A name of its own per language (the search finds words: “Kartov en” found “Kartov cs” too).
    const town = language === 'cs' ? 'Kartovice' : 'Cardtown';
    const { townId } = await addPartnership(town);
    await open(page, language);
    await searchPartnerships(page, town);
    await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
    await expect(page.getByTestId('partnership-detail').locator('h2')).toContainText(town);
    await page.getByTestId('partnership-detail').getByTestId('open-town-card').click();
    const card = page.getByTestId('town-card');
    await expect(card.getByTestId('town-notes')).toHaveValue('');

    // Untouched: Petr's save comes in.
    await petr.call('towns:update', {
      id: townId,
      version: await version('foreign_towns', townId),
      patch: { notes: 'Petr: smlouva obnovena radou 2026' },
    });
    await expect(card.getByTestId('town-notes')).toHaveValue('Petr: smlouva obnovena radou 2026');

    // Typed: Jana's population and notes stay; Petr's next save (mayor and notes) is not put over them.
    await card.getByTestId('town-population').fill('12500');
    await card.getByTestId('town-notes').fill('Jana: vlastní poznámka');
    await petr.call('towns:update', {
      id: townId,
      version: await version('foreign_towns', townId),
      patch: { mayorName: 'Ana Novak', notes: 'Petr: druhá poznámka' },
    });
    await card.getByTestId('town-save').click();
    await expect(card.getByRole('alert').first()).toContainText('Petr Svoboda');
    await expect(card.getByTestId('town-notes')).toHaveValue('Jana: vlastní poznámka');
    await card.getByTestId('town-conflict-reload').click();
    await expect(card.getByTestId('town-mayorName')).toHaveValue('Ana Novak');
    await expect(card.getByTestId('town-population')).toHaveValue('12500');
    await expect(card.getByTestId('town-notes')).toHaveValue('Jana: vlastní poznámka');
    await expect(card.getByTestId('merge-notice')).toContainText(
      language === 'cs' ? '„Petr: druhá poznámka“' : '“Petr: druhá poznámka”',
    );
    await card.getByTestId('merge-notice').scrollIntoViewIfNeeded();
    await saveScreen(page, `open-form-town-card-merged-${language}`);
    await card.getByTestId('town-save').click();
    await expect(card).toHaveCount(0);
    expect(
      await app.ctx.db
        .knex('foreign_towns')
        .where({ id: townId })
        .first<{ population: number; mayor_name: string; notes: string }>('population', 'mayor_name', 'notes'),
    ).toEqual({ population: 12500, mayor_name: 'Ana Novak', notes: 'Jana: vlastní poznámka' });
  });
}

for (const [index, language] of (['cs', 'en'] as const).entries()) {
  test(`a member deleted by a colleague: the open member form says so beside Save (${language})`, async ({ page }) => {
    const member = await app.ctx.db
      .knex('municipalities')
      .where({ is_member: true })
      .whereNot({ code: '552046' })
      .orderBy('id')
      .offset(index)
      .first<{ id: number; name: string; version: number }>('id', 'name', 'version');
    await open(page, language);
    await page.getByTestId('nav-members').click();
    await page.getByTestId('quick-search').fill(member.name);
    await page
      .getByTestId('members-grid')
      .locator('.ag-row')
      .filter({ hasText: member.name })
      .first()
      .getByTestId('open-member')
      .click();
    const overview = page.getByTestId('member-overview');
    await expect(overview.getByTestId('overview-name')).toHaveText(member.name);
    await overview.getByTestId('tab-data').click();
    await overview.getByTestId('field-notes').fill('Jana: nový starosta od ledna');

    await petr.call('municipalities:delete', { id: member.id, version: member.version });

    await expect(overview.getByTestId('form-gone')).toContainText(
      language === 'cs'
        ? 'smazal někdo jiný: Petr Svoboda ('
        : 'Someone else deleted this record meanwhile: Petr Svoboda (',
    );
    await expect(overview.getByTestId('field-notes')).toHaveValue('Jana: nový starosta od ledna');
    await expect(overview.getByTestId('member-save')).toBeDisabled();
    await saveScreen(page, `open-form-gone-member-${language}`);
  });

  test(`a town card merged away by a colleague names the town kept and opens it with the typing (${language})`, async ({
    page,
  }) => {
    const town = language === 'cs' ? 'Odchodov' : 'Leavetown';
    const { townId } = await addPartnership(town);
    const keptName = language === 'cs' ? 'Zůstanov' : 'Staytown';
    const [kept] = await app.ctx.db
      .knex('foreign_towns')
      .insert({ name: keptName, name_key: keptName.toLowerCase(), country_code: 'SI', ...stamp })
      .returning<{ id: number }[]>('id');
    if (!kept) throw new Error('not added');
    await open(page, language);
    await searchPartnerships(page, town);
    await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
    await expect(page.getByTestId('partnership-detail').locator('h2')).toContainText(town);
    await page.getByTestId('partnership-detail').getByTestId('open-town-card').click();
    const card = page.getByTestId('town-card');
    await card.getByTestId('town-mayorName').fill('Marija Horvat');

    await petr.call('towns:merge', { keepId: kept.id, mergeId: townId });

    const notice = card.getByTestId('form-gone');
    await expect(notice).toContainText(
      language === 'cs'
        ? `sloučil někdo jiný do záznamu „${keptName}“: Petr Svoboda (`
        : `Someone else merged this record into “${keptName}” meanwhile: Petr Svoboda (`,
    );
    await expect(card.getByTestId('town-save')).toBeDisabled();
    await saveScreen(page, `open-form-gone-town-${language}`);
    await notice.getByTestId('form-gone-open').click();
    await expect(card.getByTestId('town-name')).toHaveValue(keptName);
    await expect(card.getByTestId('town-mayorName')).toHaveValue('Marija Horvat');
    await expect(card.getByTestId('merge-notice')).toBeVisible();
    // Nothing saved until Jana saves the kept town's card.
    expect(await app.ctx.db.knex('foreign_towns').where({ id: kept.id }).first('mayor_name')).toEqual({
      mayor_name: null,
    });
  });
}
