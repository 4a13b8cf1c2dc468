import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { STATS_FIGURES, statsFilterSchema, type StatsFilterInput } from '../../../shared/domain/statistics/filter';
import type { MapData } from '../../../shared/domain/statistics/map';
import type { Statistics, TerritoryOptions } from '../../../shared/domain/statistics/schemas';
import { describeFilter, figureCount, reportTitle } from '../../../shared/domain/statistics/tables';
import { defaultExportName, renderStats } from '../../../electron/core/services/statistics/stats-export-service';
import { FIXTURE_TODAY, loadStatsFixture } from '../../support/stats-fixture';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * The territory filter in SQL (issue 13 item 1), on the hand-counted fixture of
 * tests/support/stats-fixture.ts:
 *   Jihočeský kraj CZ031: okres Tábor CZ0317 (ORP Tábor 3117: A Tábor, B Sezimovo Ústí, E Planá –
 *   not a member), okres Český Krumlov CZ0312 (C Český Krumlov in ORP 3106, F Kaplice in ORP 3105);
 *   Jihomoravský kraj CZ064: okres Brno-město CZ0642 (D Brno, ORP 6202); Praha CZ010: nobody.
 *   Partnerships: A #1 #2, B #3, C #4, D #5 #6 #8, E #7, F none.
 * The rule: units of one level add up (OR), levels narrow each other (AND).
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await loadStatsFixture(app.ctx.db.knex);
});
afterAll(() => app.cleanup());

const statsOf = (filter: StatsFilterInput) =>
  ok<Statistics>(app.dispatch('stats:compute', { filter: { today: FIXTURE_TODAY, ...filter } }));
const membersOf = async (filter: StatsFilterInput): Promise<string[]> => {
  const { ids } = await ok<{ ids: number[] }>(
    app.dispatch('stats:figureRows', { filter: { today: FIXTURE_TODAY, ...filter }, figure: 'municipalities' }),
  );
  const all = await ok<MunicipalityRow[]>(app.dispatch('municipalities:list', {}));
  return all
    .filter((m) => ids.includes(m.id))
    .map((m) => m.name)
    .sort();
};

describe('territory filter in SQL', () => {
  it('several kraje add up', async () => {
    expect(await membersOf({ regions: ['CZ064'] })).toEqual(['Brno']);
    expect(await membersOf({ regions: ['CZ031', 'CZ064'] })).toEqual([
      'Brno',
      'Kaplice',
      'Sezimovo Ústí',
      'Tábor',
      'Český Krumlov',
    ]);
    const both = await statsOf({ regions: ['CZ031', 'CZ064'] });
    expect(both.total.partnerships).toBe(7); // #1–#6, #8 (E's #7 is not a member's)
    expect(both.regions.map((r) => r.code)).toEqual(['CZ031', 'CZ064']); // Praha is not listed
  });

  it('an okres, an ORP, and an ORP of all municipalities', async () => {
    expect(await membersOf({ districts: ['CZ0312'] })).toEqual(['Kaplice', 'Český Krumlov']);
    expect(await membersOf({ orps: ['3117'] })).toEqual(['Sezimovo Ústí', 'Tábor']);
    expect(await membersOf({ orps: ['3117'], membership: 'all' })).toEqual([
      'Planá nad Lužnicí',
      'Sezimovo Ústí',
      'Tábor',
    ]);
    const okres = await statsOf({ districts: ['CZ0312'] });
    expect(okres.total.partnerships).toBe(1); // #4
    expect(okres.districts.map((d) => d.code)).toEqual(['CZ0312']);
  });

  it('okres and ORP together: the municipalities in both (AND across levels)', async () => {
    expect(await membersOf({ districts: ['CZ0312'], orps: ['3105'] })).toEqual(['Kaplice']);
    expect(await membersOf({ districts: ['CZ0317'], orps: ['3106'] })).toEqual([]);
    expect(await membersOf({ regions: ['CZ064'], districts: ['CZ0317'] })).toEqual([]);
    // Within a level OR, across levels AND: (Tábor OR Český Krumlov okres) AND (ORP 3106 OR 6202).
    expect(await membersOf({ districts: ['CZ0317', 'CZ0312'], orps: ['3106', '6202'] })).toEqual(['Český Krumlov']);
    const none = await statsOf({ districts: ['CZ0317'], orps: ['3106'] });
    expect(none.total.municipalities).toBe(0);
    expect(none.total.partnerships).toBe(0);
  });

  it('every key figure names as many rows as it counts under a territory', async () => {
    const filters: StatsFilterInput[] = [
      { regions: ['CZ031', 'CZ064'] },
      { districts: ['CZ0312'] },
      { orps: ['3117'], membership: 'all' },
      { districts: ['CZ0317', 'CZ0312'], orps: ['3117', '3105'] },
      { regions: ['CZ031'], fromYear: 1990, toYear: 2005 },
    ];
    for (const filter of filters) {
      const stats = await statsOf(filter);
      for (const figure of STATS_FIGURES) {
        const { ids } = await ok<{ ids: number[] }>(
          app.dispatch('stats:figureRows', { filter: { today: FIXTURE_TODAY, ...filter }, figure }),
        );
        expect({ filter, figure, rows: ids.length }).toEqual({
          filter,
          figure,
          rows: figureCount(stats.total, figure),
        });
      }
    }
  });

  it('the map draws the territory only', async () => {
    const map = await ok<MapData>(app.dispatch('map:data', { filter: { districts: ['CZ0312'] } }));
    expect(map.members.map((m) => m.name)).toEqual(['Český Krumlov']);
    expect(map.links).toHaveLength(1);
  });

  it('an ORP recorded by name only is chosen by its name', async () => {
    const knex = app.ctx.db.knex;
    await knex('municipalities').where('code', '000006').update({ orp_code: null });
    try {
      expect(await membersOf({ orps: ['Kaplice'] })).toEqual(['Kaplice']);
      expect(await membersOf({ orps: ['3105'] })).toEqual([]);
      const options = await ok<TerritoryOptions>(app.dispatch('stats:territories', {}));
      expect(options.orps.find((o) => o.name === 'Kaplice')?.code).toBe('Kaplice');
    } finally {
      await knex('municipalities').where('code', '000006').update({ orp_code: '3105' });
    }
  });
});

describe('the territory named and compared with the whole country', () => {
  it('reads an old filter with one `region` as that kraj', async () => {
    expect(statsFilterSchema.parse({ region: 'CZ031' }).regions).toEqual(['CZ031']);
    expect(statsFilterSchema.parse({ region: 'CZ031', regions: ['CZ064', 'CZ031'] }).regions).toEqual([
      'CZ031',
      'CZ064',
    ]);
    const old = await statsOf({ region: 'CZ031' });
    expect(old.filter.regions).toEqual(['CZ031']);
    expect(old.territory.regions).toEqual([{ code: 'CZ031', name: 'Jihočeský kraj', regionCode: null }]);
  });

  it('refuses a malformed okres code and reversed years with a message key', () => {
    const bad = statsFilterSchema.safeParse({ districts: ['Jihlava'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('validation.districtCode');
    const reversed = statsFilterSchema.safeParse({ fromYear: 2005, toYear: 1990 });
    expect(reversed.error?.issues[0]?.message).toBe('validation.yearRange');
  });

  it('lists every kraj, okres and ORP with its kraj', async () => {
    const options = await ok<TerritoryOptions>(app.dispatch('stats:territories', {}));
    expect(options.regions.map((r) => r.name)).toEqual(['Hlavní město Praha', 'Jihočeský kraj', 'Jihomoravský kraj']);
    expect(options.districts.find((d) => d.code === 'CZ0312')).toEqual({
      code: 'CZ0312',
      name: 'Český Krumlov',
      regionCode: 'CZ031',
    });
    expect(options.orps.map((o) => o.code)).toEqual(['6202', '3106', '3105', '3117']); // Brno, Český Krumlov, Kaplice, Tábor (ch, č in Czech order)
    expect(options.orps.find((o) => o.code === '3117')?.districtCodes).toEqual(['CZ0317']);
  });

  it('puts the whole country beside the territory, under the same filter otherwise', async () => {
    const whole = await statsOf({ types: ['formal'] });
    expect(whole.national).toBeNull();
    const okres = await statsOf({ districts: ['CZ0312'], orps: ['3106'], types: ['formal'] });
    expect(okres.territory).toEqual({
      regions: [],
      districts: [{ code: 'CZ0312', name: 'Český Krumlov', regionCode: 'CZ031' }],
      orps: [{ code: '3106', name: 'Český Krumlov', regionCode: 'CZ031' }],
    });
    expect(okres.total.partnerships).toBe(1); // #4
    expect(okres.national?.total).toEqual(whole.total);
    expect(okres.national?.countries).toBe(whole.countries.length);
  });

  it('names the territory in the title, the filter line and the file name (no diacritics)', async () => {
    const vysocina = await statsOf({ regions: ['CZ031'], fromYear: 1990, toYear: 2005 });
    expect(reportTitle(vysocina, 'cs')).toBe('Partnerství obcí: Jihočeský kraj, 1990–2005');
    expect(reportTitle(vysocina, 'en')).toBe('Town twinning: Jihočeský kraj, 1990–2005');
    expect(describeFilter(vysocina.filter, 'cs', vysocina.territory)).toContain('Území: Jihočeský kraj');
    expect(defaultExportName(vysocina, 'xlsx', 'cs')).toBe('statistiky-Jihocesky-kraj-1990-2005.xlsx');
    const combo = await statsOf({ districts: ['CZ0312'], orps: ['3105'], fromYear: 2000 });
    expect(reportTitle(combo, 'cs')).toBe('Partnerství obcí: okres Český Krumlov › ORP Kaplice, od 2000');
    expect(defaultExportName(combo, 'docx', 'cs')).toBe('statistiky-okres-Cesky-Krumlov-ORP-Kaplice-od-2000.docx');
    expect(defaultExportName(combo, 'csv', 'en')).toBe('statistics-Cesky-Krumlov-district-Kaplice-ORP-from-2000.zip');
    const many = await statsOf({ regions: ['CZ010', 'CZ031', 'CZ064'], districts: ['CZ0312'] });
    expect(defaultExportName(many, 'json', 'cs')).toBe(
      'statistiky-Hlavni-mesto-Praha-Jihocesky-kraj-Jihomoravsky-kraj-a-1-dalsi.json',
    );
  });

  it('the XLSX opens with the territory beside the whole country, and its totals are the territory’s', async () => {
    const stats = await statsOf({ regions: ['CZ064'] });
    const workbook = new ExcelJS.Workbook();
    const bytes = await renderStats(stats, 'xlsx', 'cs');
    // ExcelJS types its input as an ArrayBuffer; the Buffer's own bytes are passed.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const first = workbook.worksheets[0];
    expect(first?.name).toBe('Srovnání s celým Českem');
    expect(first?.getCell('A2').text).toContain('Území: Jihomoravský kraj');
    expect(first?.getCell('A4').value).toBe('Jihomoravský kraj');
    expect(first?.getCell('A5').value).toBe('Česko celkem');
    expect(first?.getCell('F4').value).toBe(3); // partnerships of Brno: #5 #6 #8
    expect(first?.getCell('F5').value).toBe(7);
    const regions = workbook.getWorksheet('Kraje');
    expect(regions?.getCell('A5').value).toBe('Celkem: Jihomoravský kraj');
    expect(regions?.getCell('A6').value).toBe('Česko celkem');
    expect(path.extname(defaultExportName(stats, 'xlsx', 'cs'))).toBe('.xlsx');
  });
});

/**
 * Walkthrough 27: an ORP the registry knows only by its name was written with that name in the
 * table's "Kód" column, and the whole country was „Celé Česko“ in one table and „Česko celkem“ in
 * another. Kaplice loses its ORP code here (as an import without the ORP's code leaves it).
 */
describe('the exports name what they know', () => {
  let own: TestApp;
  beforeAll(async () => {
    own = await createTestApp();
    await loadStatsFixture(own.ctx.db.knex);
    await own.ctx.db.knex('municipalities').where({ name: 'Kaplice' }).update({ orp_code: null });
  });
  afterAll(() => own.cleanup());
  const ownStats = (filter: StatsFilterInput) =>
    ok<Statistics>(own.dispatch('stats:compute', { filter: { today: FIXTURE_TODAY, ...filter } }));
  const sheetOf = async (stats: Statistics, language: 'cs' | 'en') => {
    const workbook = new ExcelJS.Workbook();
    const bytes = await renderStats(stats, 'xlsx', language);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return workbook;
  };
  /** The lines of the CSV file of the ZIP whose name starts so (the filter line and the header first). */
  const csvLinesOf = async (stats: Statistics, language: 'cs' | 'en', prefix: string) => {
    const zip = await JSZip.loadAsync(await renderStats(stats, 'csv', language));
    const file = Object.keys(zip.files).find((name) => name.startsWith(prefix));
    const text = (file === undefined ? '' : await zip.file(file)?.async('string')) ?? '';
    return text.replace(/^\uFEFF/, '').split('\r\n');
  };

  it('leaves the code of an ORP known only by its name empty, in the XLSX and the CSV', async () => {
    const stats = await ownStats({ regions: ['CZ031'] });
    const workbook = await sheetOf(stats, 'cs');
    const orp = workbook.getWorksheet('ORP');
    const rows = (orp?.getSheetValues() ?? []).slice(4).map((row) => (Array.isArray(row) ? row.slice(1, 4) : []));
    expect(rows).toEqual([
      ['Jihočeský kraj', 'Český Krumlov', '3106'],
      ['Jihočeský kraj', 'Kaplice', ''],
      ['Jihočeský kraj', 'Tábor', '3117'],
    ]);
    // (The Czech files are semicolon-separated.)
    const csv = (await csvLinesOf(stats, 'cs', '04-')).map((line) => line.split(';'));
    expect(csv[1]?.slice(0, 3)).toEqual(['Kraj', 'ORP', 'Kód']);
    expect(csv.slice(2, 5).map((row) => row.slice(0, 3))).toEqual([
      ['Jihočeský kraj', 'Český Krumlov', '3106'],
      ['Jihočeský kraj', 'Kaplice', ''],
      ['Jihočeský kraj', 'Tábor', '3117'],
    ]);
    // The ORP filter still finds it by its name.
    expect((await ownStats({ orps: ['Kaplice'] })).total.municipalities).toBe(1);
  });

  it('names the whole country one way in every table and the report, in Czech and in English', async () => {
    const stats = await ownStats({ regions: ['CZ064'] });
    for (const [language, whole, other] of [
      ['cs', 'Česko celkem', 'Celé Česko'],
      ['en', 'Czechia, total', 'All of Czechia'],
    ] as const) {
      const workbook = await sheetOf(stats, language);
      const names = workbook.worksheets.flatMap((sheet) =>
        (sheet.getColumn(1).values ?? []).filter((value): value is string => typeof value === 'string'),
      );
      expect(names.filter((name) => name === whole)).toHaveLength(2); // the comparison and the regions
      expect(names.join('\n')).not.toContain(other);
      // The English files are comma-separated: the name comes quoted.
      const comparison = await csvLinesOf(stats, language, '01-');
      expect(comparison).toContainEqual(
        expect.stringMatching(language === 'cs' ? /^Česko celkem;/ : /^"Czechia, total",/),
      );
      expect(comparison.join('\n')).not.toContain(other);
      const docx = await JSZip.loadAsync(await renderStats(stats, 'docx', language));
      const text = ((await docx.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
      expect(text).toContain(whole);
      expect(text).not.toContain(other);
    }
  });
});
