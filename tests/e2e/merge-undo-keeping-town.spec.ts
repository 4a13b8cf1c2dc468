import type { Knex } from 'knex';
import { expect, saveScreen, searchPartnerships, test, type WebApp, invoke } from '../support/web-fixture';

/*
 * A town merge undone keeping later changes: Petr merges Rumburk into Rumburg from a partnership's
 * detail, Jana then edits Rumburg's card, and the undo (the merge's toast, or the town card's
 * history) is refused: it would overwrite her edit. The refusal offers the undo that keeps the
 * later changes; its confirmation lists the card's fields, the partnerships the merge moved and
 * the partnership it merged (Tábor had one with each town), and the confirm brings Rumburk back.
 */

const KEPT = 'Rumburg Zkouška';
const MERGED = 'Rumburk Zkouška';

let before = { actorName: '', language: 'cs' as string };
test.beforeEach(async ({ webApp }) => {
  const prefs = await webApp.ctx.preferences.get();
  before = { actorName: prefs.actorName, language: prefs.language };
});
test.afterEach(async ({ webApp }) => {
  await webApp.ctx.preferences.set({ actorName: before.actorName, language: before.language as 'cs' });
  // Leave the shared registry as it was.
  const knex = webApp.ctx.db.knex;
  for (const name of [KEPT, MERGED]) {
    const town = await knex('foreign_towns').where({ name }).first<{ id: number } | undefined>('id');
    if (town === undefined) continue;
    await knex('partnerships').where({ foreign_town_id: town.id }).delete();
    await knex('foreign_towns').where({ id: town.id }).delete();
  }
});

/** Tábor with both towns (merged by the town merge), another member with Rumburk (moved); Rumburk's card filled. */
async function twoRecordsOfRumburg(webApp: WebApp) {
  const knex = webApp.ctx.db.knex;
  const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
  const other = await knex('municipalities')
    .where({ is_member: true })
    .whereNot({ code: '552046' })
    .orderBy('id')
    .first<{ id: number; name: string }>('id', 'name');
  await invoke(webApp, 'prefs:set', { actorName: 'Petr Svoboda' });
  const create = async (municipalityId: number, name: string, extra: Record<string, unknown> = {}) =>
    (await invoke(webApp, 'partnerships:create', {
      municipalityId,
      type: 'friendship',
      status: 'active',
      town: { name, countryCode: 'DE' },
      ...extra,
    })) as { id: number; foreignTownId: number };
  const kept = await create(tabor.id, KEPT);
  const moved = await create(other.id, MERGED);
  const merged = await create(tabor.id, MERGED, { signedOn: '1995-06-01' });
  const version = async (id: number) =>
    (await knex('foreign_towns').where({ id }).first<{ version: number }>('version')).version;
  await invoke(webApp, 'towns:update', {
    id: moved.foreignTownId,
    version: await version(moved.foreignTownId),
    patch: { adminRegion: 'Sachsen', population: 5000 },
  });
  /** Jana's edit of the kept town's card after the merge. */
  const janaEdits = async () => {
    await invoke(webApp, 'prefs:set', { actorName: 'Jana Nováková' });
    await invoke(webApp, 'towns:update', {
      id: kept.foreignTownId,
      version: await version(kept.foreignTownId),
      patch: { population: 5100, address: 'Markt 1' },
    });
    await invoke(webApp, 'prefs:set', { actorName: 'Petr Svoboda' });
  };
  return { knex, other, keepId: kept.foreignTownId, mergeId: moved.foreignTownId, kept, moved, merged, janaEdits };
}

/** The two towns and their partnerships as the undo leaves them. */
async function checkUndone(
  knex: Knex,
  { keepId, mergeId, kept, moved, merged }: Awaited<ReturnType<typeof twoRecordsOfRumburg>>,
) {
  expect(await knex('foreign_towns').where({ id: keepId }).first('admin_region', 'address', 'alt_names')).toEqual({
    admin_region: null,
    address: 'Markt 1',
    alt_names: null,
  });
  expect(
    Number((await knex('foreign_towns').where({ id: keepId }).first<{ population: number }>('population')).population),
  ).toBe(5100);
  expect(await knex('foreign_towns').where({ id: mergeId }).first('name', 'admin_region')).toEqual({
    name: MERGED,
    admin_region: 'Sachsen',
  });
  expect(await knex('partnerships').where({ id: moved.id }).first('foreign_town_id')).toEqual({
    foreign_town_id: mergeId,
  });
  expect(await knex('partnerships').where({ id: merged.id }).first('foreign_town_id', 'signed_on')).toEqual({
    foreign_town_id: mergeId,
    signed_on: '1995-06-01',
  });
  expect(await knex('partnerships').where({ id: kept.id }).first('foreign_town_id', 'signed_on')).toEqual({
    foreign_town_id: keepId,
    signed_on: null,
  });
}

test('cs: the merge toast’s undo, refused after a colleague’s edit of the card, offers the undo keeping it', async ({
  appPage: page,
  webApp,
}) => {
  const setup = await twoRecordsOfRumburg(webApp);
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, KEPT);
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await detail.getByTestId('merge-town').click();
  const mergeDialog = page.getByTestId('merge-dialog');
  await mergeDialog.getByTestId('merge-search').fill('rumburk');
  await mergeDialog.getByTestId('merge-choice').first().check();
  await mergeDialog.getByTestId('merge-confirm').click();
  const done = page.getByTestId('toast-ok').filter({ hasText: `„${MERGED}“` });
  await expect(done).toBeVisible();
  // The kept partnership's history has the line of the partnership the town merge merged into it;
  // that line holds no merge to undo (the town's entry does): no undo link that would answer
  // "not found".
  const history = detail.getByTestId('history');
  await expect(history.locator('li').filter({ hasText: `Tábor – ${MERGED}` })).not.toHaveCount(0);
  await expect(history.getByTestId('history-undo-merge')).toHaveCount(0);
  await setup.janaEdits();

  await done.getByRole('button', { name: 'Zpět' }).click();
  const refusal = page.getByTestId('toast-error').filter({ hasText: 'Sloučení nejde vrátit celé' });
  await expect(refusal).toContainText('Jana Nováková');
  // It leads to the offer, not to re-creating the town by hand (walkthrough 25).
  await expect(refusal).not.toContainText('založte ho znovu');
  // Beside the open panel the toast is narrow: its long action wraps inside it (walkthrough 25:
  // it ran past the toast's edge under the panel), and keeps its label readable under the pointer.
  const action = refusal.getByTestId('toast-action');
  const toastBox = await refusal.boundingBox();
  const actionBox = await action.boundingBox();
  expect(actionBox && toastBox && actionBox.x + actionBox.width <= toastBox.x + toastBox.width + 0.5).toBe(true);
  await action.hover();
  expect(await action.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgb(248, 250, 252)');
  await refusal.getByTestId('toast-action').filter({ hasText: 'Vrátit sloučení a ponechat pozdější změny…' }).click();

  const dialog = page.getByTestId('undo-keeping-dialog');
  await expect(dialog.getByTestId('undo-keeping-field-adminRegion')).toHaveAttribute('data-outcome', 'restored');
  await expect(dialog.getByTestId('undo-keeping-field-adminRegion')).toContainText('Sachsen');
  await expect(dialog.getByTestId('undo-keeping-field-population')).toHaveAttribute('data-outcome', 'keptBoth');
  await expect(dialog.getByTestId('undo-keeping-field-population')).toContainText('Jana Nováková');
  await expect(dialog.getByTestId('undo-keeping-field-address')).toHaveAttribute('data-outcome', 'keptLater');
  await expect(dialog.getByTestId('undo-keeping-partnership-back')).toContainText(`${setup.other.name} – ${MERGED}`);
  await expect(dialog.getByTestId('undo-keeping-inner-undone')).toContainText(`Tábor – ${MERGED}`);
  await saveScreen(page, 'merge-undo-keeping-town-cs');
  await dialog.getByTestId('undo-keeping-confirm').click();
  await expect(
    page.getByTestId('toast-ok').filter({ hasText: 'Sloučení vráceno, pozdější změny zůstaly.' }),
  ).toBeVisible();
  await expect(dialog).toBeHidden();
  await checkUndone(setup.knex, setup);
});

test('en: the town card history’s undo, refused after a colleague’s edit, offers the undo keeping it', async ({
  appPage: page,
  webApp,
}) => {
  const setup = await twoRecordsOfRumburg(webApp);
  await invoke(webApp, 'towns:merge', { keepId: setup.keepId, mergeId: setup.mergeId });
  await setup.janaEdits();
  await webApp.ctx.preferences.set({ language: 'en' });
  await page.reload();

  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, KEPT);
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  await page.getByTestId('partnership-detail').getByTestId('open-town-card').click();
  const card = page.getByTestId('town-card');
  await card.locator('details.town-card-history > summary').click();
  await card.getByTestId('history-undo-merge').first().click();
  // Said in the card (a toast's button would lie under the modal card).
  const refusal = card.getByTestId('town-merge-refused');
  await expect(refusal).toContainText('Jana Nováková');
  await refusal.getByTestId('town-undo-keeping-offer').click();

  const dialog = page.getByTestId('undo-keeping-dialog');
  await expect(dialog.getByTestId('undo-keeping-field-adminRegion')).toHaveAttribute('data-outcome', 'restored');
  await expect(dialog.getByTestId('undo-keeping-field-population')).toContainText('Jana Nováková');
  await expect(dialog.getByTestId('undo-keeping-partnership-back')).toContainText(`goes back to “${MERGED}”`);
  await expect(dialog.getByTestId('undo-keeping-inner-undone')).toContainText('is separated from');
  await saveScreen(page, 'merge-undo-keeping-town-en');
  await dialog.getByTestId('undo-keeping-confirm').click();
  await expect(
    page.getByTestId('toast-ok').filter({ hasText: 'Merge undone; the later changes were kept.' }),
  ).toBeVisible();
  await expect(dialog).toBeHidden();
  await checkUndone(setup.knex, setup);
});

test('cs: a partnership merge’s toast undo, refused after a colleague’s edit, offers the undo keeping it too', async ({
  appPage: page,
  webApp,
}) => {
  const { knex, kept, merged } = await twoRecordsOfRumburg(webApp);
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, KEPT);
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await detail.getByTestId('merge-partnership').click();
  const mergeDialog = page.getByTestId('merge-dialog');
  await mergeDialog.getByTestId('merge-search').fill('rumburk');
  await mergeDialog.getByTestId('merge-choice').first().check();
  await mergeDialog.getByTestId('merge-confirm').click();
  const done = page.getByTestId('toast-ok').filter({ hasText: 'Sloučeno' });
  await expect(done).toBeVisible();
  await invoke(webApp, 'prefs:set', { actorName: 'Jana Nováková' });
  await invoke(webApp, 'partnerships:update', {
    id: kept.id,
    version: (await knex('partnerships').where({ id: kept.id }).first<{ version: number }>('version')).version,
    changes: { signedPlace: 'Tábor' },
  });
  await invoke(webApp, 'prefs:set', { actorName: 'Petr Svoboda' });

  await done.getByRole('button', { name: 'Zpět' }).click();
  const refusal = page.getByTestId('toast-error').filter({ hasText: 'Sloučení nejde vrátit celé' });
  await expect(refusal).toContainText('Jana Nováková');
  await refusal.getByTestId('toast-action').filter({ hasText: 'Vrátit sloučení a ponechat pozdější změny…' }).click();
  const dialog = page.getByTestId('undo-keeping-dialog');
  await expect(dialog.getByTestId('undo-keeping-field-signedOn')).toHaveAttribute('data-outcome', 'restored');
  await expect(dialog.getByTestId('undo-keeping-field-signedPlace')).toHaveAttribute('data-outcome', 'keptLater');
  await dialog.getByTestId('undo-keeping-confirm').click();
  await expect(
    page.getByTestId('toast-ok').filter({ hasText: 'Sloučení vráceno, pozdější změny zůstaly.' }),
  ).toBeVisible();
  expect(await knex('partnerships').where({ id: merged.id }).first('signed_on')).toEqual({ signed_on: '1995-06-01' });
  expect(await knex('partnerships').where({ id: kept.id }).first('signed_on', 'signed_place')).toEqual({
    signed_on: null,
    signed_place: 'Tábor',
  });
});
