import { expect, invoke, saveScreen, test } from '../support/web-fixture';

test('a deleted partnership is in Settings ▸ Deleted records with who and when, and comes back with its contacts', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const partnership = await knex('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .whereExists((q) => {
      void q.select(knex.raw('1')).from('contacts').whereRaw('contacts.partnership_id = p.id');
    })
    .first<{ id: number; version: number; member: string; town: string }>(
      'p.id',
      'p.version',
      'm.name as member',
      't.name as town',
    );
  const contacts = await knex('contacts').where({ partnership_id: partnership.id }).count<{ n: number }[]>({ n: '*' });
  // Deleted in the Partnerships screen by a colleague's window: the same core call.
  const token = webApp.server.token;
  const response = await fetch(`http://127.0.0.1:${String(webApp.server.port)}/api/invoke/partnerships:delete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-twinreg-token': token },
    body: JSON.stringify({ id: partnership.id, version: partnership.version }),
  });
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true);

  await page.getByTestId('nav-settings').click();
  const bin = page.getByTestId('bin-table');
  const row = bin.locator('tbody tr').filter({ hasText: `${partnership.member} – ${partnership.town}` });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('partnerství');
  await page.getByTestId('bin').scrollIntoViewIfNeeded();
  await saveScreen(page, 'settings-bin');
  // By the keyboard: the row leaves the list, and the focus does not fall to the page (walkthrough
  // 19: nothing was focused and Tab went on from an invisible place).
  await row.getByTestId('bin-restore').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toast-ok')).toContainText(`Obnoveno: ${partnership.member} – ${partnership.town}`);
  await expect(row).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body))
    .toBe(true);
  expect(await knex('partnerships').where({ id: partnership.id }).first('id')).toEqual({ id: partnership.id });
  expect(await knex('contacts').where({ partnership_id: partnership.id }).count<{ n: number }[]>({ n: '*' })).toEqual(
    contacts,
  );
});

test('the undo of a delete after the record came back from the bin says it is back already (no error left standing)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  await page.getByTestId('nav-partnerships').click();
  const grid = page.getByTestId('partnerships-grid');
  await page.getByTestId('quick-search').fill('gimignano');
  await expect(grid.locator('.ag-row')).toHaveCount(1);
  const id = Number(await grid.locator('.ag-row').first().getAttribute('row-id'));
  await grid.getByTestId('delete-partnership').first().click();
  await page.getByTestId('confirm-ok').click();
  const deleted = page.getByTestId('toast-info').filter({ has: page.getByTestId('toast-action') });
  await expect(deleted).toBeVisible();
  // Back from the bin while the delete's toast still offers its undo.
  await page.getByTestId('nav-settings').click();
  await page
    .getByTestId('bin-table')
    .locator('tbody tr')
    .filter({ hasText: 'San Gimignano' })
    .getByTestId('bin-restore')
    .click();
  await expect(page.getByTestId('toast-ok').last()).toContainText('Obnoveno');
  expect(await knex('partnerships').where({ id }).first('id')).toEqual({ id });
  await deleted.getByTestId('toast-action').click();
  await expect(page.getByTestId('toast-info').last()).toContainText('Záznam už je zpět');
  await expect(page.getByTestId('toast-error')).toHaveCount(0);
  const [count] = await knex('partnerships').where({ id }).count<{ n: number | string }[]>({ n: '*' });
  expect(Number(count?.n)).toBe(1);
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('quick-search').fill('');
});

test('a deleted member’s values read as the Members form names them, and a contact’s as its form does, in Czech and English (walkthrough 27, finding 2)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const member = await knex('municipalities')
    .where({ name: 'Český Krumlov' })
    .first<{ id: number; version: number; code: string; population: number }>('id', 'version', 'code', 'population');
  const contact = await knex('contacts as c')
    .join('partnerships as p', 'p.id', 'c.partnership_id')
    .whereNot('p.municipality_id', member.id)
    .where('c.side', 'cz')
    .whereNotNull('c.role')
    .first<{ id: number; version: number; name: string; role: string }>('c.id', 'c.version', 'c.name', 'c.role');
  const request = await knex('partnership_requests')
    .where({ direction: 'foreign_seeks', status: 'new' })
    .whereNotNull('requester_country_code')
    .first<{ id: number; version: number; requester_name: string }>('id', 'version', 'requester_name');
  await invoke(webApp, 'contacts:delete', { id: contact.id, version: contact.version });
  await invoke(webApp, 'requests:delete', { id: request.id, version: request.version });
  await invoke(webApp, 'municipalities:delete', { id: member.id, version: member.version });
  // Looked at on the smallest screen the app is made for.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByTestId('nav-settings').click();
  const bin = page.getByTestId('bin-table');
  const memberRow = bin.getByTestId('bin-entry').filter({ hasText: 'Český Krumlov' });
  const contactRow = bin.getByTestId('bin-entry').filter({ hasText: contact.name });
  await memberRow.getByTestId('bin-values-toggle').click();
  await contactRow.getByTestId('bin-values-toggle').click();
  const requestRow = bin.getByTestId('bin-entry').filter({ hasText: request.requester_name });
  await requestRow.getByTestId('bin-values-toggle').click();
  // The Requests screen's texts load with that screen: the bin names a request's fields all the same.
  const requestValues = bin.getByTestId('bin-values').filter({ hasText: request.requester_name });
  const memberValues = bin.getByTestId('bin-values').filter({ hasText: 'Český Krumlov' });
  const contactValues = bin.getByTestId('bin-values').filter({ hasText: contact.name });
  /** The value a label names in a record's list of values. */
  const valueOf = (values: typeof memberValues, label: string) =>
    values.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  // Stored keys and codes a person does not read.
  const raw =
    /\b(code|kind|districtName|regionName|mayorGender|mayorName|isMember|memberSince|postalCode|side|role|direction|requesterName|status|receivedOn)\b/;

  await expect(valueOf(memberValues, 'Kód obce')).toHaveText(member.code);
  await expect(valueOf(memberValues, 'Typ')).toHaveText('město');
  await expect(valueOf(memberValues, 'Okres')).toHaveText('Český Krumlov');
  await expect(valueOf(memberValues, 'Starosta/ka: pohlaví')).toHaveText('žena');
  await expect(valueOf(memberValues, 'Obec je členem sdružení')).toHaveText('ano');
  await expect(valueOf(memberValues, 'Členem od')).toHaveText('1. 3. 1994');
  await expect(valueOf(memberValues, 'Obyvatel')).toHaveText(member.population.toLocaleString('cs-CZ'));
  await expect(valueOf(contactValues, 'Strana')).toHaveText('Česká strana');
  await expect(valueOf(contactValues, 'Funkce')).toHaveText(contact.role);
  await expect(valueOf(requestValues, 'Kdo hledá partnera')).toHaveText('zahraniční obec hledá českou');
  await expect(valueOf(requestValues, 'Stav')).toHaveText('nová');
  await expect(valueOf(requestValues, 'Žadatel')).toHaveText(request.requester_name);
  for (const values of [memberValues, contactValues, requestValues]) {
    for (const label of await values.locator('dt').allTextContents()) expect(label).not.toMatch(raw);
    await expect(values).not.toContainText('mesto');
  }
  await memberValues.scrollIntoViewIfNeeded();
  await saveScreen(page, 'bin-member-values-cs');

  await page.getByTestId('language-en').click();
  await expect(valueOf(memberValues, 'Code')).toHaveText(member.code);
  await expect(valueOf(memberValues, 'Kind')).toHaveText('town');
  await expect(valueOf(memberValues, 'Mayor: gender')).toHaveText('woman');
  await expect(valueOf(memberValues, 'The municipality is a member of the association')).toHaveText('yes');
  await expect(valueOf(memberValues, 'Member since')).toHaveText('1 Mar 1994');
  await expect(valueOf(contactValues, 'Side')).toHaveText('Czech side');
  await expect(valueOf(contactValues, 'Role')).toHaveText(contact.role);
  await expect(valueOf(requestValues, 'Who is looking for a partner')).toHaveText('foreign town seeks a Czech one');
  await expect(valueOf(requestValues, 'Status')).toHaveText('new');
  for (const values of [memberValues, contactValues, requestValues])
    for (const label of await values.locator('dt').allTextContents()) expect(label).not.toMatch(raw);
  await memberValues.scrollIntoViewIfNeeded();
  await saveScreen(page, 'bin-member-values-en');
  await page.getByTestId('language-cs').click();

  // Both back as they were, with their ids.
  await memberRow.getByTestId('bin-restore').click();
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'Obnoveno: Český Krumlov' })).toBeVisible();
  await contactRow.getByTestId('bin-restore').click();
  await expect(page.getByTestId('toast-ok').filter({ hasText: `Obnoveno: ${contact.name}` })).toBeVisible();
  expect(await knex('municipalities').where({ id: member.id }).first('id')).toEqual({ id: member.id });
  await requestRow.getByTestId('bin-restore').click();
  await expect(page.getByTestId('toast-ok').filter({ hasText: `Obnoveno: ${request.requester_name}` })).toBeVisible();
  expect(await knex('contacts').where({ id: contact.id }).first('id')).toEqual({ id: contact.id });
  expect(await knex('partnership_requests').where({ id: request.id }).first('id')).toEqual({ id: request.id });
  if (viewport !== null) await page.setViewportSize(viewport);
});
