import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, ImportResult } from '../../../shared/domain/import/report';
import { shownIssueParams } from '../../../shared/domain/import/shown';
import { translate } from '../../../shared/i18n';
import { CSU_HEADER, csuCode, csuRows, toCsv, writeEncoded, type Encoding } from '../../support/import-corpus';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => app.cleanup());

const open = async (file: string) =>
  (await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }))).file;

async function preview(
  kind: 'municipalities' | 'partnerships',
  file: string,
  mapping?: Record<string, string>,
  policy?: 'fillEmpty' | 'addOnly' | 'overwrite',
) {
  return ok<ImportReport>(
    app.dispatch('import:preview', {
      kind,
      file: await open(file),
      ...(mapping ? { mapping } : {}),
      ...(policy ? { policy } : {}),
    }),
  );
}
async function commit(report: ImportReport) {
  return ok<ImportResult>(app.dispatch('import:commit', { previewId: report.previewId }));
}
const municipality = (code: string) =>
  app.ctx.db
    .knex('municipalities as m')
    .leftJoin('districts as d', 'd.id', 'm.district_id')
    .leftJoin('regions as r', 'r.id', 'm.region_id')
    .where('m.code', code)
    .first<Record<string, unknown> | undefined>('m.*', 'd.code as district_code', 'r.code as region_code');

describe('encodings × delimiters × line ends (ČSÚ structure, columns reordered, an extra column)', () => {
  const header = ['navic', ...CSU_HEADER].reverse();
  const data = csuRows(3).map((row) => ['x', ...row].reverse());
  // Leading zeros must survive; names with every Czech diacritic, a delimiter and a line break.
  const first = data[0];
  if (first) {
    first[header.indexOf('obec_kod')] = '012343';
    first[header.indexOf('obec_text')] = 'Příliš žluťoučký kůň, "úpěl"; ďábelské ódy\nŇ';
  }
  const cases: [Encoding, string, string][] = [
    ['utf-8', ',', '\n'],
    ['utf-8-bom', ';', '\r\n'],
    ['windows-1250', ';', '\r\n'],
    ['windows-1250', '\t', '\n'],
    ['utf-8', '\t', '\r\n'],
    ['utf-8-bom', ',', '\n'],
  ];
  it.each(cases)('%s with %j and %j', async (encoding, delimiter, lineEnd) => {
    const file = writeEncoded(app.dir, `csu-${encoding}.csv`, toCsv([header, ...data], delimiter, lineEnd), encoding);
    const report = await preview('municipalities', file);
    expect(report).toMatchObject({ format: 'csu', encoding, delimiter, issues: [] });
    expect(report.counts).toMatchObject({ rows: 3, add: 3, invalid: 0 });
    await commit(report);
    expect(await municipality('012343')).toMatchObject({
      code: '012343',
      name: 'Příliš žluťoučký kůň, "úpěl"; ďábelské ódy\nŇ',
      orp_code: '1000',
      district_code: 'CZ0131',
      region_code: 'CZ013',
    });
  });
});

describe('a mapped file: dates, numbers and updates', () => {
  it('a new municipality with a membership start and no membership column is a member, not a former one', async () => {
    const rows = [
      ['Kód', 'Název', 'Členem od'],
      ['554782', 'Praha', '5. 3. 2004'],
      ['582786', 'Brno', ''],
    ];
    const file = writeEncoded(app.dir, 'clenove-od.csv', toCsv(rows, ';'), 'windows-1250');
    const report = await preview('municipalities', file, { code: 'Kód', name: 'Název', memberSince: 'Členem od' });
    expect(report.counts).toMatchObject({ add: 2, warnings: 0 });
    await commit(report);
    // The file says since when Praha is a member and nothing of an end: a member (the grid showed
    // "former member", which no file said). Brno: the file says nothing of membership.
    expect(await municipality('554782')).toMatchObject({ member_since: '2004-03-05', is_member: 1 });
    expect(await municipality('582786')).toMatchObject({ member_since: null, is_member: 0 });
  });

  it('keeps a membership start as precise as the file states it: a month stays a month, a year a year', async () => {
    const rows = [
      ['Kód', 'Název', 'Členem od'],
      ['554782', 'Praha', '5/1994'],
      ['582786', 'Brno', '1992-03'],
      ['555134', 'Pardubice', '2001'],
      ['000001', 'Nikde', '13/1994'],
    ];
    const file = writeEncoded(app.dir, 'clenove-mesic.csv', toCsv(rows, ';'), 'windows-1250');
    const report = await preview('municipalities', file, { code: 'Kód', name: 'Název', memberSince: 'Členem od' });
    // Only the month that does not exist is reported (and left out); no month was "not a date".
    expect(report.issues.map((i) => [i.line, i.column, i.reason])).toEqual([[5, 'Členem od', 'import.issue.date']]);
    await commit(report);
    expect(await municipality('554782')).toMatchObject({ member_since: '1994-05' });
    expect(await municipality('582786')).toMatchObject({ member_since: '1992-03' });
    expect(await municipality('555134')).toMatchObject({ member_since: '2001' });
    expect(await municipality('000001')).toMatchObject({ member_since: null });
  });

  it('reads D. M. YYYY, DD.MM.YYYY, ISO dates and decimal commas, and shows changed fields before → after', async () => {
    const rows = [
      ['Kód', 'Název', 'Obyvatel', 'Šířka', 'Délka', 'Členem od', 'Člen'],
      ['554782', 'Praha', '1 357 326', '50,0755', '14,4378', '5. 3. 2004', 'ano'],
      ['582786', 'Brno', '382\u00a0405', '49,1951', '16,6068', '01.02.2010', 'x'],
      ['555134', 'Pardubice', '91 727', '50.0343', '15.7812', '2001-09-30', 'ne'],
      ['000001', 'Nikde', '12,5', '95', 'abc', '37546', 'možná'],
    ];
    const mapping = {
      code: 'Kód',
      name: 'Název',
      population: 'Obyvatel',
      latitude: 'Šířka',
      longitude: 'Délka',
      memberSince: 'Členem od',
      isMember: 'Člen',
    };
    const file = writeEncoded(app.dir, 'clenove.csv', toCsv(rows, ';'), 'windows-1250');
    const unmapped = await preview('municipalities', file);
    expect(unmapped.needsMapping).toBe(true);
    expect(unmapped.header).toEqual(rows[0]);
    const report = await preview('municipalities', file, mapping);
    expect(report.format).toBe('mapped');
    expect(report.counts).toMatchObject({ add: 4, warnings: 1 });
    expect(report.issues.map((i) => [i.line, i.column, i.reason])).toEqual([
      [5, 'Obyvatel', 'import.issue.count'],
      [5, 'Šířka', 'import.issue.coordinate'],
      [5, 'Délka', 'import.issue.number'],
      [5, 'Členem od', 'import.issue.excelSerial'],
      [5, 'Člen', 'import.issue.yesNo'],
    ]);
    await commit(report);
    expect(await municipality('554782')).toMatchObject({
      population: 1357326,
      latitude: 50.0755,
      member_since: '2004-03-05',
      is_member: 1,
    });
    expect(await municipality('555134')).toMatchObject({ is_member: 0 });
    expect(await municipality('582786')).toMatchObject({ population: 382405, member_since: '2010-02-01' });
    expect(await municipality('555134')).toMatchObject({ latitude: 50.0343, member_since: '2001-09-30' });

    const changed = rows.map((row) => [...row]);
    const brno = changed[2];
    if (brno) brno[1] = 'Statutární město Brno';
    const second = await preview(
      'municipalities',
      writeEncoded(app.dir, 'clenove2.csv', toCsv(changed, ';'), 'utf-8'),
      mapping,
      // Replacing a filled name is the user's explicit choice (the default keeps filled values).
      'overwrite',
    );
    expect(second.counts).toMatchObject({ add: 0, update: 1, unchanged: 3 });
    expect(second.updated).toEqual([
      {
        line: 3,
        key: '582786',
        label: 'Statutární město Brno',
        changes: [{ field: 'name', from: 'Brno', to: 'Statutární město Brno' }],
      },
    ]);
    const result = await commit(second);
    expect(result.changed).toBe(true);
    const history = await ok<{ action: string; changes: { field: string; from: unknown; to: unknown }[] }[]>(
      app.dispatch('audit:history', { table: 'municipalities', recordId: Number((await municipality('582786'))?.id) }),
    );
    expect(history[0]).toMatchObject({
      action: 'import',
      changes: [{ field: 'name', from: 'Brno', to: 'Statutární město Brno' }],
    });
  });

  it('reads an XLSX workbook (numbers, dates and text cells)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Obce');
    sheet.addRow(['Kód obce', 'Obec', 'Kód okresu', 'Okres', 'Kód kraje', 'Kraj', 'PSČ', 'Latitude', 'Longitude']);
    sheet.addRow([
      554979,
      'Abertamy',
      'CZ0412',
      'Karlovy Vary',
      'CZ041',
      'Karlovarský kraj',
      '36235',
      50.368855,
      12.818377,
    ]);
    const file = path.join(app.dir, 'obce.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = await preview('municipalities', file);
    expect(report).toMatchObject({ encoding: 'xlsx', format: 'municipalities2018', issues: [] });
    await commit(report);
    expect(await municipality('554979')).toMatchObject({
      name: 'Abertamy',
      latitude: 50.368855,
      district_code: 'CZ0412',
    });
  });

  it('imports partnerships from a mapped table with Czech dates, reporting unknown places and countries', async () => {
    await commit(
      await preview('municipalities', writeEncoded(app.dir, 'm.csv', toCsv([CSU_HEADER, ...csuRows(2)], ','), 'utf-8')),
    );
    const rows = [
      ['Obec', 'Kód', 'Partner', 'Země', 'Od'],
      ['Obec č. 0 – Žďár', csuCode(0), 'Görlitz', 'Německo', '12. 5. 1998'],
      ['Obec č. 1 – Žďár', csuCode(1), 'Žilina', 'SK', '01.06.2001'],
      ['Obec č. 1 – Žďár', csuCode(1), 'Atlantis', 'Atlantida', ''],
      ['Nikde', '999997', 'Paris', 'Francie', ''],
      ['Praha', 'S-111111', 'Paříž', 'Francie', ''],
      // "SR" is Slovakia in Czech lists and Suriname as an ISO code; "NSR" is Germany.
      ['Obec č. 0 – Žďár', csuCode(0), 'Martin', 'SR', ''],
      ['Obec č. 1 – Žďár', csuCode(1), 'Bautzen', 'NSR', '1.1.1990'],
      // "UK" is no ISO code but the United Kingdom; "CR" is Costa Rica's code and "Česká republika".
      // A start known to the year only is kept as that year (the forms accept it too).
      ['Obec č. 1 – Žďár', csuCode(1), 'York', 'UK', '1992'],
      ['Obec č. 1 – Žďár', csuCode(1), 'Liberia', 'CR', ''],
    ];
    const mapping = {
      municipalityName: 'Obec',
      municipalityCode: 'Kód',
      townName: 'Partner',
      country: 'Země',
      startedOn: 'Od',
    };
    const report = await preview(
      'partnerships',
      writeEncoded(app.dir, 'p.csv', toCsv(rows, ';'), 'windows-1250'),
      mapping,
    );
    expect(report.counts).toMatchObject({ add: 4, invalid: 5, resolved: 0 });
    expect(report.issues.map((i) => [i.line, i.column, i.reason, i.params.value])).toEqual([
      [4, 'Země', 'import.issue.unknownCountry', 'Atlantida'],
      [5, 'Kód', 'import.issue.unknownMunicipality', '999997'],
      // Prague's placeholder is resolved only when the registry has Praha (554782); here it has not.
      [6, 'Kód', 'import.issue.praguePlaceholder', 'S-111111'],
      [7, 'Země', 'import.issue.ambiguousCountry', 'SR'],
      [10, 'Země', 'import.issue.ambiguousCountry', 'CR'],
    ]);
    const ambiguous = report.issues.find((issue) => issue.reason === 'import.issue.ambiguousCountry');
    expect(shownIssueParams(ambiguous?.params ?? {}, 'cs').countries).toBe('Slovensko (SK) nebo Surinam (SR)');
    await commit(report);
    const started = await app.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .orderBy('started_on')
      .select('started_on', 't.country_code');
    expect(started).toEqual([
      { started_on: '1990-01-01', country_code: 'DE' },
      { started_on: '1992', country_code: 'GB' },
      { started_on: '1998-05-12', country_code: 'DE' },
      { started_on: '2001-06-01', country_code: 'SK' },
    ]);
  });
});

describe('the ČSÚ check digit of a municipality code (walkthrough 20: a typo created a municipality)', () => {
  const mapping = { code: 'Kód', name: 'Název', population: 'Obyvatel' };
  const file = (name: string, rows: string[][]) =>
    writeEncoded(app.dir, name, toCsv([['Kód', 'Název', 'Obyvatel'], ...rows], ';'), 'utf-8');

  it('refuses a new code that fails it, naming the digit it would need; imports the rest', async () => {
    const report = await preview(
      'municipalities',
      file('preklep.csv', [
        ['999998', 'Nová Ves u Nikde', '120'],
        ['999997', 'Nová Ves u Někde', '130'],
      ]),
      mapping,
    );
    expect(report.counts).toMatchObject({ rows: 2, add: 1, invalid: 1 });
    expect(report.issues).toEqual([
      {
        line: 2,
        column: 'Kód',
        severity: 'error',
        reason: 'import.issue.municipalityCodeCheck',
        params: { value: '999998', digit: '7' },
      },
    ]);
    const [issue] = report.issues;
    expect(issue && translate('cs', issue.reason, issue.params)).toBe(
      'kód obce 999998 nemá platnou kontrolní číslici ČSÚ (poslední číslice by byla 7); zkontrolujte ho',
    );
    expect(issue && translate('en', issue.reason, issue.params)).toBe(
      'municipality code 999998 does not have a valid ČSÚ check digit (the last digit would be 7); check it',
    );
    await commit(report);
    expect(await municipality('999998')).toBeUndefined();
    expect(await municipality('999997')).toMatchObject({ name: 'Nová Ves u Někde', population: 130 });
  });

  it('matches a code the registry already holds as before, whatever its check digit', async () => {
    // Stored before the rule (an older import): the file still updates it, never refuses it.
    await app.ctx.db.knex('municipalities').insert({
      code: '999998',
      name: 'Nová Ves u Nikde',
      kind: 'obec',
      is_member: false,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    const report = await preview('municipalities', file('znovu.csv', [['999998', 'Nová Ves u Nikde', '120']]), mapping);
    expect(report.counts).toMatchObject({ rows: 1, add: 0, update: 1, invalid: 0 });
    expect(report.issues).toEqual([]);
    await commit(report);
    expect(await municipality('999998')).toMatchObject({ population: 120 });
  });

  it('a partnership of a code the registry lacks says the code is invalid when it fails the check', async () => {
    const rows = [
      ['Obec', 'Kód', 'Partner', 'Země'],
      ['Nová Ves u Nikde', '999998', 'Görlitz', 'Německo'],
      ['Nová Ves u Někde', '999997', 'Bautzen', 'Německo'],
    ];
    const report = await preview('partnerships', writeEncoded(app.dir, 'p.csv', toCsv(rows, ';'), 'utf-8'), {
      municipalityName: 'Obec',
      municipalityCode: 'Kód',
      townName: 'Partner',
      country: 'Země',
    });
    expect(report.counts).toMatchObject({ add: 0, invalid: 2 });
    expect(report.issues.map((i) => [i.line, i.reason, i.params])).toEqual([
      [2, 'import.issue.unknownInvalidMunicipality', { value: '999998', name: 'Nová Ves u Nikde', digit: '7' }],
      [3, 'import.issue.unknownMunicipality', { value: '999997', name: 'Nová Ves u Někde' }],
    ]);
    expect(translate('cs', report.issues[0]?.reason ?? '', report.issues[0]?.params)).toBe(
      'kód obce 999998 (Nová Ves u Nikde) je neplatný: nemá platnou kontrolní číslici ČSÚ (poslední číslice by byla 7) a v registru není; zkontrolujte ho',
    );
  });
});

describe('broken files', () => {
  it('reports rows with the wrong number of columns by line and imports the rest', async () => {
    const text = toCsv([CSU_HEADER, ...csuRows(3)], ',') + '1,2\n';
    const lines = text.split('\r\n');
    lines[2] = `${lines[2] ?? ''},extra`;
    const report = await preview('municipalities', writeEncoded(app.dir, 'cols.csv', lines.join('\r\n'), 'utf-8'));
    expect(report.counts).toMatchObject({ add: 2, invalid: 2 });
    expect(report.issues).toEqual([
      {
        line: 3,
        column: '',
        severity: 'error',
        reason: 'import.issue.columnCount',
        params: { expected: 9, actual: 10 },
      },
      {
        line: 5,
        column: '',
        severity: 'error',
        reason: 'import.issue.columnCount',
        params: { expected: 9, actual: 2 },
      },
    ]);
  });

  it('refuses binary garbage, an empty file and a broken XLSX with a reason, writing nothing', async () => {
    const garbage = path.join(app.dir, 'garbage.csv');
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7919) % 256;
    writeFileSync(garbage, bytes);
    const empty = path.join(app.dir, 'empty.csv');
    writeFileSync(empty, '');
    const blank = path.join(app.dir, 'blank.csv');
    writeFileSync(blank, '\r\n \r\n');
    const zip = path.join(app.dir, 'broken.xlsx');
    writeFileSync(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]));
    for (const [file, reason] of [
      [garbage, 'import.error.binary'],
      [empty, 'import.error.empty'],
      [blank, 'import.error.empty'],
      [zip, 'import.error.xlsx'],
    ] as const) {
      const result = await app.dispatch('import:preview', { kind: 'municipalities', file: await open(file) });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason } } });
    }
    expect(await app.ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 0 }]);
  });

  it('reads a 20 MB file', async () => {
    // 90,000 municipalities (there are only 100,000 codes with a valid check digit), each row made
    // longer by a column the import does not read, to pass 20 MB.
    const note = 'Poznámka, kterou import nečte: '.padEnd(170, 'ž');
    const rows = csuRows(90_000).map((row) => [...row, note]);
    const text = toCsv([[...CSU_HEADER, 'poznamka'], ...rows], ';');
    expect(Buffer.byteLength(text)).toBeGreaterThan(20 * 1024 * 1024);
    const report = await preview('municipalities', writeEncoded(app.dir, 'big.csv', text, 'utf-8'));
    expect(report.counts).toMatchObject({ rows: 90_000, add: 90_000, invalid: 0 });
    expect(report.added).toHaveLength(report.sampleLimit);
  }, 60_000);

  it('refuses a file that is not a table type and a handle it does not know', async () => {
    expect(await app.dispatch('import:openDropped', { path: path.join(app.dir, 'x.exe') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(
      await app.dispatch('import:preview', { kind: 'municipalities', file: 'upload:../../etc/passwd' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
