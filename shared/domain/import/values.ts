/**
 * Conversions of imported text cells. Each returns a value or a reason (an i18n key under
 * `import.issue.*`), never a guess: a cell that cannot be read is reported, not invented.
 */
import { parsePartialDate } from '../dates';

export type Parsed<T> =
  { ok: true; value: T } | { ok: false; reason: string; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string, params?: Record<string, string | number>): Parsed<never> =>
  params === undefined ? { ok: false, reason } : { ok: false, reason, params };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const isRealDay = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** First and last year a twinning or membership date may plausibly have. */
export const MIN_YEAR = 1900;
export const maxYear = (today: Date = new Date()): number => today.getUTCFullYear() + 1;

/**
 * A date as `YYYY-MM-DD` from `DD.MM.YYYY`, `D. M. YYYY` (spaces optional), ISO `YYYY-MM-DD`
 * (a time part is ignored) or a `Date` (XLSX). Numbers that look like Excel serials are reported.
 */
export function parseDate(raw: string): Parsed<string> {
  const text = raw.trim();
  const czech = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (czech) {
    day = Number(czech[1]);
    month = Number(czech[2]);
    year = Number(czech[3]);
  } else if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else if (/^\d{5}(?:[.,]\d+)?$/.test(text)) {
    return fail('import.issue.excelSerial', { value: text });
  } else {
    return fail('import.issue.date', { value: text });
  }
  if (!isRealDay(year, month, day)) {
    // The form is right but the calendar has no such day (31 February, 29 February 2023): said so,
    // with the month's length, not as a wrong format (walkthrough 27: the user compared formats).
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
      return fail('import.issue.noSuchDay', {
        value: text,
        month: `${pad(year, 4)}-${pad(month)}`,
        days: new Date(Date.UTC(year, month, 0)).getUTCDate(),
      });
    return fail('import.issue.date', { value: text });
  }
  return ok(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
}

/**
 * The day of a partnership or a membership (`parseDate`) within MIN_YEAR..next year, as a year of
 * one is (`parseYear`): "1. 5. 2109" is a slip, reported and left empty, never stored.
 */
export function parseEventDate(raw: string, today: Date = new Date()): Parsed<string> {
  const parsed = parseDate(raw);
  if (!parsed.ok) return parsed;
  const year = Number(parsed.value.slice(0, 4));
  if (year < MIN_YEAR || year > maxYear(today))
    return fail('import.issue.dateImplausible', {
      value: raw.trim(),
      min: String(MIN_YEAR),
      max: String(maxYear(today)),
    });
  return parsed;
}

/**
 * When a partnership began, as precise as the file states it: a day (as `parseEventDate`), or a
 * month ("5/1985", "1985-05") or a year alone ("2009"), kept as that month or year, as the forms
 * keep them; never a day made up. Implausible years are refused as for a date.
 */
export function parseEventPartialDate(raw: string, today: Date = new Date()): Parsed<string> {
  const text = raw.trim();
  const day = parseEventDate(text, today);
  if (day.ok || !/^(\d{4}|\d{1,2}\/\d{4}|\d{4}-\d{2})$/.test(text)) return day;
  const partial = parsePartialDate(text);
  if (partial === null) return day;
  const year = Number(partial.slice(0, 4));
  if (year < MIN_YEAR || year > maxYear(today))
    return fail('import.issue.dateImplausible', { value: text, min: String(MIN_YEAR), max: String(maxYear(today)) });
  return { ok: true, value: partial };
}

/**
 * A year of a partnership: 4 digits within MIN_YEAR..next year. `0` means unknown in real files
 * and is reported as such; a 5-digit number is an Excel date serial, reported, not converted.
 */
export function parseYear(raw: string, today: Date = new Date()): Parsed<number> {
  const text = raw.trim();
  if (/^0+$/.test(text)) return fail('import.issue.yearZero');
  if (/^\d{5}$/.test(text)) return fail('import.issue.excelSerial', { value: text });
  if (!/^\d{1,4}$/.test(text)) {
    const date = parseDate(text);
    if (date.ok) return parseYear(date.value.slice(0, 4), today);
    // A whole date the calendar does not have says so, as in a date's column.
    if (date.reason === 'import.issue.noSuchDay') return date;
    return fail('import.issue.year', { value: text });
  }
  const year = Number(text);
  if (year < MIN_YEAR || year > maxYear(today)) {
    return fail('import.issue.yearImplausible', { value: text, min: String(MIN_YEAR), max: String(maxYear(today)) });
  }
  return ok(year);
}

/**
 * A number written the Czech way or the English way: `12 345,67`, `12345.67`, `1.234,5`,
 * non-breaking and thin spaces as thousands separators.
 */
export function parseNumber(raw: string): Parsed<number> {
  let text = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return fail('import.issue.number', { value: raw });
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    // The later separator is the decimal one; the other groups thousands.
    text = comma > dot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (comma >= 0) {
    text = text.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return fail('import.issue.number', { value: raw });
  const value = Number(text);
  return Number.isFinite(value) ? ok(value) : fail('import.issue.number', { value: raw });
}

/** A whole, non-negative number (population). */
export function parseCount(raw: string): Parsed<number> {
  const parsed = parseNumber(raw);
  if (!parsed.ok) return parsed;
  if (!Number.isInteger(parsed.value) || parsed.value < 0) return fail('import.issue.count', { value: raw });
  return parsed;
}

/** A coordinate within bounds (latitude ±90, longitude ±180). */
export function parseCoordinate(raw: string, bound: 90 | 180): Parsed<number> {
  const parsed = parseNumber(raw);
  if (!parsed.ok) return parsed;
  if (Math.abs(parsed.value) > bound) return fail('import.issue.coordinate', { value: raw });
  return parsed;
}

/** Yes/no as Czech and English tables write it: ano/ne, a/n, yes/no, 1/0, true/false, x/(empty). */
export function parseYesNo(raw: string): Parsed<boolean> {
  const text = raw.trim().toLocaleLowerCase('cs');
  if (['ano', 'a', 'yes', 'y', '1', 'true', 'pravda', 'x', 'člen', 'clen'].includes(text)) return ok(true);
  if (['ne', 'n', 'no', '0', 'false', 'nepravda', '-', 'nečlen', 'necl', 'neclen'].includes(text)) return ok(false);
  return fail('import.issue.yesNo', { value: raw });
}
