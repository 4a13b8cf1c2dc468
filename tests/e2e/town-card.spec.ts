import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Knex } from 'knex';
import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { insertForeignTowns } from '../../electron/core/repositories/foreign-towns-repository';
import { expect, saveScreen, test, openAgreementOf } from '../support/web-fixture';

test.use({ viewport: { width: 1280, height: 720 } });

/** The text of a DOCX's body (runs joined), for reading what a draft says. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');
}

test('partner-town card: opened from the grid, edited, saved with history; a batch draft then uses it', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  // An Austrian partner town whose card knows no mayor and no town hall address yet.
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .where('t.country_code', 'AT')
    .whereNull('t.mayor_name')
    .whereNull('t.address')
    // A demo partnership: other specs of this worker add towns of their own (one named by markup).
    .orderBy('p.id', 'asc')
    .first<{ id: number; townId: number; town: string; member: string }>(
      'p.id',
      't.id as townId',
      't.name as town',
      'm.name as member',
    );
  expect(row).toBeDefined();

  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('quick-search').fill(row.town);
  const link = page.getByTestId(`town-link-${String(row.id)}`);
  await link.click();
  const card = page.getByTestId('town-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText(row.town);
  // At 1280 × 720 the card scrolls and its buttons stay whole in sight (they were cut in half).
  await page.setViewportSize({ width: 1280, height: 720 });
  const whole = async () => {
    const dialog = await card.boundingBox();
    const save = await card.getByTestId('town-save').boundingBox();
    return dialog !== null && save !== null && save.y >= dialog.y && save.y + save.height <= dialog.y + dialog.height;
  };
  await expect.poll(whole).toBe(true);
  await saveScreen(page, 'town-card-720');
  // Unknown stays unknown: the fields are empty, nothing made up.
  await expect(card.getByTestId('town-mayorName')).toHaveValue('');
  await expect(card.getByTestId('town-address')).toHaveValue('');
  // The town's partnerships are listed on its card.
  await expect(card.getByTestId('town-partnerships')).toContainText(row.member);

  await card.getByTestId('town-mayorName').fill('Johanna Gruber');
  await card.getByTestId('town-mayorGender').selectOption('f');
  await card.getByTestId('town-address').fill('Hauptplatz 1, 3500 Krems');
  // A population typed the English way is 24,000 people, not 24 (it was saved as 24).
  await card.getByTestId('town-population').fill('24,000');
  // The partner's official number, which its agreements state (asked again in every draft before).
  await card.getByTestId('town-idNumber').fill('ATU 12345678');
  await card.getByTestId('town-idNumber').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await saveScreen(page, 'town-card-agreements-cs');
  await card.getByTestId('town-save').scrollIntoViewIfNeeded();
  await saveScreen(page, 'town-card-cs');
  await card.getByTestId('town-save').click();
  await expect(page.getByTestId('toast-ok').first()).toBeVisible();
  // Saved, the card closes: its toast's Undo is in reach, not under the modal card.
  await expect(card).toBeHidden();
  await page.getByTestId('toast-ok').first().getByTestId('toast-action').click({ trial: true });
  // Its one action keeps its label on one line beside the text (walkthrough 28: "Vrátit / zpět").
  const undoLines = await page
    .getByTestId('toast-ok')
    .first()
    .getByTestId('toast-action')
    .evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
  expect(undoLines).toBe(1);

  const stored = await knex('foreign_towns')
    .where({ id: row.townId })
    .first<{ mayor_name: string; mayor_gender: string; address: string; population: number; id_number: string }>();
  expect(stored).toMatchObject({
    population: 24000,
    id_number: 'ATU 12345678',
    mayor_name: 'Johanna Gruber',
    mayor_gender: 'f',
    address: 'Hauptplatz 1, 3500 Krems',
  });
  // Audited like every edit, under the town's record.
  const audit = await knex('audit_log')
    .where({ table_name: 'foreign_towns', record_id: row.townId, action: 'update' })
    .orderBy('id', 'desc')
    .first<{ before: string; after: string }>();
  expect(audit.after).toContain('Johanna Gruber');
  expect(audit.before).not.toContain('Johanna Gruber');

  // The card in English.
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('quick-search').fill(row.town);
  await link.click();
  await expect(card.getByTestId('town-mayorName')).toHaveValue('Johanna Gruber');
  await expect(card).toContainText('Mayor');
  await saveScreen(page, 'town-card-en');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-cs').click();

  // A batch of drafts reads the card: the mayor and the town hall are filled in, not asked for.
  await page.getByRole('link', { name: 'Smlouvy' }).first().click();
  const batch = page.locator('details.agreement-batch');
  await batch.locator('summary').click();
  await batch.getByLabel('Filtr partnerství').fill(row.town);
  await batch.getByRole('checkbox', { name: new RegExp(`${row.member} – ${row.town}`) }).check();
  const before = new Set(existsSync(webApp.outputDir) ? readdirSync(webApp.outputDir) : []);
  await batch.getByRole('button', { name: 'Vytvořit návrhy…' }).click();
  await expect(batch.locator('.notice-ok')).toBeVisible();
  const written = readdirSync(webApp.outputDir).filter((f) => f.endsWith('.docx') && !before.has(f));
  expect(written).toHaveLength(1);
  const text = await docxText(path.join(webApp.outputDir, written[0] ?? ''));
  expect(text).toContain('Johanna Gruber');
  expect(text).toContain('Hauptplatz 1, 3500 Krems');
  // The female title in both languages (the card's gender), not a marker and not a male title.
  expect(text).toContain('Bürgermeisterin');
  expect(text).toContain('starostka');
});

test('a value typed on the agreement screen that the card lacked is kept on the card', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .whereIn('t.country_code', ['PL', 'SK'])
    .whereNull('t.mayor_name')
    .orderBy('p.id', 'desc')
    .first<{ id: number; townId: number; town: string }>('p.id', 't.id as townId', 't.name as town');
  expect(row).toBeDefined();
  // The Czech side's record lacks its mayor: the name typed in the draft goes to it as well.
  const member = await knex('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .where('p.id', row.id)
    .first<{ id: number; name: string; mayor_name: string | null }>('m.id', 'm.name', 'm.mayor_name');
  await knex('municipalities').where({ id: member.id }).update({ mayor_name: null });

  await openAgreementOf(page, row.id);
  await expect(page.getByTestId('agreement-card-hint')).toBeVisible();
  await page.getByTestId('agr-partner-mayorName').fill('Anna Nowak');
  await page.getByTestId('agr-cz-mayorName').fill('Petra Zkušební');
  await page.getByTestId('agreement-save').click();
  await page.getByTestId('agreement-confirm').getByRole('button', { name: 'Přesto exportovat' }).click();
  await expect(page.getByTestId('agreement-member-filled')).toHaveText(
    `Do záznamu obce ${member.name} se uložilo, co v něm dosud chybělo: Starosta / starostka.`,
  );
  expect((await knex('municipalities').where({ id: member.id }).first<{ mayor_name: string }>()).mayor_name).toBe(
    'Petra Zkušební',
  );
  const filled = page.getByTestId('agreement-card-filled');
  await expect(filled).toContainText(row.town);
  await expect(filled).toContainText('Jméno starosty/starostky');
  await saveScreen(page, 'agreement-card-filled-cs');
  expect(
    (await knex('foreign_towns').where({ id: row.townId }).first<{ mayor_name: string | null }>()).mayor_name,
  ).toBe('Anna Nowak');

  // A second draft with other wording never replaces what the card has.
  await page.getByTestId('agr-partner-mayorName').fill('Someone Else');
  await page.getByTestId('agreement-save').click();
  await page.getByTestId('agreement-confirm').getByRole('button', { name: 'Přesto exportovat' }).click();
  // Where the dialog offers the first draft's file name again, replacing it is asked first.
  const overwrite = page.getByTestId('agreement-confirm-overwrite');
  await expect(page.getByTestId('agreement-saved').or(overwrite)).toBeVisible();
  if (await overwrite.isVisible()) await overwrite.getByRole('button', { name: 'Nahradit' }).click();
  await expect(page.getByTestId('agreement-saved')).toBeVisible();
  await expect(page.getByTestId('agreement-card-filled')).toHaveCount(0);
  await expect(page.getByTestId('agreement-member-filled')).toHaveCount(0);
  expect(
    (await knex('foreign_towns').where({ id: row.townId }).first<{ mayor_name: string | null }>()).mayor_name,
  ).toBe('Anna Nowak');
});

/** The first or last partnership with an Austrian town: its id, the town's id, name, kind and website. */
const austrianPartnership = (knex: Knex, order: 'asc' | 'desc') =>
  knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.country_code', 'AT')
    .orderBy('p.id', order)
    .first<{ id: number; townId: number; town: string; kind: string; website: string | null }>(
      'p.id',
      't.id as townId',
      't.name as town',
      't.kind',
      't.website',
    );

/**
 * A partner town whose kind nobody stated (an import, a town added by name) is drafted with the
 * generic forms of a municipality, never as a town (walkthrough: a village of 408 became
 * "Stadtgemeinde"); the form says so, and the kind chosen there is kept on the town's card.
 */
test('the agreement asks whether a partner of unknown kind is a town, and keeps the answer on its card', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await austrianPartnership(knex, 'desc');
  await knex('foreign_towns').where({ id: row.townId }).update({ kind: 'unknown' });
  try {
    await openAgreementOf(page, row.id);
    const noun = page.getByTestId('agr-partner-noun');
    await expect(noun).toHaveValue('');
    await expect(noun).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('agreement-missing')).toContainText(`${row.town}: druh obce`);
    await expect(page.getByTestId('agr-partner-noun-unknown')).toContainText('Registr neuvádí, zda jde o město');
    // A Gemeinde or a Stadtgemeinde is the kind's: no body is given for a kind not stated (walkthrough 21).
    await expect(page.getByTestId('agr-partner-contractingBody')).toHaveValue('');
    await noun.scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-partner-kind-unknown-cs');
    // Renamed first, then the kind chosen: the body follows both ("Gemeinde" stayed for a town).
    const upper = row.town.toLocaleUpperCase('de');
    await page.getByTestId('agr-partner-name').fill(upper);
    await expect(page.getByTestId('agr-partner-contractingBody')).toHaveValue('');
    await noun.selectOption('foreign_town');
    await expect(page.getByTestId('agr-partner-contractingBody')).toHaveValue(`Stadtgemeinde ${upper}`);
    await page.getByTestId('agr-partner-name').fill(row.town);
    await expect(page.getByTestId('agr-partner-contractingBody')).toHaveValue(`Stadtgemeinde ${row.town}`);
    await expect(noun).not.toHaveAttribute('aria-invalid', 'true');
    // The hint says what stands now (it still said the text calls it a municipality).
    await expect(page.getByTestId('agr-partner-noun-unknown')).toContainText('vaše volba se uloží na kartu města');
    await page.getByTestId('agreement-save').click();
    await page.getByTestId('agreement-confirm').getByRole('button', { name: 'Přesto exportovat' }).click();
    const overwrite = page.getByTestId('agreement-confirm-overwrite');
    await expect(page.getByTestId('agreement-saved').or(overwrite)).toBeVisible();
    if (await overwrite.isVisible()) await overwrite.getByRole('button', { name: 'Nahradit' }).click();
    await expect(page.getByTestId('agreement-card-filled')).toContainText('Druh');
    // The body the rules give a town is theirs, not words of the user's: not put on the card.
    await expect(page.getByTestId('agreement-card-filled')).not.toContainText('Smluvní strana');
    await saveScreen(page, 'agreement-partner-kind-kept-cs');
    expect((await knex('foreign_towns').where({ id: row.townId }).first<{ kind: string }>('kind')).kind).toBe('town');
    await expect(page.getByTestId('agr-partner-noun-unknown')).toHaveCount(0);
  } finally {
    await knex('foreign_towns').where({ id: row.townId }).update({ kind: row.kind });
  }
});

/**
 * A refused save moves to the field in error (it was off screen above, the focus left on Save,
 * walkthrough at 1280 × 720); a website typed as staff type it ("www.…") is taken as https://.
 */
test('the town card moves to a field in error and takes a website without its scheme', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await austrianPartnership(knex, 'asc');
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('quick-search').fill(row.town);
  await page.getByTestId(`town-link-${String(row.id)}`).click();
  const card = page.getByTestId('town-card');
  // Where it came from, in words (it said "request 3" or "demo").
  await expect(card).toContainText('Původ záznamu: ukázková data');
  await card.getByTestId('town-name').fill('');
  await card.getByTestId('town-save').click();
  await expect(card.getByTestId('town-name')).toBeFocused();
  await expect(card.getByTestId('town-name')).toBeInViewport();
  await card.getByTestId('town-name').fill(row.town);
  // A coordinate out of range names its range; the small map says it cannot show it (not "not known").
  const latitude = await card.getByTestId('town-latitude').inputValue();
  await card.getByTestId('town-latitude').fill('95');
  await card.getByTestId('town-save').click();
  await expect(card.getByTestId('error-tc-latitude')).toHaveText('Zeměpisná šířka musí být mezi −90 a 90.');
  await expect(card.getByTestId('town-map-none')).toHaveText('Souřadnice nelze ukázat na mapě: opravte je.');
  await card.getByTestId('town-latitude').fill(latitude);
  await expect(card.getByTestId('town-map-hint')).toContainText('Náhled podle zadaných souřadnic');
  await card.getByTestId('town-website').fill('www.example-town.at');
  await card.getByTestId('town-save').click();
  await expect(card).toHaveCount(0);
  try {
    expect((await knex('foreign_towns').where({ id: row.townId }).first<{ website: string }>('website')).website).toBe(
      'https://www.example-town.at',
    );
  } finally {
    await knex('foreign_towns').where({ id: row.townId }).update({ website: row.website });
  }
});

test('the Undo of a rename gives back the name and leaves no former name behind (review 67)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await austrianPartnership(knex, 'desc');
  const stored = await knex('foreign_towns').where({ id: row.townId }).first<{ alt_names: string | null }>('alt_names');
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('quick-search').fill(row.town);
  await page.getByTestId(`town-link-${String(row.id)}`).click();
  const card = page.getByTestId('town-card');
  await card.getByTestId('town-name').fill(`${row.town}x`);
  await card.getByTestId('town-save').click();
  await expect(card).toHaveCount(0);
  const saved = page.getByTestId('toast-ok').filter({ hasText: `${row.town}x` });
  await saved.getByTestId('toast-action').click();
  await expect(page.getByTestId('toast-info').filter({ hasText: row.town })).toBeVisible();
  const after = await knex('foreign_towns')
    .where({ id: row.townId })
    .first<{ name: string; alt_names: string | null }>('name', 'alt_names');
  expect(after).toEqual({ name: row.town, alt_names: stored.alt_names });
});

test('a merge of two towns is undone from the kept town’s history, after its toast has gone', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await austrianPartnership(knex, 'asc');
  // A second record of the same town, as an import without diacritics would write it.
  await insertForeignTowns(
    knex,
    [{ name: `${row.town} (Doppel)`, countryCode: 'AT', source: 'import 1' }],
    new Date().toISOString(),
  );
  const { id: mergeId } = await knex('foreign_towns')
    .where({ name: `${row.town} (Doppel)` })
    .first<{ id: number }>('id');
  const dispatch = createDispatch(createHandlers(webApp.ctx));
  const merged = await dispatch('towns:merge', { keepId: row.townId, mergeId });
  expect(merged.ok).toBe(true);
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('quick-search').fill(row.town);
  await page.getByTestId(`town-link-${String(row.id)}`).click();
  const card = page.getByTestId('town-card');
  await card.locator('.town-card-history summary').click();
  await card.getByTestId('history-undo-merge').click();
  await expect(page.getByTestId('toast-ok')).toContainText('Sloučení je vráceno');
  expect(await knex('foreign_towns').where({ id: mergeId }).first('name')).toEqual({ name: `${row.town} (Doppel)` });
  await knex('foreign_towns').where({ id: mergeId }).delete();
});

test('a kind set on the card opened from the agreement screen brings its noun, office and body to the open draft', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Vöcklabruck')
    .first<{ id: number; townId: number; town: string }>('p.id', 't.id as townId', 't.name as town');
  const original = await knex('foreign_towns')
    .where({ id: row.townId })
    .first<Record<string, unknown>>('kind', 'contracting_body', 'mayor_name', 'large_city');
  await knex('foreign_towns').where({ id: row.townId }).update({ kind: 'unknown', contracting_body: null });
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openAgreementOf(page, row.id);
    const preview = page.getByTestId('agreement-preview');
    await expect(page.getByTestId('agr-partner-noun-unknown')).toBeVisible();
    // No body while the kind is not stated (a Gemeinde or a Stadtgemeinde: walkthrough 21).
    await expect(page.getByTestId('agr-partner-contractingBody')).toHaveValue('');
    // The mayor typed here stays whatever the card brings.
    await page.getByTestId('agr-partner-mayorName').fill('Typed Here');
    await page.getByTestId('agreement-open-card').click();
    const card = page.getByTestId('town-card');
    // "Velké město" is asked only of a town; until someone says, the population decides.
    await expect(card.getByTestId('town-largeCity')).toHaveCount(0);
    // „neuvedeno“ first, as in the mayor's gender (walkthrough 23).
    await expect(card.getByTestId('town-kind').locator('option')).toHaveCount(3);
    expect(
      await card
        .getByTestId('town-kind')
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['unknown', 'town', 'municipality']);
    await card.getByTestId('town-kind').selectOption('town');
    await expect(card.getByTestId('town-largeCity')).toHaveValue('');
    await card.getByTestId('town-mayorName').fill('From The Card');
    await card.getByTestId('town-save').click();
    await expect(card).toBeHidden();
    await expect(page.getByTestId('agr-partner-noun')).toHaveValue('foreign_town');
    // Stated on the card, a city is one in the open draft too (noun and office follow).
    await page.getByTestId('agreement-open-card').click();
    await card.getByTestId('town-largeCity').selectOption('yes');
    await saveScreen(page, 'town-card-large-city');
    await card.getByTestId('town-save').click();
    await expect(card).toBeHidden();
    await expect(page.getByTestId('agr-partner-noun')).toHaveValue('foreign_city');
    expect(Boolean((await knex('foreign_towns').where({ id: row.townId }).first('large_city')).large_city)).toBe(true);
    await expect(page.getByTestId('agr-partner-noun-unknown')).toHaveCount(0);
    await expect(page.getByTestId('agr-partner-contractingBody')).toHaveValue(`Stadtgemeinde ${row.town}`);
    await expect(preview).toContainText(`Stadtgemeinde ${row.town}`);
    await expect(page.getByTestId('agr-partner-mayorName')).toHaveValue('Typed Here');
  } finally {
    // The registry is the worker's: the town is left as the demo data has it.
    await knex('foreign_towns').where({ id: row.townId }).update(original);
  }
});

test('the card warns about an office that does not fit the town’s kind; saved only when confirmed, the draft lists it', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Kłodzko')
    .first<{ id: number; townId: number; kind: string; office: string | null }>(
      'p.id',
      't.id as townId',
      't.kind as kind',
      't.mayor_office as office',
    );
  try {
    await openAgreementOf(page, row.id);
    await page.getByTestId('agreement-open-card').click();
    const card = page.getByTestId('town-card');
    await expect(card).toBeVisible();
    await expect(card.getByTestId('town-officeKind')).toHaveCount(0);
    // Walkthrough 21: "obec" with a "prezydent miasta" was saved without a word.
    await card.getByTestId('town-kind').selectOption('municipality');
    await card.getByTestId('town-mayorOffice').selectOption('PL:prezydent_miasta');
    const warning = card.getByTestId('town-officeKind');
    await expect(warning).toContainText('Úřad „prezydent miasta (primátor)“ neodpovídá druhu „obec“.');
    await warning.scrollIntoViewIfNeeded();
    await saveScreen(page, 'town-card-office-kind');
    await card.getByTestId('town-save').click();
    await expect(card).toContainText('Úřad neodpovídá druhu: opravte jeden z nich, nebo to potvrďte.');
    await expect(card).toBeVisible();
    expect(await knex('foreign_towns').where({ id: row.townId }).first('kind', 'mayor_office')).toEqual({
      kind: row.kind,
      mayor_office: row.office,
    });
    // Reality is sometimes odd: confirmed, it is saved as stated.
    await card.getByTestId('town-officeKind-confirm').check();
    await card.getByTestId('town-save').click();
    await expect(card).toBeHidden();
    expect(await knex('foreign_towns').where({ id: row.townId }).first('kind', 'mayor_office')).toEqual({
      kind: 'municipality',
      mayor_office: 'PL:prezydent_miasta',
    });
    // The draft prints both as stated ("Gmina", "Prezydent Miasta") and names the contradiction.
    const missing = page.getByTestId('agreement-missing');
    await expect(missing).toContainText('Kłodzko: funkce zástupce neodpovídá druhu obce');
    const preview = page.getByTestId('agreement-preview');
    await expect(preview).toContainText('Prezydent Miasta');
    await missing.scrollIntoViewIfNeeded();
    await saveScreen(page, 'agreement-office-kind');
    // A fitting office: nothing to name.
    await page.getByTestId('agr-partner-office').selectOption('PL:wojt');
    await expect(missing).not.toContainText('neodpovídá druhu obce');
  } finally {
    await knex('foreign_towns').where({ id: row.townId }).update({ kind: row.kind, mayor_office: row.office });
  }
});

test('the town card’s history puts back one past change, and says in the card when a field changed since', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await austrianPartnership(knex, 'asc');
  const dispatch = createDispatch(createHandlers(webApp.ctx));
  const card0 = (await dispatch('towns:card', { id: row.townId })) as { ok: true; value: { version: number } };
  const start = await knex('foreign_towns')
    .where({ id: row.townId })
    .first<{ address: string | null; mayor_name: string | null }>('address', 'mayor_name');
  // Two edits by a colleague: the address, then the mayor (twice, so the first mayor edit cannot go back).
  let version = card0.value.version;
  for (const patch of [{ address: 'Hauptplatz 9' }, { mayorName: 'Anna Berger' }, { mayorName: 'Eva Huber' }]) {
    const saved = (await dispatch('towns:update', { id: row.townId, version, patch })) as {
      ok: true;
      value: { version: number };
    };
    version = saved.value.version;
  }
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('quick-search').fill(row.town);
  await page.getByTestId(`town-link-${String(row.id)}`).click();
  const card = page.getByTestId('town-card');
  await expect(card.getByTestId('town-address')).toHaveValue('Hauptplatz 9');
  await card.locator('.town-card-history summary').click();
  const history = card.getByTestId('town-history');
  // Newest first: Eva Huber, Anna Berger, the address.
  const entries = history.locator('li').filter({ has: page.getByTestId('history-revert') });
  // (Other tests of this file edited the town before: its older entries follow.)
  await expect(entries.nth(0)).toContainText('Eva Huber');
  await expect(entries.nth(1)).toContainText('Anna Berger');
  await expect(entries.nth(2)).toContainText('Hauptplatz 9');
  await entries.nth(1).getByTestId('history-revert').click();
  // Said under the entry clicked (the end of a long history lies out of sight).
  const refusal = entries.nth(1).getByTestId('history-entry-notice');
  await expect(refusal).toContainText('Jméno starosty');
  await expect(refusal).toContainText('znovu změnil');
  await expect(refusal).toBeInViewport();
  await saveScreen(page, 'town-revert-refused-cs');
  expect(await knex('foreign_towns').where({ id: row.townId }).first('mayor_name')).toEqual({
    mayor_name: 'Eva Huber',
  });
  // The address edit goes back; the card shows it without a reload.
  await entries.nth(2).getByTestId('history-revert').click();
  await expect(card.getByTestId('town-address')).toHaveValue(start.address ?? '');
  await expect(card.getByTestId('history-entry-notice')).toHaveCount(0);
  expect(await knex('foreign_towns').where({ id: row.townId }).first('address')).toEqual({ address: start.address });
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await knex('foreign_towns').where({ id: row.townId }).update({ mayor_name: start.mayor_name });
});

test('the town card’s history shows a coordinate with every decimal (47.0106 → 47.0112 was “47,011 → 47,011”)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const row = await austrianPartnership(knex, 'desc');
  const dispatch = createDispatch(createHandlers(webApp.ctx));
  const card0 = (await dispatch('towns:card', { id: row.townId })) as { ok: true; value: { version: number } };
  const start = await knex('foreign_towns')
    .where({ id: row.townId })
    .first<{ latitude: number | null; longitude: number | null }>('latitude', 'longitude');
  // Two places 60 m apart: equal when rounded to three decimals.
  for (const [version, latitude] of [
    [card0.value.version, 47.0106],
    [card0.value.version + 1, 47.0112],
  ] as const) {
    const saved = (await dispatch('towns:update', {
      id: row.townId,
      version,
      patch: { latitude, longitude: 16.6053 },
    })) as { ok: boolean };
    expect(saved.ok).toBe(true);
  }
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('quick-search').fill(row.town);
  await page.getByTestId(`town-link-${String(row.id)}`).click();
  const card = page.getByTestId('town-card');
  await card.locator('.town-card-history summary').click();
  const newest = card
    .getByTestId('town-history')
    .locator('li')
    .filter({ has: page.getByTestId('history-revert') });
  await expect(newest.first()).toContainText('47,0106 → 47,0112');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await page.getByTestId('quick-search').fill('');
  await knex('foreign_towns').where({ id: row.townId }).update(start);
});
