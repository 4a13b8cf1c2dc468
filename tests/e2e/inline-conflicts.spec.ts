import { requestFieldsOf, type RequestRow } from '../../shared/domain/request-rules';
import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import type { Page } from '@playwright/test';
import { expect, openAgreementOf, saveScreen, searchPartnerships, startWebApp, test } from '../support/web-fixture';

/**
 * A registry of the test's own, open in the page, and a colleague: another window on the same core
 * (its saves reach the page's screens live, as a colleague's on a server do).
 */
async function withColleague(page: Page) {
  const webApp = await startWebApp();
  await page.goto(webApp.url);
  return { webApp, knex: webApp.ctx.db.knex, colleague: createDispatch(createHandlers(webApp.ctx)) };
}

/** Písek's row in the Members grid, found by the quick search. */
async function pisekRow(page: Page) {
  await page.getByTestId('nav-members').click();
  await page.getByTestId('quick-search').fill('pisek');
  return page
    .getByTestId('members-grid')
    .locator('.ag-row')
    .filter({ has: page.locator('[col-id="name"]', { hasText: /^Písek$/ }) });
}

/**
 * Two staff on one registry: a colleague's save that arrives while this window's cell editor is
 * open (the live refresh puts their row in place) makes this window's save a conflict; it never
 * overwrites the colleague's value with one typed over the older one (walkthrough of two clients).
 */
test('an inline edit over a colleague’s newer save is refused, in Partnerships and in Members', async ({ page }) => {
  const { webApp, knex, colleague } = await withColleague(page);
  const save = async (channel: string, input: unknown) => {
    const result = await colleague(channel, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  };

  // Partnerships: the start of Konstanz's partnership, the editor open on 1984.
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'konstanz');
  const grid = page.getByTestId('partnerships-grid');
  const started = grid.locator('.ag-cell[col-id="startedOn"]').first();
  await expect(started).toHaveText('1984');
  await started.dblclick();
  await expect(started.locator('input')).toBeVisible();
  const partnership = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Konstanz')
    .first<{ id: number; version: number }>('p.id', 'p.version');
  await save('partnerships:update', {
    id: partnership.id,
    version: partnership.version,
    changes: { startedOn: '1995', status: 'dormant' },
  });
  // The colleague's row is on screen (its status), the editor still open with what it opened on.
  await expect(grid.locator('.ag-cell[col-id="status"]').first()).toHaveText('neaktivní');
  await started.locator('input').fill('1997');
  await started.locator('input').press('Enter');
  // The toast says what was typed and not saved (the cell shows the stored value again), and why.
  await expect(page.getByTestId('toast-error').first()).toContainText(
    /^Neuloženo – .+ – Konstanz: .+ „1997“\. .*změnil/,
  );
  const stored = await knex('partnerships').where({ id: partnership.id }).first<{ started_on: string }>('started_on');
  expect(stored.started_on).toBe('1995');
  await expect(started).toHaveText('1995');

  // Members: Písek's population, the editor open, a colleague saves another number.
  const row = await pisekRow(page);
  const population = row.locator('[col-id="population"]');
  await population.dblclick();
  await expect(population.locator('input')).toBeVisible();
  const pisek = await knex('municipalities')
    .where({ name: 'Písek' })
    .first<{ id: number; version: number }>('id', 'version');
  await save('municipalities:update', {
    id: pisek.id,
    version: pisek.version,
    patch: { population: 31000, mayorName: 'Jana Kolegová' },
  });
  await expect(row.locator('[col-id="mayorName"]')).toHaveText('Jana Kolegová');
  await population.locator('input').fill('29 000');
  await population.locator('input').press('Enter');
  await expect(page.getByTestId('toast-error').first()).toBeVisible();
  expect(
    (await knex('municipalities').where({ id: pisek.id }).first<{ population: number }>('population')).population,
  ).toBe(31000);

  // Without a colleague, one edit after another of the same row saves each (own versions pass).
  await population.dblclick();
  await population.locator('input').fill('32 000');
  await population.locator('input').press('Enter');
  const mayor = row.locator('[col-id="mayorName"]');
  await mayor.dblclick();
  await mayor.locator('input').fill('Petr Nový');
  await mayor.locator('input').press('Enter');
  await expect
    .poll(() =>
      knex('municipalities')
        .where({ id: pisek.id })
        .first<{ population: number; mayor_name: string }>('population', 'mayor_name'),
    )
    .toEqual({ population: 32000, mayor_name: 'Petr Nový' });
  await webApp.close();
});

test('the member form keeps what was typed when a colleague saves, and asks before it is lost', async ({ page }) => {
  const { webApp, knex, colleague } = await withColleague(page);
  const row = await pisekRow(page);
  await row.getByTestId('open-member').click();
  const overview = page.getByTestId('member-overview');
  await overview.getByTestId('tab-data').click();
  await overview.getByTestId('field-website').fill('https://www.pisek.eu');

  // Escape, × and another tab ask first; "keep editing" keeps the typing.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-dialog')).toContainText('Zahodit neuložené změny?');
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Pokračovat v úpravách' }).click();
  await overview.getByTestId('tab-history').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Pokračovat v úpravách' }).click();
  await expect(overview.getByTestId('field-website')).toHaveValue('https://www.pisek.eu');

  // A colleague saves the mayor meanwhile: the typing stays on screen, and saving it is refused
  // as a conflict instead of reporting a save that stored nothing.
  const pisek = await knex('municipalities')
    .where({ name: 'Písek' })
    .first<{ id: number; version: number; website: string | null }>('id', 'version', 'website');
  const result = await colleague('municipalities:update', {
    id: pisek.id,
    version: pisek.version,
    patch: { mayorName: 'Jana Kolegová' },
  });
  expect(result.ok).toBe(true);
  await expect
    .poll(() => knex('municipalities').where({ id: pisek.id }).first<{ version: number }>('version'))
    .toEqual({ version: pisek.version + 1 });
  // The live overview has the colleague's version by now (its history tab would list it), and
  // says so beside Save while the typing stays (walkthrough 26: found out only on Save).
  await expect(overview.getByTestId('member-changed-under-typing')).toContainText('Záznam mezitím uložil někdo jiný');
  await expect(overview.getByTestId('field-website')).toHaveValue('https://www.pisek.eu');
  await overview.getByTestId('member-save').click();
  await expect(page.getByTestId('toast-error').first()).toBeVisible();
  expect(await knex('municipalities').where({ id: pisek.id }).first('website', 'mayor_name')).toEqual({
    website: pisek.website,
    mayor_name: 'Jana Kolegová',
  });
  await expect(overview.getByTestId('field-website')).toHaveValue('https://www.pisek.eu');

  // Discarding closes the drawer.
  await overview.getByTestId('close-overview').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Zahodit změny' }).click();
  await expect(overview).toHaveCount(0);
  await webApp.close();
});

test('the Statistics screen follows a colleague’s changes without being opened again', async ({ page }) => {
  const { webApp, knex, colleague } = await withColleague(page);
  await page.getByTestId('nav-statistics').click();
  const card = page.getByTestId('card-partnerships').locator('.stats-card-value');
  const count = async () => Number(((await card.textContent()) ?? '').replace(/\D/g, ''));
  await expect(page.getByTestId('stats-cards')).toHaveAttribute('aria-busy', 'false');
  const before = await count();
  expect(before).toBeGreaterThan(0);
  // A colleague deletes a member's partnership.
  const row = await knex('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .where('m.is_member', true)
    .first<{ id: number; version: number }>('p.id', 'p.version');
  const result = await colleague('partnerships:delete', { id: row.id, version: row.version });
  expect(result.ok).toBe(true);
  await expect.poll(count).toBe(before - 1);
  await webApp.close();
});

test('an open partnership shows a colleague’s new contact at once; what is typed in its form stays', async ({
  page,
}) => {
  const { webApp, knex, colleague } = await withColleague(page);
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'konstanz');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await detail.getByTestId('field-notes').fill('Rozepsaná poznámka');
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Konstanz')
    .first<{ id: number }>('p.id');
  const result = await colleague('contacts:create', {
    partnershipId: row.id,
    side: 'partner',
    name: 'Hans Kollege',
  });
  expect(result.ok).toBe(true);
  await expect(detail.getByTestId('contacts-partner')).toContainText('Hans Kollege');
  await expect(detail.getByTestId('field-notes')).toHaveValue('Rozepsaná poznámka');
  await webApp.close();
});

/**
 * A save refused because a colleague saved the partnership meanwhile: "Reload" brings their
 * changes into the form and keeps the user's edits (it started the form again from the stored
 * record, so everything typed had to be typed again); a field both changed keeps the user's value
 * and names the stored one, which one click takes.
 */
test('reloading after a conflict keeps the user’s edits and brings in the colleague’s', async ({ page }) => {
  const { webApp, knex, colleague } = await withColleague(page);
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'konstanz');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await detail.getByTestId('field-notes').fill('Moje poznámka');
  await detail.getByTestId('field-signedPlace').fill('Konstanz, radnice');
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Konstanz')
    .first<{ id: number; version: number }>('p.id', 'p.version');
  const result = await colleague('partnerships:update', {
    id: row.id,
    version: row.version,
    changes: { status: 'dormant', czResolution: 'ZM/2024/5', notes: 'Poznámka kolegy' },
  });
  expect(result.ok).toBe(true);
  // Said beside Save as soon as the colleague's save is in, before a save is tried (walkthrough 26).
  await expect(detail.getByTestId('changed-under-typing')).toContainText('Záznam mezitím uložil někdo jiný');
  await detail.getByTestId('detail-save').click();
  await expect(detail.getByTestId('conflict-notice')).toContainText('Vaše úpravy ve formuláři zůstanou.');
  await expect(detail.getByTestId('changed-under-typing')).toHaveCount(0);
  await detail.getByTestId('conflict-reload').click();
  const notice = detail.getByTestId('merge-notice');
  await expect(notice).toContainText('Poznámky: „Poznámka kolegy“');
  await expect(detail.getByTestId('conflict-notice')).toHaveCount(0);
  // The colleague's fields came in, the user's stayed; notes, changed by both, hold the user's.
  await expect(detail.getByTestId('field-status')).toHaveValue('dormant');
  await expect(detail.getByTestId('field-czResolution')).toHaveValue('ZM/2024/5');
  await expect(detail.getByTestId('field-signedPlace')).toHaveValue('Konstanz, radnice');
  await expect(detail.getByTestId('field-notes')).toHaveValue('Moje poznámka');
  await page.screenshot({ path: test.info().outputPath('merge-after-conflict-cs.png') });
  await detail.getByTestId('merge-use-stored').click();
  await expect(detail.getByTestId('field-notes')).toHaveValue('Poznámka kolegy');
  await detail.getByTestId('field-notes').fill('Poznámka kolegy, doplněná');
  await detail.getByTestId('detail-save').click();
  await expect(page.getByTestId('toast-ok').first()).toBeVisible();
  const stored = await knex('partnerships')
    .where({ id: row.id })
    .first<{ status: string; cz_resolution: string; signed_place: string; notes: string }>(
      'status',
      'cz_resolution',
      'signed_place',
      'notes',
    );
  expect(stored).toEqual({
    status: 'dormant',
    cz_resolution: 'ZM/2024/5',
    signed_place: 'Konstanz, radnice',
    notes: 'Poznámka kolegy, doplněná',
  });
  await webApp.close();
});

test('reloading a member after a conflict keeps the typing and brings in the colleague’s save', async ({ page }) => {
  const { webApp, knex, colleague } = await withColleague(page);
  const row = await pisekRow(page);
  await row.getByTestId('open-member').click();
  const overview = page.getByTestId('member-overview');
  await overview.getByTestId('tab-data').click();
  await overview.getByTestId('field-website').fill('https://www.pisek.eu');
  await overview.getByTestId('field-notes').fill('Moje poznámka');
  const pisek = await knex('municipalities').where({ name: 'Písek' }).first<{ id: number; version: number }>();
  const result = await colleague('municipalities:update', {
    id: pisek.id,
    version: pisek.version,
    patch: { mayorName: 'Jana Kolegová', notes: 'Poznámka kolegy' },
  });
  expect(result.ok).toBe(true);
  await overview.getByTestId('member-save').click();
  // "Načíst znovu" in the conflict's notice: it used to start again from the stored record,
  // dropping everything typed.
  await page.getByTestId('toast-error').getByTestId('toast-action').click();
  const notice = overview.getByTestId('merge-notice');
  await expect(notice).toContainText('vaše úpravy zůstaly ve formuláři');
  await expect(notice).toContainText('Poznámka: „Poznámka kolegy“');
  await expect(overview.getByTestId('field-website')).toHaveValue('https://www.pisek.eu');
  await expect(overview.getByTestId('field-mayorName')).toHaveValue('Jana Kolegová');
  await expect(overview.getByTestId('field-notes')).toHaveValue('Moje poznámka');
  await page.screenshot({ path: test.info().outputPath('member-merge-after-conflict-cs.png') });
  await notice.getByTestId('merge-use-stored').click();
  await expect(overview.getByTestId('field-notes')).toHaveValue('Poznámka kolegy');
  await overview.getByTestId('member-save').click();
  await expect(page.getByTestId('toast-ok').first()).toBeVisible();
  expect(await knex('municipalities').where({ id: pisek.id }).first('website', 'mayor_name', 'notes')).toEqual({
    website: 'https://www.pisek.eu',
    mayor_name: 'Jana Kolegová',
    notes: 'Poznámka kolegy',
  });
  // Saved, the form is the stored record again: no notice, a next save is no conflict, and
  // closing asks nothing (walkthrough 13: the notice stayed and the next save was refused).
  await expect(notice).toHaveCount(0);
  await overview.getByTestId('field-street').fill('Velké náměstí 114/3');
  await overview.getByTestId('member-save').click();
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'uložen' }).first()).toBeVisible();
  await expect(page.getByTestId('toast-error')).toHaveCount(0);
  await expect
    .poll(() => knex('municipalities').where({ id: pisek.id }).first('street'))
    .toEqual({ street: 'Velké náměstí 114/3' });
  await overview.getByTestId('close-overview').click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(overview).toHaveCount(0);
  await webApp.close();
});

test('an open partnership with nothing typed shows a colleague’s change, and saves against it', async ({ page }) => {
  const { webApp, knex, colleague } = await withColleague(page);
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'konstanz');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await expect(detail.getByTestId('field-status')).toHaveValue('active');
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Konstanz')
    .first<{ id: number; version: number }>('p.id', 'p.version');
  const result = await colleague('partnerships:update', {
    id: row.id,
    version: row.version,
    changes: { status: 'dormant' },
  });
  expect(result.ok).toBe(true);
  // It showed "aktivní" beside a history that had the change, and the next save was a conflict.
  await expect(detail.getByTestId('field-status')).toHaveValue('dormant');
  await detail.getByTestId('field-notes').fill('Po změně kolegy');
  await detail.getByTestId('detail-save').click();
  await expect(page.getByTestId('toast-ok').first()).toBeVisible();
  await expect(detail.getByTestId('conflict-notice')).toHaveCount(0);
  expect(await knex('partnerships').where({ id: row.id }).first('status', 'notes')).toEqual({
    status: 'dormant',
    notes: 'Po změně kolegy',
  });
  await webApp.close();
});

test('reloading a contact after a conflict keeps the typing and brings in the colleague’s save', async ({ page }) => {
  const { webApp, knex, colleague } = await withColleague(page);
  const contact = await knex('contacts as c')
    .join('partnerships as p', 'p.id', 'c.partnership_id')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Konstanz')
    .first<{ id: number; version: number; side: string; name: string; role: string | null; phone: string | null }>(
      'c.id',
      'c.version',
      'c.side',
      'c.name',
      'c.role',
      'c.phone',
    );
  if (!contact) throw new Error('the demo partnership with Konstanz has no contact');
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'konstanz');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  const row = detail.getByTestId('contacts').locator('li, tr').filter({ hasText: contact.name }).first();
  await row.getByRole('button', { name: 'Upravit' }).click();
  const form = detail.getByTestId('contact-form');
  // A mistake first, named at its field.
  await form.getByTestId('contact-email').fill('nova.adresa');
  await form.getByTestId('contact-save').click();
  await expect(form.getByTestId('error-email')).toBeVisible();
  await form.getByTestId('contact-email').fill('nova.adresa@example.org');
  const result = await colleague('contacts:update', {
    id: contact.id,
    version: contact.version,
    side: contact.side,
    name: `${contact.name} ml.`,
    role: contact.role,
    email: null,
    phone: contact.phone,
  });
  expect(result.ok).toBe(true);
  await form.getByTestId('contact-save').click();
  await expect(page.getByTestId('toast-error')).toBeVisible();
  // The mended mistake's notice went when the save passed the form's check (it stayed under the
  // field through the conflict: walkthrough 18).
  await expect(form.getByTestId('error-email')).toHaveCount(0);
  // "Načíst znovu" left the draft on the old version: saving again was the same conflict.
  await page.getByTestId('toast-error').getByTestId('toast-action').click();
  await expect(form.getByTestId('contact-name')).toHaveValue(`${contact.name} ml.`);
  await expect(form.getByTestId('contact-email')).toHaveValue('nova.adresa@example.org');
  await form.getByTestId('contact-save').click();
  await expect(form).toHaveCount(0);
  expect(await knex('contacts').where({ id: contact.id }).first('name', 'email')).toEqual({
    name: `${contact.name} ml.`,
    email: 'nova.adresa@example.org',
  });
  await webApp.close();
});

test('a request edited by two: the later save is a conflict that keeps the typing and brings in the colleague’s', async ({
  page,
}) => {
  const { webApp, knex, colleague } = await withColleague(page);
  const stored = await knex('partnership_requests as q')
    .join('municipalities as m', 'm.id', 'q.municipality_id')
    .where('q.direction', 'member_seeks')
    .orderBy('q.id')
    .first<{ id: number; version: number; name: string }>('q.id', 'q.version', 'm.name');
  if (!stored) throw new Error('the demo registry has no member request');
  await page.getByTestId('nav-requests').click();
  await page
    .getByTestId('requests-grid')
    .locator('.ag-row')
    .filter({ has: page.locator('[col-id="requester"]', { hasText: stored.name }) })
    .first()
    .locator('[col-id="requester"]')
    .click();
  await page.getByTestId('edit-request').click();
  const form = page.getByTestId('request-form');
  await form.getByTestId('field-description').fill('Můj popis');
  const listed = await colleague('requests:list', {});
  if (!listed.ok) throw new Error('the colleague cannot list requests');
  const row = (listed.value as RequestRow[]).find((r) => r.id === stored.id);
  if (!row) throw new Error('the request is not listed');
  const { version } = row;
  const values = requestFieldsOf(row);
  const result = await colleague('requests:update', {
    id: stored.id,
    version,
    values: { ...values, status: 'searching', wantedSize: 'city' },
  });
  expect(result.ok).toBe(true);
  // Saved against the version the list had just brought, it overwrote the colleague's change.
  await form.getByTestId('request-save').click();
  await expect(form.getByTestId('request-merged')).toContainText('Žádost mezitím změnil někdo jiný');
  await expect(form.getByTestId('field-status')).toHaveValue('searching');
  await expect(form.getByTestId('field-description')).toHaveValue('Můj popis');
  await form.getByTestId('request-save').click();
  await expect(form).toHaveCount(0);
  expect(
    await knex('partnership_requests').where({ id: stored.id }).first('status', 'wanted_size', 'description'),
  ).toEqual({ status: 'searching', wanted_size: 'city', description: 'Můj popis' });
  await webApp.close();
});

test('an agreement being drafted takes what a colleague adds to the town card meanwhile, never over typing', async ({
  page,
}) => {
  const { webApp, knex, colleague } = await withColleague(page);
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.country_code', 'DE')
    .whereNull('t.address')
    .whereNull('t.mayor_name')
    .orderBy('p.id')
    .first<{ id: number; townId: number; version: number }>('p.id', 't.id as townId', 't.version');
  if (!row) throw new Error('the demo registry has no German town without an address');
  await openAgreementOf(page, row.id);
  const address = page.getByTestId('agr-partner-address');
  const mayor = page.getByTestId('agr-partner-mayorName');
  await expect(address).toHaveValue('');
  await mayor.fill('Frau Typed');
  const result = await colleague('towns:update', {
    id: row.townId,
    version: row.version,
    patch: { address: 'Marktplatz 1, 01234 Musterstadt', mayorName: 'Herr Kollege' },
  });
  expect(result.ok).toBe(true);
  // The card's address fills the empty field (the document said "[doplňte: adresa sídla]"); the
  // mayor typed here stays.
  await expect(address).toHaveValue('Marktplatz 1, 01234 Musterstadt');
  await expect(mayor).toHaveValue('Frau Typed');
  await webApp.close();
});

test('a town card with typing says at once that a colleague saved it, and loads their save keeping the typing', async ({
  page,
}) => {
  const { webApp, knex, colleague } = await withColleague(page);
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Konstanz')
    .first<{ id: number; townId: number }>('p.id', 't.id as townId');
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'konstanz');
  await page.getByTestId(`town-link-${String(row.id)}`).click();
  const card = page.getByTestId('town-card');
  await card.getByTestId('town-address').fill('Kanzleistraße 15');
  await expect(card.getByTestId('town-changed-under-typing')).toHaveCount(0);
  const town = await knex('foreign_towns').where({ id: row.townId }).first<{ version: number }>('version');
  const result = await colleague('towns:update', {
    id: row.townId,
    version: town.version,
    patch: { mayorName: 'Uli Burchardt' },
  });
  expect(result.ok).toBe(true);
  const notice = card.getByTestId('town-changed-under-typing');
  await expect(notice).toContainText('Záznam mezitím uložil někdo jiný');
  await saveScreen(page, 'changed-under-typing-town-cs');
  await notice.getByTestId('town-changed-under-typing-reload').click();
  await expect(card.getByTestId('town-mayorName')).toHaveValue('Uli Burchardt');
  await expect(card.getByTestId('town-address')).toHaveValue('Kanzleistraße 15');
  await expect(notice).toHaveCount(0);
  await card.getByTestId('town-save').click();
  await expect(card).toHaveCount(0);
  expect(await knex('foreign_towns').where({ id: row.townId }).first('mayor_name', 'address')).toEqual({
    mayor_name: 'Uli Burchardt',
    address: 'Kanzleistraße 15',
  });
  await webApp.close();
});
