import type { Page } from '@playwright/test';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { countryName } from '../../shared/domain/countries';
import { encodeWindows1250 } from '../support/import-corpus';
import { expect, saveScreen, test } from '../support/web-fixture';

// A small file as a Czech office exports it: Windows-1250, semicolons, CRLF, ČSÚ columns.
const CSV = [
  'obec_kod;obec_text;okres_csu_cis101_lau_kod;okres_text;kraj_csu_cis108_nuts_kod;kraj_text',
  '999008;Horní Dolní nad Želivkou;CZ0412;Karlovy Vary;CZ041;Karlovarský kraj',
  '999016;Dolní Lhota u Řečice;CZ0412;Karlovy Vary;CZ041;Karlovarský kraj',
  '12345X;Špatný kód;CZ0412;Karlovy Vary;CZ041;Karlovarský kraj',
].join('\r\n');

test('import a Windows-1250 CSV through the UI: preview with the invalid row explained, import, see the members', async ({
  appPage: page,
}) => {
  await page.getByTestId('nav-members').click();
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'obce-1250.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(encodeWindows1250(CSV)),
  });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('import-file')).toContainText('WINDOWS-1250');
  await expect(page.getByTestId('import-file')).toContainText('středník');
  await expect(page.getByTestId('count-add')).toContainText('2');
  await expect(page.getByTestId('count-invalid')).toContainText('1');
  const issue = page.getByTestId('import-issues').locator('tbody tr');
  await expect(issue).toHaveCount(1);
  await expect(issue).toContainText('4');
  await expect(issue).toContainText('obec_kod');
  await expect(issue).toContainText('„12345X“ není šestimístný kód obce');
  await saveScreen(page, 'import-preview');

  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('Přidáno: 2,');
  await page.getByTestId('import-close').click();
  await expect(dialog).toBeHidden();
  // A municipality list states no membership: the new rows are non-members (unknown is not "member").
  await page.getByTestId('filter-membership').selectOption('all');
  // The title names what is listed: all municipalities, not "Členské obce".
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Všechny obce');
  await expect(page.getByTestId('members-grid')).toContainText('Horní Dolní nad Želivkou');
  await expect(page.getByTestId('members-grid')).not.toContainText('Špatný kód');

  // The same file again: nothing to import, said so.
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'obce-1250.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(encodeWindows1250(CSV)),
  });
  await expect(page.getByTestId('count-unchanged')).toContainText('2');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await page.getByTestId('import-close').click();
});

test('backups are listed in Settings; the import made one', async ({ appPage: page }) => {
  await page.getByTestId('nav-settings').click();
  const table = page.getByTestId('backups-table');
  // The backup names the import it was made before (the first test's file).
  await expect(table).toContainText('před importem obce-1250.csv');
  // One more row (a spec before this one in the worker may have left backups of its own).
  const before = await table.locator('tbody tr').count();
  await page.getByTestId('backup-now').click();
  await expect(table.locator('tbody tr')).toHaveCount(before + 1);
  await expect(table).toContainText('ručně');
  await page.getByTestId('backups').scrollIntoViewIfNeeded();
  await saveScreen(page, 'settings-backups');
});

test('the import history in Settings names the file, who and the result, and exports its messages', async ({
  appPage: page,
  webApp,
}) => {
  await page.getByTestId('nav-settings').click();
  const history = page.getByTestId('import-history-table');
  const row = history.locator('tbody tr').filter({ hasText: 'obce-1250.csv' }).first();
  await expect(row).toContainText('přidáno 2');
  await expect(row).toContainText('1 hlášení');
  await page.getByTestId('import-history').scrollIntoViewIfNeeded();
  await saveScreen(page, 'settings-import-history');
  await row.getByTestId('import-history-export').click();
  await expect(page.getByTestId('toast-ok')).toContainText(webApp.outputDir);
  const exported = (await readdir(webApp.outputDir)).filter((name) => name.startsWith('Import '));
  expect(exported).toHaveLength(1);
  const csv = await readFile(path.join(webApp.outputDir, exported[0] ?? ''), 'utf8');
  expect(csv).toContain('„12345X“ není šestimístný kód obce');
  // The output folder is shared by this worker's specs (the Members export reads it): leave it as found.
  await rm(path.join(webApp.outputDir, exported[0] ?? ''));
});

test('the preview reads in English too', async ({ appPage: page }) => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  await page.getByTestId('nav-members').click();
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'obce-1250.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(encodeWindows1250(CSV.replace('999008', '999024').replace('999016', '999032'))),
  });
  await expect(page.getByTestId('import-issues')).toContainText('“12345X” is not a 6-digit municipality code');
  await expect(page.getByTestId('import-file')).toContainText('semicolon');
  await saveScreen(page, 'import-preview-en');
  await page.getByTestId('import-close').click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-cs').click();
});

test('a file dropped on the window opens the import; an unknown layout asks for a column mapping', async ({
  appPage: page,
  webApp,
}) => {
  await page.getByTestId('nav-members').click();
  await expect(page.getByTestId('open-import')).toBeVisible();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(
      new File(
        ['Kód;Název;Členem od\r\n999041;Nová Ves u Testu;5. 3. 2004\r\n999059;Stará Ves u Testu;1995\r\n'],
        'clenove.csv',
        {
          type: 'text/csv',
        },
      ),
    );
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('import-mapping')).toBeVisible();
  // Headers that name a field are offered for it (a label, or a usual header such as "Kód").
  await expect(page.getByTestId('mapping-code')).toHaveValue('Kód');
  await expect(page.getByTestId('mapping-name')).toHaveValue('Název');
  await expect(page.getByTestId('mapping-memberSince')).toHaveValue('Členem od');
  await expect(page.getByTestId('mapping-population')).toHaveValue('');
  await page.getByTestId('mapping-apply').click();
  await expect(page.getByTestId('count-add')).toContainText('2');
  await expect(page.getByTestId('import-file')).toContainText('vlastní přiřazení sloupců');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  // "Show the added records": the Members grid with exactly this run's rows, members or not.
  await expect(page.getByTestId('import-show-rows')).toHaveText('Zobrazit přidané záznamy (2)');
  await page.getByTestId('import-show-rows').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  const run = await webApp.ctx.db.knex('import_runs').max<{ id: number }[]>({ id: 'id' });
  await expect(page.getByTestId('filter-provenance')).toHaveValue(`import:${String(run[0]?.id)}`);
  await expect(page.getByTestId('filter-provenance').locator('option:checked')).toContainText('clenove.csv');
  // The box shows the import's name whole at 1440 px, and its tooltip names it in any case.
  await expect(page.getByTestId('filter-provenance')).toHaveAttribute('title', /^Původ a ověření: Import clenove\.csv/);
  const fits = await page.getByTestId('filter-provenance').evaluate((element) => {
    const select = element as HTMLSelectElement;
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return null;
    context.font = style.font;
    const text = context.measureText(select.selectedOptions[0]?.textContent ?? '').width;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: Math.ceil(text), room: Math.floor(room) };
  });
  expect(fits).not.toBeNull();
  expect(fits?.text).toBeLessThanOrEqual(fits?.room ?? 0);
  await expect(page.getByTestId('filter-membership')).toHaveValue('all');
  const total = Number((await webApp.ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' }))[0]?.n);
  await expect(page.getByTestId('row-count')).toHaveText(`2 z ${String(total)}`);
  await expect(page.getByTestId('members-grid')).toContainText('Nová Ves u Testu');
  await expect(page.getByTestId('members-grid')).toContainText('Stará Ves u Testu');
  await saveScreen(page, 'import-show-imported');
  // A membership known only to the year is stored as the year, a day as the day.
  const since = await webApp.ctx.db
    .knex('municipalities')
    .whereIn('code', ['999041', '999059'])
    .orderBy('code')
    .pluck<string[]>('member_since');
  expect(since).toEqual(['2004-03-05', '1995']);
  // A file that says since when they are members makes them members (not "former members").
  await expect(
    page
      .getByTestId('members-grid')
      .locator('.ag-row', { hasText: 'Nová Ves u Testu' })
      .locator('[col-id="membership"]'),
  ).toHaveText('člen');

  // An import that only changes records offers no grid of added ones (it would be empty).
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'clenove2.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Kód;Název;Členem od;PSČ\r\n999041;Nová Ves u Testu;5. 3. 2004;39001\r\n'),
  });
  await page.getByTestId('mapping-apply').click();
  await expect(page.getByTestId('count-update')).toContainText('1');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('import-show-rows')).toHaveCount(0);
  await page.getByTestId('import-close').click();
});

test('the preview keeps filled values by default and shows what "overwrite" would change', async ({
  appPage: page,
  webApp,
}) => {
  // Děčín as the public list writes it: in capitals and with another post code.
  const list = [
    'Obec,Kód obce,Okres,Kód okresu,Kraj,Kód kraje,PSČ,Latitude,Longitude',
    'DĚČÍN,562335,Děčín,CZ0421,Ústecký kraj,CZ042,40502,50.7727,14.2129',
  ].join('\n');
  const decin = () =>
    webApp.ctx.db.knex('municipalities').where({ code: '562335' }).first<{ name: string; postal_code: string }>();
  await page.getByTestId('nav-members').click();
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'obce-2018.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(list),
  });
  await expect(page.getByTestId('import-policy')).toHaveValue('fillEmpty');
  await expect(page.getByTestId('count-kept')).toContainText('1');
  await expect(page.getByTestId('count-update')).toContainText('0');
  await expect(page.getByTestId('import-issues')).toContainText('ponecháno „405 38“ z registru; soubor uvádí „405 02“');
  await saveScreen(page, 'import-policy');

  await page.getByTestId('import-policy').selectOption('overwrite');
  await expect(page.getByTestId('count-update')).toContainText('1');
  await expect(page.getByTestId('count-kept')).toContainText('0');
  // Back to the default and import: Děčín keeps its name and post code.
  await page.getByTestId('import-policy').selectOption('fillEmpty');
  await expect(page.getByTestId('count-kept')).toContainText('1');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  expect(await decin()).toMatchObject({ name: 'Děčín', postal_code: '405 38' });
  await page.getByTestId('import-close').click();
});

test('an import does not overwrite what was saved since its preview: refused, previewed again', async ({
  appPage: page,
  webApp,
}) => {
  const list = [
    'Obec,Kód obce,Okres,Kód okresu,Kraj,Kód kraje,PSČ,Latitude,Longitude',
    'DĚČÍN,562335,Děčín,CZ0421,Ústecký kraj,CZ042,40502,50.7727,14.2129',
  ].join('\n');
  const knex = webApp.ctx.db.knex;
  const original = await knex('municipalities')
    .where({ code: '562335' })
    .first<{ postal_code: string; version: number }>();
  try {
    await page.getByTestId('nav-members').click();
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'obce-2018.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(list),
    });
    await page.getByTestId('import-policy').selectOption('overwrite');
    await expect(page.getByTestId('count-update')).toContainText('1');
    // A colleague corrects Děčín's post code while the preview is on screen.
    await knex('municipalities')
      .where({ code: '562335' })
      .update({ postal_code: '405 99', version: original.version + 1 });
    await page.getByTestId('import-commit').click();
    const dialog = page.getByTestId('import-dialog');
    await expect(dialog).toContainText('Od náhledu někdo změnil obce, které by import přepsal (Děčín; celkem 1)');
    // The preview shown now is made anew: it replaces the colleague's value, and says so.
    await expect(dialog).toContainText('405 99');
    await saveScreen(page, 'import-changed-since-preview');
    expect(await knex('municipalities').where({ code: '562335' }).first('postal_code')).toEqual({
      postal_code: '405 99',
    });
    // Imported now, knowingly: Děčín's history names the file the change came from.
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-done')).toBeVisible();
    await page.getByTestId('import-close').click();
    await page.getByTestId('quick-search').fill('Děčín');
    await page
      .getByTestId('members-grid')
      .locator('.ag-row')
      .filter({ has: page.locator('[col-id="name"]', { hasText: /^Děčín$/ }) })
      .getByTestId('open-member')
      .click();
    const overview = page.getByTestId('member-overview');
    await overview.getByTestId('tab-history').click();
    const latest = overview.getByTestId('member-history').getByTestId('history-entry').first();
    await expect(latest).toContainText('importováno');
    await expect(latest.getByTestId('history-import-file')).toHaveText(' · ze souboru obce-2018.csv');
    await expect(latest).toContainText('405 99');
    await saveScreen(page, 'member-history-import-file');
    await page.keyboard.press('Escape');
  } finally {
    await knex('municipalities')
      .where({ code: '562335' })
      .update({ postal_code: original.postal_code, version: original.version + 3 });
  }
});

test('a partnerships file chosen as municipalities is recognised and imported as partnerships in one click', async ({
  appPage: page,
}) => {
  const tsv =
    'kod1\tlat1\tlon1\tobec1\tstat1\tkod2\tlat2\tlon2\tobec2\tstat2\trok\n' +
    'S-552046\t49.41\t14.66\tTábor\tČesko\tF-9\t48.21\t16.37\tLinec\tRakousko\t2001\n';
  await page.getByTestId('nav-members').click();
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'partnerska-mesta.tsv',
    mimeType: 'text/tab-separated-values',
    buffer: Buffer.from(tsv),
  });
  const hint = page.getByTestId('import-other-kind');
  await expect(hint).toContainText('Partnerství');
  await saveScreen(page, 'import-other-kind');
  await hint.getByRole('button').click();
  await expect(page.getByTestId('import-kind-partnerships')).toBeChecked();
  await expect(page.getByTestId('count-add')).toContainText('1');
  await page.getByTestId('import-close').click();
});

test('possible duplicate towns: the preview asks, the decision changes the plan and is remembered', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const tsv =
    'kod1\tlat1\tlon1\tobec1\tstat1\tkod2\tlat2\tlon2\tobec2\tstat2\trok\n' +
    'S-579025\t\t\tTrutnov\tČesko\tF-1\t50.9\t15.72\tJelenia Góra Miasto\tPolsko\t2001\n';
  const open = async () => {
    await page.getByTestId('nav-partnerships').click();
    await page.getByTestId('nav-members').click();
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-kind-partnerships').check();
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'jelenia.tsv',
      mimeType: 'text/tab-separated-values',
      buffer: Buffer.from(tsv),
    });
  };
  await open();
  const duplicates = page.getByTestId('import-duplicates');
  await expect(duplicates.getByTestId('import-duplicate')).toHaveCount(1);
  await expect(duplicates).toContainText('Jelenia Góra Miasto');
  await expect(duplicates).toContainText('souřadnice 0,5 km od sebe');
  await expect(page.getByTestId('count-created')).toContainText('0 / 0 / 1');
  await duplicates.getByTestId('duplicate-same').check();
  await expect(duplicates).toContainText('Vše rozhodnuto');
  await expect(page.getByTestId('count-created')).toHaveCount(0);
  await expect(duplicates.getByTestId('duplicate-same')).toBeChecked();
  await expect(duplicates).toContainText('souřadnice 0,5 km od sebe');
  await saveScreen(page, 'import-possible-duplicates');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.getByTestId('import-close').click();
  const jelenia = await knex('foreign_towns').where({ name: 'Jelenia Góra' }).first<{ id: number }>('id');
  const trutnov = await knex('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .where('m.name', 'Trutnov')
    .pluck<number[]>('p.foreign_town_id');
  expect(trutnov).toContain(jelenia.id);
  expect(await knex('foreign_towns').where({ name: 'Jelenia Góra Miasto' }).first()).toBeUndefined();

  // The imported partnership's history names its member, town and origin as the screen does,
  // not by the audit log's field names and ids ("municipalityId: — → 6 175").
  const trutnovId = (await knex('municipalities').where({ name: 'Trutnov' }).first<{ id: number }>('id')).id;
  await page.evaluate(
    (id) => (window.location.hash = `#/partnerships?municipality=${String(id)}&membership=all`),
    trutnovId,
  );
  const rows = page.getByTestId('partnerships-grid');
  await page.getByTestId('quick-search').fill('jelenia');
  await rows.getByTestId('open-partnership').first().click();
  const imported = page.getByTestId('partnership-detail').getByTestId('history-list').getByTestId('history-entry');
  await expect(imported.first()).toContainText('importováno');
  await expect(imported.first()).toContainText('Obec: — → Trutnov');
  await expect(imported.first()).toContainText('Partnerské město: — → Jelenia Góra');
  await expect(imported.first()).toContainText('Původ: — → import jelenia.tsv');
  await expect(imported.first()).not.toContainText('municipalityId');
  await expect(imported.first()).not.toContainText('foreignTownId');
  await imported.first().scrollIntoViewIfNeeded();
  await saveScreen(page, 'partnership-history-imported');
  await page.getByTestId('partnership-detail').getByTestId('detail-close').click();

  // The same file again: remembered, nothing to add.
  await open();
  await expect(page.getByTestId('import-duplicates').getByTestId('duplicate-same')).toBeChecked();
  await expect(page.getByTestId('count-add')).toContainText('0');
  await page.getByTestId('import-close').click();
});

test('a partnerships file with the fields’ own headers: mapped at once; its note and a more precise date fill what the registry lacks', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const found = await knex('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.country_code', 'DE')
    .orderBy('p.id', 'desc')
    .first<{ id: number; code: string; town: string }>('p.id', 'm.code', 't.name as town');
  if (!found) throw new Error('the demo registry has no German partnership');
  await knex('partnerships').where({ id: found.id }).update({ started_on: '1991', notes: null });
  // As Czech Excel saves it: Windows-1250, semicolons, the labels the app shows as headers.
  const file = [
    'Kód české obce;Partnerské město;Stát partnera;Datum zahájení;Poznámka',
    `${found.code};${found.town};Německo;15. 6. 1991;ověřeno 2024, Jana`,
  ].join('\r\n');
  // Started from the Partnerships screen: the import opens there, for partnerships (it moved to
  // Members with "Obce" chosen).
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('partnerships-import').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await expect(page.getByTestId('import-kind-partnerships')).toBeChecked();
  await expect(page.getByRole('heading', { name: 'Partnerství', exact: true })).toBeVisible();
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'partneri-1250.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(encodeWindows1250(file)),
  });
  await expect(page.getByTestId('import-mapping')).toBeVisible();
  await expect(page.getByTestId('mapping-municipalityCode')).toHaveValue('Kód české obce');
  await expect(page.getByTestId('mapping-townName')).toHaveValue('Partnerské město');
  await expect(page.getByTestId('mapping-country')).toHaveValue('Stát partnera');
  await expect(page.getByTestId('mapping-startedOn')).toHaveValue('Datum zahájení');
  await expect(page.getByTestId('mapping-notes')).toHaveValue('Poznámka');
  await page.getByTestId('mapping-apply').click();
  await expect(page.getByTestId('count-update')).toContainText('1');
  const updated = page.getByTestId('import-updated');
  await updated.locator('summary').click();
  await expect(updated).toContainText('Datum zahájení: 1991 → 15. 6. 1991');
  await expect(updated).toContainText('Poznámka: — → ověřeno 2024, Jana');
  await saveScreen(page, 'import-partnership-fields');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  expect(await knex('partnerships').where({ id: found.id }).first('started_on', 'notes')).toEqual({
    started_on: '1991-06-15',
    notes: 'ověřeno 2024, Jana',
  });
  await page.getByTestId('import-close').click();
  // Closed, the focus is back on the button that opened it, on the same screen.
  await expect(page.getByTestId('partnerships-import')).toBeFocused();
});

/* A whole import undone from Settings ▸ Import history (after a confirmation and a backup), and
   refused, naming the record and changing nothing, when a colleague has edited what it added. */

const fileOf = (codes: [string, string]) =>
  Buffer.from(
    encodeWindows1250(
      [
        'obec_kod;obec_text;okres_csu_cis101_lau_kod;okres_text;kraj_csu_cis108_nuts_kod;kraj_text',
        `${codes[0]};Horní Vratná nad Sázavou;CZ0412;Karlovy Vary;CZ041;Karlovarský kraj`,
        `${codes[1]};Dolní Vratná u Řečice;CZ0412;Karlovy Vary;CZ041;Karlovarský kraj`,
      ].join('\r\n'),
    ),
  );

const importFile = async (page: Page, name: string, codes: [string, string]) => {
  await page.getByTestId('nav-members').click();
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: fileOf(codes) });
  await expect(page.getByTestId('count-add')).toContainText('2');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('Přidáno: 2,');
};

test('an import undone as a whole from the import history, once', async ({ appPage: page, webApp }) => {
  await importFile(page, 'vratne-obce.csv', ['999105', '999113']);
  // Where to undo it is said right away.
  await expect(page.getByTestId('import-undo-where')).toContainText('Nastavení ▸ Historie importů');
  await page.getByTestId('import-close').click();
  await page.getByTestId('filter-membership').selectOption('all');
  await expect(page.getByTestId('members-grid')).toContainText('Horní Vratná nad Sázavou');

  await page.getByTestId('nav-settings').click();
  const row = page.getByTestId('import-history-table').locator('tbody tr').filter({ hasText: 'vratne-obce.csv' });
  await row.getByTestId('import-history-undo').click();
  await expect(row.getByRole('alertdialog')).toContainText('Vrátit import souboru vratne-obce.csv?');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('import-history').scrollIntoViewIfNeeded();
  await saveScreen(page, 'import-undo-confirm-cs');
  await row.getByTestId('import-history-undo-confirm').click();
  await expect(page.getByTestId('toast-ok')).toContainText(
    /^Import souboru vratne-obce\.csv byl vrácen\. Odstraněno – obce: 2, partnerství: 0, zahraniční města: 0; obnovené záznamy: 0\. Stav před vrácením je v záloze pořízené \d{1,2}\. \d{1,2}\. \d{4} \d{1,2}:\d{2} \(před vrácením importu vratne-obce\.csv\)\./,
  );
  // The backup by its time and kind, as Settings ▸ Backups lists it: no file name.
  await expect(page.getByTestId('toast-ok')).not.toContainText('registry-');
  await expect(row.getByTestId('import-history-undone')).toContainText('vrácen');
  await expect(row.getByTestId('import-history-undo')).toHaveCount(0);
  expect(await webApp.ctx.db.knex('municipalities').whereIn('code', ['999105', '999113']).count({ n: '*' })).toEqual([
    { n: 0 },
  ]);
  // A backup was made first, and says what for.
  await expect(page.getByTestId('backups-table')).toContainText('před vrácením importu vratne-obce.csv');
  await page.getByTestId('nav-members').click();
  await expect(page.getByTestId('members-grid')).not.toContainText('Horní Vratná nad Sázavou');
  // The filter by origin no longer offers the import: nothing of it is left.
  await page.getByTestId('filter-provenance').focus();
  await expect(page.getByTestId('filter-provenance').locator('option', { hasText: 'obce-1250.csv' })).toHaveCount(1);
  await expect(page.getByTestId('filter-provenance').locator('option', { hasText: 'vratne-obce.csv' })).toHaveCount(0);
});

test('refused while a colleague has edited what the import added: named, nothing changed (cs, en)', async ({
  appPage: page,
  webApp,
}) => {
  await importFile(page, 'upravene-obce.csv', ['999121', '999130']);
  await page.getByTestId('import-close').click();
  const knex = webApp.ctx.db.knex;
  const added = await knex('municipalities').where({ code: '999121' }).first<{ id: number; version: number }>();
  if (!added) throw new Error('the import added nothing');
  const response = await fetch(`http://127.0.0.1:${String(webApp.server.port)}/api/invoke/municipalities:update`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-twinreg-token': webApp.server.token },
    body: JSON.stringify({ id: added.id, version: added.version, patch: { population: 812 } }),
  });
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true);

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('nav-settings').click();
  const row = page.getByTestId('import-history-table').locator('tbody tr').filter({ hasText: 'upravene-obce.csv' });
  // Refused at once, before a confirmation that would promise an undo.
  await row.getByTestId('import-history-undo').click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Import nelze vrátit' });
  await expect(refusal).toBeVisible();
  await expect(row.getByTestId('import-history-undo-confirm')).toHaveCount(0);
  await expect(refusal).toContainText('Horní Vratná nad Sázavou');
  await page.getByTestId('import-history').scrollIntoViewIfNeeded();
  await saveScreen(page, 'import-undo-refused-cs');
  expect(await knex('municipalities').whereIn('code', ['999121', '999130']).count({ n: '*' })).toEqual([{ n: 2 }]);
  await expect(row.getByTestId('import-history-undo')).toBeVisible();
  // Read and closed, as a user does, before trying again in English.
  await refusal.getByRole('button', { name: 'Zavřít' }).click();
  await expect(refusal).toHaveCount(0);

  await page.getByTestId('language-en').click();
  try {
    await row.getByTestId('import-history-undo').click();
    await expect(page.getByRole('alert').filter({ hasText: 'The import cannot be undone' })).toContainText(
      'Horní Vratná nad Sázavou',
    );
    await page.getByTestId('import-history').scrollIntoViewIfNeeded();
    await saveScreen(page, 'import-undo-refused-en');
  } finally {
    await page.getByTestId('language-cs').click();
  }
});

test('a new code that fails the ČSÚ check digit is refused, naming the digit it would need (walkthrough 20)', async ({
  appPage: page,
  webApp,
}) => {
  await page.getByTestId('nav-members').click();
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'preklep.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      encodeWindows1250(
        [
          'obec_kod;obec_text;okres_csu_cis101_lau_kod;okres_text;kraj_csu_cis108_nuts_kod;kraj_text',
          '999998;Nová Ves u Nikde;CZ0412;Karlovy Vary;CZ041;Karlovarský kraj',
          '999067;Nová Ves u Někde;CZ0412;Karlovy Vary;CZ041;Karlovarský kraj',
        ].join('\r\n'),
      ),
    ),
  });
  await expect(page.getByTestId('count-add')).toContainText('1');
  await expect(page.getByTestId('count-invalid')).toContainText('1');
  const issue = page.getByTestId('import-issues').locator('tbody tr');
  await expect(issue).toHaveCount(1);
  await expect(issue).toContainText(
    'kód obce 999998 nemá platnou kontrolní číslici ČSÚ (poslední číslice by byla 7); zkontrolujte ho',
  );
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('Přidáno: 1,');
  await page.getByTestId('import-close').click();
  const codes = await webApp.ctx.db
    .knex('municipalities')
    .whereIn('code', ['999998', '999067'])
    .pluck<string[]>('code');
  expect(codes).toEqual(['999067']);
});

test('the preview names each unchanged row and the partnership it matched; the final message counts the values left out (walkthrough 24)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  // A partnership the registry has, written as the file writes it: by its Czech name where it has
  // one; the row states no date and no note, so nothing would change (left unchanged).
  const found = await knex('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .orderByRaw('t.name_cs is null')
    .orderBy('p.id')
    .first<{ code: string; member: string; town: string; townCs: string | null; country: string }>(
      'm.code',
      'm.name as member',
      't.name as town',
      't.name_cs as townCs',
      't.country_code as country',
    );
  if (!found) throw new Error('the demo registry has no partnership');
  const countryCs = countryName(found.country, 'cs');
  const fileTown = found.townCs ?? found.town;
  const name = 'partneri-beze-zmeny.csv';
  const file = Buffer.from(
    encodeWindows1250(
      [
        'Kód české obce;Česká obec;Partnerské město;Stát partnera;Datum zahájení;Poznámka',
        `${found.code};${found.member};${fileTown};${countryCs};;`,
        `${found.code};${found.member};SCANDIANO;Itálie;31. 2. 1995;`,
      ].join('\r\n'),
    ),
  );
  const preview = async () => {
    await page.getByTestId('nav-partnerships').click();
    await page.getByTestId('partnerships-import').click();
    await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: file });
    await page.getByTestId('mapping-apply').click();
    await expect(page.getByTestId('count-unchanged')).toContainText('1');
  };
  await page.setViewportSize({ width: 1280, height: 720 });
  await preview();
  const unchanged = page.getByTestId('import-unchanged');
  await expect(unchanged.getByTestId('import-unchanged-row')).toHaveText([
    `2${found.member} – ${fileTown}${found.member} – ${found.town}`,
  ]);
  await expect(unchanged).toContainText('Partnerství v registru');
  const added = page.getByTestId('import-added');
  await added.locator('summary').click();
  await expect(added).toContainText(`${found.member} – Scandiano (Itálie)`);
  // No internal key ("584649|IT|scandiano") anywhere in the preview.
  await expect(page.getByTestId('import-preview')).not.toContainText('|');
  await expect(page.getByTestId('import-issues')).toContainText(
    'název „SCANDIANO“ je psán velkými písmeny; uložen tak, jak ho píše místopisný rejstřík: „Scandiano“',
  );
  await unchanged.scrollIntoViewIfNeeded();
  await saveScreen(page, 'import-unchanged-named-cs');
  await page.getByTestId('import-close').click();

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  try {
    await preview();
    await expect(unchanged).toContainText('Partnership in the registry');
    await expect(added).toContainText(`${found.member} – Scandiano (Italy)`);
    await unchanged.scrollIntoViewIfNeeded();
    await saveScreen(page, 'import-unchanged-named-en');
    await page.getByTestId('import-commit').click();
    const done = page.getByTestId('import-done');
    await expect(done).toContainText('Added: 1, updated: 0, unchanged: 1.');
    await expect(page.getByTestId('import-done-left-out')).toHaveText(
      '1 value was left out with a warning. The details (row, column, reason) are in the list of problems below.',
    );
    await page.getByTestId('import-done-show-issues').click();
    await expect(page.getByTestId('import-done-issues-table')).toContainText('31. 2. 1995');
    await expect(page.getByTestId('import-done-issues-table')).toBeInViewport();
    await saveScreen(page, 'import-unchanged-done-en');
    await page.getByTestId('import-close').click();
  } finally {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
  }
  // The data as the test found it: the import undone.
  const row = page.getByTestId('import-history-table').locator('tbody tr').filter({ hasText: name });
  await row.getByTestId('import-history-undo').click();
  await row.getByTestId('import-history-undo-confirm').click();
  await expect(page.getByTestId('toast-ok')).toContainText(`Import souboru ${name} byl vrácen.`);
  expect(await knex('foreign_towns').where({ name: 'Scandiano' }).count({ n: '*' })).toEqual([{ n: 0 }]);
  // The screens have caught up with the undo before the test ends (the app closes after the last test).
  await page.getByTestId('nav-partnerships').click();
  const partnerships = Number((await knex('partnerships').count<{ n: number }[]>({ n: '*' }))[0]?.n);
  await expect(page.getByTestId('row-count')).toHaveText(`${String(partnerships)} řádků`);
  await expect(page.getByTestId('partnerships-grid')).not.toContainText('Scandiano');
});

test('the final message says how many rows were not imported, next to the values left out (walkthrough 27, 3 and 6)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const members = await knex('municipalities').where({ is_member: true }).orderBy('id').limit(2).select('code', 'name');
  const [first, second] = members as { code: string; name: string }[];
  if (!first || !second) throw new Error('the demo registry has fewer than two members');
  const header = 'Kód české obce;Partnerské město;Stát partnera;Datum zahájení;Poznámka';
  // As the walkthrough's file: a new partner, one started on 31 February (the date left out), one
  // of a country that does not exist (the row not imported).
  const czechName = 'partneri-chybny-radek.csv';
  const czechFile = [
    header,
    `${first.code};Oberzwiebelbach;Německo;2004;Školy`,
    `${second.code};Kowalewo Testowe;Polsko;31. 2. 2010;Hasiči`,
    `${first.code};Kraków;Polská lidová republika;5/2015;Kultura`,
  ].join('\r\n');
  // In English, two rows refused and no value left out: where to read why follows the rows' line.
  const englishName = 'partners-invalid-rows.csv';
  const englishFile = [
    header,
    `${second.code};Unterzwiebelbach;Německo;2004;`,
    `${first.code};Kraków;Polská lidová republika;5/2015;`,
    `${second.code};Königsberg;Prusko;1990;`,
  ].join('\r\n');
  const importIt = async (name: string, text: string, add: number) => {
    await page.getByTestId('nav-partnerships').click();
    await page.getByTestId('partnerships-import').click();
    await page.getByTestId('import-file-input').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(encodeWindows1250(text)),
    });
    await page.getByTestId('mapping-apply').click();
    await expect(page.getByTestId('count-add')).toHaveText(new RegExp(`${String(add)}$`));
    await expect(page.getByTestId('count-invalid')).toBeVisible();
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-done')).toBeVisible();
  };
  const undo = async (name: string, toast: string) => {
    await page.getByTestId('nav-settings').click();
    const row = page.getByTestId('import-history-table').locator('tbody tr').filter({ hasText: name });
    await row.getByTestId('import-history-undo').click();
    await row.getByTestId('import-history-undo-confirm').click();
    await expect(page.getByTestId('toast-ok').filter({ hasText: toast })).toBeVisible();
  };
  await page.setViewportSize({ width: 1280, height: 720 });

  await importIt(czechName, czechFile, 2);
  await expect(page.getByTestId('import-done')).toContainText('Přidáno: 2, změněno: 0, beze změny: 0.');
  await expect(page.getByTestId('import-done-invalid')).toHaveText('1 řádek se kvůli chybě neimportoval.');
  await expect(page.getByTestId('import-done')).toContainText(
    '1 řádek se kvůli chybě neimportoval. 1 hodnota byla vynechána s upozorněním.',
  );
  await expect(page.getByTestId('import-done-left-out')).toHaveText(
    '1 hodnota byla vynechána s upozorněním. Podrobnosti (řádek, sloupec, důvod) jsou v seznamu problémů níže.',
  );
  const issues = page.getByTestId('import-done-issues-table');
  await expect(issues).toContainText('„31. 2. 2010“: takový den neexistuje (únor 2010 má 28 dní)');
  await expect(issues).not.toContainText('není datum');
  await expect(issues).toContainText('Polská lidová republika');
  await expect(page.getByTestId('import-done-invalid')).toBeInViewport();
  await saveScreen(page, 'import-done-invalid-cs');
  await page.getByTestId('import-close').click();
  await undo(czechName, `Import souboru ${czechName} byl vrácen.`);

  await page.getByTestId('language-en').click();
  try {
    await importIt(englishName, englishFile, 1);
    await expect(page.getByTestId('import-done')).toContainText('Added: 1, updated: 0, unchanged: 0.');
    await expect(page.getByTestId('import-done-invalid')).toHaveText(
      '2 rows were not imported because of errors. The details (row, column, reason) are in the list of problems below.',
    );
    await expect(page.getByTestId('import-done-left-out')).toHaveCount(0);
    await expect(page.getByTestId('import-done-invalid')).toBeInViewport();
    await saveScreen(page, 'import-done-invalid-en');
    await page.getByTestId('import-close').click();
    await undo(englishName, `The import of ${englishName} was undone.`);
  } finally {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
  }
  for (const town of ['Oberzwiebelbach', 'Kowalewo Testowe', 'Unterzwiebelbach'])
    expect(await knex('foreign_towns').where({ name: town }).count({ n: '*' })).toEqual([{ n: 0 }]);
});

test('the final message names its backup by time and kind, and the partner towns it could place nowhere (walkthrough 27, 5 and 8)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const members = await knex('municipalities').where({ is_member: true }).orderBy('id').limit(2).select('code');
  const [first, second] = members as { code: string }[];
  if (!first || !second) throw new Error('the demo registry has fewer than two members');
  const towns = ['Mödling', 'Żywiec'];
  for (const town of towns)
    expect(await knex('foreign_towns').where({ name: town }).count({ n: '*' })).toEqual([{ n: 0 }]);
  // As the walkthrough's file: partner towns named alone, with no coordinates.
  const text = [
    'Kód české obce;Partnerské město;Stát partnera;Datum zahájení',
    `${first.code};Mödling;Rakousko;2004`,
    `${second.code};Żywiec;Polsko;2010`,
  ].join('\r\n');
  const importIt = async (name: string) => {
    await page.getByTestId('nav-partnerships').click();
    await page.getByTestId('partnerships-import').click();
    await page.getByTestId('import-file-input').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(encodeWindows1250(text)),
    });
    await page.getByTestId('mapping-apply').click();
    await expect(page.getByTestId('count-add')).toHaveText(/2$/);
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-done')).toBeVisible();
  };
  const undo = async (name: string, toast: string) => {
    await page.getByTestId('nav-settings').click();
    const row = page.getByTestId('import-history-table').locator('tbody tr').filter({ hasText: name });
    await row.getByTestId('import-history-undo').click();
    await row.getByTestId('import-history-undo-confirm').click();
    await expect(page.getByTestId('toast-ok').filter({ hasText: toast })).toBeVisible();
  };
  await page.setViewportSize({ width: 1280, height: 720 });

  const czechName = 'partneri-bez-mista.csv';
  await importIt(czechName);
  const done = page.getByTestId('import-done');
  await expect(page.getByTestId('import-done-unplaced')).toHaveText(
    '2 partnerská města přidaná importem nemají souřadnice ani propojení s místopisným rejstříkem (Mödling, Żywiec). Doplňte je na kartě města (Partnerství ▸ město).',
  );
  const backup = page.getByTestId('import-done-backup');
  await expect(backup).toHaveText(
    /^Stav před importem je v záloze pořízené \d{1,2}\. \d{1,2}\. \d{4} \d{1,2}:\d{2} \(před importem partneri-bez-mista\.csv\)\.$/,
  );
  // No file name in sight: it is the line's tooltip, as in the backups table.
  await expect(done).not.toContainText('registry-');
  const fileHint = await backup.getAttribute('title');
  expect(fileHint).toMatch(/^Soubor zálohy: registry-.+-import-.+\.db$/);
  const said = (await backup.textContent()) ?? '';
  await expect(page.getByTestId('import-done-unplaced')).toBeInViewport();
  await expect(backup).toBeInViewport();
  await saveScreen(page, 'import-done-unplaced-cs');
  await page.getByTestId('import-close').click();
  // The same backup in Settings ▸ Backups, in the same words: its time and its kind.
  await page.getByTestId('nav-settings').click();
  const row = page.getByTestId('backup-row').and(page.locator(`[title="${fileHint ?? ''}"]`));
  await expect(row).toBeVisible();
  const [time, kind] = await row.locator('td').allTextContents();
  expect(said).toBe(`Stav před importem je v záloze pořízené ${time ?? ''} (${kind ?? ''}).`);
  await undo(czechName, `Import souboru ${czechName} byl vrácen.`);

  await page.getByTestId('language-en').click();
  try {
    const englishName = 'partners-no-place.csv';
    await importIt(englishName);
    await expect(page.getByTestId('import-done-unplaced')).toHaveText(
      '2 partner towns added by the import have no coordinates and no link to the gazetteer (Mödling, Żywiec). Fill their locations in on each town’s card (Partnerships ▸ the town).',
    );
    await expect(page.getByTestId('import-done-backup')).toHaveText(
      /^The state before the import is in the backup of \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} \(before importing partners-no-place\.csv\)\.$/,
    );
    await expect(page.getByTestId('import-done')).not.toContainText('registry-');
    await expect(page.getByTestId('import-done-unplaced')).toBeInViewport();
    await saveScreen(page, 'import-done-unplaced-en');
    await page.getByTestId('import-close').click();
    await undo(englishName, `The import of ${englishName} was undone.`);
  } finally {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
  }
  for (const town of towns)
    expect(await knex('foreign_towns').where({ name: town }).count({ n: '*' })).toEqual([{ n: 0 }]);
});
