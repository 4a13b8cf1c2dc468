import { Resvg } from '@resvg/resvg-js';
import { SERIES_COLOURS, categoryColours } from '../../../../shared/domain/statistics/colours';
import { PARTNERSHIP_TYPES, type UiLanguage } from '../../../../shared/domain/codes';
import { hasTerritory } from '../../../../shared/domain/statistics/filter';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import { areaName, countryLabel, yearSeries } from '../../../../shared/domain/statistics/tables';
import { translate } from '../../../../shared/i18n/index';

/**
 * The report's charts, drawn here as plain SVG from the same figures as the tables (so they
 * cannot disagree), then rasterised to PNG with resvg for the DOCX. Text uses the generic
 * `sans-serif` family; resvg maps it to a system font that has Czech letters.
 */

/** Colours of the partnership types (the same order as PARTNERSHIP_TYPES): the screen's palette. */
export const TYPE_COLOURS = categoryColours(PARTNERSHIP_TYPES);
/** A chart of one series (the columns per year, the countries' bars) takes the palette's first colour. */
const ACCENT = SERIES_COLOURS[0];
const INK = '#1f2933';
const MUTED = '#6b7785';
const GRID = '#dde3ea';
const FONT = 'font-family="sans-serif"';

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

const svg = (width: number, height: number, body: string[]): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
  `<rect width="100%" height="100%" fill="#ffffff"/>${body.join('')}</svg>`;

/** A text element; `attrs` may override the size (`font-size`) and the colour (`fill`). */
const text = (x: number, y: number, content: string, attrs = ''): string => {
  const size = attrs.includes('font-size') ? '' : 'font-size="13"';
  const fill = attrs.includes('fill=') ? '' : `fill="${INK}"`;
  return `<text x="${x}" y="${y}" ${FONT} ${size} ${fill} ${attrs}>${escapeXml(content)}</text>`;
};

/** A "nice" axis maximum and step for counts (1, 2, 5 × 10^n). */
function niceScale(max: number, ticks = 5): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const whole = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / whole) * whole, step: whole };
}

export type BarRow = { label: string; values: number[] };

/** Horizontal bars, stacked by series, with a legend: partnerships per region split by type. */
export function stackedBarSvg(title: string, rows: BarRow[], series: string[], colours: readonly string[]): string {
  const width = 900;
  const left = 230;
  const right = 60;
  const top = 64;
  const rowHeight = 26;
  const height = top + Math.max(rows.length, 1) * rowHeight + 40;
  const max = Math.max(0, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const { top: axisTop, step } = niceScale(max);
  const plot = width - left - right;
  const x = (v: number) => left + (v / axisTop) * plot;
  const body: string[] = [text(16, 26, title, 'font-size="17" font-weight="bold"')];
  let legendX = 16;
  series.forEach((name, i) => {
    body.push(`<rect x="${legendX}" y="38" width="12" height="12" fill="${colours[i % colours.length] ?? INK}"/>`);
    body.push(text(legendX + 17, 49, name, `font-size="12"`));
    legendX += 30 + name.length * 7;
  });
  for (let v = 0; v <= axisTop; v += step) {
    body.push(`<line x1="${x(v)}" y1="${top - 4}" x2="${x(v)}" y2="${height - 32}" stroke="${GRID}"/>`);
    body.push(text(x(v), height - 14, String(v), `font-size="11" fill="${MUTED}" text-anchor="middle"`));
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const label = row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label;
    body.push(text(left - 8, y + 17, label, 'text-anchor="end"'));
    let start = 0;
    row.values.forEach((value, s) => {
      if (value <= 0) return;
      body.push(
        `<rect x="${x(start)}" y="${y + 4}" width="${Math.max(x(start + value) - x(start), 1)}" height="${rowHeight - 8}" fill="${colours[s % colours.length] ?? INK}"/>`,
      );
      start += value;
    });
    body.push(text(x(start) + 6, y + 17, String(start), `font-size="12" fill="${MUTED}"`));
  });
  return svg(width, height, body);
}

/**
 * New partnerships per year as columns, one slot per year from the first to the last (`points`
 * is every year in order, see `yearSeries`): a year without one is an empty slot, not a line
 * dropping to zero between two peaks.
 */
export function yearColumnsSvg(title: string, points: { x: number; y: number }[]): string {
  const width = 900;
  const height = 340;
  const left = 56;
  const right = 24;
  const top = 48;
  const bottom = 40;
  const body: string[] = [text(16, 26, title, 'font-size="17" font-weight="bold"')];
  if (points.length === 0) return svg(width, height, body);
  const minX = Math.min(...points.map((p) => p.x));
  const maxX = Math.max(...points.map((p) => p.x));
  const { top: axisTop, step } = niceScale(Math.max(...points.map((p) => p.y)));
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const slot = plotW / (maxX - minX + 1);
  const sx = (v: number) => left + (v - minX + 0.5) * slot;
  const sy = (v: number) => top + plotH - (v / axisTop) * plotH;
  for (let v = 0; v <= axisTop; v += step) {
    body.push(`<line x1="${left}" y1="${sy(v)}" x2="${width - right}" y2="${sy(v)}" stroke="${GRID}"/>`);
    body.push(text(left - 8, sy(v) + 4, String(v), `font-size="11" fill="${MUTED}" text-anchor="end"`));
  }
  const span = maxX - minX;
  const yearStep = span > 60 ? 10 : span > 24 ? 5 : span > 10 ? 2 : 1;
  for (let year = Math.ceil(minX / yearStep) * yearStep; year <= maxX; year += yearStep) {
    body.push(text(sx(year), height - 14, String(year), `font-size="11" fill="${MUTED}" text-anchor="middle"`));
  }
  const barW = Math.max(1, Math.min(slot * 0.8, 40));
  for (const p of points) {
    if (p.y <= 0) continue;
    const y = sy(p.y);
    body.push(
      `<rect x="${sx(p.x) - barW / 2}" y="${y}" width="${barW}" height="${top + plotH - y}" fill="${ACCENT}"/>`,
    );
  }
  return svg(width, height, body);
}

export type ReportChart = { id: string; title: string; svg: string };

/** The report's three charts for a statistics result, in a language. */
export function reportCharts(stats: Statistics, language: UiLanguage): ReportChart[] {
  const t = (key: string) => translate(language, key);
  // Under a territory filter the bars are its okresy.
  const byDistrict = hasTerritory(stats.filter);
  const areas = (byDistrict ? stats.districts : stats.regions).filter(
    (a) => a.municipalities > 0 || a.partnerships > 0,
  );
  const barTitle = t(byDistrict ? 'stats.chart.byDistrict' : 'stats.chart.byRegion');
  const years = yearSeries(stats.years, stats.filter).map((y) => ({ x: y.year, y: y.count }));
  const countries = stats.topCountries;
  return [
    {
      id: 'by-area',
      title: barTitle,
      svg: stackedBarSvg(
        barTitle,
        areas.map((a) => ({ label: areaName(a, language), values: PARTNERSHIP_TYPES.map((type) => a.byType[type]) })),
        PARTNERSHIP_TYPES.map((type) => t(`partnershipType.${type}`)),
        TYPE_COLOURS,
      ),
    },
    { id: 'per-year', title: t('stats.chart.perYear'), svg: yearColumnsSvg(t('stats.chart.perYear'), years) },
    {
      id: 'countries',
      title: t('stats.chart.topCountries'),
      svg: stackedBarSvg(
        t('stats.chart.topCountries'),
        countries.map((c) => ({ label: countryLabel(c.countryCode, language), values: [c.count] })),
        [t('stats.col.partnerships')],
        [ACCENT],
      ),
    },
  ];
}

/**
 * The system font resvg uses for `sans-serif`: one that has Czech letters on each platform
 * (Windows and macOS have Arial; Linux desktops have DejaVu Sans).
 */
const sansSerifFamily = (): string =>
  process.platform === 'win32' || process.platform === 'darwin' ? 'Arial' : 'DejaVu Sans';

/** SVG → PNG at twice the size (sharp when printed). */
export function svgToPng(svgText: string, scale = 2): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(svgText, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, sansSerifFamily: sansSerifFamily(), defaultFontFamily: sansSerifFamily() },
  });
  const rendered = resvg.render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}
