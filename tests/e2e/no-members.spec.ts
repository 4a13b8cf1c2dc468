import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createRequest } from '../../electron/core/services/requests-service';
import { expect, saveScreen, startWebApp, test } from '../support/web-fixture';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * A registry whose municipalities are not marked as members yet (a list of all municipalities just
 * imported): the screens that show members by default say why they are empty and offer all
 * municipalities, and "New partnership" says why it has no member to offer.
 */
test('no member marked: the empty screens say why and show all municipalities on request (cs, en)', async ({
  page,
}) => {
  const app = await startWebApp({
    prepare: (databasePath) => {
      execFileSync(process.execPath, [path.join(ROOT, 'bin', 'twinreg.mjs'), 'init', '--demo', '--db', databasePath], {
        stdio: 'pipe',
      });
      return Promise.resolve();
    },
  });
  try {
    const knex = app.ctx.db.knex;
    await knex('municipalities').update({ is_member: false });
    const municipalities = Number((await knex('municipalities').count<{ n: number }[]>({ n: '*' }))[0]?.n);
    const partnerships = Number((await knex('partnerships').count<{ n: number }[]>({ n: '*' }))[0]?.n);
    expect(municipalities).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.goto(`${app.url}#/members`);
    const notice = page.getByTestId('no-members-notice');
    await expect(notice).toContainText('není žádná obec označená jako členská');
    await expect(page.getByTestId('members-grid').locator('.ag-row')).toHaveCount(0);
    await saveScreen(page, 'no-members-members');
    // The agreement's "member and partner town" has no member to offer: it says why.
    await page.getByTestId('nav-agreements').click();
    await page.getByRole('button', { name: 'Členská obec a partnerské město' }).click();
    await expect(page.getByTestId('agreement-no-members')).toContainText(
      'Žádná obec v registru není označena jako členská.',
    );
    await page.getByTestId('nav-members').click();
    await notice.getByTestId('no-members-show-all').click();
    await expect(page.getByTestId('filter-membership')).toHaveValue('all');
    await expect(notice).toHaveCount(0);
    await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();

    await page.getByTestId('nav-partnerships').click();
    const partnershipsNotice = page.getByTestId('no-members-notice');
    await expect(partnershipsNotice).toContainText('Žádné partnerství v registru nepatří členské obci');
    await saveScreen(page, 'no-members-partnerships');
    await partnershipsNotice.getByTestId('no-members-show-all').click();
    await expect(page.getByTestId('filter-membership')).toHaveValue('all');
    await expect(page.getByTestId('row-count')).toContainText(String(partnerships));
    // The choice stays for the session: away to another screen and back, all partnerships still.
    await page.getByTestId('nav-requests').click();
    await page.getByTestId('nav-partnerships').click();
    await expect(page.getByTestId('filter-membership')).toHaveValue('all');
    await expect(page.getByTestId('row-count')).toContainText(String(partnerships));

    // A new partnership is a member's: the dialog says why it offers none.
    await page.getByTestId('add-partnership').click();
    await expect(page.getByTestId('no-members-notice')).toContainText('Partnerství se zakládá členské obci');
    await saveScreen(page, 'no-members-new-partnership');
    await page.keyboard.press('Escape');
    // A foreign town's request becomes a member's partnership as well (walkthrough 19: this dialog
    // listed every municipality while "New partnership" listed members): none to offer, said why.
    await createRequest(app.ctx, {
      direction: 'foreign_seeks',
      municipalityId: null,
      requesterName: 'Freistadt',
      requesterCountryCode: 'AT',
      wantedCountryCodes: ['CZ'],
      wantedSize: null,
      themes: [],
      description: null,
      status: 'new',
      receivedOn: null,
    });
    await page.getByTestId('nav-requests').click();
    await page.getByTestId('requests-grid').locator('.ag-row [col-id="requester"]', { hasText: 'Freistadt' }).click();
    await page.getByTestId('convert-request').click();
    const convert = page.getByTestId('convert-dialog');
    await expect(convert.getByTestId('no-members-notice')).toContainText('Partnerství se zakládá členské obci');
    await expect(convert.getByTestId('convert-member').locator('option')).toHaveCount(1);
    // The same labels as "New partnership".
    await expect(convert.locator('label[for="c-type"]')).toHaveText('Typ partnerství');
    await expect(convert.locator('label[for="c-startedOn"]')).toHaveText('Zahájeno');
    await saveScreen(page, 'no-members-convert-request');
    await convert.getByRole('button', { name: 'Zrušit' }).click();

    // Statistics: all zero for members, said why; all municipalities on request.
    await page.getByTestId('nav-statistics').click();
    const statsNotice = page.getByTestId('no-members-notice');
    await expect(statsNotice).toContainText('není žádná obec označená jako členská');
    await saveScreen(page, 'no-members-statistics');
    await statsNotice.getByTestId('no-members-show-all').click();
    await expect(page.getByTestId('stats-membership')).toHaveValue('all');
    await expect(page.getByTestId('card-members').locator('.stats-card-value')).toHaveText(String(municipalities));
    await expect(statsNotice).toHaveCount(0);
    // Under a type the count of municipalities is the same (it follows the territory only): still
    // none marked, still said. Under a territory it may just have none there: nothing said.
    await page.getByTestId('stats-membership').selectOption('members');
    await expect(statsNotice).toBeVisible();
    await page.getByTestId('stats-type').selectOption('friendship');
    await expect(statsNotice).toBeVisible();
    await page.getByTestId('stats-region').selectOption('CZ063');
    await expect(page.getByTestId('card-members').locator('.stats-card-value')).toHaveText('0');
    await expect(statsNotice).toHaveCount(0);

    // In English.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('nav-members').click();
    await page.getByTestId('filter-membership').selectOption('members');
    await expect(page.getByTestId('no-members-notice')).toContainText(
      'No municipality in the registry is marked as a member yet',
    );
    // The grid's own overlay in the app's sentence case (AG Grid's English is "No Matching Rows").
    await expect(page.getByTestId('members-grid').locator('.ag-overlay')).toHaveText('No matching rows');
    await saveScreen(page, 'no-members-members-en');

    // A screen that says itself it has no rows: the grid does not say it a second time.
    await knex('partnership_requests').del();
    await page.getByTestId('nav-requests').click();
    await expect(page.getByText('No requests have been recorded yet.')).toBeVisible();
    await expect(page.getByTestId('requests-grid').locator('.ag-header-cell').first()).toBeVisible();
    await expect(page.getByTestId('requests-grid')).not.toContainText('No rows to show');
    await saveScreen(page, 'no-requests-en');

    // Once some are members, a request's municipality is looked for among them first: the others
    // (a municipality that is about to join) follow in a group of their own.
    const joined = await knex('municipalities').orderBy('id').limit(2).pluck<number[]>('id');
    await knex('municipalities').whereIn('id', joined).update({ is_member: true });
    await page.reload();
    await page.getByTestId('nav-requests').click();
    await page.getByTestId('add-request').click();
    const form = page.getByTestId('request-dialog');
    await form.getByTestId('direction-member_seeks').click();
    const groups = form.getByTestId('field-municipalityId').locator('optgroup');
    await expect(groups).toHaveCount(2);
    await expect(groups.nth(0)).toHaveAttribute('label', 'Members of the association');
    await expect(groups.nth(0).locator('option')).toHaveCount(2);
    for (const id of joined) await expect(groups.nth(0).locator(`option[value="${String(id)}"]`)).toHaveCount(1);
    await expect(groups.nth(1)).toHaveAttribute('label', 'Other municipalities (not members)');
    await expect(groups.nth(1).locator('option')).toHaveCount(municipalities - 2);
  } finally {
    await app.close();
  }
});
