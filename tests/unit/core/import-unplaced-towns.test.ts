import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, ImportResult } from '../../../shared/domain/import/report';
import { backupKindLabel } from '../../../shared/i18n/backup-label';
import { importBackupSentence, unplacedTownsSentence } from '../../../shared/i18n/import-result';
import { onServer } from '../../support/server-db';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * Walkthrough 27, finding 8: an import adds the partner towns a file names without coordinates
 * (Mödling, Żywiec) and, by rule, links none of them to the gazetteer (a name alone does not prove
 * which town it is), but nothing told the user. The result counts the towns this import created
 * with neither coordinates nor a link and names the first three; towns the registry had are not
 * counted, and nothing is linked or guessed. Finding 5: the result's backup is named by its time
 * and kind, as Settings ▸ Backups names it.
 */
const HEADER = 'kod1;lat1;lon1;obec1;stat1;kod2;lat2;lon2;obec2;stat2;rok';
type Row = [member: string, town: string, country: string, lat: string, lon: string];
type Town = { name: string; geonames_id: number | null; latitude: number | null; longitude: number | null };

describe('an import says which partner towns it added with no place', () => {
  let app: TestApp;
  let members: string[];
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    members = (await app.ctx.db.knex('municipalities').orderBy('id').limit(2).select<{ code: string }[]>('code')).map(
      (m) => m.code,
    );
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const write = (name: string, rows: Row[]) => {
    const file = path.join(app.dir, name);
    writeFileSync(
      file,
      [
        HEADER,
        ...rows.map(([member, town, country, lat, lon], i) =>
          [
            `S-${member}`,
            '50',
            '14',
            'Obec',
            'Česká republika',
            `F-${String(i + 1)}`,
            lat,
            lon,
            town,
            country,
            '1995',
          ].join(';'),
        ),
      ].join('\r\n'),
    );
    return file;
  };
  const importFile = async (file: string) => {
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(app.dispatch('import:preview', { kind: 'partnerships', file: handle.file }));
    return ok<ImportResult>(app.dispatch('import:commit', { previewId: report.previewId }));
  };
  const town = (name: string) =>
    app.ctx.db
      .knex('foreign_towns')
      .where({ name })
      .first<Town | undefined>('name', 'geonames_id', 'latitude', 'longitude');

  it('counts and names only the towns this import created without coordinates or a link; a second run reports none', async () => {
    const [first = '', second = ''] = members;
    // An earlier import made Mödling, with no place: a town the registry has from then on.
    const earlier = await importFile(write('moedling.csv', [[first, 'Mödling', 'Rakousko', '', '']]));
    expect(earlier.unplacedTowns).toEqual({ count: 1, names: ['Mödling'] });
    expect(await town('Levoča')).toBeDefined();

    const file = write('partneri.csv', [
      // Registry towns (one from the earlier import, one of the demo data): not this import's.
      [second, 'Mödling', 'Rakousko', '', ''],
      [second, 'Levoča', 'Slovensko', '', ''],
      // New, named alone: stored as written, with no place and no link.
      [first, 'Żywiec', 'Polsko', '', ''],
      [first, 'Bochnia', 'Polsko', '', ''],
      // New, with the file's place: linked to the gazetteer's town there, or kept at that place.
      [first, 'Brzeg', 'Polsko', '50.8608509', '17.4668311'],
      [first, 'Untergrabenhausen', 'Německo', '48.5', '11.2'],
      [first, 'Mattersburg', 'Rakousko', '', ''],
      [first, 'Tiszaújváros', 'Maďarsko', '', ''],
      // A second row of a town named above: one town.
      [second, 'Żywiec', 'Polsko', '', ''],
    ]);
    const result = await importFile(file);
    expect(result.changed).toBe(true);
    expect(result.unplacedTowns).toEqual({ count: 4, names: ['Żywiec', 'Bochnia', 'Mattersburg'] });
    // Nothing linked or guessed for them; Brzeg, placed by the file, is linked.
    for (const name of ['Żywiec', 'Bochnia', 'Mattersburg', 'Tiszaújváros'])
      expect(await town(name)).toEqual({ name, geonames_id: null, latitude: null, longitude: null });
    expect((await town('Brzeg'))?.geonames_id).toEqual(expect.any(Number));
    expect((await town('Untergrabenhausen'))?.latitude).toBe(48.5);
    expect(unplacedTownsSentence(result.unplacedTowns, 'cs')).toBe(
      '4 partnerská města přidaná importem nemají souřadnice ani propojení s místopisným rejstříkem (např. Żywiec, Bochnia, Mattersburg). Doplňte je na kartě města (Partnerství ▸ město).',
    );
    expect(unplacedTownsSentence(result.unplacedTowns, 'en')).toBe(
      '4 partner towns added by the import have no coordinates and no link to the gazetteer (e.g. Żywiec, Bochnia, Mattersburg). Fill their locations in on each town’s card (Partnerships ▸ the town).',
    );

    // The backup, by its time and kind: the words Settings ▸ Backups gives its row.
    if (onServer()) {
      expect(result.backup).toBeNull();
      expect(result.backupCreatedAt).toBeNull();
      expect(importBackupSentence(result, 'cs', (iso) => iso)).toBeNull();
    } else {
      const listed = (
        await ok<{ backups: { name: string; createdAt: string; reason: string; importFile: string | null }[] }>(
          app.dispatch('backups:list', {}),
        )
      ).backups.find((b) => b.name === result.backup);
      expect(listed).toMatchObject({ reason: 'import', importFile: 'partneri.csv' });
      expect(result.backupCreatedAt).toBe(listed?.createdAt);
      const kind = listed ? backupKindLabel(listed, 'cs') : '';
      expect(kind).toBe('před importem partneri.csv');
      expect(importBackupSentence(result, 'cs', (iso) => `[${iso}]`)).toBe(
        `Stav před importem je v záloze pořízené [${listed?.createdAt ?? ''}] (${kind}).`,
      );
      expect(importBackupSentence(result, 'en', (iso) => `[${iso}]`)).toBe(
        `The state before the import is in the backup of [${listed?.createdAt ?? ''}] (before importing partneri.csv).`,
      );
    }

    // The same file again adds nothing and reports no town.
    const again = await importFile(file);
    expect(again.changed).toBe(false);
    expect(again.unplacedTowns).toEqual({ count: 0, names: [] });
    expect(again.backupCreatedAt).toBeNull();
    expect(unplacedTownsSentence(again.unplacedTowns, 'cs')).toBeNull();
  });

  it('says one, a few and many towns in the right Czech form, with "např." only when some go unnamed', () => {
    expect(unplacedTownsSentence({ count: 1, names: ['Mödling'] }, 'cs')).toBe(
      '1 partnerské město přidané importem nemá souřadnice ani propojení s místopisným rejstříkem (Mödling). Doplňte je na kartě města (Partnerství ▸ město).',
    );
    expect(unplacedTownsSentence({ count: 2, names: ['Mödling', 'Żywiec'] }, 'cs')).toBe(
      '2 partnerská města přidaná importem nemají souřadnice ani propojení s místopisným rejstříkem (Mödling, Żywiec). Doplňte je na kartě města (Partnerství ▸ město).',
    );
    expect(unplacedTownsSentence({ count: 5, names: ['A', 'B', 'C'] }, 'cs')).toBe(
      '5 partnerských měst přidaných importem nemá souřadnice ani propojení s místopisným rejstříkem (např. A, B, C). Doplňte je na kartě města (Partnerství ▸ město).',
    );
    expect(unplacedTownsSentence({ count: 1, names: ['Mödling'] }, 'en')).toBe(
      '1 partner town added by the import has no coordinates and no link to the gazetteer (Mödling). Fill its location in on its town card (Partnerships ▸ the town).',
    );
    expect(unplacedTownsSentence({ count: 0, names: [] }, 'en')).toBeNull();
  });
});
