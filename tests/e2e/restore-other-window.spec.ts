import { expect, saveScreen, searchPartnerships, startWebApp, test } from '../support/web-fixture';

/**
 * Walkthrough 20, finding 10: two tabs of the web preview on one registry. Tab A backs up; tab B
 * saves a partnership's notes after that and types a place of signing without saving; tab A
 * restores the backup. Tab B is told (when, from which backup, that its typed text was not saved),
 * its screens show the restored registry, the typed text stays in its form, and its save is
 * refused naming the restore: nothing of the registry before the restore is written over it.
 */
for (const language of ['cs', 'en'] as const) {
  test(`another tab hears of a restored backup and cannot save over it (${language})`, async ({ browser }) => {
    // Two tabs, a backup and a restore: longer than one screen's test.
    test.setTimeout(120_000);
    const webApp = await startWebApp();
    await webApp.ctx.preferences.set({ language });
    const knex = webApp.ctx.db.knex;
    const text = {
      cs: { saved: 'Uloženo', restored: 'Databáze byla obnovena ze zálohy', notice: 'Registr byl obnoven ze zálohy' },
      en: {
        saved: 'Saved',
        restored: 'The database was restored from',
        notice: 'The registry was restored from a backup',
      },
    }[language];
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const tabA = await context.newPage();
    const tabB = await context.newPage();
    const errors: string[] = [];
    for (const tab of [tabA, tabB]) tab.on('pageerror', (error) => errors.push(error.message));
    await tabA.goto(webApp.url);
    await tabB.goto(webApp.url);

    // 1. Tab A: Settings ▸ Back up now.
    await tabA.getByTestId('nav-settings').click();
    await tabA.getByTestId('backup-now').click();
    await expect(tabA.getByTestId('toast-ok').first()).toBeVisible();

    // 2. Tab B: saves notes after the backup, then types the place of signing without saving.
    await tabB.getByTestId('nav-partnerships').click();
    await searchPartnerships(tabB, 'wels');
    await tabB.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
    const panel = tabB.getByTestId('partnership-detail');
    await panel.getByTestId('field-notes').fill('ZMĚNA PO ZÁLOZE');
    await panel.getByTestId('detail-save').click();
    await expect(tabB.getByTestId('toast-ok').first()).toContainText(text.saved);
    const row = await knex('partnerships')
      .where({ notes: 'ZMĚNA PO ZÁLOZE' })
      .first<{ id: number; signed_place: string | null }>('id', 'signed_place');
    expect(row).toBeDefined();
    await panel.getByTestId('field-signedPlace').fill('Wels, radnice');

    // 3. Tab A: restores that backup.
    await tabA.getByTestId('backup-restore').first().click();
    await tabA.getByTestId('backup-restore-confirm').click();
    await expect(tabA.getByTestId('toast-ok').first()).toContainText(text.restored);
    const stored = () =>
      knex('partnerships')
        .where({ id: row?.id })
        .first<{ notes: string | null; signed_place: string | null; version: number }>(
          'notes',
          'signed_place',
          'version',
        );
    const restored = await stored();
    expect(restored?.notes).not.toBe('ZMĚNA PO ZÁLOZE');

    // Tab B is told, names its unsaved form, and keeps the typed text.
    const notice = tabB.getByTestId('restore-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(text.notice);
    await expect(tabB.getByTestId('restore-notice-unsaved')).toContainText('Wels');
    await expect(panel.getByTestId('field-signedPlace')).toHaveValue('Wels, radnice');
    await saveScreen(tabB, `restore-other-window-notice-${language}`);
    // The tab that restored says so in its own toast, not in this notice.
    await expect(tabA.getByTestId('restore-notice')).toHaveCount(0);

    // Tab B's save of what it read before the restore is refused, naming the restore.
    await panel.getByTestId('detail-save').click();
    const refusal = language === 'cs' ? 'obnoven ze zálohy' : 'restored from the backup';
    await expect(tabB.getByText(refusal, { exact: false }).last()).toBeVisible();
    // The line beside Save names the restore too, not "someone else".
    await expect(panel.getByTestId('detail-conflict-inline')).toContainText(
      language === 'cs' ? 'registr byl mezitím obnoven ze zálohy' : 'the registry was restored from a backup',
    );
    await saveScreen(tabB, `restore-other-window-refused-${language}`);
    expect(await stored()).toEqual(restored);
    expect(restored?.signed_place).not.toBe('Wels, radnice');

    await tabB.getByTestId('restore-notice-close').click();
    await expect(tabB.getByTestId('restore-notice')).toHaveCount(0);
    expect(errors).toEqual([]);
    await context.close();
    await webApp.close();
  });
}
