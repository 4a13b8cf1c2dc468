import { expect, saveScreen, startWebApp, test, searchPartnerships } from '../support/web-fixture';

test('Settings ▸ Restore backup, then every kind of edit still saves (no restart)', async ({ page }) => {
  // A registry of its own: restoring must not change what other specs of this worker see.
  const webApp = await startWebApp();
  const knex = webApp.ctx.db.knex;
  await page.goto(webApp.url);
  const status = async (id: number) =>
    (await knex('partnerships').where({ id }).first<{ status: string } | undefined>('status'))?.status;

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backups-table').locator('tbody tr').first()).toBeVisible();
  // A change after the backup, which the restore takes back.
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Wels')
    .first<{ id: number; version: number }>('p.id', 'p.version');
  await knex('partnerships')
    .where({ id: row.id })
    .update({ notes: 'po záloze', version: row.version + 1 });
  // And one made in this window, whose Undo (toast, Ctrl+Z) is offered.
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'wels');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const panel = page.getByTestId('partnership-detail');
  await panel.getByTestId('field-notes').fill('Uloženo před obnovením');
  await panel.getByTestId('detail-save').click();
  await expect(page.getByTestId('toast-ok').first()).toContainText('Uloženo');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-restore').first().click();
  // The question has the focus on its safe answer; Escape cancels it and gives the row's button
  // the focus back.
  await expect(page.getByRole('alertdialog').getByRole('button', { name: 'Zrušit' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('backup-restore-confirm')).toHaveCount(0);
  await expect(page.getByTestId('backup-restore').first()).toBeFocused();
  await page.getByTestId('backup-restore').first().click();
  await page.getByTestId('backup-restore-confirm').click();
  await expect(page.getByTestId('toast-ok').first()).toContainText('Databáze byla obnovena ze zálohy');
  const restored = await knex('partnerships').where({ id: row.id }).first<{ notes: string | null }>('notes');
  expect(restored.notes).not.toBe('po záloze');
  expect(restored.notes).not.toBe('Uloženo před obnovením');
  // The save's Undo belonged to the registry before the restore: its toast is gone, and Ctrl+Z
  // neither undoes anything nor says someone else changed the record.
  await expect(page.getByTestId('toast-action')).toHaveCount(0);
  await page.locator('body').press('Control+z');
  // A call made after the key press has its answer after any the key started: then no error came.
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('toast-ok').first()).toContainText('Záloha');
  await expect(page.getByTestId('toast-error')).toHaveCount(0);
  expect((await knex('partnerships').where({ id: row.id }).first<{ notes: string | null }>('notes')).notes).toBe(
    restored.notes,
  );
  await saveScreen(page, 'settings-restored');

  // An inline edit, a detail save with a contact: all saved after the restore.
  await page.getByTestId('nav-partnerships').click();
  const grid = page.getByTestId('partnerships-grid');
  await searchPartnerships(page, 'wels');
  const cell = grid.locator('.ag-cell[col-id="status"]').first();
  await cell.dblclick();
  await grid.locator('.ag-cell-inline-editing [role="combobox"]').click();
  await page.getByRole('option', { name: 'neaktivní', exact: true }).click();
  await expect.poll(() => status(row.id)).toBe('dormant');
  await grid.getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await detail.getByTestId('field-notes').fill('Upraveno po obnovení zálohy');
  await detail.getByTestId('detail-save').click();
  await expect(page.getByTestId('toast-ok').first()).toContainText('Uloženo');
  await detail.getByTestId('add-contact-partner').click();
  await detail.getByTestId('contact-name').fill('Andreas Rabl');
  await detail.getByTestId('contact-save').click();
  await expect(detail.getByTestId('contacts-partner')).toContainText('Andreas Rabl');
  expect(await knex('contacts').where({ partnership_id: row.id, name: 'Andreas Rabl' }).first('id')).toBeDefined();
  await webApp.close();
});

test('a restore in another window forgets the undos this window offered', async ({ page, context }) => {
  const webApp = await startWebApp();
  const knex = webApp.ctx.db.knex;
  await page.goto(webApp.url);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backups-table').locator('tbody tr').first()).toBeVisible();

  // A second window (a tab of the web preview) saves a change and offers its undo.
  const other = await context.newPage();
  await other.goto(webApp.url);
  await other.getByTestId('nav-partnerships').click();
  await searchPartnerships(other, 'wels');
  await other.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const panel = other.getByTestId('partnership-detail');
  await panel.getByTestId('field-notes').fill('Uloženo v druhém okně');
  await panel.getByTestId('detail-save').click();
  await expect(other.getByTestId('toast-action')).toHaveCount(1);
  await other.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // The first window restores the backup made before that save.
  await page.getByTestId('backup-restore').first().click();
  await page.getByTestId('backup-restore-confirm').click();
  await expect(page.getByTestId('toast-ok').first()).toContainText('Databáze byla obnovena ze zálohy');
  const notes = async () =>
    (
      await knex('partnerships as p')
        .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
        .where('t.name', 'Wels')
        .first<{ notes: string | null }>('p.notes')
    ).notes;
  const restored = await notes();
  expect(restored).not.toBe('Uloženo v druhém okně');

  // The other window heard it: its undo toast closed, and Ctrl+Z there changes nothing and says
  // nothing about someone else's change.
  await expect(other.getByTestId('toast-action')).toHaveCount(0);
  await other.locator('body').press('Control+z');
  await other.getByTestId('nav-settings').click();
  await other.getByTestId('backup-now').click();
  await expect(other.getByTestId('toast-ok').first()).toContainText('Záloha');
  await expect(other.getByTestId('toast-error')).toHaveCount(0);
  expect(await notes()).toBe(restored);
  await other.close();
  await webApp.close();
});

test('a restore says which later changes leave the registry and where they stay; backups are named by time and kind, in Czech and English (walkthrough 27, finding 5)', async ({
  page,
}) => {
  // A registry of its own: the restores must not change what other specs of this worker see.
  const webApp = await startWebApp();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(webApp.url);
  await page.getByTestId('nav-settings').click();
  const rows = page.getByTestId('backups-table').locator('tbody tr');
  const texts = {
    cs: {
      made: (date: string) => `Záloha pořízená ${date} (ručně) byla vytvořena a ověřena.`,
      question: (date: string) =>
        `Obnovit databázi ze zálohy pořízené ${date} (ručně)? Změny provedené po ${date} pak v registru nebudou. Zůstanou jen v záloze „před obnovou“ pořízené teď (`,
      restored: (date: string) =>
        `Databáze byla obnovena ze zálohy pořízené ${date} (ručně). Stav před obnovením je v záloze pořízené `,
      safety: '(před obnovou).',
      file: 'Soubor zálohy: registry-',
    },
    en: {
      made: (date: string) => `The backup of ${date} (manual) was made and verified.`,
      question: (date: string) =>
        `Restore the database from the backup of ${date} (manual)? Changes made after ${date} will then not be in the registry. They stay only in the backup “before a restore” made now (`,
      restored: (date: string) =>
        `The database was restored from the backup of ${date} (manual). The state before the restore is in the backup of `,
      safety: '(before a restore).',
      file: 'Backup file: registry-',
    },
  };
  for (const language of ['cs', 'en'] as const) {
    const say = texts[language];
    await page.getByTestId(`language-${language}`).click();
    const before = await rows.count();
    await page.getByTestId('backup-now').click();
    await expect(rows).toHaveCount(before + 1);
    const made = page
      .getByTestId('toast-ok')
      .filter({ hasText: language === 'cs' ? 'Záloha' : 'backup' })
      .first();
    await expect(made).toBeVisible();
    // The newest backup, the one just made, is the table's first row; the toast names it as the row does.
    const row = rows.first();
    const date = (await row.locator('td').first().textContent()) ?? '';
    await expect(made).toContainText(say.made(date));
    await expect(made).not.toContainText('.db');
    await expect(row).toHaveAttribute('title', new RegExp(`^${say.file}.*\\.db$`));

    await row.getByTestId('backup-restore').click();
    const question = page.getByRole('alertdialog');
    await expect(question).toContainText(say.question(date));
    await expect(question).not.toContainText(language === 'cs' ? 'o nic nepřijdete' : 'nothing is lost');
    await question.scrollIntoViewIfNeeded();
    await saveScreen(page, `backups-restore-question-${language}`);
    await page.getByTestId('backup-restore-confirm').click();
    const restored = page.getByTestId('toast-ok').filter({ hasText: say.restored(date) });
    await expect(restored).toContainText(say.safety);
    await expect(restored).not.toContainText('.db');
    await saveScreen(page, `backups-restored-${language}`);
    // The backup made before the restore is listed, named as the toast named it.
    await expect(rows.filter({ hasText: say.safety.slice(1, -2) })).not.toHaveCount(0);
    // Closed, so that the next language's toasts are the only ones (a toast is said again in the new language).
    const toasts = page.getByTestId('toast-ok');
    while ((await toasts.count()) > 0) await toasts.first().locator('.close-button').click();
  }
  await page.getByTestId('language-cs').click();
  await webApp.close();
});
