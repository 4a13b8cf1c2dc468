import type { Knex } from 'knex';
import { townNameKey } from '../../shared/domain/text';
import { expect, invoke, saveScreen, test, type WebApp } from '../support/web-fixture';

/**
 * Settings ▸ Linking partner towns to the gazetteer (after walkthrough 26, finding 8): towns an
 * older version left without a gazetteer id are linked by the import's rule, after a check that
 * lists them and a confirmation; the toast undoes the run, and so does any linked town's history.
 * The registry is the worker's: the spec adds its own towns and puts back what it changed.
 */
type Town = { name: string; country: string; lat: number; lon: number; population: number | null };
const TOWNS: Town[] = [
  { name: 'Racibórz', country: 'PL', lat: 50.0918, lon: 18.2192, population: null },
  // A stated population stays.
  { name: 'Gniezno', country: 'PL', lat: 52.5349, lon: 17.5826, population: 69_500 },
  // The Hague recorded twice, under both its official names: neither is linked.
  { name: 'Den Haag', country: 'NL', lat: 52.0767, lon: 4.2986, population: null },
  { name: "'s-Gravenhage", country: 'NL', lat: 52.0767, lon: 4.2986, population: null },
];
type Row = { id: number; name: string; geonames_id: number | null; population: number | null };

async function addTowns(knex: Knex): Promise<number[]> {
  const now = new Date().toISOString();
  const ids: number[] = [];
  for (const town of TOWNS) {
    const [row] = await knex('foreign_towns')
      .insert({
        name: town.name,
        name_key: townNameKey(town.name),
        country_code: town.country,
        kind: 'unknown',
        latitude: town.lat,
        longitude: town.lon,
        population: town.population,
        source: 'manual',
        created_at: now,
        updated_at: now,
      })
      .returning<{ id: number }[]>('id');
    if (row) ids.push(row.id);
  }
  return ids;
}

/** Undoes a run still in place (a test that failed halfway) and removes the spec's towns. */
async function cleanUp(webApp: WebApp, ids: number[]): Promise<void> {
  const knex = webApp.ctx.db.knex;
  const linked = await knex('foreign_towns')
    .whereIn('id', ids)
    .whereNotNull('geonames_id')
    .first<Row | undefined>('id');
  if (linked !== undefined) {
    const entry = await knex('audit_log')
      .where({ table_name: 'foreign_towns', record_id: linked.id, action: 'update' })
      .orderBy('id', 'desc')
      .first<{ group_id: number | null } | undefined>('group_id');
    if (entry?.group_id) await invoke(webApp, 'towns:linkGazetteerUndo', { auditId: entry.group_id });
  }
  await knex('foreign_towns').whereIn('id', ids).delete();
}

test('partner towns are linked to the gazetteer from Settings, and the run is undone (cs, en)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const ids = await addTowns(knex);
  const [raciborz, gniezno, haag, gravenhage] = ids;
  const town = (id: number | undefined) =>
    knex('foreign_towns').where({ id }).first<Row>('id', 'name', 'geonames_id', 'population');
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('gazetteer-link');
    await section.scrollIntoViewIfNeeded();
    await expect(section).toContainText('Propojení partnerských měst s místopisným rejstříkem');
    await expect(section).toContainText('přesně jedno město téhož názvu do 10 km');

    // The check lists what the rule finds; nothing is written.
    await section.getByTestId('gazetteer-link-check').click();
    await expect(section.getByTestId('gazetteer-link-summary')).toContainText('Lze propojit:');
    const row = (name: string) => section.getByTestId('gazetteer-link-row').filter({ hasText: name });
    await expect(row('Racibórz')).toContainText('Polsko');
    await expect(row('Racibórz')).toContainText('doplní se 58 464');
    await expect(row('Gniezno')).toContainText('zůstane 69 500');
    await expect(row('Den Haag')).toHaveCount(0);
    await expect(section.getByTestId('gazetteer-link-ambiguous')).toContainText('Den Haag');
    await expect(section.getByTestId('gazetteer-link-ambiguous')).toContainText("'s-Gravenhage");
    expect(await town(raciborz)).toMatchObject({ geonames_id: null, population: null });
    await row('Racibórz').scrollIntoViewIfNeeded();
    await section.scrollIntoViewIfNeeded();
    await saveScreen(page, 'gazetteer-link-preview-cs');

    // "Propojit N měst" asks first, then links (judged again in core) and says it with Undo.
    const apply = section.getByTestId('gazetteer-link-apply');
    await expect(apply).toHaveText(/^Propojit \d+ měst/);
    await apply.click();
    await expect(section.getByTestId('gazetteer-link-question')).toContainText('doplnit počet obyvatel');
    await saveScreen(page, 'gazetteer-link-confirm-cs');
    await section.getByTestId('gazetteer-link-confirm').click();
    const toast = page.getByTestId('toast-ok').filter({ hasText: 'místopisným rejstříkem' });
    await expect(toast).toContainText(/Propojen[oa] \d+ měst/);
    await expect.poll(async () => (await town(raciborz)).geonames_id).toBe(3087584);
    expect(await town(raciborz)).toMatchObject({ population: 58_464 });
    expect(await town(gniezno)).toMatchObject({ geonames_id: 3099112, population: 69_500 });
    expect(await town(haag)).toMatchObject({ geonames_id: null });
    expect(await town(gravenhage)).toMatchObject({ geonames_id: null });
    await saveScreen(page, 'gazetteer-link-done-cs');

    // The toast's Undo puts the whole run back.
    await toast.getByTestId('toast-action').click();
    await expect(
      page.getByTestId('toast-ok').filter({ hasText: 'Propojení s místopisným rejstříkem vráceno.' }),
    ).toBeVisible();
    expect(await town(raciborz)).toMatchObject({ geonames_id: null, population: null });
    expect(await town(gniezno)).toMatchObject({ geonames_id: null, population: 69_500 });
    await saveScreen(page, 'gazetteer-link-undone-cs');

    // In English, once more; this time undone from a linked town's history.
    await page.getByTestId('language-en').click();
    await expect(section).toContainText('Linking partner towns to the gazetteer');
    await section.getByTestId('gazetteer-link-check').click();
    await expect(row('Racibórz')).toContainText('Poland');
    await expect(row('Racibórz')).toContainText('58,464 filled in');
    await expect(row('Gniezno')).toContainText('69,500 kept');
    await expect(section.getByTestId('gazetteer-link-ambiguous')).toContainText('most likely one town entered twice');
    await section.scrollIntoViewIfNeeded();
    await saveScreen(page, 'gazetteer-link-preview-en');
    await expect(apply).toHaveText(/^Link \d+ towns$/);
    await apply.click();
    await expect(section.getByTestId('gazetteer-link-question')).toContainText('fill in the population');
    await section.getByTestId('gazetteer-link-confirm').click();
    await expect(page.getByTestId('toast-ok').filter({ hasText: /Linked \d+ towns to the gazetteer/ })).toBeVisible();
    await expect.poll(async () => (await town(raciborz)).geonames_id).toBe(3087584);
    await saveScreen(page, 'gazetteer-link-done-en');

    // Racibórz has no partnership: Settings lists it with its card, whose history names the run.
    const unused = page.getByTestId('unused-towns').getByTestId('unused-town').filter({ hasText: 'Racibórz' });
    await unused.getByRole('button', { name: 'Racibórz' }).click();
    const card = page.getByTestId('town-card');
    await card.locator('details.town-card-history > summary').click();
    const bulk = card.getByTestId('history-bulk').first();
    await expect(bulk).toContainText(/Part of linking \d+ towns to the gazetteer/);
    // The id as its digits, the population as a number.
    const entry = card
      .getByTestId('history-entry')
      .filter({ has: page.getByTestId('history-bulk') })
      .first();
    await expect(entry).toContainText('3087584');
    await expect(entry).toContainText('58,464');
    // Centred: the card's sticky buttons would cover an entry scrolled just into view.
    await bulk.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await saveScreen(page, 'gazetteer-link-history-en');
    await card.getByTestId('history-undo-bulk').first().click();
    // (The first run's undo says so too, in English now, while its toast lasts.)
    await expect(
      page.getByTestId('toast-ok').filter({ hasText: 'Links to the gazetteer undone.' }).first(),
    ).toBeVisible();
    await expect.poll(async () => (await town(raciborz)).geonames_id).toBeNull();
    expect(await town(raciborz)).toMatchObject({ population: null });
    expect(await town(gniezno)).toMatchObject({ geonames_id: null, population: 69_500 });
    await expect(card.getByTestId('history-bulk').first()).toContainText('Part of the undo of links to the gazetteer');
    await card
      .getByTestId('history-bulk')
      .first()
      .evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await saveScreen(page, 'gazetteer-link-history-undone-en');
    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
  } finally {
    await page.getByTestId('language-cs').click();
    await cleanUp(webApp, ids);
  }
});
