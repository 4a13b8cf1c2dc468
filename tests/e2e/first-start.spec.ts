import { expect, saveScreen, startWebApp, test } from '../support/web-fixture';

/**
 * The first start (issue 13 item 9): the app asks for the user's name for the record history and
 * explains the demo data; answered or skipped, it does not ask again; the name is changed in Settings.
 */
test('the first start asks for the name, which the history then shows; not asked again', async ({ page }) => {
  const webApp = await startWebApp({ firstStart: true });
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(webApp.url);
    const welcome = page.getByTestId('welcome-dialog');
    await expect(welcome).toBeVisible();
    await expect(welcome.getByTestId('welcome-demo')).toContainText('ukázková');
    await expect(welcome.getByTestId('welcome-name')).toBeFocused();
    await saveScreen(page, 'first-start-cs');
    // "Save and start" without a name asks for one instead of closing with nothing saved.
    await welcome.getByTestId('welcome-save').click();
    await expect(welcome.getByTestId('welcome-name-missing')).toHaveText('Napište své jméno, nebo zvolte „Přeskočit“.');
    await expect(welcome.getByTestId('welcome-name')).toBeFocused();
    await welcome.getByTestId('welcome-name').fill('Jana Prvostartová');
    await expect(welcome.getByTestId('welcome-name-missing')).toHaveCount(0);
    await welcome.getByTestId('welcome-save').click();
    await expect(welcome).toHaveCount(0);
    // The first screen takes the focus at its search (it was on the page itself).
    await expect(page.getByTestId('quick-search').locator('visible=true')).toBeFocused();
    // The screen takes the answer at once; core has it once its write is done (polled, not raced).
    await expect
      .poll(() => webApp.ctx.preferences.get())
      .toMatchObject({ actorName: 'Jana Prvostartová', welcomed: true });

    // An edit is written under that name.
    await page.getByTestId('nav-partnerships').click();
    const grid = page.getByTestId('partnerships-grid');
    await expect(grid.locator('.ag-row').first()).toBeVisible();
    await grid.getByTestId('open-partnership').first().click();
    const detail = page.getByTestId('partnership-detail');
    await detail.getByTestId('field-notes').fill('Poznámka po prvním spuštění');
    await detail.getByTestId('detail-save').click();
    await expect(page.getByTestId('toast-ok')).toContainText('Uloženo');
    await expect(detail.getByTestId('history')).toContainText('Jana Prvostartová');

    // A reload does not ask again; Settings shows the name and changes it.
    await page.reload();
    await expect(grid.locator('.ag-row').first()).toBeVisible();
    await expect(page.getByTestId('welcome-dialog')).toHaveCount(0);
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-actor')).toHaveValue('Jana Prvostartová');
    // A blank name is not saved (walkthrough 27: "Uloženo." and the history then said "root").
    await page.getByTestId('settings-actor').fill('   ');
    await page.getByTestId('settings-actor').press('Enter');
    await expect(page.getByTestId('settings-actor-missing')).toContainText('Napište své jméno.');
    await expect(page.getByTestId('settings-actor')).toHaveAttribute('aria-invalid', 'true');
    await saveScreen(page, 'settings-actor-missing-cs');
    expect(await webApp.ctx.preferences.get()).toMatchObject({ actorName: 'Jana Prvostartová' });
    await page.getByTestId('settings-actor').fill('Jana Nová');
    await expect(page.getByTestId('settings-actor-missing')).toHaveCount(0);
    await page.getByTestId('settings-actor').press('Enter');
    await expect.poll(() => webApp.ctx.preferences.get()).toMatchObject({ actorName: 'Jana Nová' });
  } finally {
    await webApp.close();
  }
});

test('skipping the welcome (in English) counts as answered; Escape only puts it off', async ({ page }) => {
  const webApp = await startWebApp({ firstStart: true });
  try {
    await webApp.ctx.preferences.set({ language: 'en' });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(webApp.url);
    const welcome = page.getByTestId('welcome-dialog');
    await expect(welcome).toContainText('Welcome to Twinning Registry');
    await expect(welcome.getByTestId('welcome-demo')).toContainText('demo data');
    await saveScreen(page, 'first-start-en');
    // Escape only puts it off: nothing is stored, and the next start asks again.
    await page.keyboard.press('Escape');
    await expect(welcome).toHaveCount(0);
    await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();
    expect(await webApp.ctx.preferences.get()).toMatchObject({ welcomed: false });
    await page.reload();
    await expect(welcome).toBeVisible();
    // A name typed and Escape: asked before it is lost.
    await welcome.getByTestId('welcome-name').fill('Jana');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('confirm-dialog')).toContainText('Discard unsaved changes?');
    await page.getByTestId('confirm-dialog').getByTestId('confirm-ok-cancel').click();
    await expect(welcome.getByTestId('welcome-name')).toHaveValue('Jana');
    await welcome.getByTestId('welcome-name').fill('');
    await welcome.getByTestId('welcome-skip').click();
    await expect(welcome).toHaveCount(0);
    // The answer is stored as the dialog closes (asynchronously): wait for it.
    await expect.poll(() => webApp.ctx.preferences.get()).toMatchObject({ actorName: '', welcomed: true });
    await page.reload();
    await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();
    await expect(page.getByTestId('welcome-dialog')).toHaveCount(0);
  } finally {
    await webApp.close();
  }
});
