import { expect, saveScreen, searchPartnerships, test, invoke } from '../support/web-fixture';

/*
 * Walkthrough 22, finding 3: Petr merges Tábor–Wels into Tábor–Škofja Loka, Jana then edits the
 * kept record, and Petr's History ▸ Vrátit sloučení is refused. The refusal now offers to undo the
 * merge keeping the later changes: a confirmation lists field by field what happens (the merge's
 * own change put back, Jana's changes kept and named), and the children the merge moved.
 */

const TOWNS = ['Welsdorf Test', 'Loka Zgornja Test'];

let actorBefore = '';
test.beforeEach(async ({ webApp }) => {
  actorBefore = (await webApp.ctx.preferences.get()).actorName;
});
test.afterEach(async ({ webApp }) => {
  await webApp.ctx.preferences.set({ actorName: actorBefore });
  // Leave the shared registry as it was.
  const knex = webApp.ctx.db.knex;
  for (const name of TOWNS) {
    const town = await knex('foreign_towns').where({ name }).first<{ id: number } | undefined>('id');
    if (town === undefined) continue;
    await knex('partnerships').where({ foreign_town_id: town.id }).delete();
    await knex('foreign_towns').where({ id: town.id }).delete();
  }
});

test('cs: a merge refused after a colleague’s edit is undone keeping it, from the confirmation', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
  await invoke(webApp, 'prefs:set', { actorName: 'Petr Svoboda' });
  const create = async (name: string, countryCode: string, extra: Record<string, unknown>) =>
    (await invoke(webApp, 'partnerships:create', {
      municipalityId: tabor.id,
      type: 'friendship',
      status: 'active',
      town: { name, countryCode },
      ...extra,
    })) as { id: number };
  const wels = await create('Welsdorf Test', 'AT', { notes: 'Poznámka Wels', signedOn: '2001-03-03' });
  const loka = await create('Loka Zgornja Test', 'SI', { notes: 'Poznámka Loka' });
  const hans = (await invoke(webApp, 'contacts:create', {
    partnershipId: wels.id,
    side: 'partner',
    name: 'Hans Huber',
  })) as { id: number };
  await invoke(webApp, 'partnerships:merge', { keepId: loka.id, mergeId: wels.id });
  await invoke(webApp, 'prefs:set', { actorName: 'Jana Nováková' });
  const version = async () =>
    (await knex('partnerships').where({ id: loka.id }).first<{ version: number }>('version')).version;
  await invoke(webApp, 'partnerships:update', {
    id: loka.id,
    version: await version(),
    changes: { notes: 'Jana: ověřeno na úřadě', signedPlace: 'Tábor' },
  });
  await invoke(webApp, 'prefs:set', { actorName: 'Petr Svoboda' });

  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'Loka Zgornja');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await detail.getByTestId('history').getByTestId('history-undo-merge').first().click();
  const refusal = page.getByTestId('toast-error').filter({ hasText: 'Sloučení nejde vrátit celé' });
  await expect(refusal).toContainText('Jana Nováková');
  await refusal.getByTestId('toast-action').filter({ hasText: 'Vrátit sloučení a ponechat pozdější změny…' }).click();

  const dialog = page.getByTestId('undo-keeping-dialog');
  await expect(dialog.getByTestId('undo-keeping-field-signedOn')).toHaveAttribute('data-outcome', 'restored');
  await expect(dialog.getByTestId('undo-keeping-field-signedOn')).toContainText('Vrátí se hodnota před sloučením');
  await expect(dialog.getByTestId('undo-keeping-field-notes')).toHaveAttribute('data-outcome', 'keptBoth');
  await expect(dialog.getByTestId('undo-keeping-field-notes')).toContainText('Jana Nováková');
  await expect(dialog.getByTestId('undo-keeping-field-signedPlace')).toHaveAttribute('data-outcome', 'keptLater');
  await expect(dialog.getByTestId('undo-keeping-child-back')).toContainText('Hans Huber');
  await saveScreen(page, 'merge-undo-keeping-confirm');
  await dialog.getByTestId('undo-keeping-confirm').click();
  await expect(
    page.getByTestId('toast-ok').filter({ hasText: 'Sloučení vráceno, pozdější změny zůstaly.' }),
  ).toBeVisible();
  await expect(dialog).toBeHidden();
  // The kept record's history says the merge was undone and what it put back.
  await expect(detail.getByTestId('history-list').locator('li').first()).toContainText('Podepsáno');
  await saveScreen(page, 'merge-undo-keeping-history');

  expect(await knex('partnerships').where({ id: loka.id }).first('notes', 'signed_place', 'signed_on')).toEqual({
    notes: 'Jana: ověřeno na úřadě',
    signed_place: 'Tábor',
    signed_on: null,
  });
  expect(await knex('partnerships').where({ id: wels.id }).first('notes', 'signed_on')).toEqual({
    notes: 'Poznámka Wels',
    signed_on: '2001-03-03',
  });
  expect(await knex('contacts').where({ id: hans.id }).first('partnership_id')).toEqual({ partnership_id: wels.id });
});
