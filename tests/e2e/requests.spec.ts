import type { Page } from '@playwright/test';
import { createRequest } from '../../electron/core/services/requests-service';
import { expect, saveScreen, test, type WebApp } from '../support/web-fixture';

const HOSTILE = '<img src=x onerror=alert(1)> =HYPERLINK("http://x")';

/** The grid row whose requester is exactly `name`. */
const requestRow = (page: Page, name: string) =>
  page
    .getByTestId('requests-grid')
    .locator('.ag-row')
    .filter({ has: page.locator('[col-id="requester"]', { hasText: name }) });

/**
 * A foreign town's request as a test needs it, made through the service: each test names its own
 * town, so no test depends on another having run first (they share one registry).
 */
async function seedForeignRequest(webApp: WebApp, requesterName: string): Promise<void> {
  await createRequest(webApp.ctx, {
    direction: 'foreign_seeks',
    municipalityId: null,
    requesterName,
    requesterCountryCode: 'AT',
    wantedCountryCodes: ['CZ'],
    wantedSize: 'village',
    themes: ['culture', 'tourism'],
    description: null,
    status: 'new',
    receivedOn: null,
  });
}

/** Opens "New request" for a foreign town that seeks a Czech partner. */
async function newForeignRequest(page: Page) {
  await page.getByTestId('add-request').click();
  const dialog = page.getByTestId('request-dialog');
  await dialog.getByTestId('direction-foreign_seeks').click();
  return dialog;
}

test.describe('Requests: record, suggest partners, turn into a partnership, delete and undo', () => {
  test.beforeEach(async ({ appPage: page }) => {
    page.on('dialog', (dialog) => {
      throw new Error(`A browser dialog opened: ${dialog.message()}`);
    });
    await page.getByTestId('nav-requests').click();
    await expect(page.getByRole('heading', { name: 'Žádosti o partnerství' })).toBeVisible();
    await expect(page.getByTestId('requests-grid').locator('.ag-row').first()).toBeVisible();
  });

  test('adds a request of a foreign town; a missing field is named, corrected, and hostile text stays literal', async ({
    appPage: page,
    webApp,
  }) => {
    const dialog = await newForeignRequest(page);
    await dialog.getByTestId('request-save').click();
    await expect(dialog.getByTestId('error-r-requesterName')).toHaveText('Vyplňte toto pole.');
    await expect(dialog.getByTestId('error-r-requesterCountryCode')).toHaveText('Vyplňte toto pole.');

    // A description near its limit is counted, and one over it is refused at the field (the message
    // named no limit).
    await dialog.getByTestId('field-description').fill('x'.repeat(5_100));
    await expect(dialog.locator('.field-hint', { hasText: 'znaků' })).toHaveText('5 100 z nejvýše 5 000 znaků');
    await dialog.getByTestId('request-save').click();
    await expect(dialog.getByTestId('error-r-description')).toHaveText('Text je příliš dlouhý.');
    await dialog.getByTestId('field-description').fill('');
    await expect(dialog.locator('.field-hint', { hasText: 'znaků' })).toHaveCount(0);

    await dialog.getByTestId('field-requesterName').fill('Bad Leonfelden');
    await dialog.getByTestId('field-requesterCountryCode').selectOption('AT');
    await dialog.getByTestId('field-addCountry').selectOption('CZ');
    await expect(dialog.getByTestId('wanted-countries')).toContainText('Česká republika');
    await dialog.getByTestId('theme-culture').click();
    await dialog.getByTestId('theme-tourism').click();
    await dialog.getByTestId('field-wantedSize').selectOption('village');
    await dialog.getByTestId('field-description').fill(`${HOSTILE} Žluťoučký kůň`.normalize('NFD'));
    await dialog.getByTestId('request-save').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('toast-ok')).toContainText('Žádost „Bad Leonfelden“ je uložena');

    const row = requestRow(page, 'Bad Leonfelden');
    // The new request is selected and shown in full in the panel.
    await expect(page.getByTestId('request-title')).toHaveText('Bad Leonfelden');
    await expect(page.getByTestId('request-panel')).toContainText('kulturacestovní ruch');
    await expect(page.getByTestId('request-panel')).toContainText('nová');
    await expect(page.getByTestId('request-description')).toHaveText(`${HOSTILE} Žluťoučký kůň`);
    await expect(page.locator('img')).toHaveCount(0);
    // Beside the panel the grid keeps only who asks, the wanted countries and the status: the
    // panel closed, the row shows the rest too.
    await page.getByTestId('request-panel-close').click();
    await expect(row.locator('[col-id="requesterCountry"]')).toHaveText('Rakousko');
    await expect(row.locator('[col-id="direction"]')).toHaveText('zahraničí → člen');
    const stored = await webApp.ctx.db
      .knex('partnership_requests')
      .where({ requester_name: 'Bad Leonfelden' })
      .first<{ description: string; wanted_country_codes: string }>();
    expect(stored.description).toBe(`${HOSTILE} Žluťoučký kůň`);
    expect(JSON.parse(stored.wanted_country_codes)).toEqual(['CZ']);

    // The same requester again: the form says there is an open request already (it was saved
    // twice without a word, two rows alike); saving stays the user's choice.
    const again = await newForeignRequest(page);
    await expect(again.getByTestId('request-twin')).toHaveCount(0);
    await again.getByTestId('field-requesterCountryCode').selectOption('AT');
    await again.getByTestId('field-requesterName').fill('bad leonfelden');
    await expect(again.getByTestId('request-twin')).toContainText('Tento žadatel už má otevřenou žádost');
    await expect(again.getByTestId('request-twin')).toContainText('stav: nová');
    await saveScreen(page, 'request-twin-cs');
    await again.getByRole('button', { name: 'Zrušit' }).click();
  });

  test('a foreign requester is typed with the town suggestions: a pick writes the town’s own name and its country; free text stays possible', async ({
    appPage: page,
    webApp,
  }) => {
    const dialog = await newForeignRequest(page);
    // The wanted countries are explained for the direction chosen.
    await expect(dialog).toContainText('Kde zahraniční obec hledá partnera, obvykle Česká republika (CZ).');
    await dialog.getByTestId('direction-member_seeks').click();
    await expect(dialog).toContainText('Státy, ve kterých obec hledá partnera.');
    await dialog.getByTestId('direction-foreign_seeks').click();
    const name = dialog.getByTestId('field-requesterName');
    // Typed in Czech, without the country chosen yet.
    await name.fill('Drážďany');
    const dresden = dialog.getByTestId('requester-suggestion').filter({ hasText: 'Dresden' }).first();
    await expect(dresden).toContainText('Drážďany');
    await expect(dresden).toContainText('DE');
    await saveScreen(page, 'request-requester-suggestions-cs');
    // Each chip shows its country badge whole (it was cut to "Żary P" beside longer names).
    const clipped = () =>
      dialog.getByTestId('requester-suggestion').evaluateAll((chips) =>
        chips
          .filter((chip) => {
            const badge = chip.querySelector('.p-cc');
            if (badge === null) return true;
            const inner = badge.getBoundingClientRect();
            const outer = chip.getBoundingClientRect();
            return inner.right > outer.right + 0.5 || badge.scrollWidth > badge.clientWidth + 0.5;
          })
          .map((chip) => chip.textContent ?? ''),
      );
    expect(await clipped()).toEqual([]);
    await dresden.click();
    await expect(name).toHaveValue('Dresden');
    await expect(dialog.getByTestId('field-requesterCountryCode')).toHaveValue('DE');
    await expect(dialog.getByTestId('requester-suggestion')).toHaveCount(0);
    // Two towns of one name are told apart by their region, badges whole.
    await dialog.getByTestId('field-requesterCountryCode').selectOption('PL');
    await name.fill('Żarki');
    const zarki = dialog.getByTestId('requester-suggestion').filter({ hasText: /^Żarki · / });
    await expect.poll(() => zarki.count()).toBeGreaterThan(1);
    const regions = await zarki.allTextContents();
    expect(new Set(regions).size).toBe(regions.length);
    expect(await clipped()).toEqual([]);
    await saveScreen(page, 'request-requester-same-name-cs');
    await name.fill('Dresden');
    await dialog.getByTestId('field-requesterCountryCode').selectOption('DE');
    await dialog.getByTestId('request-save').click();
    await expect(dialog).toHaveCount(0);
    const stored = await webApp.ctx.db
      .knex('partnership_requests')
      .where({ requester_name: 'Dresden' })
      .first<{ requester_country_code: string }>('requester_country_code');
    expect(stored.requester_country_code).toBe('DE');

    // Not a town (an office, a region): typed as it is, the suggestions ignored.
    await newForeignRequest(page);
    await dialog.getByTestId('field-requesterCountryCode').selectOption('AT');
    await name.fill('Regionalmanagement Mühlviertel');
    await dialog.getByTestId('field-addCountry').selectOption('CZ');
    await dialog.getByTestId('request-save').click();
    await expect(dialog).toHaveCount(0);
    expect(
      await webApp.ctx.db
        .knex('partnership_requests')
        .where({ requester_name: 'Regionalmanagement Mühlviertel', requester_country_code: 'AT' })
        .first('id'),
    ).toBeDefined();
  });

  test('suggests foreign towns for a member that seeks a partner', async ({ appPage: page, webApp }) => {
    await seedForeignRequest(webApp, 'Haslach an der Mühl');
    await page.reload();
    await page.getByTestId('nav-requests').click();
    // A member is listed with its district (three members are called Písek).
    const requester = requestRow(page, 'Štěpánov nad Svratkou').locator('[col-id="requester"]');
    await expect(requester).toHaveText('Štěpánov nad Svratkou (Žďár nad Sázavou)');
    // Cut at this width, the whole of it on hover.
    await requester.hover();
    await expect(page.locator('.ag-tooltip')).toHaveText('Štěpánov nad Svratkou (Žďár nad Sázavou)');
    await requestRow(page, 'Štěpánov nad Svratkou').locator('[col-id="requester"]').click();
    await expect(page.getByTestId('request-title')).toHaveText('Štěpánov nad Svratkou');
    const suggestions = page.getByTestId('suggestions');
    await expect(suggestions.locator('li', { hasText: 'Haslach an der Mühl' })).toContainText('skóre 5');
    await expect(suggestions.locator('li', { hasText: 'Haslach an der Mühl' })).toContainText('velikost odpovídá');
    await expect(suggestions.locator('li', { hasText: 'Haslach an der Mühl' })).toContainText('kultura, cestovní ruch');
    await saveScreen(page, 'requests');
  });

  test('turns the request into a partnership in one step, seen in the member overview', async ({
    appPage: page,
    webApp,
  }) => {
    const knex = webApp.ctx.db.knex;
    const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    await seedForeignRequest(webApp, 'Freistadt');
    await page.reload();
    await page.getByTestId('nav-requests').click();
    await requestRow(page, 'Freistadt').locator('[col-id="requester"]').click();
    await page.getByTestId('convert-request').click();
    const dialog = page.getByTestId('convert-dialog');
    // The town picker of "New partnership" searches the requester's name in its country at once,
    // and the one town of exactly that name there is chosen (shown, and it can be changed).
    await expect(dialog.getByTestId('town-chosen')).toContainText('Freistadt');
    await expect(dialog.getByTestId('town-chosen')).toContainText('Rakousko');
    await dialog.getByTestId('convert-ok').click();
    await expect(dialog.getByTestId('error-c-municipalityId')).toHaveText('Vyplňte toto pole.');
    await dialog.getByTestId('convert-member').selectOption(String(tabor.id));
    // A request says nothing of the partnership's type: "neuvedeno" until the user chooses (it was
    // "přátelství / memorandum", saved as if someone had said so).
    await expect(dialog.locator('#c-type')).toHaveValue('unknown');
    // A request without a description adds nothing to the notes.
    await expect(dialog.getByTestId('convert-notes')).toHaveValue('');
    await dialog.getByTestId('convert-ok').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('toast-ok')).toContainText('Partnerství Tábor – Freistadt bylo založeno');
    const created = await knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where({ 'p.municipality_id': tabor.id, 't.name': 'Freistadt' })
      .first<{ type: string; status: string }>('p.type', 'p.status');
    expect(created).toEqual({ type: 'unknown', status: 'preparation' });
    await expect(page.getByTestId('request-panel')).toContainText('přijata');
    await expect(page.getByTestId('request-partnership')).toHaveText('Tábor – Freistadt (Rakousko)');
    await expect(page.getByTestId('convert-request')).toHaveCount(0);
    // Its form keeps who asked (the partnership names them); its wishes and status stay editable.
    await page.getByTestId('edit-request').click();
    const form = page.getByTestId('request-form');
    await expect(form.getByTestId('request-linked')).toContainText('Z žádosti už vzniklo partnerství');
    await expect(form.getByTestId('direction-member_seeks')).toBeDisabled();
    await expect(form.locator('#r-requesterCountryCode')).toBeDisabled();
    await expect(form.getByTestId('field-status').locator('option')).toHaveText(['přijata', 'uzavřena']);
    await saveScreen(page, 'request-linked-edit');
    await page.keyboard.press('Escape');
    await expect(form).toHaveCount(0);

    const partnership = await knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where({ 'p.municipality_id': tabor.id, 't.name': 'Freistadt' })
      .first<{
        id: number;
        country_code: string;
        geonames_id: number | null;
        latitude: number | null;
        started_on: string | null;
      }>('p.id', 't.country_code', 't.geonames_id', 't.latitude', 'p.started_on');
    expect(partnership.country_code).toBe('AT');
    // The start was not typed: it stays unknown (never the day of the conversion).
    expect(partnership.started_on).toBeNull();
    // Picked from the gazetteer: with its identity and coordinates.
    expect(partnership.geonames_id).toEqual(expect.any(Number));
    expect(partnership.latitude).toEqual(expect.any(Number));
    const areas = await knex('partnership_areas')
      .where({ partnership_id: partnership.id })
      .orderBy('area')
      .pluck('area');
    expect(areas).toEqual(['culture', 'tourism']);

    // The toast opens the new partnership's member in Partnerships (a foreign town's request names
    // no member of its own: the link named none and showed an empty grid); its first button is Undo.
    const converted = page.getByTestId('toast-ok').filter({ hasText: 'Tábor – Freistadt' });
    await expect(converted.getByTestId('toast-action')).toHaveText('Vrátit zpět');
    // Two actions: each label on one line, both inside the toast (walkthrough 27: "Vrátit / zpět").
    for (const action of [converted.getByTestId('toast-action'), converted.getByTestId('toast-second-action')]) {
      const [label, toast] = await Promise.all([action.boundingBox(), converted.boundingBox()]);
      // The lines its label takes: one top per line of its text.
      const lines = await action.evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
      expect(label && toast).toBeTruthy();
      if (!label || !toast) continue;
      expect(lines).toBe(1);
      expect(label.x + label.width).toBeLessThanOrEqual(toast.x + toast.width);
    }
    await saveScreen(page, 'requests-converted-toast');
    await converted.getByTestId('toast-second-action').click();
    await expect(page.getByTestId('filter-membership')).toHaveValue('all');
    await expect(
      page
        .getByTestId('partnerships-grid')
        .locator(`.ag-row[row-id="${String(partnership.id)}"]`)
        .first(),
    ).toBeVisible();

    // The partnership's history names the request it was made from, and leads back to it.
    await page
      .getByTestId('partnerships-grid')
      .locator(`.ag-row[row-id="${String(partnership.id)}"]`)
      .getByTestId('open-partnership')
      .first()
      .click();
    const origin = page.getByTestId('partnership-detail').getByTestId('history-origin');
    await expect(origin).toHaveText('Původ: ze žádosti: Freistadt');
    await origin.scrollIntoViewIfNeeded();
    await saveScreen(page, 'partnership-history-request-origin');
    await origin.getByTestId('history-source-link').click();
    await expect(page.getByTestId('request-title')).toHaveText('Freistadt');
    await expect(page.getByTestId('request-partnership')).toHaveText('Tábor – Freistadt (Rakousko)');

    // The member's overview now lists it.
    await page.getByTestId('nav-members').click();
    await page.getByTestId('quick-search').fill('Tábor');
    await page
      .getByTestId('members-grid')
      .locator('.ag-row')
      .filter({ has: page.locator('[col-id="name"]', { hasText: /^Tábor$/ }) })
      .getByTestId('open-member')
      .click();
    await expect(page.getByTestId('overview-partnerships')).toContainText('Freistadt');
    await expect(page.getByTestId('overview-requests')).toContainText('přijata');
    await page.keyboard.press('Escape');

    // The request deleted since: the history's link says so instead of an empty panel.
    const requestId = (
      await knex('partnership_requests').where({ partnership_id: partnership.id }).first<{ id: number }>('id')
    ).id;
    await page.getByTestId('nav-requests').click();
    await requestRow(page, 'Freistadt').locator('[col-id="requester"]').click();
    await page.getByTestId('delete-request').click();
    await page.getByTestId('confirm-ok').click();
    await expect(requestRow(page, 'Freistadt')).toHaveCount(0);
    await page.evaluate((id) => (window.location.hash = `#/requests?request=${String(id)}`), requestId);
    await expect(page.getByTestId('request-linked-gone')).toContainText('Tato žádost už v seznamu není');
  });

  test('the request’s description goes into the new partnership’s notes, editable before saving (cs, en)', async ({
    appPage: page,
    webApp,
  }) => {
    const knex = webApp.ctx.db.knex;
    const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    const request = await createRequest(webApp.ctx, {
      direction: 'foreign_seeks',
      municipalityId: null,
      requesterName: 'Weitra',
      requesterCountryCode: 'AT',
      wantedCountryCodes: ['CZ'],
      wantedSize: 'town',
      themes: ['emergency_services', 'education'],
      description: 'spolupráce hasičů a škol',
      status: 'searching',
      receivedOn: '2026-05-03',
    });
    const proposed = `Ze žádosti č. ${String(request.id)} (Weitra, přijata 3. 5. 2026): spolupráce hasičů a škol`;
    await page.reload();
    await page.getByTestId('nav-requests').click();
    await requestRow(page, 'Weitra').locator('[col-id="requester"]').click();
    await page.getByTestId('convert-request').click();
    const dialog = page.getByTestId('convert-dialog');
    await expect(dialog.getByTestId('town-chosen')).toContainText('Weitra');
    // Shown before saving, marked as the request's, in Czech like the rest of the stored text.
    await expect(dialog.getByTestId('convert-notes')).toHaveValue(proposed);
    await expect(dialog).toContainText('Převzato z popisu žádosti. Před uložením text můžete upravit nebo smazat.');
    await dialog.getByTestId('convert-notes').scrollIntoViewIfNeeded();
    await saveScreen(page, 'request-convert-notes-cs');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    try {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-en').click();
      await page.getByTestId('nav-requests').click();
      await requestRow(page, 'Weitra').locator('[col-id="requester"]').click();
      await page.getByTestId('convert-request').click();
      await expect(dialog.getByTestId('town-chosen')).toContainText('Weitra');
      // The notes are data: the same Czech text under an English interface.
      await expect(dialog.getByTestId('convert-notes')).toHaveValue(proposed);
      await expect(dialog).toContainText('Taken from the request’s description. Edit or delete it before saving.');
      await dialog.getByTestId('convert-member').selectOption(String(tabor.id));
      const edited = `${proposed}\nPrvní setkání hasičů v září.`;
      await dialog.getByTestId('convert-notes').fill(edited);
      await dialog.getByTestId('convert-notes').scrollIntoViewIfNeeded();
      await saveScreen(page, 'request-convert-notes-en');
      await dialog.getByTestId('convert-ok').click();
      await expect(dialog).toHaveCount(0);
      const created = await knex('partnerships as p')
        .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
        .where({ 'p.municipality_id': tabor.id, 't.name': 'Weitra' })
        .first<{ notes: string | null }>('p.notes');
      expect(created.notes).toBe(edited);
      // The request keeps its own description.
      expect(
        (await knex('partnership_requests').where({ id: request.id }).first<{ description: string }>('description'))
          .description,
      ).toBe('spolupráce hasičů a škol');
    } finally {
      await webApp.ctx.preferences.set({ language: 'cs' });
    }
  });

  test('deletes a request after confirmation and undo brings it back', async ({ appPage: page, webApp }) => {
    const knex = webApp.ctx.db.knex;
    const count = async () =>
      Number((await knex('partnership_requests').count<{ n: number }[]>({ n: '*' }).first())?.n);
    const before = await count();
    await requestRow(page, 'Nový Hrozenkov').locator('[col-id="requester"]').click();
    await page.getByTestId('delete-request').click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('Smazat žádost „Nový Hrozenkov“?');
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('toast-info')).toContainText('Žádost „Nový Hrozenkov“ byla smazána');
    await expect(requestRow(page, 'Nový Hrozenkov')).toHaveCount(0);
    expect(await count()).toBe(before - 1);
    // The restored request is selected at once: "deleted meanwhile" must not flash while the list reloads.
    await page.evaluate(() => {
      const seen = { gone: false };
      (window as unknown as { goneSeen: typeof seen }).goneSeen = seen;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="request-linked-gone"]')) seen.gone = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByTestId('toast-info').getByTestId('toast-action').click();
    await expect(page.getByTestId('toast-ok').first()).toContainText('byla obnovena');
    await expect(page.getByTestId('request-title')).toHaveText('Nový Hrozenkov');
    expect(await page.evaluate(() => (window as unknown as { goneSeen: { gone: boolean } }).goneSeen.gone)).toBe(false);
    await expect(requestRow(page, 'Nový Hrozenkov')).toHaveCount(1);
    expect(await count()).toBe(before);
  });
});
