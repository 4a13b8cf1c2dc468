import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, saveScreen, test, searchPartnerships } from '../support/web-fixture';

/*
 * The Agreements screen among hundreds of partnerships (review D20, D23): the partnership is found by
 * typing without diacritics, "Vytvořit smlouvu" in a partnership's detail opens the screen with it
 * chosen, an odd number of originals is said under its field (C14), and a batch lists each draft
 * still to complete with what it lacks.
 */

type Row = { id: number; member: string; town: string };

test.describe('Agreements: finding the partnership, batch completeness', () => {
  test('typing without diacritics finds a partnership; the detail offers "Vytvořit smlouvu"', async ({
    appPage: page,
    webApp,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const row = await webApp.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .where('t.name', 'Kłodzko')
      .first<Row>('p.id', 'm.name as member', 't.name as town');

    await page.getByRole('link', { name: 'Smlouvy' }).first().click();
    const input = page.getByTestId('agreement-partnership');
    // "nachod klodzko" finds "Náchod – Kłodzko": no diacritics, and ł typed as l.
    await input.fill('nachod klodzko');
    const option = page.locator(`[data-testid="agreement-partnership-option"][data-id="${String(row.id)}"]`);
    await expect(option).toBeVisible();
    await expect(option).toContainText(row.member);
    await input.fill('nachod');
    await expect(option).toBeVisible();
    // Every option shown matches what was typed, whatever its diacritics.
    for (const text of await page.getByTestId('agreement-partnership-option').allTextContents())
      expect(text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toContain('nachod');
    await saveScreen(page, 'agreement-picker');
    // Picked with the keyboard: the highlighted option is named to screen readers, and the focus
    // stays at the picker ("Choose another"), where it fell to the page before.
    const index = (await page
      .getByTestId('agreement-partnership-option')
      .evaluateAll(
        (options, id) => options.findIndex((o) => o.getAttribute('data-id') === id),
        String(row.id),
      )) as number;
    // Nothing is highlighted before an arrow key: the first ArrowDown highlights the first option.
    for (let step = 0; step <= index; step += 1) await input.press('ArrowDown');
    await expect(input).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) ?? '-');
    await input.press('Enter');
    const chosen = page.getByTestId('agreement-partnership-chosen');
    await expect(chosen).toContainText(`${row.member} – ${row.town}`);
    await expect(page.getByTestId('agreement-partnership-change')).toBeFocused();
    await expect(page.getByTestId('agreement-language')).toHaveValue('pl');

    // An odd number of originals is refused under the field, and nothing can be saved with it.
    const originals = page.locator('#agr-originals');
    await originals.fill('3');
    await expect(page.getByTestId('error-agr-originals')).toHaveText(
      'Počet originálů musí být sudý, aby každá strana obdržela stejný počet.',
    );
    await expect(page.getByTestId('agreement-save')).toBeDisabled();
    await originals.fill('6');
    await expect(page.getByTestId('error-agr-originals')).toHaveCount(0);
    await expect(page.getByTestId('agreement-save')).toBeEnabled();

    await page.getByTestId('agreement-partnership-change').click();
    await expect(input).toHaveValue('');
    await expect(input).toBeFocused();

    // From the partnership's detail, "Vytvořit smlouvu" opens the screen with it chosen.
    await page.getByTestId('nav-partnerships').click();
    await searchPartnerships(page, row.town);
    await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
    const detail = page.getByTestId('partnership-detail');
    await expect(detail.locator('h2')).toContainText(row.town);
    await detail.getByTestId('partnership-create-agreement').scrollIntoViewIfNeeded();
    await saveScreen(page, 'partnership-create-agreement');
    await detail.getByTestId('partnership-create-agreement').click();
    await expect(page.getByRole('heading', { name: 'Smlouvy a memoranda' })).toBeVisible();
    await expect(chosen).toContainText(`${row.member} – ${row.town}`);

    // In English the same.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await page.getByRole('link', { name: 'Agreements' }).first().click();
    // The screen kept the partnership chosen before: another is picked by "Choose another".
    await page.getByTestId('agreement-partnership-change').click();
    await page.getByTestId('agreement-partnership').fill('nachod');
    await expect(option).toBeVisible();
    await saveScreen(page, 'agreement-picker-en');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
  });

  test('a batch lists each draft still to complete and what it lacks', async ({ appPage: page, webApp }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const row = await webApp.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .join('districts as d', 'd.id', 'm.district_id')
      // A partnership no other test drafts for (the worker's database is shared).
      .where('t.name', 'Eschlkam')
      .first<Row & { district: string }>('p.id', 'm.name as member', 't.name as town', 'd.name as district');
    const before = new Set(existsSync(webApp.outputDir) ? readdirSync(webApp.outputDir) : []);
    await page.getByRole('link', { name: 'Smlouvy' }).first().click();
    const batch = page.locator('details.agreement-batch');
    await batch.locator('summary').click();
    await batch.getByLabel('Filtr partnerství').fill(row.town);
    // The member's district tells homonyms apart (two Všeruby in the country).
    await expect(batch.locator('label', { hasText: `${row.member} – ${row.town}` })).toContainText(row.district);
    await batch.getByRole('checkbox', { name: new RegExp(`${row.member} – ${row.town}`) }).check();
    await batch.getByRole('button', { name: 'Vytvořit návrhy…' }).click();
    await expect(batch.locator('.notice-ok')).toBeVisible();
    const incomplete = batch.getByTestId('agreement-batch-incomplete');
    await expect(incomplete).toContainText('Návrhy k doplnění (1)');
    const draft = incomplete.getByTestId('agreement-batch-draft');
    await expect(draft).toHaveCount(1);
    await expect(draft).toContainText(`${row.member} – ${row.town}`);
    await expect(draft).toContainText('.docx');
    // What the registry lacks, named with its party: the partner's mayor is not in the demo.
    await expect(draft).toContainText(new RegExp(`${row.town}: [^;]*jméno starosty/starostky`));
    await incomplete.scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-batch-incomplete');
    // A French partner's number is asked by its French name, as on the single draft (the batch said
    // "IČO / identifikační číslo").
    await batch.getByLabel('Filtr partnerství').fill('Meyrargues');
    await batch.getByRole('checkbox', { name: /Jimramov – Meyrargues/ }).check();
    await batch.getByRole('button', { name: 'Vytvořit návrhy…' }).click();
    const french = incomplete.getByTestId('agreement-batch-draft').filter({ hasText: 'Meyrargues' });
    await expect(french).toContainText(/Meyrargues: [^;]*identifikační číslo \(SIREN\)/);
    await expect(french).not.toContainText(/Meyrargues: [^;]*IČO/);
    // The draft written here goes, so the folder holds only what other tests write.
    for (const file of readdirSync(webApp.outputDir).filter((f) => !before.has(f)))
      rmSync(path.join(webApp.outputDir, file), { force: true });
  });
});
