import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, ImportResult } from '../../../shared/domain/import/report';
import { translate } from '../../../shared/i18n/index';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';
import { PARTNERSHIP_HEADER, PARTNERSHIP_MAPPING } from '../../support/import-rows';

/**
 * A partnerships file that spells a registry town otherwise than the registry (walkthrough 26
 * finding 9): the file's "Gödöllő" matched the registry's misspelt "Gödölló" by the folded name,
 * and the preview said nothing. The registry's town is kept (never renamed by an import), and each
 * such row says so, naming the gazetteer's spelling when the gazetteer writes the file's.
 */

const REASONS = new Set(['import.issue.townSpeltOtherwise', 'import.issue.townSpeltOtherwiseGazetteer']);
const spellingIssues = (report: ImportReport) =>
  report.issues.filter((i) => REASONS.has(i.reason)).map((i) => [i.line, i.severity, i.reason, i.params]);

describe('a registry town the file spells otherwise', () => {
  let app: TestApp;
  let file: string;
  let members: { id: number; code: string }[];
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    file = path.join(app.dir, 'partneri.csv');
    members = await app.ctx.db
      .knex('municipalities')
      .orderBy('id')
      .limit(2)
      .select<{ id: number; code: string }[]>('id', 'code');
    if (members.length < 2) throw new Error('the demo registry has fewer than two municipalities');
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const importRows = async (...rows: [string, string, string][]) => {
    writeFileSync(
      file,
      [PARTNERSHIP_HEADER, ...rows.map(([code, town, country]) => [code, town, country, '1995', ''].join(';'))].join(
        '\n',
      ) + '\n',
    );
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(
      app.dispatch('import:preview', { kind: 'partnerships', file: handle.file, mapping: PARTNERSHIP_MAPPING }),
    );
    const result = await ok<ImportResult>(app.dispatch('import:commit', { previewId: report.previewId }));
    return { report, result };
  };
  const townsOf = (country: string, names: string[]) =>
    app.ctx.db
      .knex('foreign_towns')
      .where('country_code', country)
      .whereIn('name', names)
      .orderBy('name')
      .select<{ id: number; name: string }[]>('id', 'name');

  it('says so on each row, with the gazetteer’s spelling where it writes the file’s, and renames nothing', async () => {
    const [first, second] = members;
    if (!first || !second) return;
    // The registry's misspelt records, as an older file wrote them (ó for ő, no accents, a made-up
    // village the gazetteer does not know with a missing accent).
    const older = await importRows(
      [first.code, 'Gödölló', 'Maďarsko'],
      [first.code, 'Piestany', 'Slovensko'],
      [first.code, 'Pietrkowice', 'Polsko'],
    );
    expect(spellingIssues(older.report)).toEqual([]);
    const before = [
      ...(await townsOf('HU', ['Gödölló', 'Gödöllő'])),
      ...(await townsOf('SK', ['Piestany', 'Piešťany'])),
      ...(await townsOf('PL', ['Pietrkowice', 'Pietrkówice'])),
    ];
    expect(before.map((t) => t.name)).toEqual(['Gödölló', 'Piestany', 'Pietrkowice']);

    // The newer file spells them right (and one the same as the registry: no word about it).
    const { report, result } = await importRows(
      [second.code, 'Gödöllő', 'Maďarsko'],
      [second.code, 'Piešťany', 'Slovensko'],
      [second.code, 'Pietrkówice', 'Polsko'],
      [first.code, 'Gödöllő', 'Maďarsko'],
      [second.code, 'Piestany', 'Slovensko'],
    );
    expect(spellingIssues(report)).toEqual([
      [
        2,
        'info',
        'import.issue.townSpeltOtherwiseGazetteer',
        { value: 'Gödöllő', registry: 'Gödölló', gazetteer: 'Gödöllő' },
      ],
      [
        3,
        'info',
        'import.issue.townSpeltOtherwiseGazetteer',
        { value: 'Piešťany', registry: 'Piestany', gazetteer: 'Piešťany' },
      ],
      [4, 'info', 'import.issue.townSpeltOtherwise', { value: 'Pietrkówice', registry: 'Pietrkowice' }],
      [
        5,
        'info',
        'import.issue.townSpeltOtherwiseGazetteer',
        { value: 'Gödöllő', registry: 'Gödölló', gazetteer: 'Gödöllő' },
      ],
    ]);
    // The rows are added to the registry's towns (one record each), none renamed or doubled.
    expect(report.counts).toMatchObject({ add: 3, invalid: 0 });
    expect(result).toBeDefined();
    const after = [
      ...(await townsOf('HU', ['Gödölló', 'Gödöllő'])),
      ...(await townsOf('SK', ['Piestany', 'Piešťany'])),
      ...(await townsOf('PL', ['Pietrkowice', 'Pietrkówice'])),
    ];
    expect(after).toEqual(before);

    // The messages, in both languages.
    const [gazetteer, plain] = ['import.issue.townSpeltOtherwiseGazetteer', 'import.issue.townSpeltOtherwise'].map(
      (reason) => report.issues.find((i) => i.reason === reason) ?? { reason, params: {} },
    );
    expect(translate('cs', gazetteer?.reason ?? '', gazetteer?.params)).toBe(
      'město „Gödöllő“ souboru je v registru zapsáno jako „Gödölló“ (místopisný rejstřík píše „Gödöllő“); ponecháno, opravte ho na kartě města, pokud je soubor správně',
    );
    expect(translate('cs', plain?.reason ?? '', plain?.params)).toBe(
      'město „Pietrkówice“ souboru je v registru zapsáno jako „Pietrkowice“; ponecháno, opravte ho na kartě města, pokud je soubor správně',
    );
    expect(translate('en', gazetteer?.reason ?? '', gazetteer?.params)).toBe(
      'the file’s town “Gödöllő” is written “Gödölló” in the registry (the gazetteer writes “Gödöllő”); kept, correct it on the town’s card if the file is right',
    );
  });

  it('says nothing of a name in capitals, a Czech name or another case of the registry’s spelling', async () => {
    const [first, second] = members;
    if (!first || !second) return;
    await importRows([first.code, 'Gödöllő', 'Maďarsko']);
    const town = await app.ctx.db
      .knex('foreign_towns')
      .where({ country_code: 'HU', name: 'Gödöllő' })
      .first<{ id: number }>('id');
    if (!town) throw new Error('Gödöllő was not added');
    await app.ctx.db.knex('foreign_towns').where({ id: town.id }).update({ name_cs: 'Gedele' });
    const { report } = await importRows(
      [second.code, 'GÖDÖLLŐ', 'Maďarsko'],
      [first.code, 'Gedele', 'Maďarsko'],
      [second.code, 'gödöllő', 'Maďarsko'],
    );
    expect(spellingIssues(report)).toEqual([]);
  });
});
