import { translate, translatePlural } from '../../../shared/i18n/index';
import { shownIssueParams } from '../../../shared/domain/import/shown';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, looksBinary, parseCsv } from '../../../shared/domain/import/csv';
import { applyMapping, detectFormat } from '../../../shared/domain/import/formats';
import {
  parseDate,
  parseEventDate,
  parseEventPartialDate,
  parseNumber,
  parseYear,
} from '../../../shared/domain/import/values';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, keeping line numbers', () => {
    const text = 'kod;nazev;pozn\r\n001234;"Lhota; u Brna";"řekl ""ano""\r\na odešel"\r\n\r\n000002;Ves;\n';
    const records = parseCsv(text, ';');
    expect(records).toEqual([
      { line: 1, cells: ['kod', 'nazev', 'pozn'] },
      { line: 2, cells: ['001234', 'Lhota; u Brna', 'řekl "ano"\r\na odešel'] },
      { line: 5, cells: ['000002', 'Ves', ''] },
    ]);
  });

  it('handles a last line without a line end and lone CR line ends', () => {
    expect(parseCsv('a,b\rc,d', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
    ]);
  });

  it('detects comma, semicolon and tab', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb, c\n1\t2, 3\n')).toBe('\t');
    expect(detectDelimiter('"x;y",b\n"1;2",3\n')).toBe(',');
  });

  it('recognises binary content', () => {
    expect(looksBinary('PK\u0003\u0004\u0000\u0000')).toBe(true);
    expect(looksBinary('obec;kód\nLhota;001\n')).toBe(false);
  });
});

describe('values', () => {
  it('reads dates as DD.MM.YYYY, D. M. YYYY and ISO; reports Excel serials and impossible days', () => {
    expect(parseDate('05.03.2004')).toEqual({ ok: true, value: '2004-03-05' });
    expect(parseDate('5. 3. 2004')).toEqual({ ok: true, value: '2004-03-05' });
    expect(parseDate('5.3.2004')).toEqual({ ok: true, value: '2004-03-05' });
    expect(parseDate('2004-03-05')).toEqual({ ok: true, value: '2004-03-05' });
    expect(parseDate('2004-03-05T00:00:00.000Z')).toEqual({ ok: true, value: '2004-03-05' });
    expect(parseDate('31.02.2004')).toMatchObject({ ok: false, reason: 'import.issue.noSuchDay' });
    expect(parseDate('37546')).toMatchObject({ ok: false, reason: 'import.issue.excelSerial' });
  });

  it("says of a day the calendar lacks that there is no such day, with the month's length (walkthrough 27, 6)", () => {
    const said = (raw: string, language: 'cs' | 'en') => {
      const parsed = parseDate(raw);
      return parsed.ok
        ? parsed.value
        : translate(language, parsed.reason, shownIssueParams(parsed.params ?? {}, language));
    };
    expect(said('31. 2. 2010', 'cs')).toBe('„31. 2. 2010“: takový den neexistuje (únor 2010 má 28 dní)');
    expect(said('31. 2. 2010', 'en')).toBe('“31. 2. 2010”: there is no such day (February 2010 has 28 days)');
    expect(said('2010-02-30', 'cs')).toBe('„2010-02-30“: takový den neexistuje (únor 2010 má 28 dní)');
    expect(said('2010-02-30', 'en')).toBe('“2010-02-30”: there is no such day (February 2010 has 28 days)');
    expect(said('29. 2. 2023', 'cs')).toBe('„29. 2. 2023“: takový den neexistuje (únor 2023 má 28 dní)');
    expect(said('29.02.2023', 'en')).toBe('“29.02.2023”: there is no such day (February 2023 has 28 days)');
    expect(said('31. 4. 2010', 'cs')).toBe('„31. 4. 2010“: takový den neexistuje (duben 2010 má 30 dní)');
    expect(said('29. 2. 2024', 'cs')).toBe('2024-02-29');
    // Not a day and a month at all: the forms a date takes are named, as before.
    expect(said('32. 1. 2010', 'cs')).toBe('„32. 1. 2010“ není datum (DD.MM.RRRR, D. M. RRRR nebo RRRR-MM-DD)');
    expect(said('1. 13. 2010', 'cs')).toBe('„1. 13. 2010“ není datum (DD.MM.RRRR, D. M. RRRR nebo RRRR-MM-DD)');
    // The same through a start that may be partial and a year's column.
    const today = new Date('2026-01-01T00:00:00Z');
    expect(parseEventPartialDate('31. 2. 2010', today)).toMatchObject({
      ok: false,
      reason: 'import.issue.noSuchDay',
      params: { value: '31. 2. 2010', month: '2010-02', days: 28 },
    });
    expect(parseYear('29. 2. 2023', today)).toMatchObject({ ok: false, reason: 'import.issue.noSuchDay' });
  });

  it('counts the rows an import refused in Czech plural forms (walkthrough 27, 3)', () => {
    expect([1, 2, 4, 5, 22].map((n) => translatePlural('cs', 'import.doneInvalid', n))).toEqual([
      '1 řádek se kvůli chybě neimportoval.',
      '2 řádky se kvůli chybám neimportovaly.',
      '4 řádky se kvůli chybám neimportovaly.',
      '5 řádků se kvůli chybám neimportovalo.',
      '22 řádků se kvůli chybám neimportovalo.',
    ]);
    expect([1, 3].map((n) => translatePlural('en', 'import.doneInvalid', n))).toEqual([
      '1 row was not imported because of an error.',
      '3 rows were not imported because of errors.',
    ]);
  });

  it('reads numbers with decimal comma and thousands spaces', () => {
    expect(parseNumber('12 345,67')).toEqual({ ok: true, value: 12345.67 });
    expect(parseNumber('12\u00a0345')).toEqual({ ok: true, value: 12345 });
    expect(parseNumber('1.234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('1,234.5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('50.368855')).toEqual({ ok: true, value: 50.368855 });
    expect(parseNumber('-0,5')).toEqual({ ok: true, value: -0.5 });
    expect(parseNumber('abc').ok).toBe(false);
  });

  it('reports year 0, Excel serials and implausible years instead of guessing', () => {
    const today = new Date('2026-01-01T00:00:00Z');
    expect(parseYear('2009', today)).toEqual({ ok: true, value: 2009 });
    expect(parseYear('0', today)).toMatchObject({ ok: false, reason: 'import.issue.yearZero' });
    expect(parseYear('37546', today)).toMatchObject({ ok: false, reason: 'import.issue.excelSerial' });
    expect(parseYear('1238', today)).toMatchObject({ ok: false, reason: 'import.issue.yearImplausible' });
    // The range is said as years ("1900–2026"), never as quantities ("1 900–2 026").
    const implausible = parseYear('1238', today);
    expect(implausible.ok ? null : translate('cs', implausible.reason, implausible.params)).toBe(
      `rok 1238 není věrohodný (čekáme 1900–${String(today.getUTCFullYear() + 1)}); zůstane prázdný`,
    );
    expect(parseYear('2099', today)).toMatchObject({ ok: false, reason: 'import.issue.yearImplausible' });
    expect(parseYear('12.5.1998', today)).toEqual({ ok: true, value: 1998 });
  });

  it('reports a whole date of an implausible year as a year is reported (review: 1. 5. 2109 was stored)', () => {
    const today = new Date('2026-01-01T00:00:00Z');
    expect(parseEventDate('1. 5. 1997', today)).toEqual({ ok: true, value: '1997-05-01' });
    const slip = parseEventDate('1. 5. 2109', today);
    expect(slip).toMatchObject({ ok: false, reason: 'import.issue.dateImplausible' });
    expect(slip.ok ? null : translate('cs', slip.reason, slip.params)).toBe(
      'datum 1. 5. 2109 není věrohodné (čekáme rok 1900–2027); zůstane prázdné',
    );
    expect(parseEventDate('1899-12-31', today)).toMatchObject({ ok: false, reason: 'import.issue.dateImplausible' });
    expect(parseEventDate('31. 2. 2000', today)).toMatchObject({ ok: false, reason: 'import.issue.noSuchDay' });
  });

  it('keeps a start stated as a month or a year as that, as the forms do (walkthrough: "2009" was refused)', () => {
    const today = new Date('2026-01-01T00:00:00Z');
    expect(parseEventPartialDate('2009', today)).toEqual({ ok: true, value: '2009' });
    expect(parseEventPartialDate('5/1985', today)).toEqual({ ok: true, value: '1985-05' });
    expect(parseEventPartialDate('1985-05', today)).toEqual({ ok: true, value: '1985-05' });
    expect(parseEventPartialDate('12. 5. 1998', today)).toEqual({ ok: true, value: '1998-05-12' });
    expect(parseEventPartialDate('2109', today)).toMatchObject({ ok: false, reason: 'import.issue.dateImplausible' });
    expect(parseEventPartialDate('13/1985', today)).toMatchObject({ ok: false, reason: 'import.issue.date' });
    expect(parseEventPartialDate('37546', today)).toMatchObject({ ok: false, reason: 'import.issue.excelSerial' });
    expect(parseEventPartialDate('jaro 1985', today)).toMatchObject({ ok: false, reason: 'import.issue.date' });
  });
});

describe('formats', () => {
  it('recognises the ČSÚ structure in any column order with extra columns', () => {
    const header = [
      'kraj_text',
      'navic',
      'okres_csu_cis101_lau_kod',
      'obec_text',
      'OBEC_KOD',
      'kraj_csu_cis108_nuts_kod',
    ];
    const found = detectFormat('municipalities', header);
    expect(found?.format).toBe('csu');
    expect(found?.columns.code).toEqual([4]);
    expect(found?.columns.name).toEqual([3]);
    expect(found?.columns.districtCode).toEqual([2]);
    expect(detectFormat('partnerships', header)).toBeNull();
  });

  it('applies a mapping and names what is missing', () => {
    const header = ['Kód', 'Název obce'];
    expect(applyMapping('municipalities', header, { code: 'kód', name: 'Název obce' })).toEqual({
      columns: { code: [0], name: [1] },
      problems: [],
    });
    expect(applyMapping('municipalities', header, { code: 'Kód', name: 'Jméno', bogus: 'Kód' }).problems).toEqual([
      { field: 'name', reason: 'import.mapping.missingColumn' },
      { field: 'bogus', reason: 'import.mapping.unknownField' },
    ]);
  });
});
