import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, ImportResult } from '../../../shared/domain/import/report';
import { townNameKey } from '../../../shared/domain/text';
import { decodeText } from '../../../electron/core/services/import/read-file';
import { encodeSingleByte } from '../../support/import-corpus';
import { createTestApp, ok, SHARED_DATA_DIR, type TestApp } from '../../support/temp-db';

const MUNICIPALITIES = path.join(SHARED_DATA_DIR, 'cz-municipalities-2018.csv');
const PARTNERSHIPS = path.join(SHARED_DATA_DIR, 'cz-partnerships-smo-2013.tsv');
const present = existsSync(MUNICIPALITIES) && existsSync(PARTNERSHIPS);
if (!present) console.warn(`Skipping the real-data import tests: ${SHARED_DATA_DIR} is absent.`);

async function importVia(app: TestApp, kind: 'municipalities' | 'partnerships', file: string) {
  const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
  const report = await ok<ImportReport>(app.dispatch('import:preview', { kind, file: handle.file }));
  const result = await ok<ImportResult>(app.dispatch('import:commit', { previewId: report.previewId }));
  return { report, result };
}

const count = async (app: TestApp, table: string) =>
  Number((await app.ctx.db.knex(table).count<{ n: number }[]>({ n: '*' }).first())?.n ?? 0);

describe.skipIf(!present)('importing the real files of ../shared/data', () => {
  let app: TestApp;
  let municipalities: ImportReport;
  let partnerships: ImportReport;

  beforeAll(async () => {
    app = await createTestApp();
    municipalities = (await importVia(app, 'municipalities', MUNICIPALITIES)).report;
    partnerships = (await importVia(app, 'partnerships', PARTNERSHIPS)).report;
  }, 60_000);
  afterAll(async () => app.cleanup());

  it('imports all 6,259 municipalities with their 14 regions and 77 districts', async () => {
    expect(municipalities.format).toBe('municipalities2018');
    expect(municipalities.counts).toMatchObject({
      rows: 6259,
      add: 6259,
      invalid: 0,
      regionsAdded: 14,
      districtsAdded: 77,
    });
    expect(municipalities.issues).toEqual([]);
    expect(await count(app, 'municipalities')).toBe(6259);
    const praha = await app.ctx.db
      .knex('municipalities')
      .where({ code: '554782' })
      .first<{ name: string; postal_code: string; kind: string }>();
    // Post codes as the forms write them; the capital's kind known by law.
    expect(praha).toMatchObject({ name: 'Praha', postal_code: '110 00', kind: 'statutarni_mesto' });
    // The list states no kind: the statutory cities (and the capital) are known by law, every
    // other place is "not stated", never guessed.
    const kinds = await app.ctx.db
      .knex('municipalities')
      .groupBy('kind')
      .select<{ kind: string; n: number }[]>('kind', app.ctx.db.knex.raw('count(*) as n'));
    expect(Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]))).toEqual({
      statutarni_mesto: 27,
      unknown: 6259 - 27,
    });
    // Cities the list writes in capitals get the usual Czech case.
    const names = await app.ctx.db
      .knex('municipalities')
      .whereIn('code', ['569810', '598003', '554804', '554791'])
      .orderBy('code')
      .select<{ name: string; kind: string }[]>('name', 'kind');
    expect(names).toEqual([
      { name: 'Plzeň', kind: 'statutarni_mesto' },
      { name: 'Ústí nad Labem', kind: 'statutarni_mesto' },
      { name: 'Hradec Králové', kind: 'statutarni_mesto' },
      { name: 'Frýdek-Místek', kind: 'statutarni_mesto' },
    ]);
  });

  it('reports exactly the dirty rows the data README describes', () => {
    const byReason = (reason: string) => partnerships.issues.filter((i) => i.reason === reason);
    expect(partnerships.format).toBe('smo2013');
    expect(partnerships.counts.rows).toBe(966);
    // 80 rows with year 0: imported without a year, each reported on its line in column "rok".
    expect(byReason('import.issue.yearZero')).toHaveLength(80);
    expect(byReason('import.issue.yearZero').every((i) => i.column === 'rok' && i.severity === 'warning')).toBe(true);
    // One Excel date serial, one implausible year.
    expect(byReason('import.issue.excelSerial')).toEqual([
      { line: 77, column: 'rok', severity: 'warning', reason: 'import.issue.excelSerial', params: { value: '37546' } },
    ]);
    expect(byReason('import.issue.yearImplausible').map((i) => [i.line, i.params.value])).toEqual([[170, '1238']]);
    // Prague's placeholder ×14, resolved to Praha (554782) because the list contains it: reported.
    const prague = byReason('import.issue.praguePlaceholderResolved');
    expect(prague).toHaveLength(14);
    expect(
      prague.every((i) => i.params.value === 'S-111111' && i.params.code === '554782' && i.severity === 'info'),
    ).toBe(true);
    // The city district Brno-Líšeň ×1: refused, named.
    expect(byReason('import.issue.cityDistrict')).toEqual([
      {
        line: 576,
        column: 'kod1',
        severity: 'error',
        reason: 'import.issue.cityDistrict',
        params: { value: 'S-551287', name: 'Brno-Líšeň', city: 'Brno' },
      },
    ]);
    // The one real duplicate pair (same place, same town): merged and reported.
    expect(byReason('import.issue.duplicateMerged').map((i) => [i.line, i.params.firstLine, i.params.town])).toEqual([
      [463, 462, 'Žiar nad Hronom'],
    ]);
    // Town names that designate instead of name ("Gmina Bardo") or hold several places: said, kept.
    expect(byReason('import.issue.townDesignation')).toHaveLength(12);
    expect(byReason('import.issue.townDesignation').map((i) => i.params.value)).toContain('Gmina Bardo');
    expect(byReason('import.issue.townComma')).toHaveLength(8);
    expect(
      [...byReason('import.issue.townDesignation'), ...byReason('import.issue.townComma')].every(
        (i) => i.severity === 'info',
      ),
    ).toBe(true);
    // Nothing else: every country name is known, every other code is in the list.
    const explained = new Set([
      'import.issue.townDesignation',
      'import.issue.townComma',
      // Partner towns in capitals and towns the gazetteer does not know: said, kept or spelt
      // (tests/unit/core/import-partner-town-names.test.ts).
      'import.issue.townCapitals',
      'import.issue.townCapitalsSpelled',
      'import.issue.townNotInGazetteer',
      // Towns new to the registry that the gazetteer has by that name at the file's place: linked
      // (tests/unit/core/import-town-gazetteer-link.test.ts).
      'import.issue.townLinkedGazetteer',
      'import.issue.yearZero',
      'import.issue.excelSerial',
      'import.issue.yearImplausible',
      'import.issue.praguePlaceholderResolved',
      'import.issue.cityDistrict',
      'import.issue.duplicateMerged',
      'import.issue.coordinatesFar',
    ]);
    expect(partnerships.issues.filter((i) => !explained.has(i.reason))).toEqual([]);
    // Of the 909 partner towns, 610 are linked to the gazetteer by their name and place (33 more by
    // their Czech exonym): said once each, as information.
    const linked = byReason('import.issue.townLinkedGazetteer');
    expect(linked).toHaveLength(610);
    expect(new Set(linked.map((i) => i.params.value)).size).toBeGreaterThan(590);
    expect(linked.every((i) => i.severity === 'info' && i.column === 'obec2')).toBe(true);
    // Towns named by their Czech exonym take the gazetteer's place; the file's wrong coordinates
    // (Berlín and Norimberk 65 km west of Nürnberg, Paříž near Tours; Prague's Tchaj-pej, Kjóto and
    // Petrohrad far from the cities) are reported, not kept; the gazetteer's English names give way
    // to the local ones (Moskva, not Moscow).
    expect(byReason('import.issue.coordinatesFar').map((i) => [i.line, i.params.town])).toEqual([
      [955, 'Taipei'],
      [956, 'Paris'],
      [957, 'Kyoto'],
      [960, 'Frankfurt am Main'],
      [961, 'Nürnberg'],
      [962, 'Berlin'],
      [963, 'Moskva'],
      [964, 'Sankt-Peterburg'],
    ]);
    expect(partnerships.counts).toMatchObject({ add: 964, invalid: 1, merged: 1, resolved: 14, warnings: 90 });
  });

  it('the codes outside the municipality list are exactly Prague’s placeholder ×14 and Brno-Líšeň ×1', () => {
    const codes = new Set(
      readFileSync(MUNICIPALITIES, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[1]),
    );
    const outside = readFileSync(PARTNERSHIPS, 'utf8')
      .split('\n')
      .slice(1)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split('\t')[0]?.slice(2) ?? '')
      .filter((code) => !codes.has(code));
    expect(outside.length).toBe(15);
    const reported = partnerships.issues.filter(
      (i) => i.reason === 'import.issue.praguePlaceholderResolved' || i.reason === 'import.issue.cityDistrict',
    );
    expect(reported).toHaveLength(15);
  });

  it('wrote 964 partnerships and the audit log, one entry per new record', async () => {
    expect(await count(app, 'partnerships')).toBe(964);
    const svitavy = await app.ctx.db
      .knex('partnerships as p')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where({ 'm.name': 'Svitavy', 't.name': 'Žiar nad Hronom' })
      .select<{ started_on: string }[]>('p.started_on');
    // The file states a year: stored as the year, never as 1 January of it.
    expect(svitavy).toEqual([{ started_on: '1975' }]);
    const precisions = await app.ctx.db
      .knex('partnerships')
      .select(app.ctx.db.knex.raw('length(started_on) as n'))
      .count<{ n: number | null; c: number }[]>({ c: '*' })
      .groupByRaw('length(started_on)');
    expect(precisions.map((p) => [p.n === null ? null : Number(p.n), Number(p.c)])).toEqual([
      [null, 80 + 1 + 1],
      [4, 964 - 82],
    ]);
    const audit = await app.ctx.db
      .knex('audit_log')
      .where({ action: 'import', table_name: 'partnerships' })
      .count<{ n: number }[]>({ n: '*' });
    expect(Number(audit[0]?.n)).toBe(964);
  });

  it('a second import of both files changes nothing and says so', async () => {
    const before = await app.ctx.db.knex('audit_log').count<{ n: number }[]>({ n: '*' });
    const again = await importVia(app, 'municipalities', MUNICIPALITIES);
    expect(again.result.changed).toBe(false);
    expect(again.result.backup).toBeNull();
    expect(again.result.report.counts).toMatchObject({ add: 0, update: 0, unchanged: 6259 });
    const againP = await importVia(app, 'partnerships', PARTNERSHIPS);
    expect(againP.result.changed).toBe(false);
    expect(againP.result.report.counts).toMatchObject({ add: 0, update: 0, unchanged: 964, invalid: 1, merged: 1 });
    const after = await app.ctx.db.knex('audit_log').count<{ n: number }[]>({ n: '*' });
    expect(after).toEqual(before);
    expect(await count(app, 'partnerships')).toBe(964);
  });
});

describe.skipIf(!present)('the real files imported over the curated demo registry (default options)', () => {
  let app: TestApp;
  type Member = { code: string; name: string; kind: string; postal_code: string | null };
  let before: Member[];
  let municipalities: ImportReport;
  let partnerships: ImportReport;

  const members = () =>
    app.ctx.db
      .knex('municipalities')
      .whereNotNull('ico')
      .orderBy('code')
      .select<Member[]>('code', 'name', 'kind', 'postal_code');

  beforeAll(async () => {
    app = await createTestApp({ demo: true });
    before = await members();
    municipalities = (await importVia(app, 'municipalities', MUNICIPALITIES)).report;
    partnerships = (await importVia(app, 'partnerships', PARTNERSHIPS)).report;
  }, 60_000);
  afterAll(async () => app.cleanup());

  it("changes no demo member's name, kind or post code, and lists every filled value it kept", async () => {
    expect(before.length).toBeGreaterThan(30);
    expect(await members()).toEqual(before);
    expect(municipalities.counts.kept).toBeGreaterThan(0);
    const kept = municipalities.issues.filter((i) => i.reason === 'import.issue.keptExisting');
    expect(kept).toHaveLength(municipalities.counts.kept);
    // Děčín's post code differs in the file (40502): kept, and said so.
    expect(kept).toContainEqual(
      expect.objectContaining({ params: { field: 'postalCode', existing: '405 38', value: '405 02' } }),
    );
    // Capitals alone are not a difference.
    expect(kept.some((i) => i.params.field === 'name')).toBe(false);
  });

  it('never replaces a curated start date by the file’s year', async () => {
    const mayen = await app.ctx.db
      .knex('partnerships as p')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where({ 'm.code': '592005', 't.name': 'Mayen' })
      .first<{ started_on: string } | undefined>('p.started_on');
    expect(mayen?.started_on).toBe('1994-05-22');
    // The only updates fill a start date the registry did not have.
    expect(partnerships.updated.length).toBe(partnerships.counts.update);
    expect(partnerships.updated.flatMap((row) => row.changes).every((c) => c.from === null)).toBe(true);
    expect(partnerships.issues.filter((i) => i.reason === 'import.issue.keptExisting').length).toBe(
      partnerships.counts.kept,
    );
  });

  it('lists spellings that may be a demo town as possible duplicates, each once, undecided', () => {
    const listed = partnerships.possibleDuplicates;
    console.log(
      `possible duplicates in the 2013 file over the demo: ${String(listed.length)}`,
      listed.map((d) => `${d.name} ~ ${d.candidateName} (${d.reason}${d.km === null ? '' : `, ${String(d.km)} km`})`),
    );
    expect(new Set(listed.map((d) => `${d.countryCode}|${d.name}`)).size).toBe(listed.length);
    expect(listed.every((d) => d.decision === null && d.name !== d.candidateName)).toBe(true);
  });

  it('one town, one record: none of the twelve pairs the review found is duplicated', async () => {
    const rows = await app.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .select<{ member: string; country: string; townId: number; name: string; nameCs: string | null }[]>(
        'm.name as member',
        't.country_code as country',
        't.id as townId',
        't.name as name',
        't.name_cs as nameCs',
      );
    const seen = new Map<string, number>();
    const duplicates: string[] = [];
    for (const row of rows) {
      for (const spelling of new Set([row.name, row.nameCs].filter((n): n is string => n !== null))) {
        const key = `${row.member}|${row.country}|${townNameKey(spelling)}`;
        const other = seen.get(key);
        if (other !== undefined && other !== row.townId) duplicates.push(`${row.member} – ${spelling}`);
        seen.set(key, row.townId);
      }
    }
    expect(duplicates).toEqual([]);
    const reims = await app.ctx.db
      .knex('foreign_towns')
      .where({ country_code: 'FR' })
      .whereIn('name', ['Reims', 'Remeš']);
    expect(reims).toHaveLength(1);
    // A new town the file names by its Czech exonym gets its local name; the exonym is its Czech name.
    const berlin = await app.ctx.db
      .knex('foreign_towns')
      .where({ country_code: 'DE' })
      .whereIn('name', ['Berlin', 'Berlín'])
      .select<{ name: string; name_cs: string | null; latitude: number }[]>('name', 'name_cs', 'latitude');
    expect(berlin).toEqual([expect.objectContaining({ name: 'Berlin', name_cs: 'Berlín' })]);
    expect(berlin[0]?.latitude).toBeGreaterThan(52);
    expect(partnerships.issues).toContainEqual(
      expect.objectContaining({
        reason: 'import.issue.coordinatesFar',
        params: expect.objectContaining({ town: 'Berlin' }),
      }),
    );
  });

  it('invents no type or status: imported partnerships are "not stated" and statistics count them apart', async () => {
    const imported = await app.ctx.db
      .knex('partnerships')
      .where('source', 'like', 'import:%')
      .select<{ type: string; status: string }[]>('type', 'status');
    expect(imported.length).toBeGreaterThan(800);
    expect(imported.every((p) => p.type === 'unknown' && p.status === 'unknown')).toBe(true);
    const stats = await ok<{ total: { byStatus: Record<string, number>; byType: Record<string, number> } }>(
      app.dispatch('stats:compute', { filter: { membership: 'all' } }),
    );
    const demoFormal = await app.ctx.db
      .knex('partnerships')
      .whereNot('source', 'like', 'import:%')
      .where({ type: 'formal' })
      .count<{ n: number }[]>({ n: '*' });
    expect(stats.total.byType.formal).toBe(Number(demoFormal[0]?.n));
    expect(stats.total.byType.unknown).toBe(imported.length);
    expect(stats.total.byStatus.unknown).toBe(imported.length);
  });

  it('a second import of both files changes nothing', async () => {
    const again = await importVia(app, 'municipalities', MUNICIPALITIES);
    expect(again.result.changed).toBe(false);
    const againP = await importVia(app, 'partnerships', PARTNERSHIPS);
    expect(againP.result.changed).toBe(false);
    expect(await members()).toEqual(before);
  });
});

describe.skipIf(!present)('the real files in the single-byte encodings of Czech systems', () => {
  it('reads every name back, whether the file is Windows-1250 or ISO-8859-2, whatever else its lines hold', () => {
    const rows = readFileSync(MUNICIPALITIES, 'utf8').split('\n').slice(1).filter(Boolean);
    // Code and name only: a line holds no other letter to tell the encoding by ('Chrášťany', 'Píšť').
    const short = `Kód obce;Obec\r\n${rows.map((line) => line.split(',').slice(0, 2).reverse().join(';')).join('\r\n')}\r\n`;
    const files = [
      { text: short, encoding: 'windows-1250' },
      { text: short, encoding: 'iso-8859-2' },
      { text: readFileSync(MUNICIPALITIES, 'utf8'), encoding: 'iso-8859-2' },
      { text: readFileSync(PARTNERSHIPS, 'utf8'), encoding: 'windows-1250' },
    ] as const;
    for (const { text, encoding } of files) {
      const decoded = decodeText(encodeSingleByte(text, encoding));
      expect(decoded, `${encoding}: ${text.slice(0, 30)}`).toEqual({ text, encoding });
    }
  });
});
