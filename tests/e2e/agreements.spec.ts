import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { selectWidths } from '../support/layout';
import { expect, saveScreen, test, openAgreementOf } from '../support/web-fixture';

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
    // The partnership by its link, as "Vytvořit smlouvu" in its detail opens it.
    await page.evaluate((id) => {
      window.location.hash = `#/agreements?partnership=${id}`;
    }, String(row.id));
    await expect(page.getByTestId('agreement-partnership-chosen')).toBeVisible();
    await expect(page.getByTestId('agreement-language')).toHaveValue('de');

    // The partner's mayor is not in the registry: listed, not silently blank.
    const missing = page.getByTestId('agreement-missing');
    await expect(missing).toContainText(`${row.town}:`);
    await expect(missing).toContainText('jméno starosty/starostky');
    await saveScreen(page, 'agreements');
    // At 1280 px the template and term selects show their longest choice whole ("Memorandum o
    // přátel…" was cut): each is at least as wide as that text, its padding and its arrow.
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const testId of ['agreement-template', 'agreement-language']) {
      const fits = await selectWidths(page.getByTestId(testId));
      expect(fits.width, `${testId}: ${JSON.stringify(fits)}`).toBeGreaterThanOrEqual(fits.widest + 20);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

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
    // A party whose name is blanked is named by its side in the list (it read ": adresa sídla").
    const partnerName = await page.getByTestId('agr-partner-name').inputValue();
    await page.getByTestId('agr-partner-name').fill('');
    await expect(
      missing
        .getByRole('listitem')
        .filter({ hasText: /^Partnerská strana: / })
        .first(),
    ).toBeVisible();
    await expect(missing.getByRole('listitem').filter({ hasText: /^: / })).toHaveCount(0);
    await page.getByTestId('agr-partner-name').fill(partnerName);

    // Saving with the remaining gaps asks first.
    const before = new Set(existsSync(webApp.outputDir) ? readdirSync(webApp.outputDir) : []);
    await page.getByTestId('agreement-save').click();
    // The count of gaps in Czech number agreement ("Chybí 1 údaj", "Chybějí 2 údaje", "Chybí 5 údajů").
    await expect(page.getByTestId('agreement-confirm')).toContainText(
      /^(Chybí 1 údaj\.|Chybějí [234] údaje\.|Chybí \d+ údajů\.)/,
    );
    // Escape answers the question "Cancel", as in a dialog; the focus is back on Save.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('agreement-confirm')).toHaveCount(0);
    await expect(page.getByTestId('agreement-save')).toBeFocused();
    // A resolution number the partnership refuses stays in the draft, and the notice says so and why.
    await page.getByTestId('agr-partner-resolution').fill('=1+1');
    await page.getByTestId('agreement-save').click();
    // The question's confirm button says what it does; it does not repeat the opener's label.
    await expect(page.getByTestId('agreement-confirm-save')).toHaveText('Přesto exportovat');
    await expect(page.getByTestId('agreement-confirm').getByRole('button', { name: 'Export DOCX…' })).toHaveCount(0);
    await saveScreen(page, 'agreement-confirm-missing');
    await page.getByTestId('agreement-confirm').getByRole('button', { name: 'Přesto exportovat' }).click();
    const saved = page.getByTestId('agreement-saved');
    await expect(saved).toBeVisible();
    await expect(saved.getByTestId('agreement-not-kept')).toContainText(
      'Do partnerství se neuložilo – Usnesení partnera: Číslo usnesení může obsahovat',
    );
    // The question it was saved from is gone: the focus is on Save, not on the page.
    await expect(page.getByTestId('agreement-save')).toBeFocused();
    // The file this save wrote (other tests of the worker may have written theirs before).
    const files = readdirSync(webApp.outputDir).filter((f) => f.endsWith('.docx') && !before.has(f));
    expect(files.length).toBe(1);
    expect(existsSync(path.join(webApp.outputDir, files[0] ?? ''))).toBe(true);
    expect(files[0]).toContain(row.member);

    const drafts = page.getByTestId('agreement-drafts');
    await expect(drafts.locator('tbody tr')).toHaveCount(1);
    await expect(drafts).toContainText(files[0] ?? '');
    // When it was saved, as the Czech screen writes a moment ("5. 12. 2026 16:31"), not "12/5/2026, 4:31 PM".
    await expect(drafts.locator('tbody tr').first()).toContainText(/\d{1,2}\. \d{1,2}\. \d{4} \d{1,2}:\d{2}/);
    // The file name wraps between words and at hyphens ("Lit omyšl – Niesk y" broke inside them):
    // each word of it that fits the column lies on one line.
    const brokenWords = await drafts
      .locator('.agreement-file')
      .first()
      .evaluate((cell) => {
        const width = cell.getBoundingClientRect().width;
        const broken: string[] = [];
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (const match of text.matchAll(/[^\s-]+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const rects = [...range.getClientRects()];
            const lines = new Set(rects.map((rect) => Math.round(rect.top)));
            const wide = rects.reduce((sum, rect) => sum + rect.width, 0);
            if (lines.size > 1 && wide < width) broken.push(match[0]);
          }
        }
        return broken;
      });
    expect(brokenWords).toEqual([]);
    // The moment and the button keep to one line each (walkthrough 19 at 1280 px: the date over
    // three lines, "Re- / generate").
    const lines = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    };
    await page.setViewportSize({ width: 1280, height: 720 });
    const firstRow = drafts.locator('tbody tr').first();
    expect(await firstRow.locator('td').first().evaluate(lines)).toBe(1);
    expect(await firstRow.locator('button').evaluate(lines)).toBe(1);
    await drafts.scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-drafts-list');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('a draft is marked until final; both originals are saved as two files', async ({ appPage: page, webApp }) => {
    const row = await webApp.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('t.country_code', 'DE')
      .orderBy('p.id')
      .first<{ id: number; town: string }>('p.id', 't.name as town');
    await openAgreementOf(page, row.id);
    const preview = page.getByTestId('agreement-preview');
    // Until final, the pages carry the draft's mark in both languages.
    await expect(preview).toContainText('NÁVRH / ENTWURF');
    await page.getByTestId('agreement-final').check();
    await expect(preview).not.toContainText('NÁVRH / ENTWURF');
    await expect(preview).toContainText('Partnerschaftsvertrag');
    await page.getByTestId('agreement-pair').check();
    await expect(preview).toContainText('Vyhotovení pro');
    await page.getByTestId('agreement-missing').scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-save-options');

    const draftsBefore = await page.getByTestId('agreement-drafts').locator('tbody tr').count();
    const filesBefore = readdirSync(webApp.outputDir).length;
    await page.getByTestId('agreement-save').click();
    // A final text with data missing would carry yellow markers without the draft's mark: refused,
    // and only a draft is offered.
    const final = page.getByTestId('agreement-confirm-final');
    await expect(final).toContainText(/^Konečné znění nelze uložit: (chybí|chybějí) \d+ údaj/);
    await expect(page.getByTestId('agreement-save-as-draft')).toBeFocused();
    await saveScreen(page, 'agreement-final-incomplete');
    expect(readdirSync(webApp.outputDir)).toHaveLength(filesBefore);
    await page.getByTestId('agreement-save-as-draft').click();
    await expect(page.getByTestId('agreement-saved')).toContainText('vyhotovení pro');
    await expect(page.getByTestId('agreement-final')).not.toBeChecked();
    await expect(preview).toContainText('NÁVRH / ENTWURF');
    // The Czech municipality's copy under the name the dialog offered, the partner's beside it.
    const copies = readdirSync(webApp.outputDir).filter((f) => f.endsWith('.docx') && f.includes('vyhotovení pro'));
    expect(copies).toHaveLength(2);
    expect(copies.some((f) => f.includes(`vyhotovení pro ${row.town}`))).toBe(true);
    await expect(page.getByTestId('agreement-drafts').locator('tbody tr')).toHaveCount(draftsBefore + 2);
    // A draft made again writes the same file: still one row for it, not two.
    const drafts = page.getByTestId('agreement-drafts');
    const recorded = async () =>
      Number(
        (
          await webApp.ctx.db
            .knex('agreement_documents')
            .where({ partnership_id: row.id })
            .count<{ n: number }[]>({ n: '*' })
        )[0]?.n,
      );
    const recordedBefore = await recorded();
    const again = drafts.locator('tbody tr').first().getByRole('button', { name: 'Znovu vytvořit' });
    await again.click();
    // Replacing the file is the dangerous answer: the focus is on "Zrušit", and Escape cancels the
    // question and gives the row's button the focus back.
    const question = drafts.getByRole('alertdialog');
    await expect(question.getByRole('button', { name: 'Zrušit' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(question).toHaveCount(0);
    await expect(again).toBeFocused();
    expect(await recorded()).toBe(recordedBefore);
    await again.click();
    await question.getByRole('button', { name: 'Nahradit' }).click();
    await expect.poll(recorded).toBe(recordedBefore + 1);
    await expect(drafts.locator('tbody tr')).toHaveCount(draftsBefore + 2);
    // The notice names both files by their real names.
    const partnerCopy = copies.find((f) => f.includes(`vyhotovení pro ${row.town}`)) ?? '';
    await expect(page.getByTestId('agreement-saved-pair')).toContainText(partnerCopy);
    // Saving the pair again: the dialog offers a free name for the Czech copy, but the partner's copy
    // beside it exists, and the question names that file (not the chosen one).
    await page.getByTestId('agreement-save').click();
    await page.getByTestId('agreement-confirm').getByRole('button', { name: 'Přesto exportovat' }).click();
    const overwrite = page.getByTestId('agreement-confirm-overwrite');
    await expect(overwrite).toContainText(partnerCopy);
    await saveScreen(page, 'agreement-pair-overwrite');
    await overwrite.getByRole('button', { name: 'Zrušit' }).click();

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await openAgreementOf(page, row.id);
    // The screen kept the draft (saved as a draft, both originals) while Settings were shown.
    await expect(page.getByTestId('agreement-final')).not.toBeChecked();
    await expect(page.getByTestId('agreement-pair')).toBeChecked();
    await expect(page.getByText('Both originals (two files)')).toBeVisible();
    await expect(preview).toContainText('NÁVRH / ENTWURF');
    await page.getByTestId('agreement-missing').scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-save-options-en');
    // In English too, the question names the partner's copy that exists.
    await page.getByTestId('agreement-save').click();
    await page.getByTestId('agreement-confirm').getByRole('button', { name: 'Export anyway' }).click();
    await expect(page.getByTestId('agreement-confirm-overwrite')).toContainText(partnerCopy);
    await saveScreen(page, 'agreement-pair-overwrite-en');
    await page.getByTestId('agreement-confirm-overwrite').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
  });
});

test('a municipality whose kind the registry does not state: the form says so and the text follows the choice', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .where('t.country_code', 'DE')
    .where('m.kind', 'mesto')
    .orderBy('p.id')
    .first<{ id: number; member: string; municipalityId: number }>(
      'p.id',
      'm.name as member',
      'm.id as municipalityId',
    );
  // As the 2018 list leaves every place but the statutory cities.
  await knex('municipalities').where({ id: row.municipalityId }).update({ kind: 'unknown' });
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openAgreementOf(page, row.id);
    // No choice shows as made: the text's "obec" is highlighted and listed as missing until chosen.
    await expect(page.getByTestId('agr-cz-noun')).toHaveValue('');
    await expect(page.getByTestId('agr-cz-noun').locator('option:checked')).toHaveText(
      'neuvedeno – v textu zvýrazněno „obec“',
    );
    await expect(page.getByTestId('agr-cz-noun-unknown')).toContainText(
      'Registr neuvádí, zda jde o obec, městys nebo město',
    );
    const preview = page.getByTestId('agreement-preview');
    await expect(preview).toContainText(`Obec ${row.member}`);
    const missing = page.getByTestId('agreement-missing');
    await expect(missing).toContainText(`${row.member}: druh obce: registr neuvádí`);
    // Nor is its office: a starosta of an obec or of a town (the Czech title reads the same).
    await expect(page.getByTestId('agr-cz-office')).toHaveValue('');
    await page.getByTestId('agr-cz-noun').selectOption('mesto');
    await expect(preview).toContainText(`Město ${row.member}`);
    await expect(missing).not.toContainText(`${row.member}: druh obce`);
    await expect(page.getByTestId('agr-cz-noun-unknown')).toContainText('vaše volba se uloží do záznamu obce');
    // The office follows the kind while it is the kind's own (a town's starosta).
    await expect(page.getByTestId('agr-cz-office')).toHaveValue('CZ:starosta_mesta');
    await expect(preview).not.toContainText(`Obec ${row.member}`);
    await page.getByTestId('agr-cz-noun').scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-kind-unknown');
  } finally {
    await knex('municipalities').where({ id: row.municipalityId }).update({ kind: 'mesto' });
  }
});

test('a partnership whose term is not stated: the draft asks for it and lists it until chosen', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.country_code', 'DE')
    .where('p.term_kind', 'indefinite')
    .where('p.type', 'formal')
    .orderBy('p.id')
    .first<{ id: number }>('p.id');
  // As an import or a request leaves it.
  await knex('partnerships').where({ id: row.id }).update({ term_kind: 'unknown' });
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openAgreementOf(page, row.id);
    const duration = page.getByTestId('agr-duration');
    await expect(duration).toHaveValue('');
    await expect(duration.locator('option:checked')).toHaveText('— neuvedena, zvolte —');
    const missing = page.getByTestId('agreement-missing');
    await expect(missing).toContainText('doba trvání smlouvy: v registru partnerství neuvedena');
    await duration.scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-term-not-stated');
    await duration.selectOption('indefinite');
    await expect(duration).toHaveValue('indefinite');
    await expect(missing).not.toContainText('doba trvání smlouvy');
  } finally {
    await knex('partnerships').where({ id: row.id }).update({ term_kind: 'indefinite' });
  }
});

/**
 * A draft being typed survives a look at another screen (it was dropped without a word: keyboard
 * walkthrough).
 */
test('what is typed in a draft is still there after another screen', async ({ appPage: page, webApp }) => {
  const knex = webApp.ctx.db.knex;
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.country_code', 'DE')
    .orderBy('p.id')
    .first<{ id: number }>('p.id');
  await openAgreementOf(page, row.id);
  await page.getByTestId('agr-cz-address').fill('Palackého nám. 46/II, 379 01 Třeboň');
  await page.getByTestId('agr-partner-mayorName').fill('Uli Burchardt');
  await page.getByTestId('nav-members').click();
  await expect(page.getByTestId('members-grid')).toBeVisible();
  await page.getByRole('link', { name: 'Smlouvy' }).first().click();
  await expect(page.getByTestId('agr-cz-address')).toHaveValue('Palackého nám. 46/II, 379 01 Třeboň');
  await expect(page.getByTestId('agr-partner-mayorName')).toHaveValue('Uli Burchardt');
});
