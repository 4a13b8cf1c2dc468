import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/import/report';
import { resolveExonym } from '../../../electron/core/services/towns-service';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

const HEADER = ['kod1', 'lat1', 'lon1', 'obec1', 'stat1', 'kod2', 'lat2', 'lon2', 'obec2', 'stat2', 'rok'].join('\t');
const row = (code: string, member: string, town: string, lat: string, lon: string, year: string) =>
  [`S-${code}`, '', '', member, 'Česká republika', 'F-1', lat, lon, town, 'Polsko', year].join('\t');

describe('possible duplicate towns in an import: listed, decided by the user, remembered', () => {
  let app: TestApp;
  let file: string;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    file = path.join(app.dir, 'partneri.tsv');
    writeFileSync(
      file,
      [
        HEADER,
        // Near Jelenia Góra (0.3 km) under a longer name; Mikołów without its letter ł and with v.
        row('579025', 'Trutnov', 'Jelenia Góra Miasto', '50.9', '15.72', '2001'),
        row('563510', 'Jablonec nad Nisou', 'Mikolov', '', '', '2005'),
      ].join('\n') + '\n',
    );
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const preview = async (townDecisions?: unknown[]) => {
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    return ok<ImportReport>(
      app.dispatch('import:preview', {
        kind: 'partnerships',
        file: handle.file,
        ...(townDecisions ? { townDecisions } : {}),
      }),
    );
  };
  const townId = async (name: string) =>
    (await app.ctx.db.knex('foreign_towns').where({ name }).first<{ id: number }>('id')).id;

  it('lists both, imports the user’s decisions and asks nothing again next time', async () => {
    const jelenia = await townId('Jelenia Góra');
    const mikolow = await townId('Mikołów');
    const first = await preview();
    expect(first.possibleDuplicates).toEqual([
      expect.objectContaining({
        line: 2,
        name: 'Jelenia Góra Miasto',
        candidateId: jelenia,
        reason: 'near',
        decision: null,
      }),
      expect.objectContaining({
        line: 3,
        name: 'Mikolov',
        candidateId: mikolow,
        reason: 'similarName',
        km: null,
        decision: null,
      }),
    ]);
    // Undecided, each is a town of its own (nothing is merged on a guess).
    expect(first.counts).toMatchObject({ add: 2, townsAdded: 2 });

    const decided = await preview([
      { countryCode: 'PL', name: 'Jelenia Góra Miasto', sameAs: jelenia },
      { countryCode: 'PL', name: 'Mikolov', sameAs: null },
    ]);
    expect(decided.possibleDuplicates.map((d) => d.decision)).toEqual(['same', 'different']);
    expect(decided.counts).toMatchObject({ add: 2, townsAdded: 1 });
    await ok(app.dispatch('import:commit', { previewId: decided.previewId }));
    const trutnov = await app.ctx.db
      .knex('partnerships as p')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .where('m.name', 'Trutnov')
      .pluck<number[]>('p.foreign_town_id');
    expect(trutnov).toContain(jelenia);
    expect(await app.ctx.db.knex('foreign_towns').where({ name: 'Jelenia Góra Miasto' }).first()).toBeUndefined();
    expect(await app.ctx.db.knex('foreign_towns').where({ name: 'Mikolov' }).first('id')).toBeDefined();

    // The same file again: the decisions are remembered and nothing changes.
    const again = await preview();
    expect(again.possibleDuplicates.map((d) => [d.name, d.decision])).toEqual([['Jelenia Góra Miasto', 'same']]);
    expect(again.counts).toMatchObject({ add: 0, townsAdded: 0, unchanged: 2 });
  });
});

describe('a town the gazetteer knows, spelt otherwise in the registry', () => {
  it('an exonym finds the registry town by its gazetteer id: no second record, no refused commit', async () => {
    const app = await createTestApp({ demo: true });
    try {
      const exonym = await resolveExonym('DE', 'Mnichov');
      if (exonym === null) throw new Error('the gazetteer does not know Mnichov');
      // Munich as a user renamed it: another spelling, no Czech name, the gazetteer's id kept.
      const now = new Date().toISOString();
      const [inserted] = await app.ctx.db
        .knex('foreign_towns')
        .insert({
          name: 'Landeshauptstadt München',
          name_key: 'landeshauptstadt munchen',
          country_code: 'DE',
          geonames_id: exonym.geonamesId,
          created_at: now,
          updated_at: now,
        })
        .returning('id');
      const townId = Number(typeof inserted === 'object' ? inserted.id : inserted);
      const member = await app.ctx.db.knex('municipalities').first<{ id: number; code: string }>('id', 'code');
      const file = path.join(app.dir, 'mnichov.csv');
      writeFileSync(file, `Kód obce;Partnerské město;Stát\n${member?.code ?? ''};Mnichov;Německo\n`);
      const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
      const report = await ok<ImportReport>(
        app.dispatch('import:preview', {
          kind: 'partnerships',
          file: handle.file,
          mapping: { municipalityCode: 'Kód obce', townName: 'Partnerské město', country: 'Stát' },
        }),
      );
      expect(report.counts).toMatchObject({ add: 1, townsAdded: 0 });
      await ok(app.dispatch('import:commit', { previewId: report.previewId }));
      expect(await app.ctx.db.knex('foreign_towns').where({ geonames_id: exonym.geonamesId }).pluck('id')).toEqual([
        townId,
      ]);
      expect(
        await app.ctx.db
          .knex('partnerships')
          .where({ municipality_id: member?.id, foreign_town_id: townId })
          .count({ n: '*' }),
      ).toEqual([{ n: 1 }]);
    } finally {
      await app.cleanup();
    }
  });
});
