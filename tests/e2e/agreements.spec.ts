import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, saveScreen, test } from '../support/web-fixture';

test.describe('Agreements screen', () => {
  test('pick a Czech–German partnership, see what is missing, preview, save, see the draft', async ({
    appPage: page,
    webApp,
  }) => {
    const row = await webApp.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .where('t.country_code', 'DE')
      .orderBy('p.id')
      .first<{ id: number; town: string; member: string }>('p.id', 't.name as town', 'm.name as member');

    await page.getByRole('link', { name: 'Smlouvy' }).first().click();
    await expect(page.getByRole('heading', { name: 'Smlouvy a memoranda' })).toBeVisible();
    await page.getByTestId('agreement-partnership').selectOption(String(row.id));
    await expect(page.getByTestId('agreement-language')).toHaveValue('de');

    // The partner's mayor is not in the registry: listed, not silently blank.
    const missing = page.getByTestId('agreement-missing');
    await expect(missing).toContainText(`${row.town}:`);
    await expect(missing).toContainText('jméno starosty/starostky');
    await saveScreen(page, 'agreements');

    // The preview renders the document itself (docx-preview), with both languages side by side.
    const preview = page.getByTestId('agreement-preview');
    await expect(preview.locator('section.docx').first()).toBeVisible();
    await expect(preview).toContainText('Smlouva o partnerství');
    await expect(preview).toContainText('Partnerschaftsvertrag');
    // The partner's column asks in both languages (the draft can go to the partner town).
    await expect(preview).toContainText('[doplňte / bitte ergänzen: Vor- und Nachname des Vertreters]');
    // The document's CSS (docx-preview's <style> elements, given the page's nonce) applies.
    await expect(preview.locator('section.docx').first()).toHaveCSS('text-underline-position', 'from-font');
    await preview.scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-preview');

    // Filling the mayor's name removes it from the list.
    await page.getByTestId('agr-partner-mayorName').fill('Erika Muster');
    await expect(missing).not.toContainText('jméno starosty/starostky');

    // Saving with the remaining gaps asks first.
    await page.getByTestId('agreement-save').click();
    await page.getByTestId('agreement-confirm').getByRole('button', { name: 'Uložit DOCX…' }).click();
    const saved = page.getByTestId('agreement-saved');
    await expect(saved).toBeVisible();
    const files = readdirSync(webApp.outputDir).filter((f) => f.endsWith('.docx'));
    expect(files.length).toBe(1);
    expect(existsSync(path.join(webApp.outputDir, files[0] ?? ''))).toBe(true);
    expect(files[0]).toContain(row.member);

    const drafts = page.getByTestId('agreement-drafts');
    await expect(drafts.locator('tbody tr')).toHaveCount(1);
    await expect(drafts).toContainText(files[0] ?? '');
  });
});
