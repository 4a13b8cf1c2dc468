import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderDialogs } from '../../../electron/cli/web-dialogs';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import type { Statistics } from '../../../shared/domain/statistics';
import {
  areasNote,
  buildStatsTables,
  figureCount,
  knownFigure,
  unknownFigureOf,
} from '../../../shared/domain/statistics/tables';
import { FIXTURE_TODAY, loadStatsFixture } from '../../support/stats-fixture';
import { createTestApp, ok, tempDir, type TestApp } from '../../support/temp-db';

/**
 * Walkthrough 21: a figure that is not known ("–") opens the rows whose value is not stated, not
 * a grid of no rows (finding 4); areas of cooperation nobody stated are "–" with the reason, and
 * shares are of the partnerships that state areas (finding 5).
 *
 * The fixture (see stats-fixture.ts) with Brno's three partnerships (#5, #6, #8, Jihomoravský
 * kraj) left without a status and without areas (#6 names none already), as an import of a source
 * that gives neither leaves them. Jihočeský kraj keeps both.
 */
let app: TestApp;
const outDir = tempDir('twinreg-stats-unknown-');

beforeAll(async () => {
  app = await createTestApp({ dialogs: createFolderDialogs(outDir) });
  const knex = app.ctx.db.knex;
  await loadStatsFixture(knex);
  const brno = knex('municipalities').where('name', 'Brno').select('id');
  const brnos = knex('partnerships').whereIn('municipality_id', brno).select('id');
  await knex('partnerships').whereIn('municipality_id', brno).update({ status: 'unknown' });
  await knex('partnership_areas').whereIn('partnership_id', brnos).delete();
});
afterAll(() => app.cleanup());

const compute = (filter: Record<string, unknown>) =>
  ok<Statistics>(app.dispatch('stats:compute', { filter: { today: FIXTURE_TODAY, ...filter } }));
const rowsOf = (filter: Record<string, unknown>, figure: string) =>
  ok<{ ids: number[] }>(app.dispatch('stats:figureRows', { filter: { today: FIXTURE_TODAY, ...filter }, figure }));
const exportAs = async (format: string, filter: Record<string, unknown>, language = 'cs') => {
  const result = await ok<{ filePath: string } | null>(
    app.dispatch('stats:export', { format, filter: { today: FIXTURE_TODAY, ...filter }, language }),
  );
  if (result === null) throw new Error('export was cancelled');
  return result.filePath;
};

describe('a figure that is not known opens the rows whose value is not stated (finding 4)', () => {
  it('leads to the partnerships without a status, as many as their count', async () => {
    const stats = await compute({ region: 'CZ064' });
    for (const figure of ['withActive', 'dormant', 'expiring'] as const) {
      expect(knownFigure(stats.total, figure), figure).toBeNull();
      // Brno's terms are stated (indefinite, fixed): the status is what is missing, for "expiring" too.
      expect(unknownFigureOf(stats.total, figure), figure).toBe('statusUnknown');
    }
    const partnerships = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    const { ids } = await rowsOf({ region: 'CZ064' }, 'statusUnknown');
    expect(ids).toHaveLength(figureCount(stats.total, 'statusUnknown'));
    expect(
      partnerships
        .filter((p) => ids.includes(p.id))
        .map((p) => p.townName)
        .sort(),
    ).toEqual(['Leipzig', 'Stuttgart', 'Wien']);
    // A known figure leads to its own rows.
    const south = await compute({ region: 'CZ031' });
    expect(unknownFigureOf(south.total, 'withActive')).toBeNull();
    expect((await rowsOf({ region: 'CZ031' }, 'statusUnknown')).ids).toEqual([]);
  });

  it('leads to the partnerships not ended without a term when no term is stated', async () => {
    const knex = app.ctx.db.knex;
    const south = knex('municipalities as m')
      .join('regions as r', 'r.id', 'm.region_id')
      .where('r.code', 'CZ031')
      .select('m.id');
    const kept = await knex('partnerships')
      .whereIn('municipality_id', south)
      .select<{ id: number; term_kind: string; term_until: string | null }[]>('id', 'term_kind', 'term_until');
    // Through the app, as a change the figures' cache sees.
    for (const row of kept) {
      const { version } = await knex('partnerships').where({ id: row.id }).first<{ version: number }>('version');
      await ok(
        app.dispatch('partnerships:update', { id: row.id, version, changes: { termKind: 'unknown', termUntil: null } }),
      );
    }
    try {
      const stats = await compute({ region: 'CZ031' });
      expect(knownFigure(stats.total, 'expiring')).toBeNull();
      expect(unknownFigureOf(stats.total, 'expiring')).toBe('termUnknown');
      // The statuses are stated: the other figures stand and lead to their rows.
      expect(unknownFigureOf(stats.total, 'withActive')).toBeNull();
      const partnerships = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
      const { ids } = await rowsOf({ region: 'CZ031' }, 'termUnknown');
      expect(ids).toHaveLength(figureCount(stats.total, 'termUnknown'));
      // #1, #2, #4 (Tábor, Český Krumlov); #3 is ended and cannot end again.
      expect(
        partnerships
          .filter((p) => ids.includes(p.id))
          .map((p) => p.townName)
          .sort(),
      ).toEqual(['Konstanz', 'Llandovery', 'Orvieto']);
    } finally {
      for (const row of kept)
        await knex('partnerships')
          .where({ id: row.id })
          .update({ term_kind: row.term_kind, term_until: row.term_until });
    }
  });
});

describe('areas of cooperation nobody stated (finding 5)', () => {
  it('are not known ("–", not 0) where no counted partnership names one, and say so', async () => {
    const stats = await compute({ region: 'CZ064' });
    expect(stats.total.partnerships).toBe(3);
    expect(stats.areasStated).toBe(0);
    expect(stats.areas).toHaveLength(14);
    for (const area of stats.areas) expect(area, area.area).toMatchObject({ count: null, share: null });
    expect(areasNote(stats, 'cs')).toBe('oblasti neuvedeny u 3 z 3 partnerství');
    expect(areasNote(stats, 'en')).toBe('areas not stated for 3 of 3 partnerships');
    const table = buildStatsTables(stats, 'cs').find((t) => t.id === 'areas');
    expect(table?.rows[0]).toEqual(['kultura', null, null]);
    expect(table?.notes).toEqual([
      'Oblasti neuvedeny u 3 z 3 partnerství. Oblasti neuvádí žádné z počítaných partnerství, proto počty ani podíly nelze zjistit: údaje chybí (nezjištěno), nejsou to 0.',
    ]);
  });

  it('give shares of the partnerships that name areas where some do', async () => {
    const stats = await compute({});
    // Members' partnerships #1–#6, #8: #1–#4 name areas; #5, #8 lost theirs, #6 had none.
    expect(stats.total.partnerships).toBe(7);
    expect(stats.areasStated).toBe(4);
    const culture = stats.areas.find((a) => a.area === 'culture');
    expect(culture?.count).toBe(3); // #1 #2 #4
    expect(culture?.share).toBeCloseTo(3 / 4, 10);
    // An area nobody names among those that state areas: 0 is certain then.
    expect(stats.areas.find((a) => a.area === 'sport')).toMatchObject({ count: 0, share: 0 });
    expect(areasNote(stats, 'cs')).toBe('oblasti neuvedeny u 3 z 7 partnerství');
    const table = buildStatsTables(stats, 'en').find((t) => t.id === 'areas');
    expect(table?.notes?.[0]).toBe(
      'Areas not stated for 3 of 7 partnerships. The count of an area is how many partnerships name it; its share is of the partnerships that state their areas (4). A partnership that states none may work in any of them.',
    );
    // Every partnership names areas: no note.
    const south = await compute({ region: 'CZ031' });
    expect(south.areasStated).toBe(south.total.partnerships);
    expect(areasNote(south, 'cs')).toBeNull();
    expect(buildStatsTables(south, 'cs').find((t) => t.id === 'areas')?.notes).toEqual([]);
  });

  it('are empty in the XLSX and CSV and "–" in the DOCX, with the note, in both languages', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportAs('xlsx', { region: 'CZ064' }));
    const sheet = workbook.getWorksheet('Oblasti');
    if (!sheet) throw new Error('no sheet of areas');
    expect(sheet.getCell('A4').value).toBe('kultura');
    expect(sheet.getCell('B4').value).toBeNull();
    expect(sheet.getCell('C4').value).toBeNull();
    // 14 areas in rows 4–17, a row apart, then the note.
    expect(sheet.getCell('A19').text).toContain('Oblasti neuvedeny u 3 z 3 partnerství.');

    const zip = await JSZip.loadAsync(readFileSync(await exportAs('csv', { region: 'CZ064' })));
    const name = Object.keys(zip.files).find((file) => file.endsWith('-Oblasti.csv'));
    const lines = ((await zip.file(name ?? '')?.async('string')) ?? '').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[2]).toBe('kultura;;');
    expect(lines).toContain('');
    expect(lines.join('\n')).toContain('Oblasti neuvedeny u 3 z 3 partnerství.');

    for (const [language, area, note] of [
      ['cs', 'kultura', 'Oblasti neuvedeny u 3 z 3 partnerství.'],
      ['en', 'culture', 'Areas not stated for 3 of 3 partnerships.'],
    ] as const) {
      const docx = await JSZip.loadAsync(readFileSync(await exportAs('docx', { region: 'CZ064' }, language)));
      const xml = (await docx.file('word/document.xml')?.async('string')) ?? '';
      const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
      expect(text).toContain(`|${area}|–|–|`);
      expect(text).not.toContain(`|${area}|0|`);
      expect(text).toContain(note);
    }
  });
});
