import type { Page } from '@playwright/test';
import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { expect, saveScreen, searchPartnerships, startWebApp, test } from '../support/web-fixture';

/**
 * Walkthrough 20, findings 8 and 9, in a registry of the test's own: the contact and activity forms
 * name every problem at once (at its field, beside Save, the first focused), and an edit of a
 * contact or an activity is undone as a partnership's is: the toast's "Vrátit zpět" after the save
 * and "Vrátit tuto změnu" in the history, refused with a reason once the record changed since.
 */
async function openKonstanz(page: Page) {
  const webApp = await startWebApp();
  await webApp.ctx.preferences.set({ actorName: 'Jana Nováková' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(webApp.url);
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'konstanz');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await expect(detail.getByTestId('contacts')).toBeVisible();
  const partnership = await webApp.ctx.db
    .knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Konstanz')
    .first<{ id: number }>('p.id');
  return { webApp, knex: webApp.ctx.db.knex, detail, partnershipId: partnership.id };
}

test('the activity and contact forms name every problem at once, beside Save too, and go to the first', async ({
  page,
}) => {
  const { webApp, knex, detail, partnershipId } = await openKonstanz(page);
  const activities = async () =>
    Number(
      (await knex('activities').where({ partnership_id: partnershipId }).count<{ n: number }[]>({ n: '*' }))[0]?.n,
    );
  const before = await activities();

  await detail.getByTestId('add-activity').click();
  const form = detail.getByTestId('activity-form');
  await form.getByTestId('activity-date').fill('31. 2. 2023');
  await form.getByTestId('activity-title').fill('Výměna mládeže');
  await form.getByTestId('activity-amount').fill('12,5,3');
  await form.getByTestId('activity-save').click();
  // All at once on the first save (before: the amount, then the date, then the currency).
  // 31 February is said to be no day of the calendar, not a wrong format (walkthrough 27).
  await expect(form.getByTestId('error-date')).toHaveText('Takový den v kalendáři není. Zkontrolujte den a měsíc.');
  await expect(form.getByTestId('error-fundingAmount')).toHaveText('Zadejte číslo.');
  await expect(form.getByTestId('error-currency')).toHaveText('K částce vyberte měnu.');
  await expect(form.getByTestId('error-fundingProgramme')).toBeVisible();
  await expect(form.getByTestId('activity-form-problems')).toHaveText(
    'Neuloženo. Opravte: Datum, Program, Částka, Měna.',
  );
  await expect(form.getByTestId('activity-date')).toBeFocused();
  await form.scrollIntoViewIfNeeded();
  await saveScreen(page, 'child-form-all-errors');
  expect(await activities()).toBe(before);
  // Mended, it saves, and the notices go.
  await form.getByTestId('activity-date').fill('28. 2. 2023');
  await form.getByTestId('activity-programme').selectOption('erasmus_plus');
  await form.getByTestId('activity-amount').fill('12,5');
  await form.getByTestId('activity-currency').selectOption('EUR');
  await form.getByTestId('activity-save').click();
  await expect(form).toHaveCount(0);
  expect(await activities()).toBe(before + 1);

  // The contact form: every field's problem at once too.
  await detail.getByTestId('add-contact-partner').click();
  const contact = detail.getByTestId('contact-form');
  await contact.getByTestId('contact-email').fill('anna@');
  await contact.locator('[data-field="phone"] input').fill('volat večer');
  await contact.getByTestId('contact-save').click();
  await expect(contact.getByTestId('error-name')).toBeVisible();
  await expect(contact.getByTestId('error-email')).toHaveText('Zadejte platnou e-mailovou adresu.');
  await expect(contact.getByTestId('error-phone')).toBeVisible();
  await expect(contact.getByTestId('contact-form-problems')).toHaveText('Neuloženo. Opravte: Jméno, E-mail, Telefon.');
  await expect(contact.getByTestId('contact-name')).toBeFocused();
  await saveScreen(page, 'child-contact-form-all-errors');

  // Cancelled and opened again: the form starts without the problems of the one before.
  await contact.getByRole('button', { name: 'Zrušit' }).click();
  await detail.getByTestId('add-contact-partner').click();
  await expect(contact.getByTestId('contact-name')).toHaveValue('');
  await expect(contact.getByTestId('contact-form-problems')).toHaveCount(0);
  await expect(contact.getByTestId('error-name')).toHaveCount(0);
  await contact.getByRole('button', { name: 'Zrušit' }).click();

  // In English.
  await webApp.ctx.preferences.set({ language: 'en' });
  await page.reload();
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'konstanz');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  await detail.getByTestId('add-activity').click();
  await form.getByTestId('activity-date').fill('2023-02-31');
  await form.getByTestId('activity-title').fill('Youth exchange');
  await form.getByTestId('activity-amount').fill('12,5,3');
  await form.getByTestId('activity-save').click();
  await expect(form.getByTestId('activity-form-problems')).toHaveText(
    'Not saved. Correct: Date, Programme, Amount, Currency.',
  );
  await expect(form.getByTestId('activity-date')).toBeFocused();
  await form.scrollIntoViewIfNeeded();
  await saveScreen(page, 'child-form-all-errors-en');
  await webApp.close();
});

test('a contact’s and an activity’s edit are undone from the toast and from the history; a later change refuses the undo', async ({
  page,
}) => {
  const { webApp, knex, detail, partnershipId } = await openKonstanz(page);
  const colleague = createDispatch(createHandlers(webApp.ctx));
  const contact = await knex('contacts')
    .where({ partnership_id: partnershipId })
    .orderBy('id')
    .first<{ id: number; name: string; email: string | null }>('id', 'name', 'email');
  if (!contact) throw new Error('the demo partnership with Konstanz has no contact');
  const email = async () =>
    (await knex('contacts').where({ id: contact.id }).first<{ email: string | null }>('email')).email;
  const version = async () =>
    (await knex('contacts').where({ id: contact.id }).first<{ version: number }>('version')).version;
  const edit = async (value: string) => {
    const row = detail.getByTestId('contacts').locator('li').filter({ hasText: contact.name }).first();
    await row.getByRole('button', { name: /^(Upravit|Edit)$/ }).click();
    await detail.getByTestId('contact-email').fill(value);
    await detail.getByTestId('contact-save').click();
    await expect.poll(email).toBe(value);
  };

  // The toast after the save: "Uloženo." with "Vrátit zpět".
  await edit('spatny@email.cz');
  const toast = page.getByTestId('toast-ok').filter({ hasText: 'Uloženo.' });
  await expect(toast.getByTestId('toast-action')).toHaveText('Vrátit zpět');
  await saveScreen(page, 'child-edit-toast');
  const edited = await version();
  await toast.getByTestId('toast-action').click();
  await expect.poll(email).toBe(contact.email);
  // A change of its own: the version raised, the history says who put what back.
  expect(await version()).toBe(edited + 1);
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'Změna vrácena.' })).toBeVisible();
  await expect(detail.getByTestId('contacts')).toContainText(contact.email ?? contact.name);

  // The history's "Vrátit tuto změnu" on the contact's entry.
  await edit('jiny@email.cz');
  const history = detail.getByTestId('history');
  const entry = history
    .getByTestId('history-entry')
    .filter({ hasText: `Kontakt „${contact.name}“` })
    .filter({ hasText: 'jiny@email.cz' })
    .first();
  await expect(entry.getByTestId('history-revert')).toHaveText('Vrátit tuto změnu');
  await entry.scrollIntoViewIfNeeded();
  await saveScreen(page, 'child-edit-history');
  await entry.getByTestId('history-revert').click();
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'Původní hodnoty jsou zpět.' })).toBeVisible();
  await expect.poll(email).toBe(contact.email);
  const audited = await knex('audit_log')
    .where({ table_name: 'contacts', record_id: contact.id })
    .orderBy('id', 'desc')
    .first<{ action: string; actor: string; after: string }>('action', 'actor', 'after');
  expect(audited).toMatchObject({ action: 'update', actor: 'Jana Nováková' });

  // Changed since by a colleague: the undo is refused, saying by whom; nothing is overwritten.
  await edit('moje@email.cz');
  const mine = history
    .getByTestId('history-entry')
    .filter({ hasText: `Kontakt „${contact.name}“` })
    .filter({ hasText: 'moje@email.cz' })
    .first();
  await webApp.ctx.preferences.set({ actorName: 'Karel Kolega' });
  const stored = await knex('contacts').where({ id: contact.id }).first<{ version: number; side: string }>();
  const result = await colleague('contacts:update', {
    id: contact.id,
    version: stored.version,
    side: stored.side,
    name: contact.name,
    phone: '+49 7531 000',
  });
  expect(result.ok).toBe(true);
  await webApp.ctx.preferences.set({ actorName: 'Jana Nováková' });
  await expect(detail.getByTestId('contacts')).toContainText('+49 7531 000');
  await mine.getByTestId('history-revert').click();
  await expect(page.getByTestId('toast-error').first()).toContainText(
    /^Tuto změnu nelze vrátit: záznam se od té doby znovu změnil \(Karel Kolega, .+\)/,
  );
  expect(await email()).toBe('moje@email.cz');
  await saveScreen(page, 'child-edit-undo-refused');

  // An activity: the toast's undo puts back its title and date (the contact's toast gone first,
  // so that the one clicked is the activity's).
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'Uloženo.' })).toHaveCount(0);
  const activityRow = detail.getByTestId('activities').locator('tbody tr').first();
  await expect(activityRow).toBeVisible();
  const activity = await knex('activities')
    .where({ partnership_id: partnershipId })
    .orderBy([{ column: 'date', order: 'desc' }, 'id'])
    .first<{ id: number; title: string; date: string }>('id', 'title', 'date');
  if (!activity) throw new Error('the demo partnership with Konstanz has no activity');
  const row = detail.getByTestId('activities').locator('tbody tr').filter({ hasText: activity.title }).first();
  await row.getByRole('button', { name: 'Upravit' }).click();
  await detail.getByTestId('activity-title').fill('Přejmenováno omylem');
  await detail.getByTestId('activity-date').fill('1. 1. 2020');
  await detail.getByTestId('activity-save').click();
  const title = async () =>
    await knex('activities').where({ id: activity.id }).first<{ title: string; date: string }>('title', 'date');
  await expect.poll(async () => (await title()).title).toBe('Přejmenováno omylem');
  await page.getByTestId('toast-ok').filter({ hasText: 'Uloženo.' }).getByTestId('toast-action').click();
  await expect.poll(title).toEqual({ title: activity.title, date: activity.date });

  // In English: the toast and the history entry.
  await webApp.ctx.preferences.set({ language: 'en' });
  await page.reload();
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'konstanz');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  await edit('english@email.cz');
  const enToast = page.getByTestId('toast-ok').filter({ hasText: 'Saved.' });
  await expect(enToast.getByTestId('toast-action')).toHaveText('Undo');
  await saveScreen(page, 'child-edit-toast-en');
  const enEntry = history.getByTestId('history-entry').filter({ hasText: 'english@email.cz' }).first();
  await expect(enEntry.getByTestId('history-revert')).toHaveText('Revert this change');
  await enEntry.scrollIntoViewIfNeeded();
  await saveScreen(page, 'child-edit-history-en');
  await webApp.close();
});
