import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createActivity } from '../../electron/core/services/partnership-children-service';
import type { Page } from '@playwright/test';
import type { Knex } from 'knex';
import { expect, saveScreen, searchPartnerships, test } from '../support/web-fixture';

test.use({ viewport: { width: 1280, height: 720 } });

/**
 * A partnership of the demo data no other test of this worker changes: the last one, or the one
 * `before` places before it.
 */
const untouchedPartnership = (knex: Knex, before = 0) =>
  knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .orderBy('p.id', 'desc')
    .offset(before)
    .first<{ id: number; town: string }>('p.id', 't.name as town');

/** Opens a partnership's detail from the Partnerships grid, found by its town. */
async function openPartnership(page: Page, row: { id: number; town: string }) {
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, row.town);
  await page
    .locator(`.ag-row[row-id="${String(row.id)}"]`)
    .getByTestId('open-partnership')
    .first()
    .click();
  const detail = page.getByTestId('partnership-detail');
  await expect(detail).toBeVisible();
  return detail;
}

test('a scanned agreement attached to a partnership: added, saved back, refused when it is no document, deleted and undone, in cs and en', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await untouchedPartnership(knex);
  const open = () => openPartnership(page, row);
  let detail = await open();
  const section = detail.getByTestId('attachments');
  await section.scrollIntoViewIfNeeded();
  await expect(section).toContainText('Žádné přílohy.');

  // Added with the browser's file picker (the web preview uploads it to the bridge).
  const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(180_000)]);
  const chooser = page.waitForEvent('filechooser');
  await section.getByTestId('attachment-add').click();
  await (await chooser).setFiles({ name: 'Smlouva o partnerství 1998.pdf', mimeType: 'application/pdf', buffer: scan });
  await expect(page.getByTestId('toast-ok').first()).toContainText('Smlouva o partnerství 1998.pdf');
  const list = section.getByTestId('attachments-list');
  await expect(list).toContainText('Smlouva o partnerství 1998.pdf');
  await expect(list).toContainText('176 kB');
  const stored = await knex('attachments').where({ partnership_id: row.id }).first<{ id: number; size: number }>();
  expect(stored.size).toBe(scan.byteLength);

  // A program is not a document: refused with the file named, nothing stored.
  const refused = page.waitForEvent('filechooser');
  await section.getByTestId('attachment-add').click();
  await (
    await refused
  ).setFiles({ name: 'faktura.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await expect(page.getByTestId('toast-error')).toContainText('Soubor „faktura.exe“ nelze přiložit');
  expect(await knex('attachments').where({ partnership_id: row.id }).count<{ n: number }[]>({ n: '*' })).toEqual([
    { n: 1 },
  ]);
  await section.scrollIntoViewIfNeeded();
  await saveScreen(page, 'partnership-attachments-cs');

  // A browser has no desktop to open it on: it downloads it, byte for byte.
  await expect(section.getByTestId('attachment-open')).toHaveText('Stáhnout');
  // The name the page gives the download. (Chromium itself calls a download with a non-ASCII name
  // "download" when the locale the tests give it, cs_CZ.UTF-8, is not installed on the machine.)
  await page.evaluate(() => {
    const prototype = HTMLAnchorElement.prototype;
    const click = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'click')?.value as (this: HTMLElement) => void;
    prototype.click = function (this: HTMLAnchorElement) {
      document.body.dataset.downloadName = this.download;
      click.call(this);
    };
  });
  const download = page.waitForEvent('download');
  await section.getByTestId('attachment-open').click();
  const downloaded = await download;
  expect(await page.evaluate(() => document.body.dataset.downloadName)).toBe('Smlouva o partnerství 1998.pdf');
  expect(readFileSync(await downloaded.path()).equals(scan)).toBe(true);
  // The bridge gives attachments only with the page's token, and says when there is none.
  const base = new URL(webApp.url).origin;
  expect((await page.request.get(`${base}/api/attachments/${String(stored.id)}`)).status()).toBe(401);
  const token = await page.locator('meta[name="twinreg-token"]').getAttribute('content');
  const missing = await page.request.get(`${base}/api/attachments/999999`, {
    headers: { 'x-twinreg-token': token ?? '' },
  });
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  // A copy is saved (the web preview's output folder) byte for byte.
  await section.getByTestId('attachment-save').click();
  const saved = page.getByTestId('toast-ok').filter({ hasText: 'Kopie přílohy je uložena' });
  await expect(saved).toBeVisible();
  const savedPath = path.join(webApp.outputDir, 'Smlouva o partnerství 1998.pdf');
  await expect(saved).toContainText(savedPath);
  expect(readFileSync(savedPath).equals(scan)).toBe(true);

  // Deleted, and back from the toast's undo with the same id.
  await section.getByTestId('attachment-delete').click();
  await expect(section).toContainText('Žádné přílohy.');
  await page.getByTestId('toast-info').getByTestId('toast-action').click();
  await expect(list).toContainText('Smlouva o partnerství 1998.pdf');
  expect(await knex('attachments').where({ id: stored.id }).first('id')).toEqual({ id: stored.id });
  // The partnership's history names it.
  await expect(detail.getByTestId('history')).toContainText('Příloha „Smlouva o partnerství 1998.pdf“');

  // A photo dropped on the section is attached as well.
  await section.evaluate((element) => {
    const data = new DataTransfer();
    data.items.add(
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'fotka z návštěvy.png', { type: 'image/png' }),
    );
    element.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    element.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(list).toContainText('fotka z návštěvy.png');
  expect(await knex('attachments').where({ partnership_id: row.id }).pluck('file_name')).toEqual([
    'Smlouva o partnerství 1998.pdf',
    'fotka z návštěvy.png',
  ]);

  // In English.
  await detail.getByTestId('detail-close').click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  detail = await open();
  const english = detail.getByTestId('attachments');
  await english.scrollIntoViewIfNeeded();
  await expect(english).toContainText('Attachments');
  await expect(english.getByTestId('attachment-save').first()).toHaveText('Save a copy…');
  await expect(english.getByTestId('attachment-open').first()).toHaveText('Download');
  await expect(english.getByTestId('attachment-add')).toHaveText('+ Add attachment…');
  await expect(english).toContainText(/added \d/);
  await saveScreen(page, 'partnership-attachments-en');

  // Deleted again: the bin lists it by its name and kind.
  await english.getByTestId('attachment-delete').first().click();
  await detail.getByTestId('detail-close').click();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('bin-table')).toContainText('Smlouva o partnerství 1998.pdf');
  await expect(page.getByTestId('bin-table')).toContainText('attachment');
  await page.getByTestId('language-cs').click();
});

test('photos of an activity: attached to it, described, moved to the whole partnership, and kept while the activity is deleted and undone, in cs and en', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await untouchedPartnership(knex, 1);
  const visit = await createActivity(webApp.ctx, {
    partnershipId: row.id,
    date: '2024-05-18',
    title: 'Návštěva hasičů',
    kind: 'official_visit',
    dateEnd: null,
    description: null,
  });
  const detail = await openPartnership(page, row);
  const section = detail.getByTestId('attachments');
  await section.scrollIntoViewIfNeeded();

  // Chosen before adding: the next files belong to the visit.
  await section.getByTestId('attachment-add-activity').selectOption({ label: '18. 5. 2024 – Návštěva hasičů' });
  const chooser = page.waitForEvent('filechooser');
  await section.getByTestId('attachment-add').click();
  await (
    await chooser
  ).setFiles({ name: 'průvod hasičů.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 1, 2]) });
  const list = section.getByTestId('attachments-list');
  await expect(list.getByTestId('attachment-activity-text')).toHaveText('K aktivitě: 18. 5. 2024 – Návštěva hasičů');
  const stored = await knex('attachments')
    .where({ partnership_id: row.id })
    .first<{ id: number; activity_id: number }>('id', 'activity_id');
  expect(stored.activity_id).toBe(visit.id);
  // The activity says how many files it has.
  const activities = detail.getByTestId('activities');
  await expect(activities.getByTestId('activity-attachments')).toHaveText(' · 1 příloha');

  // Edited: a description, and the activity chosen in the form.
  await list.getByTestId('attachment-edit').click();
  const form = list.getByTestId('attachment-form');
  await form.getByTestId('attachment-description').fill('Slavnostní průvod městem');
  await section.scrollIntoViewIfNeeded();
  await saveScreen(page, 'partnership-attachment-edit-cs');
  await form.getByTestId('attachment-activity').selectOption({ label: 'celé partnerství' });
  await form.getByTestId('attachment-form-save').click();
  await expect(list.getByTestId('attachment-description-text')).toHaveText('Slavnostní průvod městem');
  await expect(list.getByTestId('attachment-activity-text')).toHaveCount(0);
  await expect(activities.getByTestId('activity-attachments')).toHaveCount(0);
  // The history says what changed, the activity by its name.
  const change = detail
    .getByTestId('history')
    .getByTestId('history-entry')
    .filter({ hasText: 'Příloha „průvod hasičů.jpg“' })
    // The edit's entry (its creation's lists the activity it was attached to as well).
    .filter({ hasText: 'změněno' })
    .filter({ hasText: 'Patří k aktivitě' });
  await expect(change).toContainText('18. 5. 2024 – Návštěva hasičů');
  await expect(change).toContainText('celé partnerství');
  await expect(change).toContainText('Slavnostní průvod městem');

  // Back to the visit; the visit deleted: the photo stays and says so; the undo links it again.
  await list.getByTestId('attachment-edit').click();
  await form.getByTestId('attachment-activity').selectOption({ label: '18. 5. 2024 – Návštěva hasičů' });
  await form.getByTestId('attachment-form-save').click();
  await expect(list.getByTestId('attachment-activity-text')).toContainText('Návštěva hasičů');
  await activities.locator('tr', { hasText: 'Návštěva hasičů' }).getByRole('button', { name: 'Odebrat' }).click();
  await expect(list.getByTestId('attachment-activity-text')).toHaveText(
    'Aktivita, ke které patří, je smazaná (lze ji obnovit z koše).',
  );
  await page.getByTestId('toast-info').getByTestId('toast-action').click();
  await expect(list.getByTestId('attachment-activity-text')).toHaveText('K aktivitě: 18. 5. 2024 – Návštěva hasičů');
  await expect(activities.getByTestId('activity-attachments')).toHaveText(' · 1 příloha');
  await section.scrollIntoViewIfNeeded();
  await saveScreen(page, 'partnership-attachment-activity-cs');

  // In English.
  await detail.getByTestId('detail-close').click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  const english = (await openPartnership(page, row)).getByTestId('attachments');
  await english.scrollIntoViewIfNeeded();
  await expect(english.getByTestId('attachment-activity-text')).toHaveText('Activity: 18 May 2024 – Návštěva hasičů');
  await expect(english).toContainText('Attach to:');
  await expect(page.getByTestId('activity-attachments')).toHaveText(' · 1 attachment');
  await english.getByTestId('attachment-edit').click();
  await expect(english.getByTestId('attachment-form')).toContainText('Belongs to activity');
  await saveScreen(page, 'partnership-attachment-edit-en');
  await page.getByTestId('detail-close').click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-cs').click();
});
