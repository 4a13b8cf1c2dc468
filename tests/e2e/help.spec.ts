import { expect, saveScreen, test } from '../support/web-fixture';

/** The Help screen (issue 13 item 9), in Czech and English, from the navigation. */
test('Help explains types, statuses, data sources, import, backups and the keys, in Czech and English', async ({
  appPage: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('nav-help').click();
  const help = page.getByTestId('help-page');
  await expect(help.getByRole('heading', { level: 1 })).toHaveText('Nápověda');
  // Every type and status under its usual name, with what it means.
  await expect(help.getByTestId('help-type-formal')).toContainText('partnerství (smlouva)');
  await expect(help.getByTestId('help-type-unknown')).toContainText('nedomýšlí');
  await expect(help.getByTestId('help-status-dormant')).toContainText('neaktivní');
  // What a period leaves out, and whose membership counts (walkthrough 23).
  await expect(help.getByTestId('help-statuses')).toContainText('se známým rokem zahájení');
  await expect(help.getByTestId('help-statuses')).toContainText('dnešní členové');
  await expect(help.getByTestId('help-sources')).toContainText('Windows-1250');
  await expect(help.getByTestId('help-sources')).toContainText('GeoNames');
  await expect(help.getByTestId('help-sources')).toContainText('Načíst z ARES');
  await expect(help.getByTestId('help-import')).toContainText('doplnit jen prázdné údaje');
  await expect(help.getByTestId('help-backups')).toContainText('ověří');
  await expect(help.getByTestId('help-backups')).toContainText('Přílohy partnerství');
  await expect(help.getByTestId('help-keys')).toContainText('Ctrl+N');
  await expect(help.getByTestId('help-keys').locator('tr', { hasText: 'Delete' })).toContainText(
    'V tabulce partnerství se zeptá, zda řádek smazat',
  );
  await saveScreen(page, 'help-cs');
  await help.getByTestId('help-keys').scrollIntoViewIfNeeded();
  await saveScreen(page, 'help-cs-keys');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  await page.getByTestId('nav-help').click();
  await expect(help.getByRole('heading', { level: 1 })).toHaveText('Help');
  await expect(help.getByTestId('help-type-formal')).toContainText('partnership (agreement)');
  await expect(help.getByTestId('help-status-unknown')).toContainText('never counted as active');
  await expect(help.getByTestId('help-term-unknown')).toContainText('Term “not stated”');
  await expect(help.getByTestId('help-import')).toContainText('fill empty fields only');
  await expect(help.getByTestId('help-backups')).toContainText('Attachments of partnerships');
  await expect(help.getByTestId('help-sources')).toContainText('Look up in ARES');
  await expect(help).not.toContainText('Nápověda');
  await saveScreen(page, 'help-en');
  // Back to Czech for the other tests of this worker.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-cs').click();
  await expect(page.getByTestId('nav-help')).toContainText('Nápověda');
});
