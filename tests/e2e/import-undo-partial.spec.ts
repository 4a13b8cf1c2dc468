import type { Page } from '@playwright/test';
import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { encodeWindows1250 } from '../support/import-corpus';
import { codeWithCheckDigit } from '../support/municipality-codes';
import { expect, saveScreen, searchPartnerships, test } from '../support/web-fixture';

/*
 * Walkthrough 22, finding 6: an import undo refused because a colleague edited one of its records
 * names who and when, and offers to undo the records nobody touched; the history then says the
 * import was partly undone. A registry file: the backup is advised, last.
 */

const CODES = [codeWithCheckDigit(99_731), codeWithCheckDigit(99_732)] as const;
const EDITED = 'Horní Částečná nad Sázavou';
const UNTOUCHED = 'Dolní Částečná u Řečice';

const importFile = async (page: Page) => {
  await page.getByTestId('nav-members').click();
  await page.getByTestId('open-import').click();
  const csv = [
    'obec_kod;obec_text;okres_csu_cis101_lau_kod;okres_text;kraj_csu_cis108_nuts_kod;kraj_text',
    `${CODES[0]};${EDITED};CZ0412;Karlovy Vary;CZ041;Karlovarský kraj`,
    `${CODES[1]};${UNTOUCHED};CZ0412;Karlovy Vary;CZ041;Karlovarský kraj`,
  ].join('\r\n');
  await page
    .getByTestId('import-file-input')
    .setInputFiles({ name: 'castecne-obce.csv', mimeType: 'text/csv', buffer: Buffer.from(encodeWindows1250(csv)) });
  await expect(page.getByTestId('count-add')).toContainText('2');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('Přidáno: 2,');
  await page.getByTestId('import-close').click();
};

test('a refused import undo names the colleague and undoes only the untouched records (cs, en)', async ({
  appPage: page,
  webApp,
}) => {
  await importFile(page);
  const knex = webApp.ctx.db.knex;
  const edited = await knex('municipalities').where({ code: CODES[0] }).first<{ id: number; version: number }>();
  if (!edited) throw new Error('the import added nothing');
  // Petr, at another computer, fills in the population of one of the new places.
  const petr = createDispatch(createHandlers({ ...webApp.ctx, actor: () => Promise.resolve('Petr Svoboda') }));
  expect(
    await petr('municipalities:update', { id: edited.id, version: edited.version, patch: { population: 812 } }),
  ).toMatchObject({ ok: true });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('nav-settings').click();
  const row = page.getByTestId('import-history-table').locator('tbody tr').filter({ hasText: 'castecne-obce.csv' });
  const refusal = page.getByTestId('import-undo-refusal');

  await page.getByTestId('language-en').click();
  try {
    await row.getByTestId('import-history-undo').click();
    await expect(refusal).toContainText('The import cannot be undone');
    await expect(refusal.getByTestId('import-undo-refusal-changes')).toContainText(
      `${EDITED} (${CODES[0]}) – Petr Svoboda`,
    );
    await expect(refusal.getByTestId('import-undo-untouched')).toHaveText(
      'Remove the 1 imported record nobody changed',
    );
    await expect(refusal.getByTestId('import-undo-refusal-advice')).toContainText(
      'Only as a last resort, restore the backup',
    );
    await refusal.scrollIntoViewIfNeeded();
    await saveScreen(page, 'import-undo-partial-offer-en');
  } finally {
    await page.getByTestId('language-cs').click();
  }

  await expect(refusal).toContainText('Import nelze vrátit');
  await expect(refusal.getByTestId('import-undo-refusal-changes')).toContainText(
    `${EDITED} (${CODES[0]}) – Petr Svoboda`,
  );
  await refusal.getByTestId('import-undo-untouched').click();
  await expect(refusal.getByRole('alertdialog')).toContainText('zůstanou, jak jsou');
  await refusal.scrollIntoViewIfNeeded();
  await saveScreen(page, 'import-undo-partial-confirm-cs');
  await refusal.getByTestId('import-undo-untouched-confirm').click();

  await expect(page.getByTestId('toast-ok')).toContainText(
    'Import souboru castecne-obce.csv byl vrácen zčásti. Odstraněno – obce: 1, partnerství: 0, zahraniční města: 0; obnovené záznamy: 0; ponechané záznamy: 1.',
  );
  await expect(refusal).toHaveCount(0);
  await expect(row.getByTestId('import-history-undone')).toContainText('vrácen zčásti');
  await expect(row.getByTestId('import-history-undone')).toContainText('ponecháno záznamů: 1');
  await expect(row.getByTestId('import-history-undo')).toHaveCount(0);
  await row.scrollIntoViewIfNeeded();
  await saveScreen(page, 'import-undo-partial-done-cs');
  // Only the place nobody touched is gone; Petr's stays with his population.
  expect(await knex('municipalities').whereIn('code', CODES).orderBy('code').select('code', 'population')).toEqual([
    { code: CODES[0], population: 812 },
  ]);
});

/*
 * Walkthrough 22, finding 8: an undo refused after a colleague's change sends the user to the
 * history's "Vrátit tuto změnu" (there is no change to repeat), and its red toast goes away once a
 * later save of the same record succeeds.
 */
test('an undo refused after a colleague’s change points to the history; a later save clears its error', async ({
  appPage: page,
  webApp,
}) => {
  // Jana works in the page, Petr through his own handlers: the page's name must not be his (a test
  // before may have left one).
  const { actorName } = await webApp.ctx.preferences.get();
  await webApp.ctx.preferences.set({ actorName: 'Jana Nováková' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'konstanz');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await detail.getByTestId('field-notes').fill('Jana: moje poznámka');
  await detail.getByTestId('detail-save').click();
  const saved = page.getByTestId('toast-ok').filter({ hasText: 'Uloženo.' });
  await expect(saved.getByTestId('toast-action')).toHaveText('Vrátit zpět');

  // Petr changes the record meanwhile; Jana's form (saved, untouched) takes his values.
  const knex = webApp.ctx.db.knex;
  const row = await knex('partnerships')
    .where({ notes: 'Jana: moje poznámka' })
    .first<{ id: number; version: number }>();
  if (!row) throw new Error('the save did not reach the registry');
  const petr = createDispatch(createHandlers({ ...webApp.ctx, actor: () => Promise.resolve('Petr Svoboda') }));
  expect(
    await petr('partnerships:update', { id: row.id, version: row.version, changes: { notes: 'Petr: jeho poznámka' } }),
  ).toMatchObject({ ok: true });
  await expect(detail.getByTestId('field-notes')).toHaveValue('Petr: jeho poznámka');

  await saved.getByTestId('toast-action').click();
  const refused = page.getByTestId('toast-error');
  await expect(refused).toContainText('Změnu nelze vrátit zpět: záznam mezitím změnil někdo jiný (Petr Svoboda,');
  await expect(refused).toContainText('„Vrátit tuto změnu“');
  await expect(refused).not.toContainText('zopakujte');
  await saveScreen(page, 'undo-refused-after-colleague-cs');
  expect(await knex('partnerships').where({ id: row.id }).first('notes')).toEqual({ notes: 'Petr: jeho poznámka' });

  // A later save of the same record goes through: the old red toast goes with it.
  await detail.getByTestId('field-notes').fill('Jana: domluveno s Petrem');
  await detail.getByTestId('detail-save').click();
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'Uloženo.' })).toBeVisible();
  await expect(page.getByTestId('toast-error')).toHaveCount(0);
  await saveScreen(page, 'undo-refused-then-saved-cs');
  await webApp.ctx.preferences.set({ actorName });
});
