import { expect, saveScreen, test, type WebApp, invoke } from '../support/web-fixture';

/*
 * Walkthrough 22, finding 1: Jana deletes a partnership with its signature date, notes, a contact
 * and an activity; Petr adds the pair again (an import, or New partnership) without them. Jana's
 * Restore in the bin is refused; the refusal and the bin entry now offer to fill the new record
 * from the deleted one: a dialog lists both values field by field (the new record's unstated ones
 * ticked), the children, and one confirm fills it; the detail and its history show the result.
 */

let actorBefore = '';
test.beforeEach(async ({ webApp }) => {
  actorBefore = (await webApp.ctx.preferences.get()).actorName;
});
test.afterEach(async ({ webApp }) => {
  await webApp.ctx.preferences.set({ actorName: actorBefore });
});

/** A Tábor partnership with data, deleted by Jana; its delete's audit id. */
async function deletedWithData(webApp: WebApp, town: { name: string; countryCode: string }) {
  const knex = webApp.ctx.db.knex;
  const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
  await invoke(webApp, 'prefs:set', { actorName: 'Jana Nováková' });
  const first = (await invoke(webApp, 'partnerships:create', {
    municipalityId: tabor.id,
    type: 'formal',
    status: 'active',
    signedOn: '2001-03-03',
    notes: 'Petr: originál smlouvy v archivu',
    town,
  })) as { id: number };
  await invoke(webApp, 'contacts:create', { partnershipId: first.id, side: 'partner', name: 'Marie Dupont' });
  await invoke(webApp, 'activities:create', {
    partnershipId: first.id,
    date: '2019-06-01',
    title: 'Výměna mládeže',
    fundingProgramme: 'erasmus_plus',
    fundingAmount: 1200,
    currency: 'EUR',
  });
  const stored = await knex('partnerships').where({ id: first.id }).first<{ version: number }>('version');
  await invoke(webApp, 'partnerships:delete', { id: first.id, version: stored.version });
  return { taborId: tabor.id, deletedId: first.id };
}

async function cleanUp(webApp: WebApp, townName: string) {
  const knex = webApp.ctx.db.knex;
  const town = await knex('foreign_towns').where({ name: townName }).first<{ id: number } | undefined>('id');
  if (town === undefined) return;
  await knex('partnerships').where({ foreign_town_id: town.id }).delete();
  await knex('foreign_towns').where({ id: town.id }).delete();
}

test('cs: deleted, re-added by an import, restore refused → Doplnit → dialog → the detail and its history', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const { deletedId } = await deletedWithData(webApp, { name: 'Montbard', countryCode: 'FR' });

  // Petr imports a file with the pair: a new row without the date, the notes and the rest.
  await invoke(webApp, 'prefs:set', { actorName: 'Petr Svoboda' });
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('partnerships-import').click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'montbard.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Kód české obce;Partnerské město;Stát partnera\n552046;Montbard;Francie\n'),
  });
  await page.getByTestId('mapping-apply').click();
  await expect(page.getByTestId('count-add')).toContainText('1');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('Přidáno: 1');
  await page.getByTestId('import-close').click();
  const live = await knex('partnerships')
    .join('foreign_towns', 'foreign_towns.id', 'partnerships.foreign_town_id')
    .where('foreign_towns.name', 'Montbard')
    .first<{ id: number; signed_on: string | null }>('partnerships.id', 'partnerships.signed_on');
  expect(live.signed_on).toBeNull();

  // Jana: Nastavení ▸ Smazané záznamy ▸ Obnovit is refused, in Czech, offering the fill.
  await invoke(webApp, 'prefs:set', { actorName: 'Jana Nováková' });
  await page.getByTestId('nav-settings').click();
  const entry = page.getByTestId('bin-entry').filter({ hasText: 'Tábor – Montbard' });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('bin-fill')).toHaveText('Doplnit do nového záznamu…');
  await entry.getByTestId('bin-restore').click();
  const refusal = page.getByTestId('toast-error');
  await expect(refusal).toContainText(
    'Partnerství nelze obnovit: mezi těmito dvěma městy je mezitím jiné partnerství.',
  );
  await expect(refusal).not.toContainText('A partnership between');
  await expect(refusal.getByTestId('toast-action')).toHaveText('Doplnit do nového záznamu…');
  await saveScreen(page, 'bin-fill-refusal-cs');
  await refusal.getByTestId('toast-action').click();

  // The dialog: both values field by field; the new record's unstated ones ticked.
  const dialog = page.getByTestId('fill-dialog');
  await expect(dialog).toContainText('Doplnit „Tábor – Montbard“ ze smazaného záznamu');
  const signed = dialog.getByTestId('fill-field-signedOn');
  await expect(signed).toContainText('3. 3. 2001');
  await expect(signed).toContainText('neuvedeno');
  await expect(dialog.getByTestId('fill-take-signedOn')).toBeChecked();
  await expect(dialog.getByTestId('fill-take-notes')).toBeChecked();
  const type = dialog.getByTestId('fill-field-type');
  // The import left the type unknown: the deleted record's is offered, ticked.
  await expect(type).toContainText('partnerství (smlouva)');
  await expect(type).toContainText('neuvedeno');
  await expect(dialog.getByTestId('fill-take-type')).toBeChecked();
  await expect(dialog.getByTestId('fill-children')).toContainText('Marie Dupont');
  await expect(dialog.getByTestId('fill-children')).toContainText('Výměna mládeže');
  await expect(dialog.getByTestId('fill-children')).toContainText('Erasmus+');
  await expect(dialog.getByTestId('fill-child-activities')).toBeChecked();
  await saveScreen(page, 'bin-fill-dialog-cs');
  await dialog.getByTestId('fill-confirm').click();
  await expect(dialog).toHaveCount(0);
  const done = page.getByTestId('toast-ok').filter({ hasText: 'Doplněno do „Tábor – Montbard“' });
  await expect(done).toBeVisible();

  // The bin: the deleted record marked as filled into the new one (still there, with its values).
  const filled = page.getByTestId('bin-merged').filter({ hasText: 'Tábor – Montbard' });
  await expect(filled.getByTestId('bin-merged-into')).toHaveText('doplněno do „Tábor – Montbard“');
  await expect(page.getByTestId('bin-entry').filter({ hasText: 'Tábor – Montbard' })).toHaveCount(0);
  await saveScreen(page, 'bin-fill-after-cs');

  // The detail: the values and children are there; the history says where they came from.
  await done.getByTestId('toast-action').click();
  const detail = page.getByTestId('partnership-detail');
  await expect(detail).toContainText('Marie Dupont');
  await expect(detail).toContainText('Výměna mládeže');
  const history = detail.getByTestId('history');
  await history.scrollIntoViewIfNeeded();
  await expect(history.getByTestId('history-merged').first()).toHaveText(
    `Doplněno ze smazaného záznamu Tábor – Montbard (#${String(deletedId)})`,
  );
  await expect(history).toContainText('doplněno ze smazaného záznamu');
  await expect(history.getByTestId('history-undo-merge').first()).toHaveText('Vrátit doplnění');
  await expect(history).toContainText('Jana Nováková');
  await saveScreen(page, 'bin-fill-history-cs');
  const row = await knex('partnerships')
    .where({ id: live.id })
    .first<{ signed_on: string; notes: string; type: string }>();
  expect(row).toMatchObject({ signed_on: '2001-03-03', notes: 'Petr: originál smlouvy v archivu', type: 'formal' });
  await page.getByTestId('detail-close').click();
  await cleanUp(webApp, 'Montbard');
});

test('en: deleted, re-added as a new partnership, the bin entry fills it; the refusal is in English', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const { taborId, deletedId } = await deletedWithData(webApp, { name: 'Semur', countryCode: 'FR' });
  await invoke(webApp, 'prefs:set', { actorName: 'Petr Svoboda' });
  const live = (await invoke(webApp, 'partnerships:create', {
    municipalityId: taborId,
    type: 'friendship',
    status: 'proposed',
    notes: 'Petr’s own notes',
    town: { name: 'Semur', countryCode: 'FR' },
  })) as { id: number };
  await invoke(webApp, 'prefs:set', { actorName: 'Jana Nováková' });

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  const entry = page.getByTestId('bin-entry').filter({ hasText: 'Tábor – Semur' });
  await entry.getByTestId('bin-restore').click();
  const refusal = page.getByTestId('toast-error');
  await expect(refusal).toContainText('The partnership cannot be restored');
  await expect(refusal.getByTestId('toast-action')).toHaveText('Fill the new record from this one…');
  await refusal.locator('.close-button').click();
  await entry.getByTestId('bin-fill').click();
  const dialog = page.getByTestId('fill-dialog');
  await expect(dialog).toContainText('Fill “Tábor – Semur” from the deleted record');
  await expect(dialog.getByTestId('fill-field-signedOn')).toContainText('not stated');
  await expect(dialog.getByTestId('fill-take-signedOn')).toBeChecked();
  // Both have notes: not ticked; if ticked, they are added after Petr's.
  await expect(dialog.getByTestId('fill-field-notes')).toContainText('Petr’s own notes');
  await expect(dialog.getByTestId('fill-take-notes')).not.toBeChecked();
  await expect(dialog.getByTestId('fill-field-notes')).toContainText('added after the existing ones');
  await saveScreen(page, 'bin-fill-dialog-en');
  // Leave the contact behind.
  await dialog.getByTestId('fill-child-contacts').uncheck();
  await dialog.getByTestId('fill-confirm').click();
  await expect(
    page.getByTestId('toast-ok').filter({ hasText: 'Filled “Tábor – Semur” from the deleted record' }),
  ).toBeVisible();
  await expect(
    page.getByTestId('bin-merged').filter({ hasText: 'Tábor – Semur' }).getByTestId('bin-merged-into'),
  ).toHaveText('filled into “Tábor – Semur”');
  const row = await knex('partnerships')
    .where({ id: live.id })
    .first<{ signed_on: string; notes: string; type: string }>();
  expect(row).toMatchObject({ signed_on: '2001-03-03', notes: 'Petr’s own notes', type: 'friendship' });
  expect(await knex('contacts').where({ partnership_id: live.id }).count<{ n: number }[]>('* as n')).toEqual([
    { n: 0 },
  ]);
  expect(await knex('activities').where({ partnership_id: live.id }).pluck('title')).toEqual(['Výměna mládeže']);

  await page.goto(`${webApp.url}#/partnerships?municipality=${String(taborId)}&open=${String(live.id)}`);
  const history = page.getByTestId('partnership-detail').getByTestId('history');
  await expect(history.getByTestId('history-merged').first()).toHaveText(
    `Filled from the deleted record Tábor – Semur (#${String(deletedId)})`,
  );
  await expect(history).toContainText('filled from a deleted record');
  // Its undo is named for what it undoes (not "Undo the merge").
  await expect(history.getByTestId('history-undo-merge').first()).toHaveText('Undo the fill');
  await history.scrollIntoViewIfNeeded();
  await saveScreen(page, 'bin-fill-history-en');
  await page.getByTestId('detail-close').click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-cs').click();
  await cleanUp(webApp, 'Semur');
});

/** A new town card with data (added with a partnership of Tábor, that partnership deleted); its id. */
async function townWithCard(webApp: WebApp, name: string, patch: Record<string, unknown>) {
  const knex = webApp.ctx.db.knex;
  const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
  const created = (await invoke(webApp, 'partnerships:create', {
    municipalityId: tabor.id,
    type: 'friendship',
    status: 'proposed',
    town: { name, countryCode: 'FR' },
  })) as { id: number };
  const row = await knex('partnerships')
    .where({ id: created.id })
    .first<{ version: number; foreign_town_id: number }>('version', 'foreign_town_id');
  const card = (await invoke(webApp, 'towns:card', { id: row.foreign_town_id })) as { version: number };
  await invoke(webApp, 'towns:update', { id: row.foreign_town_id, version: card.version, patch });
  await invoke(webApp, 'partnerships:delete', { id: created.id, version: row.version });
  return row.foreign_town_id;
}

test('cs: a deleted town card, the town added again, restore refused → Doplnit → the new card filled', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  // Jana's card of Auxonne, deleted; Petr adds Auxonne again with a population of his own.
  await invoke(webApp, 'prefs:set', { actorName: 'Jana Nováková' });
  const deletedId = await townWithCard(webApp, 'Auxonne', {
    population: 7_800,
    address: '11 place d’Armes, 21130 Auxonne',
    mayorName: 'Raoul Langlois',
    notes: 'Jana: partnerství se připravuje',
  });
  const card = (await invoke(webApp, 'towns:card', { id: deletedId })) as { version: number };
  await invoke(webApp, 'towns:delete', { id: deletedId, version: card.version });
  await invoke(webApp, 'prefs:set', { actorName: 'Petr Svoboda' });
  const liveId = await townWithCard(webApp, 'Auxonne', { population: 7_700 });
  await invoke(webApp, 'prefs:set', { actorName: 'Jana Nováková' });

  await page.getByTestId('nav-settings').click();
  // Not the deleted partnerships of Tábor with Auxonne (each card was added with one): the town's entry.
  const entry = page.getByTestId('bin-entry').filter({ hasText: 'Auxonne' }).filter({ hasNotText: 'Tábor' });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('bin-fill')).toHaveText('Doplnit do nového záznamu…');
  await entry.getByTestId('bin-restore').click();
  const refusal = page.getByTestId('toast-error');
  await expect(refusal).toContainText('Město nelze obnovit: v registru je mezitím jiný záznam téhož města (Auxonne).');
  await refusal.getByTestId('toast-action').click();

  // The dialog: the card's fields; the new card's unstated ones ticked, the population both state left to Jana.
  const dialog = page.getByTestId('fill-dialog');
  await expect(dialog).toContainText('Doplnit „Auxonne“ ze smazaného záznamu');
  await expect(dialog).toContainText('Město „Auxonne“ bylo mezitím založeno znovu');
  await expect(dialog.getByTestId('fill-field-address')).toContainText('11 place d’Armes, 21130 Auxonne');
  await expect(dialog.getByTestId('fill-field-address')).toContainText('neuvedeno');
  await expect(dialog.getByTestId('fill-take-address')).toBeChecked();
  await expect(dialog.getByTestId('fill-take-mayorName')).toBeChecked();
  await expect(dialog.getByTestId('fill-take-notes')).toBeChecked();
  const population = dialog.getByTestId('fill-field-population');
  await expect(population).toContainText('Počet obyvatel');
  await expect(population).toContainText(/7\s800/);
  await expect(population).toContainText(/7\s700/);
  await expect(dialog.getByTestId('fill-take-population')).not.toBeChecked();
  // A town has no contacts or activities: that section is not shown.
  await expect(dialog.getByTestId('fill-children')).toHaveCount(0);
  await expect(dialog).not.toContainText('Kontakty, aktivity');
  await saveScreen(page, 'bin-fill-town-dialog-cs');
  await dialog.getByTestId('fill-take-mayorName').uncheck();
  await dialog.getByTestId('fill-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByTestId('toast-ok').filter({ hasText: 'Karta města „Auxonne“ doplněna ze smazané karty' }),
  ).toBeVisible();
  await expect(page.getByTestId('bin-merged').filter({ hasText: 'Auxonne' }).getByTestId('bin-merged-into')).toHaveText(
    'doplněno do „Auxonne“',
  );
  await expect(entry).toHaveCount(0);
  await saveScreen(page, 'bin-fill-town-after-cs');

  const row = await knex('foreign_towns').where({ id: liveId }).first<Record<string, unknown>>();
  expect(row).toMatchObject({
    address: '11 place d’Armes, 21130 Auxonne',
    notes: 'Jana: partnerství se připravuje',
    mayor_name: null,
    population: 7_700,
  });
  expect(await knex('foreign_towns').where({ id: deletedId }).first()).toBeUndefined();

  // The card's history says where the values came from, and its undo puts Petr's card back and
  // the deleted card back in the bin, where it can be filled again.
  await page.getByTestId('unused-town').filter({ hasText: 'Auxonne' }).getByRole('button', { name: 'Auxonne' }).click();
  const townCard = page.getByTestId('town-card');
  await townCard.getByText('Historie změn karty').click();
  // (The card's field "Jak partnerství vzniklo" has the test id town-history too: the list by its section.)
  const history = townCard.locator('.town-card-history');
  await expect(history.getByTestId('history-merged').first()).toHaveText(
    `Doplněno ze smazaného záznamu Auxonne (#${String(deletedId)})`,
  );
  await expect(history).toContainText('Jana Nováková');
  const undo = history.getByTestId('history-undo-merge').first();
  await expect(undo).toHaveText('Vrátit doplnění');
  await history.scrollIntoViewIfNeeded();
  await saveScreen(page, 'bin-fill-town-history-cs');
  await undo.click();
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'Doplnění je vráceno' })).toBeVisible();
  await expect
    .poll(async () => (await knex('foreign_towns').where({ id: liveId }).first<{ address: string | null }>()).address)
    .toBeNull();
  expect(await knex('foreign_towns').where({ id: liveId }).first()).toMatchObject({ notes: null, population: 7_700 });
  await page.keyboard.press('Escape');
  await expect(townCard).toHaveCount(0);
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('bin-fill')).toBeVisible();

  for (const id of [liveId, deletedId]) {
    await knex('partnerships').where({ foreign_town_id: id }).delete();
    await knex('foreign_towns').where({ id }).delete();
  }
});
