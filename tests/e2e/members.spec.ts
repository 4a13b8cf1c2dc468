import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, saveScreen, test } from '../support/web-fixture';

const HOSTILE_HTML = '<img src=x onerror=alert(1)>';
const HOSTILE_FORMULA = '=HYPERLINK("http://x")';

/** Names in the grid's name column, top to bottom as drawn. */
async function gridNames(grid: Locator): Promise<string[]> {
  return grid.locator('.ag-row').evaluateAll((rows) =>
    [
      ...new Map(
        rows.map((row) => [
          Number(row.getAttribute('row-index')),
          row.querySelector('[col-id="name"]')?.textContent?.trim() ?? '',
        ]),
      ),
    ]
      .filter(([, name]) => name !== '')
      .sort((a, b) => a[0] - b[0])
      .map(([, name]) => name),
  );
}

async function openAddDialog(page: Page) {
  await page.getByTestId('add-member').click();
  await expect(page.getByTestId('add-member-dialog')).toBeVisible();
  // The form loads when first opened.
  await expect(page.getByTestId('member-form')).toBeVisible();
}

async function fillMember(page: Page, values: Record<string, string>) {
  for (const [field, value] of Object.entries(values)) {
    const input = page.getByTestId(`field-${field}`);
    if (field === 'districtId' || field === 'kind' || field === 'mayorGender')
      await input.selectOption({ label: value });
    else await input.fill(value);
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The grid row whose name is exactly `name`. */
const memberRow = (page: Page, name: string) =>
  page
    .getByTestId('members-grid')
    .locator('.ag-row')
    .filter({ has: page.locator('[col-id="name"]', { hasText: new RegExp(`^${escape(name)}$`) }) });

async function openMember(page: Page, name: string) {
  await page.getByTestId('quick-search').fill(name);
  await memberRow(page, name).getByTestId('open-member').click();
  await expect(page.getByTestId('member-overview').getByTestId('overview-name')).toHaveText(name);
}

test.describe('Members: add, edit, end membership, delete and undo, overview, filters', () => {
  test.beforeEach(async ({ appPage: page }) => {
    page.on('dialog', (dialog) => {
      throw new Error(`A browser dialog opened: ${dialog.message()}`);
    });
    await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();
  });

  test('a member whose kind is not stated says so in its header, not a bare "neuvedeno"', async ({
    appPage: page,
    webApp,
  }) => {
    const knex = webApp.ctx.db.knex;
    const member = await knex('municipalities')
      .where({ is_member: true })
      .whereNot({ kind: 'statutarni_mesto' })
      .orderBy('id')
      .first<{ id: number; name: string; kind: string }>('id', 'name', 'kind');
    await knex('municipalities').where({ id: member.id }).update({ kind: 'unknown' });
    try {
      await page.reload();
      await openMember(page, member.name);
      await expect(page.getByTestId('member-overview').locator('.m-drawer-sub')).toHaveText(/^typ neuveden · /);
    } finally {
      await knex('municipalities').where({ id: member.id }).update({ kind: member.kind });
    }
    await page.getByTestId('close-overview').click();
  });

  test('Escape in a form with typed values asks before they are lost; an untouched form closes at once', async ({
    appPage: page,
  }) => {
    await openAddDialog(page);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('add-member-dialog')).toHaveCount(0);

    await openAddDialog(page);
    await fillMember(page, { name: 'Rozepsaná obec' });
    await page.keyboard.press('Escape');
    const ask = page.getByTestId('confirm-dialog');
    await expect(ask).toContainText('Zahodit neuložené změny?');
    await saveScreen(page, 'dialog-unsaved-cs');
    await ask.getByTestId('confirm-ok-cancel').click();
    await expect(ask).toHaveCount(0);
    await expect(page.getByTestId('field-name')).toHaveValue('Rozepsaná obec');
    // By keys only: Esc asks, Esc keeps editing, Esc asks again (the browser closed the form by
    // itself on a third close request), the form and its values still there and usable.
    for (let round = 0; round < 2; round += 1) {
      await page.keyboard.press('Escape');
      await expect(ask).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(ask).toHaveCount(0);
      await expect(page.getByTestId('add-member-dialog')).toBeVisible();
      await expect(page.getByTestId('field-name')).toHaveValue('Rozepsaná obec');
    }
    await page.getByTestId('field-name').fill('Rozepsaná obec 2');
    await expect(page.getByTestId('field-name')).toHaveValue('Rozepsaná obec 2');
    await page.keyboard.press('Escape');
    await ask.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('add-member-dialog')).toHaveCount(0);
  });
  test('adding a municipality the registry holds offers its record (by name without diacritics), and known ORP names', async ({
    appPage: page,
    webApp,
  }) => {
    const knex = webApp.ctx.db.knex;
    const tabor = await knex('municipalities')
      .where({ name: 'Tábor' })
      .first<{ id: number; code: string }>('id', 'code');
    const orps = await knex('municipalities').whereNotNull('orp_name').distinct().pluck<string[]>('orp_name');
    await openAddDialog(page);
    await expect(page.getByTestId('member-known')).toHaveCount(0);
    // Every text box has one height, whether its neighbour has a hint or not (review D26).
    const heights = await page
      .getByTestId('member-form')
      .locator('input[type="text"]')
      .evaluateAll((inputs) => [...new Set(inputs.map((input) => Math.round(input.getBoundingClientRect().height)))]);
    expect(heights).toHaveLength(1);
    await fillMember(page, { name: 'tabor' });
    await expect(page.getByTestId('member-known')).toContainText(`Obec Tábor už v registru je (kód ${tabor.code}`);
    // The ORP field offers the names the registry has.
    expect(orps.length).toBeGreaterThan(0);
    await expect(page.locator('#m-orp-names option')).toHaveCount(orps.length);
    await saveScreen(page, 'member-known-cs');
    const before = await knex('municipalities').count<{ n: number }[]>({ n: '*' });
    await page.getByTestId('member-known-open').click();
    await expect(page.getByTestId('add-member-dialog')).toHaveCount(0);
    await expect(page.getByTestId('member-overview').getByTestId('overview-name')).toHaveText('Tábor');
    expect(await knex('municipalities').count<{ n: number }[]>({ n: '*' })).toEqual(before);
    await page.keyboard.press('Escape');
  });

  test('adds a member: errors are shown next to the fields, corrected, and the member appears in Czech order', async ({
    appPage: page,
    webApp,
  }) => {
    await openAddDialog(page);
    await fillMember(page, {
      name: 'Chrastice nad Testem'.normalize('NFD'),
      code: '59999',
      districtId: 'Tábor',
      population: '1 234',
      ico: '12345678',
      latitude: '48,2082',
      longitude: '16,3738',
      email: 'obec@chrastice',
    });
    // The region follows from the district.
    await expect(page.getByTestId('field-region')).toHaveText('Jihočeský kraj');
    await page.getByTestId('member-save').click();
    await expect(page.getByTestId('error-m-code')).toHaveText('Kód obce má přesně 6 číslic.');
    await expect(page.getByTestId('error-m-ico')).toHaveText('IČO má 8 číslic a platnou kontrolní číslici.');
    await expect(page.getByTestId('error-m-latitude')).toContainText('mimo Českou republiku');
    await expect(page.getByTestId('error-m-email')).toHaveText('Zadejte platnou e-mailovou adresu.');
    await expect(page.getByTestId('field-ico')).toHaveAttribute('aria-invalid', 'true');

    // A code already in the registry is refused by core, shown at the field too.
    await fillMember(page, {
      code: '552046',
      ico: '00253014',
      latitude: '49,35',
      longitude: '14,7',
      email: 'obec@chrastice.cz',
    });
    await expect(page.getByTestId('error-m-ico')).toHaveCount(0);
    // The form says at once which municipality has that code (review D26: look it up, don't retype).
    const holder = await webApp.ctx.db.knex('municipalities').where({ code: '552046' }).first<{ name: string }>('name');
    await expect(page.getByTestId('member-known')).toContainText(`kódem 552046 už v registru je: ${holder.name}`);
    await page.getByTestId('member-save').click();
    await expect(page.getByTestId('error-m-code')).toHaveText('Obec s tímto kódem už v registru je.');
    // A code with a wrong check digit (a typo) names no municipality: refused at the field.
    await fillMember(page, { code: '599991' });
    await page.getByTestId('member-save').click();
    await expect(page.getByTestId('error-m-code')).toHaveText(
      'Takový kód obce neexistuje: poslední číslice nesedí s kontrolní číslicí ČSÚ. Zkontrolujte ho (např. v číselníku obcí).',
    );
    await expect(page.getByTestId('add-member-dialog')).toBeVisible();
    await fillMember(page, { code: '599913' });
    await page.getByTestId('member-save').click();
    await expect(page.getByTestId('add-member-dialog')).toHaveCount(0);
    await expect(page.getByTestId('toast-ok')).toContainText('Chrastice nad Testem byla přidána');

    const stored = await webApp.ctx.db
      .knex('municipalities')
      .where({ code: '599913' })
      .first<{ name: string; population: number; latitude: number }>();
    expect(stored).toMatchObject({ name: 'Chrastice nad Testem', population: 1234, latitude: 49.35 });
    // Its membership start was not typed: unknown, not the day of the entry.
    expect(await webApp.ctx.db.knex('municipalities').where({ code: '599913' }).first('member_since')).toEqual({
      member_since: null,
    });

    // In the grid of its region, in Czech order: "Ch" comes after every "H".
    await page.getByTestId('filter-region').selectOption({ label: 'Jihočeský kraj' });
    const grid = page.getByTestId('members-grid');
    await expect(memberRow(page, 'Chrastice nad Testem')).toBeVisible();
    const names = await gridNames(grid);
    const collator = new Intl.Collator('cs', { sensitivity: 'base', numeric: true });
    expect(names).toEqual([...names].sort((a, b) => collator.compare(a, b)));
    const ch = names.indexOf('Chrastice nad Testem');
    const lastH = names.map((n) => /^H/.test(n) && !/^Ch/.test(n)).lastIndexOf(true);
    expect(ch).toBeGreaterThan(lastH);
    expect(names.slice(ch + 1).every((n) => !/^[A-H]/.test(n) || /^Ch/.test(n))).toBe(true);
    // Its coordinates are shown as typed, with the decimal comma of the field's hint (walkthrough 19).
    // (Clicked as a control: the toast of the save may still lie over the row's pinned button.)
    await memberRow(page, 'Chrastice nad Testem').getByTestId('open-member').dispatchEvent('click');
    const overview = page.getByTestId('member-overview');
    await overview.getByTestId('tab-data').click();
    await expect(overview.getByTestId('field-latitude')).toHaveValue('49,35');
    await expect(overview.getByTestId('field-longitude')).toHaveValue('14,7');
    // The drawer lies over the filter bar: closed before the filters are reset.
    await overview.getByTestId('close-overview').click();
    await expect(overview).toHaveCount(0);
    await page.getByTestId('filter-reset').click();
  });

  test('edits inline: a valid value is saved, an invalid one is refused with the field named', async ({
    appPage: page,
    webApp,
  }) => {
    const knex = webApp.ctx.db.knex;
    await page.getByTestId('quick-search').fill('pisek');
    const row = memberRow(page, 'Písek');
    await expect(row).toBeVisible();
    await row.locator('[col-id="population"]').dblclick();
    await row.locator('[col-id="population"] input').fill('30 123');
    await row.locator('[col-id="population"] input').press('Enter');
    await expect(page.getByTestId('toast-ok').first()).toContainText('Změny obce Písek jsou uloženy');
    await expect(row.locator('[col-id="population"]')).toHaveText('30 123'.replace(' ', '\u00a0'));
    expect(await knex('municipalities').where({ name: 'Písek' }).first('population', 'version')).toMatchObject({
      population: 30123,
    });
    // Ctrl+Z outside a text field undoes it; then it is made again for what follows.
    const population = async () =>
      (await knex('municipalities').where({ name: 'Písek' }).first<{ population: number | null }>('population'))
        .population;
    await page.locator('h1').first().click();
    await page.keyboard.press('Control+z');
    await expect.poll(population).not.toBe(30123);
    await expect(row.locator('[col-id="population"]')).not.toHaveText('30\u00a0123');
    await row.locator('[col-id="population"]').dblclick();
    await row.locator('[col-id="population"] input').fill('30 123');
    await row.locator('[col-id="population"] input').press('Enter');
    await expect.poll(population).toBe(30123);

    // The same row edited again right away uses the new version (no false conflict).
    await row.locator('[col-id="email"]').dblclick();
    await row.locator('[col-id="email"] input').fill('neni-email');
    await row.locator('[col-id="email"] input').press('Enter');
    await expect(page.getByTestId('toast-error')).toContainText(
      'Písek, pole „E-mail“: Zadejte platnou e-mailovou adresu. Změna nebyla uložena.',
    );
    const before = (await knex('municipalities').where({ name: 'Písek' }).first('email')) as { email: string };
    await expect(row.locator('[col-id="email"]')).toHaveText(before.email);

    await row.locator('[col-id="mayorName"]').dblclick();
    await row.locator('[col-id="mayorName"] input').fill(HOSTILE_FORMULA);
    await row.locator('[col-id="mayorName"] input').press('Enter');
    await expect(page.getByTestId('toast-ok').first()).toContainText('jsou uloženy');
    await expect(row.locator('[col-id="mayorName"]')).toHaveText(HOSTILE_FORMULA);
    // The toast of the first edit may still be shown: wait for the stored value itself.
    await expect
      .poll(() => knex('municipalities').where({ name: 'Písek' }).first('mayor_name'))
      .toEqual({
        mayor_name: HOSTILE_FORMULA,
      });
  });

  test('100,000-row habits: an edit refreshes one row, a return visit loads nothing', async ({ appPage: page }) => {
    const lists: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/invoke/municipalities:list')) lists.push(request.postData() ?? '');
    });
    await page.getByTestId('quick-search').fill('pisek');
    const row = memberRow(page, 'Písek');
    await row.locator('[col-id="population"]').dblclick();
    await row.locator('[col-id="population"] input').fill('30 124');
    await row.locator('[col-id="population"] input').press('Enter');
    await expect(page.getByTestId('toast-ok').first()).toContainText('Změny obce Písek jsou uloženy');
    await expect.poll(() => lists.length).toBe(1);
    expect(lists[0]).toMatch(/^\{"ids":\[\d+\]\}$/);

    await page.getByTestId('nav-partnerships').click();
    await expect(page.getByTestId('members-grid')).toHaveCount(0);
    await page.getByTestId('nav-members').click();
    await expect(page.getByTestId('quick-search')).toHaveValue('pisek');
    await expect(row.locator('[col-id="population"]')).toHaveText('30\u00a0124');
    expect(lists).toHaveLength(1);
  });

  test('hostile and long text is stored and shown literally', async ({ appPage: page, webApp }) => {
    const long = `Dlouhá obec ${'ž'.repeat(180)}`;
    await openAddDialog(page);
    await fillMember(page, {
      name: HOSTILE_HTML,
      code: '599921',
      districtId: 'Písek',
      mayorName: HOSTILE_FORMULA,
      street: long,
      notes: 'Poznámka '.repeat(400),
    });
    await page.getByTestId('member-save').click();
    await expect(page.getByTestId('toast-ok')).toContainText(`${HOSTILE_HTML} byla přidána`);
    await page.getByTestId('quick-search').fill('onerror');
    const row = memberRow(page, HOSTILE_HTML);
    await expect(row.locator('[col-id="name"]')).toHaveText(HOSTILE_HTML);
    await expect(page.getByTestId('members-grid').locator('img')).toHaveCount(0);
    const stored = await webApp.ctx.db
      .knex('municipalities')
      .where({ code: '599921' })
      .first<{ name: string; street: string; mayor_name: string }>();
    expect(stored).toMatchObject({ name: HOSTILE_HTML, street: long, mayor_name: HOSTILE_FORMULA });
  });

  test('member overview shows partnerships, activities, contacts, requests and the record history', async ({
    appPage: page,
    webApp,
  }) => {
    const knex = webApp.ctx.db.knex;
    const busiest = await knex('partnerships as p')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .groupBy('m.id', 'm.name')
      .orderByRaw('count(*) desc')
      .first<{ id: number; name: string; n: number }>('m.id', 'm.name', knex.raw('count(*) as n'));
    await openMember(page, busiest.name);
    const overview = page.getByTestId('member-overview');
    await expect(overview.getByTestId('overview-name')).toHaveText(busiest.name);
    await expect(overview.getByTestId('overview-partnerships').locator('tbody tr')).toHaveCount(Number(busiest.n));
    await expect(overview.getByTestId('overview-activities')).toBeVisible();
    await expect(overview.getByTestId('overview-contacts')).toBeVisible();
    await expect(overview.getByTestId('overview-requests')).toBeVisible();
    await expect(overview.getByTestId('link-partnerships')).toHaveAttribute(
      'href',
      `#/partnerships?municipality=${String(busiest.id)}`,
    );
    await saveScreen(page, 'member-detail');

    // Edit in the detail form, then see the change in the history.
    await overview.getByTestId('tab-data').click();
    // A member with an end of membership in the past: the form says one of the two is not true.
    await expect(overview.getByTestId('field-isMember')).toBeChecked();
    await overview.getByTestId('field-memberUntil').fill('31. 12. 2020');
    await expect(overview.getByTestId('member-ended-hint')).toContainText('její členství už skončilo');
    await overview.getByTestId('field-memberUntil').fill('');
    await expect(overview.getByTestId('member-ended-hint')).toHaveCount(0);
    const mayor = async () =>
      (await knex('municipalities').where({ id: busiest.id }).first<{ mayor_name: string | null }>('mayor_name'))
        .mayor_name;
    const mayorBefore = await mayor();
    await overview.getByTestId('field-mayorName').fill('Marie Zkušební');
    const kindBefore = await overview.getByTestId('field-kind').inputValue();
    const kindAfter = kindBefore === 'mestys' ? 'statutarni_mesto' : 'mestys';
    await overview.getByTestId('field-kind').selectOption(kindAfter);
    await overview.getByTestId('member-save').click();
    await expect(page.getByTestId('toast-ok').first()).toContainText('jsou uloženy');
    await overview.getByTestId('tab-history').click();
    await expect(overview.getByTestId('member-history').locator('li').first()).toContainText('Marie Zkušební');
    await expect(overview.getByTestId('member-history').locator('li').first()).toContainText('Starosta / starostka');
    // The kind in words, as the form names it ("mesto" was shown as stored; walkthrough).
    await expect(overview.getByTestId('member-history').locator('li').first()).toContainText(
      kindAfter === 'mestys' ? 'městys' : 'statutární město',
    );
    await expect(overview.getByTestId('member-history').locator('li').first()).not.toContainText(kindAfter);
    // The save is undone from its toast: the stored value is back (and the history says so).
    expect(await mayor()).toBe('Marie Zkušební');
    await page.getByTestId('toast-ok').first().getByTestId('toast-action').click();
    await expect.poll(mayor).toBe(mayorBefore);
    await expect(page.getByTestId('toast-ok').last()).toContainText(`Změna obce ${busiest.name} vrácena.`);
    // Any one change is put back from the history too, as a partnership's is (Help says so).
    const latest = overview.getByTestId('member-history').locator('li').first();
    // The undo's own entry (from "Marie Zkušební"), not the save's under it while the history reloads.
    await expect(latest.locator('li', { hasText: 'Starosta / starostka' }).locator('del')).toHaveText('Marie Zkušební');
    await latest.getByTestId('history-revert').click();
    await expect.poll(mayor).toBe('Marie Zkušební');
    await expect(page.getByTestId('toast-ok').last()).toContainText('Původní hodnoty jsou zpět.');
    await overview.getByTestId('close-overview').click();
    await expect(overview).toHaveCount(0);
  });

  test('a stale edit is detected and offers to reload', async ({ appPage: page, webApp }) => {
    const knex = webApp.ctx.db.knex;
    await page.getByTestId('quick-search').fill('Tábor');
    const row = memberRow(page, 'Tábor');
    await expect(row).toBeVisible();
    // Someone else changes the record underneath (another window).
    await knex('municipalities').where({ code: '552046' }).increment('version', 1);
    await row.locator('[col-id="orpName"]').dblclick();
    await row.locator('[col-id="orpName"] input').fill('Tábor-sever');
    await row.locator('[col-id="orpName"] input').press('Enter');
    await expect(page.getByTestId('toast-error')).toContainText('změnil někdo jiný');
    expect(await knex('municipalities').where({ code: '552046' }).first('orp_name')).toEqual({ orp_name: 'Tábor' });
    await page.getByTestId('toast-error').getByTestId('toast-action').click();
    await expect(row.locator('[col-id="orpName"]')).toHaveText('Tábor');
  });

  test('ends a membership after confirmation', async ({ appPage: page, webApp }) => {
    await openMember(page, 'Jindřichův Hradec');
    const overview = page.getByTestId('member-overview');
    await overview.getByTestId('end-membership').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText('Ukončit členství obce Jindřichův Hradec?');
    await dialog.getByTestId('end-date').fill('1990-01-01');
    await dialog.getByTestId('confirm-ok').click();
    await expect(dialog.getByTestId('error-endDate')).toHaveText('Konec členství nemůže být dříve než jeho začátek.');
    await dialog.getByTestId('end-date').fill('2026-06-30');
    await dialog.getByTestId('confirm-ok').click();
    await expect(dialog).toHaveCount(0);
    await expect(overview.locator('.badge-former')).toHaveText('bývalý člen');
    const stored = () =>
      webApp.ctx.db
        .knex('municipalities')
        .where({ code: '545881' })
        .first<{ is_member: boolean | number; member_until: string | null } | undefined>('is_member', 'member_until');
    expect(await stored()).toMatchObject({ member_until: '2026-06-30' });
    // Undone from its toast as a save is: a member again, without an end date; then ended for good.
    const ended = page.getByTestId('toast-ok').filter({ hasText: 'Jindřichův Hradec' }).last();
    await ended.getByTestId('toast-action').click();
    await expect.poll(async () => (await stored())?.member_until ?? null).toBeNull();
    await expect(overview.locator('.badge-former')).toHaveCount(0);
    await overview.getByTestId('end-membership').click();
    await dialog.getByTestId('end-date').fill('2026-06-30');
    await dialog.getByTestId('confirm-ok').click();
    await expect(dialog).toHaveCount(0);
    await expect(overview.locator('.badge-former')).toHaveText('bývalý člen');
    await overview.getByTestId('close-overview').click();
    // A former member is no longer among the members (the default set), but among the non-members.
    await page.getByTestId('quick-search').fill('Jindřichův Hradec');
    await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();
    await expect(memberRow(page, 'Jindřichův Hradec')).toHaveCount(0);
    await page.getByTestId('filter-membership').selectOption('nonMembers');
    await expect(memberRow(page, 'Jindřichův Hradec')).toBeVisible();
    await page.getByTestId('quick-search').fill('');
    await page.getByTestId('filter-reset').click();
  });

  test('deletes a member with its partnerships after confirmation, and undo brings everything back', async ({
    appPage: page,
    webApp,
  }) => {
    const knex = webApp.ctx.db.knex;
    const count = async (table: string) => Number((await knex(table).count<{ n: number }[]>({ n: '*' }).first())?.n);
    const before = {
      members: await count('municipalities'),
      partnerships: await count('partnerships'),
      activities: await count('activities'),
    };
    await openMember(page, 'Český Krumlov');
    await page.getByTestId('delete-member').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText('Smazat obec Český Krumlov?');
    await expect(dialog).toContainText('partnerství');
    // Cancel first: nothing happens.
    await dialog.getByRole('button', { name: 'Zrušit' }).click();
    expect(await count('municipalities')).toBe(before.members);
    await page.getByTestId('delete-member').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('toast-info')).toContainText('Obec Český Krumlov byla smazána');
    await expect(memberRow(page, 'Český Krumlov')).toHaveCount(0);
    expect(await count('partnerships')).toBeLessThan(before.partnerships);
    await page.getByTestId('toast-info').getByTestId('toast-action').click();
    await expect(page.getByTestId('toast-ok').first()).toContainText('Obec Český Krumlov byla obnovena');
    await expect(memberRow(page, 'Český Krumlov')).toBeVisible();
    expect({
      members: await count('municipalities'),
      partnerships: await count('partnerships'),
      activities: await count('activities'),
    }).toEqual(before);
  });

  test('filters by region, district and kind; the count says how many are shown', async ({ appPage: page, webApp }) => {
    const grid = page.getByTestId('members-grid');
    await page.getByTestId('filter-region').selectOption({ label: 'Jihočeský kraj' });
    await expect(page.getByTestId('row-count')).toContainText(' z ');
    const regions = await grid.locator('.ag-row [col-id="regionName"]').allTextContents();
    expect(regions.length).toBeGreaterThan(2);
    expect(new Set(regions)).toEqual(new Set(['Jihočeský kraj']));
    await saveScreen(page, 'members-grid');
    await page.getByTestId('filter-district').selectOption({ label: 'Tábor' });
    const districts = await grid.locator('.ag-row [col-id="districtName"]').allTextContents();
    expect(new Set(districts)).toEqual(new Set(['Tábor']));
    await page.getByTestId('filter-kind').selectOption('mesto');
    await expect(grid.locator('.ag-row [col-id="kind"]').first()).toHaveText('město');
    expect(new Set(await grid.locator('.ag-row [col-id="kind"]').allTextContents())).toEqual(new Set(['město']));
    await page.getByTestId('filter-reset').click();
    // Reset means the default view: the members of the association (a former member is left out).
    const knex = webApp.ctx.db.knex;
    const count = async (where: Record<string, unknown>) =>
      Number((await knex('municipalities').where(where).count<{ n: number }[]>({ n: '*' }).first())?.n);
    const members = await count({ is_member: true });
    const all = await count({});
    await expect(page.getByTestId('row-count')).toHaveText(
      members < all ? `${String(members)} z ${String(all)}` : String(all),
    );
    await expect(page.getByTestId('filter-membership')).toHaveValue('members');
  });

  test('exports the current view (filter bar, order, visible columns) to CSV and XLSX, formulas neutralised', async ({
    appPage: page,
    webApp,
  }) => {
    await page.getByTestId('filter-region').selectOption({ label: 'Jihočeský kraj' });
    await expect(page.getByTestId('row-count')).toContainText(' z ');
    const shown = Number((await page.getByTestId('row-count').textContent())?.split(' z ')[0]);
    const names = await gridNames(page.getByTestId('members-grid'));
    await page.getByTestId('export-csv').click();
    await expect(page.getByTestId('toast-ok')).toContainText(`Exportováno řádků: ${String(shown)}`);
    await page.getByTestId('export-xlsx').click();
    await expect(page.getByTestId('toast-ok').first()).toContainText('.xlsx');
    const files = await readdir(webApp.outputDir);
    const csvName = files.find((f) => f.endsWith('.csv'));
    const xlsxName = files.find((f) => f.endsWith('.xlsx'));
    if (!csvName || !xlsxName) throw new Error(`exports missing: ${files.join(', ')}`);
    const csv = await readFile(path.join(webApp.outputDir, csvName), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split(/\r?\n/).filter(Boolean);
    expect(lines[0]?.split(';').slice(0, 3)).toEqual(['Obec', 'Kód obce', 'Typ']);
    expect(lines).toHaveLength(shown + 1);
    expect(lines.slice(1).map((l) => l.split(';')[0]?.replace(/^"|"$/g, '').replace(/""/g, '"'))).toEqual(
      names.map((n) => (n.startsWith('<') ? n : n)),
    );
    // Písek's mayor was set to a formula earlier: it is written as text, not as a formula.
    expect(csv).toContain('HYPERLINK');
    expect(csv).not.toMatch(/(^|;)"?=HYPERLINK/m);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(webApp.outputDir, xlsxName));
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('Obec');
    expect(sheet?.rowCount).toBe(shown + 1);
    const headers = (sheet?.getRow(1).values as unknown[]).map(String);
    const populationColumn = headers.indexOf('Obyvatel');
    expect(populationColumn).toBeGreaterThan(0);
    const taborRow = names.indexOf('Tábor') + 2;
    expect(sheet?.getRow(taborRow).getCell(populationColumn).value).toBe(34200);
    await page.getByTestId('filter-reset').click();
  });

  test('English: the Members grid and its filters speak English', async ({ appPage: page }) => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('nav-members').click();
    await expect(page.getByRole('heading', { name: 'Member municipalities' })).toBeVisible();
    await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();
    await expect(page.getByTestId('filter-membership').locator('option', { hasText: 'non-members' })).toHaveCount(1);
    await saveScreen(page, 'members-grid-en');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
    await expect(page.getByRole('heading', { name: 'Nastavení' })).toBeVisible();
  });
});

test('a partner town in the member overview opens that partnership', async ({ appPage: page, webApp }) => {
  const knex = webApp.ctx.db.knex;
  const row = await knex('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('m.name', 'Tábor')
    .orderBy('t.name', 'desc')
    .first<{ town: string }>('t.name as town');
  await page.getByTestId('nav-members').click();
  await openMember(page, 'Tábor');
  await page.getByTestId('overview-partnerships').getByRole('link', { name: row.town, exact: true }).click();
  const detail = page.getByTestId('partnership-detail');
  await expect(detail.locator('h2')).toContainText(`Tábor`);
  await expect(detail.locator('h2')).toContainText(row.town);
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
});

test('more names than the shortcut holds: the municipality named exactly as typed is still offered', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const domazlice = await knex('municipalities')
    .where({ name: 'Domažlice' })
    .first<{ district_id: number; region_id: number }>('district_id', 'region_id');
  const names = ['Malé Domažlice', 'Nové Domažlice', 'Staré Domažlice', 'Domažlice-Hořejší'];
  const stamp = { created_at: 'x', updated_at: 'x', kind: 'obec', is_member: false, version: 1 };
  await knex('municipalities').insert(
    names.map((name, index) => ({ name, code: `59990${String(index)}`, ...domazlice, ...stamp })),
  );
  try {
    await page.reload();
    await page.getByTestId('nav-members').click();
    await page.getByTestId('filter-membership').selectOption('all');
    await page.getByTestId('quick-search').fill('domazlice');
    const named = page.getByTestId('search-named');
    await expect(named.getByTestId('search-named-open')).toHaveText(['Domažlice']);
    await page.getByTestId('quick-search').fill('');
    // More of that very name than fit (the list has 14 "Nová Ves"): no shortcut, rather than three as if all.
    await knex('municipalities').insert(
      [0, 1, 2].map((index) => ({ name: 'Domažlice', code: `59991${String(index)}`, ...domazlice, ...stamp })),
    );
    await page.reload();
    await page.getByTestId('nav-members').click();
    await page.getByTestId('filter-membership').selectOption('all');
    await page.getByTestId('quick-search').fill('domazlice');
    await expect(page.getByTestId('members-grid').locator('.ag-row[row-id]').first()).toBeVisible();
    await expect(named).toHaveCount(0);
    await page.getByTestId('quick-search').fill('');
  } finally {
    await knex('municipalities').whereIn('name', names).delete();
    await knex('municipalities').whereIn('code', ['599910', '599911', '599912']).delete();
  }
});

test('a search that also finds a district offers the municipality of that name first', async ({ appPage: page }) => {
  await page.getByTestId('nav-members').click();
  await page.getByTestId('filter-membership').selectOption('all');
  const grid = page.getByTestId('members-grid');
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  // "domazlice" finds the town and every municipality of its district (Všeruby too).
  await page.getByTestId('quick-search').fill('domazlice');
  await expect(grid.locator('.ag-row[row-id]')).toHaveCount(2);
  const named = page.getByTestId('search-named');
  await expect(named).toContainText('Obec tohoto jména:');
  await expect(named.getByTestId('search-named-open')).toHaveText(['Domažlice']);
  await saveScreen(page, 'members-search-named');
  await named.getByTestId('search-named-open').click();
  await expect(page.getByTestId('overview-name')).toHaveText('Domažlice');
  await page.getByTestId('close-overview').click();
  // A search that names no municipality (or only what the grid shows anyway) offers nothing.
  await page.getByTestId('quick-search').fill('jihočeský');
  await expect(named).toHaveCount(0);
  await page.getByTestId('quick-search').fill('');
});
