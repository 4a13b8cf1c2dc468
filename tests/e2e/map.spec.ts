import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { noteChangedTables } from '../../electron/core/services/statistics/stats-cache';
import { selectWidths } from '../support/layout';
import { expect, saveScreen, test, type WebApp } from '../support/web-fixture';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test.describe('map: shipped region boundaries and export', () => {
  test('the kraje are drawn without loading a file, shaded by their partnerships', async ({ appPage: page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-map').click();
    const regions = page.getByTestId('map-region');
    await expect(regions).toHaveCount(14);
    await expect(page.getByTestId('row-count')).toHaveText(
      /^\d+ (obec|obce|obcí), \d+ (partnerské město|partnerská města|partnerských měst), \d+ (spojnice|spojnic)$/,
    );
    // Every kraj has a shape on the map, under its NUTS 3 code.
    const codes = await regions.evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code')));
    expect(codes.sort()).toEqual([
      'CZ010',
      'CZ020',
      'CZ031',
      'CZ032',
      'CZ041',
      'CZ042',
      'CZ051',
      'CZ052',
      'CZ053',
      'CZ063',
      'CZ064',
      'CZ071',
      'CZ072',
      'CZ080',
    ]);
    for (const d of await regions.evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? '')))
      expect(d.length).toBeGreaterThan(50);
    // A region with partnerships is coloured more strongly than the lightest shade.
    const shades = await regions.evaluateAll((paths) =>
      paths.map((p) => ({
        count: Number(p.getAttribute('data-count')),
        opacity: Number(p.getAttribute('fill-opacity')),
      })),
    );
    const busiest = shades.reduce((a, b) => (b.count > a.count ? b : a));
    expect(busiest.count).toBeGreaterThan(0);
    expect(busiest.opacity).toBeCloseTo(0.9, 2);
    expect(
      await page
        .getByTestId('map-region')
        .first()
        .evaluate((p) => getComputedStyle(p).fill),
    ).toBe('rgb(29, 95, 168)');
    // The web preview has no file dialog: no button that would do nothing.
    await expect(page.getByTestId('map-load-boundaries')).toHaveCount(0);
    await expect(page.getByText('Hranice krajů: Natural Earth (volné dílo)')).toBeVisible();
    await expect(page.getByTestId('map-legend-choropleth')).toHaveText('Kraj: čím tmavší, tím víc partnerství');
    await saveScreen(page, 'map-kraje');

    // Hovering a region names it and its partnerships; a click opens its partnerships.
    const vysocina = page.locator('[data-testid="map-region"][data-code="CZ063"]');
    await page.getByRole('button', { name: 'Přiblížit' }).click();
    await page.getByRole('button', { name: 'Přiblížit' }).click();
    // Points may lie over the region's middle: the region itself is pointed at.
    await vysocina.dispatchEvent('mousemove', { bubbles: true });
    await expect(page.getByTestId('map-tooltip')).toContainText('Kraj Vysočina');
    await saveScreen(page, 'map-kraje-zoomed');
  });

  test('from the keyboard: Tab reaches the kraje, the focused one is named, Enter narrows the map to it', async ({
    appPage: page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-map').click();
    const vysocina = page.locator('[data-testid="map-region"][data-code="CZ063"]');
    await expect(vysocina).toHaveAttribute('role', 'button');
    const count = await vysocina.getAttribute('data-count');
    expect(Number(count)).toBeGreaterThan(0);
    await expect(vysocina).toHaveAttribute('aria-label', `Kraj Vysočina. Partnerství: ${count ?? ''}`);
    await vysocina.focus();
    await expect(page.getByTestId('map-tooltip')).toContainText('Kraj Vysočina');
    await saveScreen(page, 'map-kraj-focused');
    // Tab goes on to the next kraj by name (Kraj Vysočina → Královéhradecký); the tooltip follows the focus.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    expect(next).toBe('CZ052');
    await expect(page.getByTestId('map-tooltip')).not.toContainText('Kraj Vysočina');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('map-region-grid')).toBeVisible();
    await expect(page.getByTestId('map-tooltip')).toHaveCount(0);
    // A partner country is reached the same way and names what Enter does.
    const germany = page.getByTestId('map-country-DE');
    await expect(germany).toHaveAttribute('tabindex', '0');
    await expect(germany).toHaveAttribute('aria-label', 'Německo');
    // Its link keeps the map's membership: with all municipalities, the grid shows theirs too
    // (it opened "0 z 964" on the members' partnerships).
    await page.getByTestId('map-region-clear').click();
    await page.getByTestId('map-membership').selectOption('all');
    await germany.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/partnerships\?country=DE&membership=all$/);
    await expect(page.getByTestId('filter-membership')).toHaveValue('all');
  });

  test('the map is saved as PNG and as SVG through core', async ({ appPage: page, webApp }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-region')).toHaveCount(14);
    await expect(page.getByTestId('map-member').first()).toBeVisible();

    await page.getByTestId('map-export-svg').click();
    await expect(page.getByText(/Mapa uložena: .*\.svg/)).toBeVisible();
    await page.getByTestId('map-export-png').click();
    await expect(page.getByText(/Mapa uložena: .*\.png/)).toBeVisible();

    const files = readdirSync(webApp.outputDir);
    const svgName = files.find((f) => /^mapa-partnerstvi-\d{4}-\d{2}-\d{2}.*\.svg$/.test(f));
    const pngName = files.find((f) => /^mapa-partnerstvi-\d{4}-\d{2}-\d{2}.*\.png$/.test(f));
    expect(svgName).toBeDefined();
    expect(pngName).toBeDefined();
    if (!svgName || !pngName) return;

    const svgText = readFileSync(path.join(webApp.outputDir, svgName), 'utf8');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svgText) as { svg?: Record<string, unknown> };
    expect(parsed.svg).toBeDefined();
    expect(parsed.svg?.['@_xmlns']).toBe('http://www.w3.org/2000/svg');
    // Countries, the 14 kraje and the lines are paths; every element carries its style as attributes.
    const paths = svgText.match(/<path /g) ?? [];
    expect(paths.length).toBeGreaterThan(100);
    expect(svgText).toContain('fill="rgb(29, 95, 168)"');
    expect(svgText).not.toContain('class=');
    expect(svgText).toContain('Mapa partnerství');
    expect(svgText).toContain('Natural Earth');
    // The shading is explained as on screen, and every text of the legend lies within its box
    // (the sources' line ran past it).
    expect(svgText).toContain('Kraj: čím tmavší, tím víc partnerství');
    const view = await page.context().newPage();
    try {
      await view.setContent(svgText.replace(/^<\?xml[^>]*>/, ''));
      const overflow = await view.evaluate(() => {
        const legend = [...document.querySelectorAll('svg > g')].at(-1);
        const box = legend?.querySelector('rect')?.getBoundingClientRect();
        if (!legend || !box) return ['no legend'];
        return [...legend.querySelectorAll('text')]
          .filter((text) => text.getBoundingClientRect().right > box.right)
          .map((text) => text.textContent ?? '');
      });
      expect(overflow).toEqual([]);
    } finally {
      await view.close();
    }

    const png = readFileSync(path.join(webApp.outputDir, pngName));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // IHDR: twice the drawing's 960 × 640 and the legend under it (the file's height).
    const fileHeight = Number(/<svg[^>]*\sheight="(\d+)"/.exec(svgText)?.[1]);
    expect(fileHeight).toBeGreaterThan(640);
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(png.readUInt32BE(20)).toBe(fileHeight * 2);
  });

  test('the map in English names its boundaries and saves an English file name', async ({ appPage: page, webApp }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-region')).toHaveCount(14);
    await expect(page.getByText('Region boundaries: Natural Earth (public domain)')).toBeVisible();
    await saveScreen(page, 'map-kraje-en');
    await page.getByTestId('map-export-svg').click();
    await expect(page.getByText(/Map saved: .*partnership-map-.*\.svg/)).toBeVisible();
    expect(readdirSync(webApp.outputDir).some((f) => f.startsWith('partnership-map-'))).toBe(true);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
  });

  test('kraj → country totals: one line per kraj and country, as wide as its count; a click opens them (cs, en)', async ({
    appPage: page,
    webApp,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-member').first()).toBeVisible();
    // A map of the demo's size draws single lines; the totals are a switch away.
    await expect(page.getByTestId('map-flows-toggle')).not.toBeChecked();
    await expect(page.getByTestId('map-flow')).toHaveCount(0);
    await page.getByTestId('map-flows-toggle').check();
    await expect(page.getByTestId('map-legend-flow')).toHaveText(/Kraj → stát/);
    const flows = page.getByTestId('map-flow');
    await expect(flows.first()).toBeAttached();
    const drawn = await flows.evaluateAll((paths) =>
      paths.map((path) => ({
        region: path.getAttribute('data-region') ?? '',
        country: path.getAttribute('data-country') ?? '',
        count: Number(path.getAttribute('data-count')),
        width: Number(path.getAttribute('stroke-width')),
      })),
    );
    // The counts are the registry's: member municipalities' partnerships whose town has coordinates.
    const knex = webApp.ctx.db.knex;
    const expected = await knex('partnerships as p')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .join('regions as r', 'r.id', 'm.region_id')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('m.is_member', true)
      .whereNotNull('t.latitude')
      .groupBy('r.code', 't.country_code')
      .select<{ code: string; country_code: string; n: number }[]>(
        'r.code',
        't.country_code',
        knex.raw('count(*) as n'),
      );
    const key = (region: string, country: string) => `${region} ${country}`;
    expect(new Map(drawn.map((flow) => [key(flow.region, flow.country), flow.count]))).toEqual(
      new Map(expected.map((row) => [key(row.code, row.country_code), Number(row.n)])),
    );
    // The widest line is the largest count.
    const widest = drawn.reduce((a, b) => (b.width > a.width ? b : a));
    expect(widest.count).toBe(Math.max(...drawn.map((flow) => flow.count)));
    await saveScreen(page, 'map-flows-cs');

    const biggest = flows.and(page.locator(`[data-region="${widest.region}"][data-country="${widest.country}"]`));
    await biggest.hover({ force: true });
    await expect(page.getByTestId('map-tooltip')).toContainText('→');
    await expect(page.getByTestId('map-tooltip')).toContainText(String(widest.count));
    await biggest.click({ force: true });
    const grid = page.locator('.p-page');
    await expect(grid.getByTestId('filter-region')).toHaveValue(widest.region);
    await expect(grid.getByTestId('filter-country')).toHaveValue(widest.country);

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    try {
      await page.getByTestId('nav-map').click();
      await page.getByTestId('map-flows-toggle').check();
      await expect(page.getByTestId('map-legend-flow')).toHaveText('Region → country (width by partnerships)');
      await saveScreen(page, 'map-flows-en');
    } finally {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-cs').click();
    }
  });
});

/** Every kraj: the longest filter a map can have. */
const LEGEND_KRAJE = [
  'CZ010',
  'CZ020',
  'CZ031',
  'CZ032',
  'CZ041',
  'CZ042',
  'CZ051',
  'CZ052',
  'CZ053',
  'CZ063',
  'CZ064',
  'CZ071',
  'CZ072',
  'CZ080',
];

/**
 * Writes the registry straight (set up and restored by a test): core's kept map and statistics
 * answers are told, as every change through `auditedChange` tells them.
 */
async function writeStraight(webApp: WebApp, table: string, write: () => Promise<unknown>): Promise<void> {
  await write();
  noteChangedTables(webApp.ctx.db, [table]);
}

/** An exported PNG shown at the drawing's size and saved with the screens, for a person to look at. */
async function saveExportedPng(page: Page, file: string, name: string): Promise<void> {
  const view = await page.context().newPage();
  try {
    // The drawing and the legend under it (the PNG is drawn at twice the size).
    await view.setViewportSize({ width: 960, height: readFileSync(file).readUInt32BE(20) / 2 });
    const png = readFileSync(file).toString('base64');
    await view.setContent(`<body style="margin:0"><img width="960" src="data:image/png;base64,${png}"></body>`);
    await view.locator('img').evaluate((image: HTMLImageElement) => image.decode());
    await saveScreen(view, name);
  } finally {
    await view.close();
  }
}

/** The files the web preview wrote while `act` ran. */
async function newFiles(outputDir: string, act: () => Promise<void>): Promise<string[]> {
  // The folder is made by the first file saved.
  const list = () => (existsSync(outputDir) ? readdirSync(outputDir) : []);
  const before = new Set(list());
  await act();
  return list().filter((name) => !before.has(name));
}

test.describe('map: legend of the line styles, the filter in the saved legend, no members marked', () => {
  test('the lines by status (solid, dashed, dotted) are explained on screen and in the saved SVG (cs, en)', async ({
    appPage: page,
    webApp,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const knex = webApp.ctx.db.knex;
    // The demo states every status; an imported registry states none ("neuvedeno", dotted lines):
    // one member's drawn partnership is made so for this test.
    const row = await knex('partnerships as p')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('m.is_member', true)
      .where('p.status', 'active')
      .whereNotNull('t.latitude')
      .whereNotNull('m.latitude')
      .first<{ id: number } | undefined>('p.id');
    expect(row).toBeDefined();
    if (!row) return;
    const { id } = row;
    await writeStraight(webApp, 'partnerships', () =>
      knex('partnerships').where('id', id).update({ status: 'unknown' }),
    );
    try {
      await page.getByTestId('nav-map').click();
      await expect(page.getByTestId('map-member').first()).toBeVisible();
      const drawn = new Set(
        await page
          .locator('[data-testid="map-links"] path')
          .evaluateAll((paths) => paths.map((path) => path.getAttribute('data-status') ?? '')),
      );
      expect(drawn).toEqual(new Set(['active', 'preparation', 'proposed', 'dormant', 'ended', 'unknown']));
      const legend = page.getByTestId('map-legend-lines');
      await expect(legend).toContainText('Stav partnerství:');
      await expect(page.getByTestId('map-legend-line-solid')).toHaveText('aktivní, v přípravě, navrženo');
      await expect(page.getByTestId('map-legend-line-dashed')).toHaveText('neaktivní, ukončeno');
      await expect(page.getByTestId('map-legend-line-dotted')).toHaveText('neuvedeno');
      // The swatch is drawn as the map's line: the same colour, dashed or dotted.
      const dashes = await legend
        .locator('svg line')
        .evaluateAll((lines) => lines.map((line) => line.getAttribute('stroke-dasharray')));
      expect(dashes).toEqual([null, '4.8 4.8', '1.6 4.8']);
      // The legend stays inside the map at 1280 × 720, nothing cut off.
      const mapBox = await page.locator('.map-box').boundingBox();
      const legendBox = await page.locator('.map-legend').boundingBox();
      expect(mapBox && legendBox).toBeTruthy();
      if (mapBox && legendBox) {
        expect(legendBox.x + legendBox.width).toBeLessThanOrEqual(mapBox.x + mapBox.width);
        expect(legendBox.y + legendBox.height).toBeLessThanOrEqual(mapBox.y + mapBox.height);
      }
      await saveScreen(page, 'map-line-legend-cs');

      const saved = await newFiles(webApp.outputDir, async () => {
        await page.getByTestId('map-export-svg').click();
        await expect(page.getByText(/Mapa uložena: .*\.svg/)).toBeVisible();
        await page.getByTestId('map-export-png').click();
        await expect(page.getByText(/Mapa uložena: .*\.png/)).toBeVisible();
      });
      await saveExportedPng(
        page,
        path.join(webApp.outputDir, saved.find((name) => name.endsWith('.png')) ?? ''),
        'map-line-legend-export-cs',
      );
      // The toasts ("Mapa uložena", 10 s) would cover the legend in the English screenshot.
      await expect(page.getByTestId('toast-ok')).toHaveCount(0, { timeout: 20_000 });
      const svgName = saved.find((name) => name.endsWith('.svg'));
      expect(svgName).toBeDefined();
      const svgText = readFileSync(path.join(webApp.outputDir, svgName ?? ''), 'utf8');
      expect(svgText).toContain('>Stav partnerství: aktivní, v přípravě, navrženo<');
      // The map shows members only (the default): the saved legend's filter says so, not "none"
      // (walkthrough 26 finding 3). The line may wrap: its texts are read as one.
      const legendWords = [...svgText.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '').join(' ');
      expect(legendWords).toContain('Obce: členské obce (dnešní členové)');
      expect(legendWords).not.toContain('žádný (vše)');
      expect(svgText).toContain('>Stav partnerství: neaktivní, ukončeno<');
      expect(svgText).toContain('>Stav partnerství: neuvedeno<');
      expect(svgText).toMatch(/<line [^>]*stroke-dasharray="4.8 4.8"/);
      expect(svgText).toMatch(/<line [^>]*stroke-dasharray="1.6 4.8"/);

      // Only the styles drawn are explained: dormant partnerships alone are dashed lines only.
      await page.getByTestId('map-status').selectOption('dormant');
      await expect(page.getByTestId('map-legend-line-dashed')).toHaveText('neaktivní');
      await expect(page.getByTestId('map-legend-line-solid')).toHaveCount(0);
      await expect(page.getByTestId('map-legend-line-dotted')).toHaveCount(0);
      // No lines drawn, nothing to explain.
      await page.getByTestId('map-status').selectOption('');
      await page.getByTestId('map-lines').uncheck();
      await expect(legend).toHaveCount(0);
      await page.getByTestId('map-lines').check();

      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-en').click();
      await page.getByTestId('nav-map').click();
      await expect(page.getByTestId('map-legend-lines')).toContainText('Partnership status:');
      await expect(page.getByTestId('map-legend-line-solid')).toHaveText('active, preparing, proposed');
      await expect(page.getByTestId('map-legend-line-dashed')).toHaveText('dormant, ended');
      await expect(page.getByTestId('map-legend-line-dotted')).toHaveText('not stated');
      await saveScreen(page, 'map-line-legend-en');
      const savedEn = await newFiles(webApp.outputDir, async () => {
        await page.getByTestId('map-export-svg').click();
        await expect(page.getByText(/Map saved: .*partnership-map-.*\.svg/)).toBeVisible();
      });
      const svgEn = readFileSync(path.join(webApp.outputDir, savedEn.find((n) => n.endsWith('.svg')) ?? ''), 'utf8');
      expect(svgEn).toContain('>Partnership status: active, preparing, proposed<');
      expect(svgEn).toContain('>Partnership status: not stated<');
      const legendWordsEn = [...svgEn.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '').join(' ');
      expect(legendWordsEn).toContain('Municipalities: member municipalities');
    } finally {
      await writeStraight(webApp, 'partnerships', () =>
        knex('partnerships').where('id', id).update({ status: 'active' }),
      );
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-cs').click();
    }
  });

  test('a long filter (every kraj) wraps inside the saved legend, in the SVG and in the PNG', async ({
    appPage: page,
    webApp,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const query = [...LEGEND_KRAJE.map((code) => `fregion=${code}`), 'fmembership=all', 'from=1990', 'to=2005'];
    await page.goto(`${webApp.url}#/map?${query.join('&')}`);
    await expect(page.getByTestId('map-region')).toHaveCount(14);
    await expect(page.getByTestId('map-years')).toContainText('1990–2005');
    await expect(page.getByTestId('row-count')).toBeVisible();
    await saveScreen(page, 'map-every-kraj');
    const saved = await newFiles(webApp.outputDir, async () => {
      await page.getByTestId('map-export-svg').click();
      await expect(page.getByText(/Mapa uložena: .*\.svg/)).toBeVisible();
      await page.getByTestId('map-export-png').click();
      await expect(page.getByText(/Mapa uložena: .*\.png/)).toBeVisible();
    });
    const svgName = saved.find((name) => name.endsWith('.svg'));
    const pngName = saved.find((name) => name.endsWith('.png'));
    expect(svgName && pngName).toBeTruthy();
    await saveExportedPng(page, path.join(webApp.outputDir, pngName ?? ''), 'map-every-kraj-export');
    const svgText = readFileSync(path.join(webApp.outputDir, svgName ?? ''), 'utf8');
    // The filter names every kraj and the years, over several lines.
    const legendTexts = [...svgText.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? '');
    const filterStart = legendTexts.findIndex((text) => text.startsWith('Filtr: Rok zahájení: 1990–2005 · '));
    expect(filterStart).toBeGreaterThanOrEqual(0);
    const filterLines = legendTexts.slice(
      filterStart,
      legendTexts.findIndex((text) => text.startsWith('Stav k ')),
    );
    expect(filterLines.length).toBeGreaterThan(1);
    expect(filterLines.join(' ')).toContain('Obce: všechny obce');
    expect(filterLines.join(' ')).toContain('Území: Hlavní město Praha');
    expect(filterLines.join(' ')).toContain('Zlínský kraj');
    expect(filterLines.join(' ')).toMatch(/Moravskoslezský kraj$/);

    // Every text lies within the box, in the browser's font and in the fonts the PNG is drawn in
    // (core's rasteriser takes DejaVu Sans on Linux, Arial elsewhere: the PNG's line ran past the box).
    const view = await page.context().newPage();
    try {
      for (const font of ['sans-serif', 'DejaVu Sans', 'Liberation Sans']) {
        await view.setContent(
          `<style>text { font-family: "${font}" !important; }</style>${svgText.replace(/^<\?xml[^>]*>/, '')}`,
        );
        const outside = await view.evaluate(() => {
          const legend = [...document.querySelectorAll('svg > g')].at(-1);
          const box = legend?.querySelector('rect')?.getBoundingClientRect();
          if (!legend || !box) return ['no legend'];
          return [...legend.querySelectorAll('text')]
            .filter((text) => {
              const r = text.getBoundingClientRect();
              return r.right > box.right - 4 || r.bottom > box.bottom || r.left < box.left;
            })
            .map((text) => text.textContent ?? '');
        });
        expect(outside, font).toEqual([]);
      }

      // In the PNG itself (drawn at twice the size): no text on the box's right border or in a strip
      // of the map right of it. Text is near black; the map there has nothing as dark.
      const rect = /<g font-family="sans-serif"[^>]*><rect x="10" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(
        svgText,
      );
      expect(rect).not.toBeNull();
      const [top, width, height] = [Number(rect?.[1]), Number(rect?.[2]), Number(rect?.[3])];
      const png = readFileSync(path.join(webApp.outputDir, pngName ?? '')).toString('base64');
      const dark = await view.evaluate(
        async ({ src, x, y, w, h }) => {
          const image = new Image();
          image.src = src;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.naturalWidth;
          canvas.height = image.naturalHeight;
          const context = canvas.getContext('2d');
          if (!context) return -1;
          context.drawImage(image, 0, 0);
          const pixels = context.getImageData(x, y, w, h).data;
          let count = 0;
          for (let i = 0; i < pixels.length; i += 4)
            if (0.3 * (pixels[i] ?? 0) + 0.59 * (pixels[i + 1] ?? 0) + 0.11 * (pixels[i + 2] ?? 0) < 60) count += 1;
          return count;
        },
        {
          src: `data:image/png;base64,${png}`,
          x: Math.round((10 + width) * 2) - 1,
          y: Math.round((top + 8) * 2),
          w: Math.min(80, 1920 - Math.round((10 + width) * 2) + 1),
          h: Math.round((height - 16) * 2),
        },
      );
      expect(dark).toBe(0);
    } finally {
      await view.close();
    }
  });

  test('no municipality marked as a member: the map says so and shows all on request (cs, en)', async ({
    appPage: page,
    webApp,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const knex = webApp.ctx.db.knex;
    const members = (await knex('municipalities').where('is_member', true).select<{ id: number }[]>('id')).map(
      (m) => m.id,
    );
    expect(members.length).toBeGreaterThan(0);
    try {
      // With members, a filter nothing matches says just that (no word about members).
      await page.goto(`${webApp.url}#/map?fregion=&fmembership=members&from=2990&to=2999`);
      await expect(page.getByTestId('map-empty')).toContainText('Filtru neodpovídá žádné partnerství');
      await expect(page.getByTestId('no-members-notice')).toHaveCount(0);

      await writeStraight(webApp, 'municipalities', () => knex('municipalities').update({ is_member: false }));
      await page.goto(`${webApp.url}#/map`);
      await page.reload();
      const notice = page.getByTestId('no-members-notice');
      await expect(notice).toContainText('V registru zatím není žádná obec označená jako členská');
      await expect(page.getByTestId('map-empty')).toHaveCount(0);
      await saveScreen(page, 'map-no-members-cs');
      // Its choices say the members are today's ("nečlenské obce (dnes nejsou členy)"): whole.
      const fits = await selectWidths(page.getByTestId('map-membership'));
      expect(fits.width, JSON.stringify(fits)).toBeGreaterThanOrEqual(fits.widest + 20);
      await notice.getByTestId('no-members-show-all').click();
      await expect(page.getByTestId('map-membership')).toHaveValue('all');
      await expect(notice).toHaveCount(0);
      await expect(page.getByTestId('map-member').first()).toBeVisible();

      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-en').click();
      await page.getByTestId('nav-map').click();
      await page.getByTestId('map-membership').selectOption('members');
      await expect(notice).toContainText('No municipality in the registry is marked as a member yet');
      await expect(notice.getByTestId('no-members-show-all')).toHaveText('Show all municipalities');
      await expect(page.getByTestId('map-empty')).toHaveCount(0);
      await saveScreen(page, 'map-no-members-en');
      const fitsEn = await selectWidths(page.getByTestId('map-membership'));
      expect(fitsEn.width, JSON.stringify(fitsEn)).toBeGreaterThanOrEqual(fitsEn.widest + 20);
    } finally {
      await writeStraight(webApp, 'municipalities', () =>
        knex('municipalities').whereIn('id', members).update({ is_member: true }),
      );
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-cs').click();
    }
  });
});
