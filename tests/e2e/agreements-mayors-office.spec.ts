import { expect, saveScreen, test } from '../support/web-fixture';

/* The agreement screen's options for a mayor's office (issue 14 item 9): the dispute and
   data-protection articles, the partner's countersignature, Annex 1 and a project's programme,
   lead partner and budget shares, in Czech and English at 1280×720. */

const partnershipWith = async (
  webApp: { ctx: { db: { knex: (table: string) => import('knex').Knex.QueryBuilder } } },
  town: string,
) =>
  String(
    (
      await webApp.ctx.db
        .knex('partnerships as p')
        .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
        .where('t.name', town)
        .first<{ id: number }>('p.id')
    ).id,
  );

test.describe('Agreements for a mayor’s office', () => {
  test('a Czech–Polish project agreement with the skarbnik’s countersignature and Annex 1', async ({
    appPage: page,
    webApp,
  }) => {
    const id = await partnershipWith(webApp, 'Kłodzko');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('link', { name: 'Smlouvy' }).first().click();
    // The partnership by its link, as "Vytvořit smlouvu" in its detail opens it.
    await page.evaluate((id) => {
      window.location.hash = `#/agreements?partnership=${id}`;
    }, id);
    await expect(page.getByTestId('agreement-partnership-chosen')).toBeVisible();
    await expect(page.getByTestId('agreement-language')).toHaveValue('pl');
    const preview = page.getByTestId('agreement-preview');
    // A Polish town's number is its REGON: so the field, the document and the missing list say.
    await expect(page.locator('label[for="agr-partner-idNumber"]')).toHaveText('REGON');
    await expect(preview).toContainText('[doplňte / proszę uzupełnić: REGON]');
    await expect(
      page.getByTestId('agreement-missing').getByRole('listitem').filter({ hasText: 'Kłodzko: REGON' }),
    ).toHaveCount(1);
    await expect(page.getByTestId('agreement-missing')).not.toContainText('Kłodzko: IČO');

    // The new optional articles are offered, ticked, and in the text.
    await expect(page.getByTestId('agreement-article-disputes')).toBeChecked();
    await expect(page.locator('label.check').getByText('Řešení sporů', { exact: true })).toBeVisible();
    await expect(preview).toContainText('Rozstrzyganie sporów');
    await page.getByTestId('agreement-article-disputes').uncheck();
    await expect(preview).not.toContainText('Rozstrzyganie sporów');

    const integration = page.locator('label.check').filter({ hasText: 'Evropská integrace' }).getByRole('checkbox');
    await expect(integration).toBeChecked();
    await expect(preview).toContainText('vědomy si významu evropské integrace');
    await page.getByTestId('agreement-template').selectOption('project');
    // A project agreement starts from its own preambles (none), not the partnership's.
    await expect(integration).not.toBeChecked();
    await expect(preview).not.toContainText('vědomy si významu evropské integrace');
    await page.getByTestId('agreement-programme').fill('Interreg VI-A Česko – Polsko');
    await page.getByTestId('agreement-lead-partner').selectOption('partner');
    await page.getByTestId('agreement-share-cz').fill('45 %');
    await expect(preview).toContainText('Vedoucím partnerem projektu je město');
    await expect(preview).toContainText('Interreg VI-A Česko – Polsko');
    // The partner's share is still blank: a marker in the Polish column.
    await expect(preview).toContainText('[doplňte / proszę uzupełnić: udział w budżecie]');
    await expect(page.getByTestId('agreement-missing')).toContainText('podíl na rozpočtu projektu');

    // The countersignature of a Polish partner's skarbnik.
    await page.getByTestId('agreement-countersign-check').check();
    await expect(preview).toContainText('Kontrasygnata Skarbnika');
    await page.getByTestId('agreement-countersign-name').fill('Anna Kowalska');
    await expect(preview).toContainText('Anna Kowalska');

    await page.getByTestId('agreement-annex').check();
    await expect(preview).toContainText('Załącznik nr');
    await expect(preview).toContainText('Plán spolupráce');

    await page.getByTestId('agreement-programme').scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-mayors-office-cs');
    await page.getByTestId('agreement-countersign').scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-countersign-cs');
  });

  test('the draft’s own wording: reword an article, add an own clause', async ({ appPage: page, webApp }) => {
    const id = await partnershipWith(webApp, 'Kłodzko');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('link', { name: 'Smlouvy' }).first().click();
    // The partnership by its link, as "Vytvořit smlouvu" in its detail opens it.
    await page.evaluate((id) => {
      window.location.hash = `#/agreements?partnership=${id}`;
    }, id);
    await expect(page.getByTestId('agreement-partnership-chosen')).toBeVisible();
    const preview = page.getByTestId('agreement-preview');
    await expect(preview).toContainText('Finansowanie');
    await page.getByTestId('agreement-edit-financing').click();
    // The editor starts from the article as printed, in both languages.
    await expect(page.getByTestId('agreement-edit-cs')).toHaveValue(/^Financování\nKaždá smluvní strana hradí/);
    await expect(page.getByTestId('agreement-edit-partner')).toHaveValue(/^Finansowanie\n/);
    await page.getByTestId('agreement-edit-cs').fill('Financování\nNáklady hradí každá strana sama.');
    await page.getByTestId('agreement-edit-partner').fill('Finansowanie\nKoszty ponosi każda Strona sama.');
    await page.getByTestId('agreement-edit-apply').click();
    await expect(preview).toContainText('Koszty ponosi każda Strona sama.');
    await expect(page.getByTestId('agreement-edit-row-financing')).toContainText('(upraveno)');

    await page.getByTestId('agreement-add-own').click();
    await page
      .getByTestId('agreement-edit-cs')
      .fill('Výročí partnerství\nStrany společně oslaví 30. výročí partnerství.');
    await page.getByTestId('agreement-edit-partner').fill('Rocznica partnerstwa\nStrony wspólnie uczczą 30. rocznicę.');
    await page.getByTestId('agreement-edit-apply').click();
    await expect(preview).toContainText('Strony wspólnie uczczą 30. rocznicę.');
    await page.getByTestId('agreement-remove-forms').click();
    await expect(page.getByTestId('agreement-removed-forms')).toContainText('Formy spolupráce');
    await expect(preview).not.toContainText('Formy współpracy');
    await page.getByTestId('agreement-article-edits').scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-article-edits-cs');
    await page.getByTestId('agreement-edit-financing').click();
    await page.getByTestId('agreement-article-editor').scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-article-editor-cs');
  });

  test('in English: the same options, labelled in English', async ({ appPage: page, webApp }) => {
    await webApp.ctx.preferences.set({ language: 'en' });
    try {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.reload();
      const id = await partnershipWith(webApp, 'Eger');
      await page.getByRole('link', { name: 'Agreements' }).first().click();
      // The partnership by its link, as "Vytvořit smlouvu" in its detail opens it.
      await page.evaluate((id) => {
        window.location.hash = `#/agreements?partnership=${id}`;
      }, id);
      await expect(page.getByTestId('agreement-partnership-chosen')).toBeVisible();
      await expect(page.getByTestId('agreement-language')).toHaveValue('hu');
      await expect(page.locator('label[for="agr-partner-idNumber"]')).toHaveText(
        'ID number (törzskönyvi azonosító szám)',
      );
      await expect(page.locator('label[for="agr-cz-idNumber"]')).toHaveText('ID number (IČO)');
      await expect(page.getByText('Settlement of Disputes', { exact: true })).toBeVisible();
      await expect(page.getByText('Data Protection', { exact: true })).toBeVisible();
      await expect(page.getByText('Annex 1 – Cooperation plan')).toBeVisible();
      await expect(page.getByTestId('agreement-countersign')).toContainText(
        'Countersignature of the town clerk (jegyzői ellenjegyzés)',
      );
      await page.getByTestId('agreement-countersign-check').check();
      await expect(page.getByTestId('agreement-preview')).toContainText('Jegyzői ellenjegyzés');
      await page.getByTestId('agreement-template').selectOption('project');
      await expect(page.getByText('Funding programme')).toBeVisible();
      await expect(page.getByText('Lead partner', { exact: true })).toBeVisible();
      // The article editor names the articles in English (it listed the document's Czech headings).
      await expect(page.getByTestId('agreement-edit-row-subject')).toContainText('Subject of the Agreement');
      await expect(page.getByTestId('agreement-edit-row-subject')).not.toContainText('Předmět');
      await page.getByTestId('agreement-remove-subject').click();
      await expect(page.getByTestId('agreement-removed-subject')).toContainText('Subject of the Agreement');
      await page.getByTestId('agreement-removed-subject').getByRole('button', { name: 'Restore' }).click();
      await expect(page.getByTestId('agreement-edit-row-subject')).toBeVisible();
      await page.getByTestId('agreement-programme').scrollIntoViewIfNeeded();
      await saveScreen(page, 'agreement-mayors-office-en');
      // A charter leaves the two new paragraphs out until they are ticked.
      await page.getByTestId('agreement-template').selectOption('charter');
      await expect(page.getByTestId('agreement-article-disputes')).not.toBeChecked();
      await page.getByTestId('agreement-countersign').scrollIntoViewIfNeeded();
      await saveScreen(page, 'agreement-countersign-en');
      await expect(page.getByTestId('agreement-article-edits')).toContainText('Article edits');
      await page.getByTestId('agreement-add-own').click();
      await expect(page.getByText("Text in the partner's language (Hungarian)")).toBeVisible();
      await page.getByTestId('agreement-article-editor').scrollIntoViewIfNeeded();
      await saveScreen(page, 'agreement-article-editor-en');
    } finally {
      await webApp.ctx.preferences.set({ language: 'cs' });
    }
  });
});
