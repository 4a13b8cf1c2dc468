import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import type { Page } from '@playwright/test';
import { expect, saveScreen, searchPartnerships, test } from '../support/web-fixture';

test.use({ viewport: { width: 1280, height: 900 } });

/**
 * Walkthrough 20, finding 15: a merge's entry says what was merged into what, and a creation of an
 * activity, a contact or an attachment lists the values it was given, in Czech and in English.
 */
test('history entries say what was merged into what and what a created child holds, in cs and en', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const colleague = createDispatch(createHandlers(webApp.ctx));
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await colleague(channel, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  };
  const stamp = { created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };
  const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number; name: string }>();
  const [kept] = await knex('foreign_towns')
    .insert({ name: 'Żagań nad Bobrem', name_key: 'zagan nad bobrem', country_code: 'PL', ...stamp })
    .returning<{ id: number }[]>('id');
  const [copy] = await knex('foreign_towns')
    .insert({ name: 'Żagań', name_key: 'zagan', country_code: 'PL', ...stamp })
    .returning<{ id: number }[]>('id');
  const keptTown = kept?.id ?? 0;
  const [keptPartnership] = await knex('partnerships')
    .insert({ municipality_id: tabor.id, foreign_town_id: keptTown, type: 'friendship', status: 'active', ...stamp })
    .returning<{ id: number }[]>('id');
  await knex('partnerships').insert({
    municipality_id: tabor.id,
    foreign_town_id: copy?.id,
    type: 'unknown',
    status: 'unknown',
    ...stamp,
  });
  const partnershipId = keptPartnership?.id ?? 0;

  // A colleague merges the second record of the town (its partnership with Tábor goes with it) and
  // adds an activity and a contact.
  await call('towns:merge', { keepId: keptTown, mergeId: copy?.id });
  await call('activities:create', {
    partnershipId,
    date: '2023-09-02',
    title: 'Návštěva hasičů',
    fundingProgramme: 'interreg_small_projects',
    fundingAmount: 12000,
    currency: 'CZK',
  });
  await call('contacts:create', { partnershipId, side: 'partner', name: 'Jan Kowalski', role: 'burmistrz' });

  const openDetail = async () => {
    await page.getByTestId('nav-partnerships').click();
    await searchPartnerships(page, 'Żagań nad Bobrem');
    await page
      .locator(`.ag-row[row-id="${String(partnershipId)}"]`)
      .getByTestId('open-partnership')
      .first()
      .click();
    const detail = page.getByTestId('partnership-detail');
    await expect(detail).toBeVisible();
    return detail;
  };
  let detail = await openDetail();
  // An attachment added here, with the browser's file picker.
  const section = detail.getByTestId('attachments');
  await section.scrollIntoViewIfNeeded();
  const chooser = page.waitForEvent('filechooser');
  await section.getByTestId('attachment-add').click();
  await (
    await chooser
  ).setFiles({ name: 'Zápis z návštěvy.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nzápis') });
  await expect(page.getByTestId('toast-ok').first()).toContainText('Zápis z návštěvy.pdf');

  const entryOf = (list: ReturnType<Page['getByTestId']>, text: string) =>
    list.getByTestId('history-entry').filter({ hasText: text });
  const checkPartnership = async (words: { merged: string; activity: RegExp; contact: string; attachment: RegExp }) => {
    const list = detail.getByTestId('history-list');
    await list.scrollIntoViewIfNeeded();
    await expect(list.getByTestId('history-merged')).toHaveText(words.merged);
    await expect(entryOf(list, 'Návštěva hasičů').getByTestId('history-created')).toHaveText(words.activity);
    await expect(entryOf(list, 'Jan Kowalski').getByTestId('history-created')).toHaveText(words.contact);
    await expect(entryOf(list, 'Zápis z návštěvy.pdf').getByTestId('history-created')).toHaveText(words.attachment);
    // The whole history in sight, no toast over it, for the screenshot.
    await page.mouse.move(0, 0);
    for (const toast of await page.getByTestId('toast-ok').all()) await toast.locator('.close-button').click();
    await list.getByTestId('history-merged').scrollIntoViewIfNeeded();
  };
  const checkTown = async (merged: string, screen: string) => {
    await detail.getByTestId('detail-close').click();
    await page.getByTestId(`town-link-${String(partnershipId)}`).click();
    const card = page.getByTestId('town-card');
    await expect(card).toBeVisible();
    await card.locator('details.town-card-history > summary').click();
    const history = card.locator('ol[data-testid="town-history"]');
    await expect(history.getByTestId('history-merged')).toHaveText(merged);
    // Above the card's buttons, which stay in sight at its bottom.
    await history.getByTestId('history-merged').evaluate((line) => line.scrollIntoView({ block: 'center' }));
    await saveScreen(page, screen);
  };

  await checkPartnership({
    merged: `Sloučeno s partnerstvím ${tabor.name} – Żagań`,
    // The title is the entry's name already; the amount is said with its currency.
    activity: /^Datum: 2\. 9\. 2023, Druh: neuvedeno, Program: Interreg – malé projekty, Částka: 12\s000,00\sKč$/,
    contact: 'Funkce: burmistrz',
    attachment: /^Velikost \(B\): 15$/,
  });
  await saveScreen(page, 'history-entries-cs');
  await checkTown('Sloučeno: Żagań (PL) → Żagań nad Bobrem', 'history-town-merge-cs');

  await webApp.ctx.preferences.set({ language: 'en' });
  await page.reload();
  detail = await openDetail();
  await checkPartnership({
    merged: `Merged with the partnership ${tabor.name} – Żagań`,
    activity: /^Date: .*2023, Kind: not stated, Programme: Interreg – small projects, Amount: CZK\s12,000\.00$/,
    contact: 'Role: burmistrz',
    attachment: /^Size \(B\): 15$/,
  });
  await saveScreen(page, 'history-entries-en');
  await checkTown('Merged: Żagań (PL) → Żagań nad Bobrem', 'history-town-merge-en');

  // Leave the shared registry as it was.
  await webApp.ctx.preferences.set({ language: 'cs' });
  for (const table of ['attachments', 'activities', 'contacts'])
    await knex(table).where({ partnership_id: partnershipId }).delete();
  await knex('partnership_merge_names').where({ partnership_id: partnershipId }).delete();
  await knex('partnerships').where({ id: partnershipId }).delete();
  await knex('foreign_towns').where({ id: keptTown }).delete();
});
