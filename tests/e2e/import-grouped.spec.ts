import type { Page } from '@playwright/test';
import { encodeWindows1250 } from '../support/import-corpus';
import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * Walkthrough 25, finding 4: the preview listed the 2013 partnerships file's 380 problems one per
 * row (13,431 px; 244 of them one sentence) with its only error at 60 % of the table. The problems
 * are grouped by kind as the command line prints them: errors first, a kind once with its count
 * and lines, opened on demand to its rows.
 */

const TOWNS = ['Zbraslavice nad Ostrohem', 'Kleinwalden am Teststein', 'Weißdorf im Nirgendwo', 'Neveritown upon Test'];
const NAME = 'partneri-skupiny.csv';

/**
 * The SMO 2013 layout as an office saves it from Excel: Windows-1250, semicolons, CRLF. Four rows
 * name towns no gazetteer knows (one kind of information, around the error), one a bad code.
 */
function file(members: readonly { code: string; name: string }[]): Buffer {
  const member = (index: number) => `S-${members[index]?.code ?? ''};;;${members[index]?.name ?? ''}`;
  const lines = [
    'kod1;lat1;lon1;obec1;stat1;kod2;lat2;lon2;obec2;stat2;rok',
    `${member(0)};Česká republika;F-1;;;${TOWNS[0] ?? ''};Rumunsko;2009`,
    `${member(1)};Česká republika;F-2;;;${TOWNS[1] ?? ''};Německo;2002`,
    'S-12345X;;;Špatná obec;Česká republika;F-3;;;Brzeg;Polsko;2002',
    `${member(2)};Česká republika;F-4;;;${TOWNS[2] ?? ''};Rakousko;2001`,
    `${member(3)};Česká republika;F-5;;;${TOWNS[3] ?? ''};Spojené království;2005`,
  ];
  return Buffer.from(encodeWindows1250(lines.join('\r\n')));
}

async function openPreview(page: Page, buffer: Buffer): Promise<void> {
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('partnerships-import').click();
  await page.getByTestId('import-file-input').setInputFiles({ name: NAME, mimeType: 'text/csv', buffer });
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

test('the import preview groups its problems by kind, the error first and in view; a kind opens to its rows (walkthrough 25)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const members = await knex('municipalities')
    .orderBy('id')
    .limit(4)
    .select<{ code: string; name: string }[]>('code', 'name');
  expect(members).toHaveLength(4);
  const partnershipsBefore = Number((await knex('partnerships').count<{ n: number }[]>({ n: '*' }))[0]?.n);
  const buffer = file(members);
  await page.setViewportSize({ width: 1280, height: 720 });

  await openPreview(page, buffer);
  await expect(page.getByTestId('import-issues-summary')).toHaveText('1 chyba · 4 informace');
  const table = page.getByTestId('import-issues');
  // The error first (the file has it on line 4, after two of the notes), in view without scrolling.
  const first = table.locator('tbody tr').first();
  await expect(first).toContainText('4');
  await expect(first).toContainText('kod1');
  await expect(first).toContainText('chyba – řádek se neimportuje');
  await expect(first).toContainText('„S-12345X“ není šestimístný kód obce');
  await expect(first).toBeInViewport();
  // The four notes: one line with the count, an example and their lines, closed.
  const group = table.getByTestId('import-issue-group');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('4×');
  await expect(group).toContainText('obec2');
  await expect(group).toContainText('informace');
  await expect(group).toContainText(`např. město „${TOWNS[0] ?? ''}“ není v registru ani v místopisném rejstříku`);
  await expect(group.getByTestId('import-issue-group-lines')).toHaveText('řádky 2, 3, 5, 6');
  await expect(table).not.toContainText(TOWNS[1] ?? '');
  await expect(table.getByTestId('import-issue-row')).toHaveCount(0);
  const toggle = group.getByTestId('import-issue-group-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toHaveText('Zobrazit řádky');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const rows = table.getByTestId('import-issue-row');
  await expect(rows).toHaveCount(4);
  for (const [index, [line, town]] of [
    ['2', TOWNS[0]],
    ['3', TOWNS[1]],
    ['5', TOWNS[2]],
    ['6', TOWNS[3]],
  ].entries()) {
    const row = rows.nth(index);
    await expect(row.locator('td').first()).toHaveText(line ?? '');
    await expect(row).toContainText('obec2');
    await expect(row).toContainText(`město „${town ?? ''}“ není v registru ani v místopisném rejstříku`);
  }
  await expect(first).toBeInViewport();
  await saveScreen(page, 'import-grouped-cs');
  await toggle.click();
  await expect(rows).toHaveCount(0);
  // Cancelled: nothing imported.
  await page.getByTestId('import-close').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  try {
    await openPreview(page, buffer);
    await expect(page.getByTestId('import-issues-summary')).toHaveText('1 error · 4 information notes');
    await expect(first).toContainText('error – row not imported');
    await expect(first).toBeInViewport();
    await expect(group.getByTestId('import-issue-group-lines')).toHaveText('lines 2, 3, 5, 6');
    await expect(group).toContainText(`e.g. the town “${TOWNS[0] ?? ''}”`);
    await group.getByTestId('import-issue-group-toggle').click();
    await expect(rows).toHaveCount(4);
    await expect(group.getByTestId('import-issue-group-toggle')).toHaveText('Hide the rows');
    await saveScreen(page, 'import-grouped-en');

    // After the import, "Show the problems (5)" leads to the same grouped list.
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-done')).toContainText('Added: 4,');
    await expect(page.getByTestId('import-done-show-issues')).toHaveText('Show the problems (5)');
    await page.getByTestId('import-done-show-issues').click();
    const done = page.getByTestId('import-done-issues-table');
    await expect(done.locator('tbody tr').first()).toContainText('“S-12345X” is not a 6-digit municipality code');
    await expect(done.getByTestId('import-issue-group')).toContainText('4×');
    await expect(done.getByTestId('import-issue-group-lines')).toHaveText('lines 2, 3, 5, 6');
    await expect(done).toBeInViewport();
    await page.getByTestId('import-close').click();
  } finally {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
  }
  // The data as the test found it: the import undone.
  const run = page.getByTestId('import-history-table').locator('tbody tr').filter({ hasText: NAME });
  await run.getByTestId('import-history-undo').click();
  await run.getByTestId('import-history-undo-confirm').click();
  await expect(page.getByTestId('toast-ok')).toContainText(`Import souboru ${NAME} byl vrácen.`);
  expect(Number((await knex('partnerships').count<{ n: number }[]>({ n: '*' }))[0]?.n)).toBe(partnershipsBefore);
  expect(await knex('foreign_towns').whereIn('name', TOWNS).count({ n: '*' })).toEqual([{ n: 0 }]);
  // The screens have caught up with the undo before the test ends (the app closes after the last test).
  await page.getByTestId('nav-partnerships').click();
  await expect(page.getByTestId('row-count')).toHaveText(`${String(partnershipsBefore)} řádků`);
});
