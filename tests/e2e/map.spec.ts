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
});
