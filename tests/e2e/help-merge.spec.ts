import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * Help tells how duplicates are merged and how a merge and a town card's change are undone, with
 * the buttons' own labels, in Czech and English (task E).
 */
test('Help explains merging duplicates and undoing it, with the buttons’ labels, in Czech and English', async ({
  appPage: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const help = page.getByTestId('help-page');
  const merge = help.getByTestId('help-merge');
  try {
    await page.getByTestId('nav-help').click();
    await expect(help.getByRole('heading', { level: 1 })).toHaveText('Nápověda');
    // The contents lead to the section.
    await help.getByRole('navigation').getByRole('link', { name: 'Duplicity a slučování' }).click();
    await expect(merge.getByRole('heading', { level: 2 })).toHaveText('Duplicity a slučování');
    await expect(merge.getByRole('heading', { level: 2 })).toBeInViewport();
    for (const text of [
      '„Ruzomberk“ vedle „Ružomberok“',
      '„Sloučit s jiným záznamem města…“',
      '„Sloučit s jiným partnerstvím obce…“',
      'navržen je ten s vazbou na místopis (GeoNames)',
      'zůstanou jako další názvy',
      'spojí se v jedno',
      'Vrátit zpět',
      '„Vrátit sloučení“',
      '„Vrátit sloučení a ponechat pozdější změny…“',
      '„Vrátit tuto změnu“',
      'Nastavení ▸ Propojení partnerských měst s místopisným rejstříkem',
    ])
      await expect(merge).toContainText(text);
    await saveScreen(page, 'help-merge-cs');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('nav-help').click();
    await expect(help.getByRole('heading', { level: 1 })).toHaveText('Help');
    await help.getByRole('navigation').getByRole('link', { name: 'Duplicates and merging' }).click();
    await expect(merge.getByRole('heading', { level: 2 })).toBeInViewport();
    for (const text of [
      '“Ruzomberk” beside “Ružomberok”',
      '“Merge with another record of this town…”',
      '“Merge with another partnership of this member…”',
      'the one linked to the gazetteer (GeoNames) is proposed',
      'stay as other names',
      'joined into one',
      'Undo button',
      '“Undo the merge”',
      '“Undo the merge, keeping the later changes…”',
      '“Revert this change”',
      'Settings ▸ Linking partner towns to the gazetteer',
    ])
      await expect(merge).toContainText(text);
    await expect(merge).not.toContainText('Sloučit');
    await saveScreen(page, 'help-merge-en');
  } finally {
    // Back to Czech for the other tests of this worker.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
    await expect(page.getByTestId('nav-help')).toContainText('Nápověda');
  }
});
