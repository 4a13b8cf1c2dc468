import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DATA_DIR } from '../support/temp-db';
import { expect, saveScreen, startWebApp, test } from '../support/web-fixture';

/**
 * Issue 13 item 10: okresy on the map without a boundary file. The app ships the kraje; okres
 * shapes are derived from the municipalities' positions in the registry, and the map says so.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const municipalitiesFile = path.join(SHARED_DATA_DIR, 'cz-municipalities-2018.csv');
const partnershipsFile = path.join(SHARED_DATA_DIR, 'cz-partnerships-smo-2013.tsv');

test('with the demo data the okres map says which okresy lack a located municipality', async ({ appPage: page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('map-region')).toHaveCount(14);
  await page.getByTestId('map-units').selectOption('okresy');
  await expect(page.locator('[data-testid="map-choropleth"][data-level="district"]')).toBeVisible();
  // 44 demo municipalities leave most okresy without a position: their kraje are not divided.
  await expect(page.getByTestId('map-districts-unlocated')).toContainText('se na okresy nedělí');
  await expect(page.getByTestId('map-districts-source')).toContainText('Hranice okresů přibližné');
  const drawn = await page.getByTestId('map-region').count();
  expect(drawn).toBeLessThan(77);
  // Back to kraje: the shipped boundaries again.
  await page.getByTestId('map-units').selectOption('kraje');
  await expect(page.getByTestId('map-region')).toHaveCount(14);
});

test('with the full municipality list every okres is drawn, shaded, and narrows the map (cs, en)', async ({ page }) => {
  test.skip(
    !existsSync(municipalitiesFile) || !existsSync(partnershipsFile),
    `the real data files are absent from ${SHARED_DATA_DIR}`,
  );
  test.setTimeout(120_000);
  // The registry as a staffer builds it: the official list, then the partnerships (the command line's import).
  const app = await startWebApp({
    prepare: (databasePath) => {
      const cli = (...args: string[]) =>
        execFileSync(process.execPath, [path.join(ROOT, 'bin', 'twinreg.mjs'), ...args, '--db', databasePath], {
          stdio: 'pipe',
        });
      cli('init');
      cli('import', 'municipalities', municipalitiesFile);
      cli('import', 'partnerships', partnershipsFile);
      return Promise.resolve();
    },
  });
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    // Imported municipalities are not members yet: the map is opened for all municipalities, as
    // the Statistics screen's link with "all" opens it.
    await page.goto(`${app.url}#/map?fmembership=all`);
    await expect(page.getByTestId('map-svg')).toBeVisible();
    await page.getByTestId('map-units').selectOption('okresy');
    const okresy = page.locator('[data-testid="map-choropleth"][data-level="district"] [data-testid="map-region"]');
    await expect(okresy).toHaveCount(77);
    await expect(page.getByTestId('map-districts-unlocated')).toHaveCount(0);
    // Shaded by their partnerships: the busiest okres darkest, one without any lightest.
    const shades = await okresy.evaluateAll((paths) =>
      paths.map((p) => ({
        count: Number(p.getAttribute('data-count')),
        opacity: Number(p.getAttribute('fill-opacity')),
      })),
    );
    const busiest = shades.reduce((a, b) => (b.count > a.count ? b : a));
    expect(busiest.count).toBeGreaterThan(20);
    expect(busiest.opacity).toBeCloseTo(0.9, 2);
    expect(shades.filter((s) => s.count > 0).length).toBeGreaterThan(60);
    await expect(page.getByTestId('map-districts-source')).toContainText(/z poloh 6\s?\d{3} obcí v registru/);
    await expect(page.getByTestId('map-legend-choropleth')).toHaveText('Okres: čím tmavší, tím víc partnerství');
    // Closer, without the lines: the okresy themselves.
    await page.getByTestId('map-lines').uncheck();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Přiblížit' }).click();
    await saveScreen(page, 'map-okresy');
    // The saved map carries the okresy and says where their boundaries come from.
    await page.getByTestId('map-export-svg').click();
    await expect(page.getByText(/Mapa uložena: .*\.svg/)).toBeVisible();
    const svgName = readdirSync(app.outputDir).find((f) => f.endsWith('.svg'));
    const svg = readFileSync(path.join(app.outputDir, svgName ?? 'missing.svg'), 'utf8');
    expect(svg).toContain('hranice okresů přibližné, odvozené z poloh 6');

    // An okres names itself and its partnerships; a click narrows the map to it.
    const tabor = page.locator('[data-testid="map-region"][data-code="CZ0317"]');
    await tabor.dispatchEvent('mousemove', { bubbles: true });
    await expect(page.getByTestId('map-tooltip')).toContainText('Tábor');
    await expect(page.getByTestId('map-tooltip')).toContainText('Kliknutím zobrazíte jen tento okres');
    await tabor.dispatchEvent('click', { bubbles: true });
    await expect(page.getByTestId('map-region-filter')).toContainText('okres Tábor');
    await expect(page.getByTestId('map-region-grid')).toHaveText('Partnerství okresu v tabulce');
    await saveScreen(page, 'map-okresy-tabor');
    await page.getByTestId('map-region-clear').click();

    // The 2018 list states no ORP: the Statistics screen says so instead of an empty choice.
    await page.getByTestId('nav-statistics').click();
    await expect(page.getByTestId('stats-orp')).toBeDisabled();
    await expect(page.getByTestId('stats-orp')).toContainText('neuvedeno');
    await expect(page.getByTestId('stats-district')).toBeEnabled();

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await page.goto(`${app.url}#/map?fmembership=all`);
    // The map kept its settings for the session (okresy, no lines, zoomed in); the link brings its filter.
    await expect(page.getByTestId('map-units')).toHaveValue('okresy');
    await expect(okresy).toHaveCount(77);
    await expect(page.getByTestId('map-districts-source')).toContainText('District boundaries approximate');
    await expect(page.getByTestId('map-lines')).not.toBeChecked();
    await expect(page.getByRole('button', { name: 'Zoom in' })).toBeDisabled();
    await saveScreen(page, 'map-okresy-en');
  } finally {
    await app.close();
  }
});
