import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { expect, saveScreen, test } from '../support/web-fixture';

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
    // IHDR: twice the drawing's 960 × 640.
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(png.readUInt32BE(20)).toBe(1280);
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
