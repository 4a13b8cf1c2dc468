import { describe, expect, it } from 'vitest';
import {
  unreadableDateMessage,
  certainlyBefore,
  datePrecision,
  editablePartialDate,
  formatPartialDate,
  lessPrecise,
  parsePartialDate,
} from '../../../shared/domain/dates';
import { partialDate } from '../../../shared/domain/date-schema';

describe('dates at their precision', () => {
  it('knows the precision of a stored date and refuses what is no date', () => {
    expect(datePrecision('1994-05-22')).toBe('day');
    expect(datePrecision('1994-05')).toBe('month');
    expect(datePrecision('1994')).toBe('year');
    for (const bad of ['1994-13', '1994-02-30', '94', '1994-5', '', '1994-05-22T00:00']) {
      expect(datePrecision(bad)).toBeNull();
      expect(partialDate.safeParse(bad).success).toBe(false);
    }
  });

  it('reads what people type at the precision they typed', () => {
    expect(parsePartialDate('22. 5. 1994')).toBe('1994-05-22');
    expect(parsePartialDate('22.5.1994')).toBe('1994-05-22');
    expect(parsePartialDate('22/05/1994')).toBe('1994-05-22');
    expect(parsePartialDate('1994-05-22')).toBe('1994-05-22');
    expect(parsePartialDate('5/1994')).toBe('1994-05');
    expect(parsePartialDate('5. 1994')).toBe('1994-05');
    expect(parsePartialDate('1994-05')).toBe('1994-05');
    expect(parsePartialDate(' 1997 ')).toBe('1997');
    expect(parsePartialDate('31. 2. 1994')).toBeNull();
    expect(parsePartialDate('13/1994')).toBeNull();
    expect(parsePartialDate('jaro 1994')).toBeNull();
  });

  it('shows a year as a year and a month as a month, never as its first day', () => {
    expect(formatPartialDate('1997', 'cs')).toBe('1997');
    expect(formatPartialDate('1997', 'en')).toBe('1997');
    expect(formatPartialDate('1997-05', 'cs')).toBe('květen 1997');
    expect(formatPartialDate('1997-05', 'en')).toBe('May 1997');
    expect(formatPartialDate('1994-05-22', 'cs')).toBe('22. 5. 1994');
    // With the month's name: "05/12/2026" is 12 May to an American reader.
    expect(formatPartialDate('1994-05-22', 'en')).toBe('22 May 1994');
    expect(formatPartialDate('2026-12-05', 'en')).toBe('5 Dec 2026');
    expect(formatPartialDate(null, 'cs')).toBe('');
  });

  it('edits a date in a form it reads back unchanged', () => {
    for (const value of ['1994-05-22', '1994-05', '1994'])
      for (const language of ['cs', 'en'] as const)
        expect(parsePartialDate(editablePartialDate(value, language))).toBe(value);
    expect(editablePartialDate('1994-05-22', 'cs')).toBe('22. 5. 1994');
    // English fields show a date as the English screens do (walkthrough 19: ISO under "e.g. 22 May 2026").
    expect(editablePartialDate('1994-05-22', 'en')).toBe('22 May 1994');
    expect(editablePartialDate('2026-12-05', 'en')).toBe('5 Dec 2026');
    expect(editablePartialDate('1994-05', 'en')).toBe('May 1994');
    expect(editablePartialDate('1994', 'en')).toBe('1994');
  });

  it('compares dates at the coarser precision and ranks precision', () => {
    expect(certainlyBefore('1996', '1997-05-22')).toBe(true);
    expect(certainlyBefore('1997', '1997-05-22')).toBe(false);
    expect(certainlyBefore('1997-05-22', '1997')).toBe(false);
    expect(certainlyBefore('1997-04-30', '1997-05')).toBe(true);
    expect(lessPrecise('2008', '1994-05-22')).toBe(true);
    expect(lessPrecise('1994-05-22', '2008')).toBe(false);
    expect(lessPrecise('1994-05', '1994')).toBe(false);
  });
});

describe('why a date cannot be read', () => {
  it('says a day the calendar lacks is no such day, and gives the forms for anything else', () => {
    for (const text of ['31. 2. 2010', '30/2/2010', '2023-02-29', '31. 4. 2020'])
      expect([text, parsePartialDate(text), unreadableDateMessage(text)]).toEqual([text, null, 'validation.noSuchDay']);
    for (const text of ['32. 1. 2010', '1. 13. 2010', 'loni', '2010-13-01', '5. 13. 1994'])
      expect([text, parsePartialDate(text), unreadableDateMessage(text)]).toEqual([
        text,
        null,
        'validation.partialDate',
      ]);
  });
});

describe('dates written with the month’s name, as the screens show them', () => {
  it('reads English and Czech month names at the precision written', () => {
    expect(parsePartialDate('22 May 2026')).toBe('2026-05-22');
    expect(parsePartialDate('2 Dec 2026')).toBe('2026-12-02');
    expect(parsePartialDate('May 22, 2026')).toBe('2026-05-22');
    expect(parsePartialDate('Sept 3, 2020')).toBe('2020-09-03');
    expect(parsePartialDate('22. května 1994')).toBe('1994-05-22');
    expect(parsePartialDate('22. kvetna 1994')).toBe('1994-05-22');
    expect(parsePartialDate('květen 1994')).toBe('1994-05');
    expect(parsePartialDate('May 1994')).toBe('1994-05');
  });

  it('reads back what the screens write, and refuses a day the calendar lacks or a word that is no month', () => {
    for (const value of ['1994-05-22', '1994-05', '2026-12-02'])
      for (const language of ['cs', 'en'] as const)
        expect(parsePartialDate(formatPartialDate(value, language))).toBe(value);
    expect(parsePartialDate('31 Feb 2020')).toBeNull();
    expect(parsePartialDate('22 Mai 2026')).toBeNull();
    expect(parsePartialDate('soon 2026')).toBeNull();
  });
});
