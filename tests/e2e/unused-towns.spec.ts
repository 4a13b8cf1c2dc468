import { expect, saveScreen, test, type WebApp } from '../support/web-fixture';

/** One core call as the app's bridge makes it (a colleague's window, or a step the test skips). */
async function invoke<T>(webApp: WebApp, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${String(webApp.server.port)}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-twinreg-token': webApp.server.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/**
 * Walkthrough 19: a partnership saved with the wrong town ("Linz am Rhein" for Linz) and then
 * deleted left the town in the registry with no way to remove it. Settings lists such towns; each
 * is deleted there or on its card, goes to the bin, and comes back by Undo or from the bin.
 */
test('a partner town left without partnerships is listed in Settings, deleted to the bin and restored (cs, en)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const member = await knex('municipalities').where({ is_member: true }).orderBy('id').first<{ id: number }>('id');
  const created = await invoke<{ id: number; version: number; foreignTownId: number }>(webApp, 'partnerships:create', {
    municipalityId: member.id,
    type: 'friendship',
    status: 'proposed',
    town: { name: 'Linz am Rhein', countryCode: 'DE' },
  });
  await invoke(webApp, 'partnerships:delete', { id: created.id, version: created.version });
  const townId = created.foreignTownId;

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('nav-settings').click();
  const section = page.getByTestId('unused-towns');
  const row = section.getByTestId('unused-town').filter({ hasText: 'Linz am Rhein' });
  await expect(row).toContainText('Německo');
  await expect(row).toContainText('zadáno ručně');
  await section.scrollIntoViewIfNeeded();
  await saveScreen(page, 'settings-unused-towns');

  // Deleted from the list: gone, in the bin, and the toast's Undo brings it back.
  await row.getByTestId('unused-town-delete').click();
  const toast = page.getByTestId('toast-info').filter({ hasText: 'Město Linz am Rhein je smazané (v koši).' });
  await expect(toast).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(await knex('foreign_towns').where({ id: townId }).first('id')).toBeUndefined();
  await expect(page.getByTestId('bin-table').locator('tr', { hasText: 'Linz am Rhein' })).toContainText(
    'partnerské město',
  );
  await toast.getByTestId('toast-action').click();
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'Město Linz am Rhein je zpět.' })).toBeVisible();
  await expect(row).toHaveCount(1);
  expect(await knex('foreign_towns').where({ id: townId }).first('id')).toEqual({ id: townId });

  // Deleted on its card (opened from the list): the card offers it only for a town without partnerships.
  await row.getByRole('button', { name: 'Linz am Rhein' }).click();
  const card = page.getByTestId('town-card');
  await expect(card.getByTestId('town-delete')).toBeVisible();
  await expect(card.getByTestId('town-delete')).toHaveAttribute(
    'title',
    'Město nemá žádné partnerství: lze ho smazat (půjde do koše).',
  );
  await saveScreen(page, 'town-card-unused');
  await card.getByTestId('town-delete').click();
  await expect(card).toHaveCount(0);
  await expect(row).toHaveCount(0);
  // From the bin, as any deleted record.
  // The town's row (the bin lists its deleted partnership too, named with the town until the
  // list has read the town's delete).
  const binRow = page
    .getByTestId('bin-table')
    .locator('tbody tr')
    .filter({ hasText: 'Linz am Rhein' })
    .filter({ hasText: 'partnerské město' });
  await expect(binRow).toHaveCount(1);
  await binRow.getByTestId('bin-restore').click();
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'Obnoveno: Linz am Rhein' })).toBeVisible();
  await expect(row).toHaveCount(1);

  // In English.
  await page.getByTestId('language-en').click();
  await expect(section).toContainText('Partner towns without a partnership');
  await expect(row).toContainText('Germany');
  await section.scrollIntoViewIfNeeded();
  await saveScreen(page, 'settings-unused-towns-en');

  // A town with a partnership has no Delete on its card.
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('partnerships-grid').locator('.p-town-name').first().click();
  await expect(page.getByTestId('town-card').getByTestId('town-partnerships')).toBeVisible();
  await expect(page.getByTestId('town-card').getByTestId('town-delete')).toHaveCount(0);
});
