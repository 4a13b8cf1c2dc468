import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, ImportResult } from '../../../shared/domain/import/report';
import { translate } from '../../../shared/i18n/index';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * Walkthrough 26, finding 8: after the 2013 import only 33 of 909 partner towns carried a gazetteer
 * id (those named by a Czech exonym) and one a population, so drafts could not tell a city from a
 * village. A town new to the registry that the gazetteer has under the very name the file writes,
 * within 10 km of the place the file gives, is that town: linked, with the gazetteer's population.
 * Where the data does not prove it (farther, no place, a registry town already holds it), nothing is
 * linked.
 */
const HEADER = 'kod1;lat1;lon1;obec1;stat1;kod2;lat2;lon2;obec2;stat2;rok';
type Town = { name: string; geonames_id: number | null; population: number | null; latitude: number | null };

describe('a new partner town is linked to the gazetteer where its name and place prove it', () => {
  let app: TestApp;
  let file: string;
  let code: string;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    file = path.join(app.dir, 'partneri.csv');
    const member = await app.ctx.db.knex('municipalities').orderBy('id').first<{ code: string }>('code');
    code = member.code;
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const write = (...towns: [name: string, country: string, lat: string, lon: string][]) =>
    writeFileSync(
      file,
      [
        HEADER,
        ...towns.map(([name, country, lat, lon], i) =>
          [
            `S-${code}`,
            '50',
            '14',
            'Obec',
            'Česká republika',
            `F-${String(i + 1)}`,
            lat,
            lon,
            name,
            country,
            '1995',
          ].join(';'),
        ),
      ].join('\r\n'),
    );
  const importFile = async () => {
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(app.dispatch('import:preview', { kind: 'partnerships', file: handle.file }));
    const result = await ok<ImportResult>(app.dispatch('import:commit', { previewId: report.previewId }));
    return { report, result };
  };
  const town = (name: string) =>
    app.ctx.db
      .knex('foreign_towns')
      .where({ name })
      .first<Town | undefined>('name', 'geonames_id', 'population', 'latitude');

  it('links a town at the place the gazetteer gives it, keeps the file’s name and place, and says so once', async () => {
    write(['Brzeg', 'Polsko', '50.8608509', '17.4668311'], ['Goslar', 'Německo', '51.9083343', '10.4465753']);
    const { report } = await importFile();
    const brzeg = await town('Brzeg');
    expect(brzeg?.geonames_id).toEqual(expect.any(Number));
    expect(brzeg?.population).toBeGreaterThan(30_000);
    expect(brzeg?.latitude).toBe(50.8608509);
    const said = report.issues.filter((i) => i.reason === 'import.issue.townLinkedGazetteer');
    expect(said.map((i) => [i.line, i.severity, i.params.value])).toContainEqual([2, 'info', 'Brzeg']);
    expect(translate('cs', said[0]?.reason ?? '', said[0]?.params)).toBe(
      'město „Brzeg“ je v místopisném rejstříku pod týmž názvem do 10 km od místa, které soubor uvádí; propojeno s ním (i počet obyvatel podle rejstříku)',
    );
    // The same file again: nothing new.
    const again = await importFile();
    expect(again.result.changed).toBe(false);
  });

  it('links nothing the data does not prove: a place farther than 10 km, or no place', async () => {
    // Brzeg placed 40 km away; Nysa with no coordinates.
    write(['Brzeg', 'Polsko', '51.2', '17.4668311'], ['Nysa', 'Polsko', '', '']);
    const { report } = await importFile();
    expect(await town('Brzeg')).toMatchObject({ geonames_id: null, population: null });
    expect(await town('Nysa')).toMatchObject({ geonames_id: null, population: null });
    expect(report.issues.filter((i) => i.reason === 'import.issue.townLinkedGazetteer')).toEqual([]);
  });

  it('does not give a second record the gazetteer id a registry town holds', async () => {
    write(['Brzeg', 'Polsko', '50.8608509', '17.4668311']);
    await importFile();
    const first = await town('Brzeg');
    if (!first?.geonames_id) throw new Error('Brzeg was not linked');
    // The registry's record of that town renamed (so the file's name no longer matches it).
    await app.ctx.db
      .knex('foreign_towns')
      .where({ name: 'Brzeg' })
      .update({ name: 'Brzeg (Polsko)', name_key: 'brzeg polsko' });
    const [other] = (await app.ctx.db
      .knex('municipalities')
      .orderBy('id')
      .offset(1)
      .limit(1)
      .pluck('code')) as string[];
    code = other ?? code;
    write(['Brzeg', 'Polsko', '50.8608509', '17.4668311']);
    await importFile();
    const towns = (await app.ctx.db
      .knex('foreign_towns')
      .where({ country_code: 'PL' })
      .whereIn('name', ['Brzeg', 'Brzeg (Polsko)'])
      .select('name', 'geonames_id')) as { name: string; geonames_id: number | null }[];
    expect(towns.filter((t) => t.geonames_id === first.geonames_id)).toHaveLength(1);
  });
});
