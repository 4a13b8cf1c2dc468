import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * Walkthrough 28 findings 3, 5c and 5d: okresy on a small registry (the e2e data: few located
 * municipalities), the legend clear of the map on screen and in the exported file, and the map's
 * settings kept for the session as the Partnerships grid keeps its filters.
 */

const KRAJE = [
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

type Rect = { x: number; y: number; width: number; height: number };
const overlapArea = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** Every shaded shape of the map: its code, whether it is a kraj shown whole, its fill and opacity. */
async function shadedShapes(page: Page) {
  return page.getByTestId('map-region').evaluateAll((paths) =>
    paths.map((p) => ({
      code: p.getAttribute('data-code') ?? '',
      undivided: p.hasAttribute('data-undivided'),
      fill: getComputedStyle(p).fill,
      opacity: Number(getComputedStyle(p).fillOpacity),
    })),
  );
}

/** An exported PNG shown at its size and saved with the screens, for a person to look at. */
async function saveExportedPng(page: Page, file: string, name: string): Promise<void> {
  const view = await page.context().newPage();
  try {
    const png = readFileSync(file);
    const [width, height] = [png.readUInt32BE(16) / 2, png.readUInt32BE(20) / 2];
    await view.setViewportSize({ width, height });
    await view.setContent(
      `<body style="margin:0"><img width="${String(width)}" src="data:image/png;base64,${png.toString('base64')}"></body>`,
    );
    await view.locator('img').evaluate((image: HTMLImageElement) => image.decode());
    await saveScreen(view, name);
  } finally {
    await view.close();
  }
}

test('okresy on a small registry: every kraj shaded (undivided ones whole), one legend line under the map (cs, en)', async ({
  appPage: page,
  webApp,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('map-region')).toHaveCount(14);
  const krajeView = new Map((await shadedShapes(page)).map((shape) => [shape.code, shape.opacity]));
  await page.getByTestId('map-units').selectOption('okresy');
  await expect(page.getByTestId('map-districts-source')).toBeVisible();
  try {
    const shapes = await shadedShapes(page);
    // Every kraj is shaded: divided into its okresy (CZ0724 lies in CZ072) or whole, never left blank.
    const covered = new Set(shapes.map((shape) => (shape.undivided ? shape.code : shape.code.slice(0, 5))));
    expect([...covered].sort()).toEqual(KRAJE);
    for (const shape of shapes) {
      expect(shape.fill, shape.code).toBe('rgb(29, 95, 168)');
      expect(shape.opacity, shape.code).toBeGreaterThanOrEqual(0.12);
    }
    // A kraj shown whole is shaded as the kraje view shades it, and hatched.
    const whole = shapes.filter((shape) => shape.undivided);
    expect(whole.length).toBeGreaterThan(0);
    for (const shape of whole) expect(shape.opacity, shape.code).toBeCloseTo(krajeView.get(shape.code) ?? -1, 5);
    await expect(page.getByTestId('map-undivided-hatch')).toHaveCount(1);

    // The legend says it in one line, under the map: it covers none of the drawing.
    const note = page.getByTestId('map-districts-unlocated');
    await expect(note).toContainText(`${String(whole.length)} kraj`);
    await expect(note).toContainText('se na okresy nedělí');
    const noteBox = await note.boundingBox();
    expect(noteBox?.height ?? 99).toBeLessThan(22);
    const legendBox = await page.locator('.map-legend').boundingBox();
    const mapBox = await page.getByTestId('map-svg').boundingBox();
    if (!legendBox || !mapBox) throw new Error('no legend or no map');
    expect(overlapArea(legendBox, mapBox)).toBe(0);
    expect(mapBox.height).toBeGreaterThan(300);
    // The kraje and okresy are listed on request.
    await expect(page.getByTestId('map-districts-unlocated-list')).toBeHidden();
    await note.locator('summary').click();
    await expect(page.getByTestId('map-districts-unlocated-list')).toBeVisible();
    await expect(page.getByTestId('map-districts-unlocated-list')).toContainText('Moravskoslezský kraj');
    await note.locator('summary').click();
    await expect(page.getByTestId('map-districts-unlocated-list')).toBeHidden();
    // Closer, for a person to see the kraje shaded whole (hatched) beside the divided one.
    await page.getByRole('button', { name: 'Přiblížit' }).click();
    await page.getByRole('button', { name: 'Přiblížit' }).click();
    await saveScreen(page, 'map-okresy-small-cs');

    // The exported map: the legend lies under the drawing (the file is taller), naming the kraje shown whole.
    const before = new Set(existsSync(webApp.outputDir) ? readdirSync(webApp.outputDir) : []);
    await page.getByTestId('map-export-svg').click();
    await expect(page.getByText(/Mapa uložena: .*\.svg/)).toBeVisible();
    await page.getByTestId('map-export-png').click();
    await expect(page.getByText(/Mapa uložena: .*\.png/)).toBeVisible();
    const saved = readdirSync(webApp.outputDir).filter((name) => !before.has(name));
    const svgName = saved.find((name) => name.endsWith('.svg'));
    const pngName = saved.find((name) => name.endsWith('.png'));
    if (!svgName || !pngName) throw new Error(`not saved: ${saved.join(', ')}`);
    const svgText = readFileSync(path.join(webApp.outputDir, svgName), 'utf8');
    const legendRect =
      /<g font-family="sans-serif"[^>]*><rect x="10" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/.exec(svgText);
    expect(legendRect).not.toBeNull();
    const [legendTop, legendHeight] = [Number(legendRect?.[1]), Number(legendRect?.[2])];
    expect(legendTop).toBeGreaterThanOrEqual(640);
    const fileHeight = Number(/<svg[^>]*\sheight="(\d+)"/.exec(svgText)?.[1]);
    expect(fileHeight).toBeGreaterThanOrEqual(legendTop + legendHeight);
    expect(svgText).toContain('se na okresy nedělí');
    // The hatch of the kraje shown whole is in the file, cut to them.
    expect(svgText).toMatch(/<clipPath id="map-undivided-clip"[^>]*>(<path d="[^"]+"[^>]*\/>)+<\/clipPath>/);
    const png = readFileSync(path.join(webApp.outputDir, pngName));
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(png.readUInt32BE(20)).toBe(fileHeight * 2);
    await saveExportedPng(page, path.join(webApp.outputDir, pngName), 'map-okresy-small-export');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-districts-unlocated')).toContainText('not divided into districts');
    const legendEn = await page.locator('.map-legend').boundingBox();
    const mapEn = await page.getByTestId('map-svg').boundingBox();
    if (!legendEn || !mapEn) throw new Error('no legend or no map');
    expect(overlapArea(legendEn, mapEn)).toBe(0);
    expect((await page.getByTestId('map-districts-unlocated').boundingBox())?.height ?? 99).toBeLessThan(22);
    await saveScreen(page, 'map-okresy-small-en');
  } finally {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
    await page.getByTestId('nav-map').click();
    await page.getByTestId('map-units').selectOption('kraje');
    while (await page.getByRole('button', { name: 'Oddálit' }).isEnabled())
      await page.getByRole('button', { name: 'Oddálit' }).click();
  }
});

test('the map keeps its settings for the session: to Partnerships and back', async ({ appPage: page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('map-region')).toHaveCount(14);
  await expect(page.getByTestId('map-lines')).toBeChecked();
  await expect(page.getByTestId('map-flows-toggle')).not.toBeChecked();
  await page.getByTestId('map-membership').selectOption('all');
  await page.getByTestId('map-units').selectOption('okresy');
  await page.getByTestId('map-flows-toggle').check();
  await page.getByTestId('map-lines').uncheck();
  await page.getByTestId('map-bubbles').check();
  try {
    await page.getByTestId('nav-partnerships').click();
    await expect(page.getByTestId('map-svg')).toHaveCount(0);
    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-membership')).toHaveValue('all');
    await expect(page.getByTestId('map-units')).toHaveValue('okresy');
    await expect(page.getByTestId('map-flows-toggle')).toBeChecked();
    await expect(page.getByTestId('map-lines')).not.toBeChecked();
    await expect(page.getByTestId('map-bubbles')).toBeChecked();
    await expect(page.locator('[data-testid="map-choropleth"][data-level="district"]')).toBeVisible();
    await expect(page.getByTestId('map-flow').first()).toBeAttached();
  } finally {
    await page.getByTestId('map-membership').selectOption('members');
    await page.getByTestId('map-units').selectOption('kraje');
    await page.getByTestId('map-flows-toggle').uncheck();
    await page.getByTestId('map-lines').check();
    await page.getByTestId('map-bubbles').uncheck();
  }
});
