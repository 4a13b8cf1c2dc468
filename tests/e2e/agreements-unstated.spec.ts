import { expect, saveScreen, test, openAgreementOf } from '../support/web-fixture';

/*
 * Walkthrough 21, findings 1–3 on the agreement screen: an office and a place nobody stated are
 * markers in the text and listed as missing; the towns are offered as places, never filled in by
 * themselves; a kind and an office that contradict each other are listed.
 */

type Pair = {
  id: number;
  townId: number;
  municipalityId: number;
  member: string;
  memberKind: string;
  townKind: string;
  office: string | null;
};

test.describe('what nobody stated in a draft', () => {
  const pairOf = async (knex: import('knex').Knex): Promise<Pair> =>
    await knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .where('t.name', 'Kłodzko')
      .first<Pair>(
        'p.id',
        't.id as townId',
        'm.id as municipalityId',
        'm.name as member',
        'm.kind as memberKind',
        't.kind as townKind',
        't.mayor_office as office',
      );

  test('an office and a place nobody stated: markers, listed, offered; choosing states them', async ({
    appPage: page,
    webApp,
  }) => {
    const knex = webApp.ctx.db.knex;
    const pair = await pairOf(knex);
    // As the registry of walkthrough 21 has them: no kind of either town, no office on the card.
    await knex('foreign_towns').where({ id: pair.townId }).update({ kind: 'unknown', mayor_office: null });
    await knex('municipalities').where({ id: pair.municipalityId }).update({ kind: 'unknown' });
    try {
      await page.setViewportSize({ width: 1440, height: 900 });
      await openAgreementOf(page, pair.id);
      await expect(page.getByTestId('agreement-language')).toHaveValue('pl');
      const preview = page.getByTestId('agreement-preview');
      const missing = page.getByTestId('agreement-missing');
      // No office shows as chosen, on either side.
      for (const side of ['cz', 'partner']) {
        await expect(page.getByTestId(`agr-${side}-office`)).toHaveValue('');
        await expect(page.getByTestId(`agr-${side}-office`).locator('option:checked')).toHaveText(
          '— neuvedena, zvolte —',
        );
      }
      // "Wójt Gminy" was printed as fact: now the Polish title names the offices it may be, marked.
      await expect(preview).toContainText('[doplňte / proszę uzupełnić: Wójt Gminy / Burmistrz Miasta]');
      await expect(missing).toContainText('Kłodzko: funkce zástupce: registr neuvádí úřad ani druh obce');
      await expect(missing).toContainText(`${pair.member}: funkce zástupce: registr neuvádí úřad ani druh obce`);
      // The place is nobody's guess: blank, marked in both signature blocks, listed for both.
      await expect(page.getByTestId('agr-cz-signingPlace')).toHaveValue('');
      await expect(page.getByTestId('agr-partner-signingPlace')).toHaveValue('');
      await expect(page.getByTestId('agr-cz-signingPlace-hint')).toContainText('Neuvedeno');
      await expect(preview).toContainText('Místo / Miejsce: [doplňte: místo podpisu]');
      await expect(preview).toContainText('Místo / Miejsce: [doplňte / proszę uzupełnić: miejsce podpisania]');
      await expect(missing).toContainText(`${pair.member}: místo podpisu`);
      await expect(missing).toContainText('Kłodzko: místo podpisu');
      await page.getByTestId('agr-partner-signingPlace').scrollIntoViewIfNeeded();
      await saveScreen(page, 'agreement-unstated-office-place');

      // Both towns are offered to both sides (one ceremony, one place); a click fills the field.
      const czSide = page.locator('fieldset.agreement-party').first();
      const partnerSide = page.locator('fieldset.agreement-party').nth(1);
      await expect(czSide.getByRole('button', { name: 'Použít: Kłodzko' })).toBeVisible();
      await czSide.getByRole('button', { name: `Použít: ${pair.member}` }).click();
      await partnerSide.getByRole('button', { name: `Použít: ${pair.member}` }).click();
      await expect(page.getByTestId('agr-partner-signingPlace')).toHaveValue(pair.member);
      await expect(missing).not.toContainText('místo podpisu');
      await expect(preview).toContainText(`Místo / Miejsce: ${pair.member}`);
      await expect(preview).not.toContainText('miejsce podpisania');

      // Choosing the partner's kind states its office: the burmistrz of a town, printed.
      await page.getByTestId('agr-partner-noun').selectOption('foreign_town');
      await expect(page.getByTestId('agr-partner-office')).toHaveValue('PL:burmistrz');
      await expect(missing).not.toContainText('Kłodzko: funkce zástupce');
      // The Czech party's office chosen: no marker left for a title.
      await page.getByTestId('agr-cz-office').selectOption('CZ:starosta_mesta');
      await expect(missing).not.toContainText('funkce zástupce');
      await expect(preview).not.toContainText('Wójt Gminy / Burmistrz Miasta');
      await expect(preview).toContainText('Burmistrz Miasta');
      await page.getByTestId('agr-partner-office').scrollIntoViewIfNeeded();
      await saveScreen(page, 'agreement-office-stated');
    } finally {
      await knex('foreign_towns').where({ id: pair.townId }).update({ kind: pair.townKind, mayor_office: pair.office });
      await knex('municipalities').where({ id: pair.municipalityId }).update({ kind: pair.memberKind });
    }
  });

  test('English: the same, in English', async ({ appPage: page, webApp }) => {
    const knex = webApp.ctx.db.knex;
    const pair = await pairOf(knex);
    await knex('foreign_towns').where({ id: pair.townId }).update({ kind: 'unknown', mayor_office: null });
    await webApp.ctx.preferences.set({ language: 'en' });
    try {
      await page.reload();
      await openAgreementOf(page, pair.id);
      const missing = page.getByTestId('agreement-missing');
      await expect(page.getByTestId('agr-partner-office').locator('option:checked')).toHaveText(
        '— not stated, choose —',
      );
      await expect(missing).toContainText('Kłodzko: representative’s office: the registry states neither');
      await expect(missing).toContainText('Kłodzko: place of signature (marked to fill in)');
      await expect(page.getByTestId('agr-partner-signingPlace-hint')).toHaveText(
        'Not stated: the document marks it to fill in.',
      );
      await expect(
        page.locator('fieldset.agreement-party').nth(1).getByRole('button', { name: 'Use: Kłodzko' }),
      ).toBeVisible();
      await saveScreen(page, 'agreement-unstated-office-place-en');
    } finally {
      await webApp.ctx.preferences.set({ language: 'cs' });
      await knex('foreign_towns').where({ id: pair.townId }).update({ kind: pair.townKind, mayor_office: pair.office });
    }
  });
});
