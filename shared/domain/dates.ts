import type { UiLanguage } from './codes';

/**
 * Dates known to a day, a month or only a year. The stored form is ISO 8601 at the precision the
 * source states: `1994-05-22`, `1994-05` or `1994`. The text itself carries the precision, so a
 * year is never turned into "1. 1. 1997", strings sort chronologically, and a year's partnerships
 * are those whose date starts with the year.
 */
export type DatePrecision = 'day' | 'month' | 'year';

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const isRealDay = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** The precision of a stored date, or null if the text is not one. */
export function datePrecision(value: string): DatePrecision | null {
  const match = PARTIAL.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  if (m === undefined) return 'year';
  const month = Number(m);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return 'month';
  return isRealDay(Number(y), month, Number(d)) ? 'day' : null;
}

const RANK: Record<DatePrecision, number> = { year: 1, month: 2, day: 3 };

/** True when `candidate` states less than `kept` (a year against a day): it must not replace it. */
export const lessPrecise = (candidate: string, kept: string): boolean =>
  RANK[datePrecision(candidate) ?? 'day'] < RANK[datePrecision(kept) ?? 'day'];

/**
 * Whether `a` is certainly before `b`. Dates of different precision are compared at the coarser
 * one: "1997" is not before "1997-05-22" (it may be the same day), "1996" is.
 */
export function certainlyBefore(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length) < b.slice(0, length);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Month names as the screens write them, folded (no case, no diacritics): English and Czech. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['january', 'jan', 'leden', 'ledna'],
    ['february', 'feb', 'unor', 'unora'],
    ['march', 'mar', 'brezen', 'brezna'],
    ['april', 'apr', 'duben', 'dubna'],
    ['may', 'kveten', 'kvetna'],
    ['june', 'jun', 'cerven', 'cervna'],
    ['july', 'jul', 'cervenec', 'cervence'],
    ['august', 'aug', 'srpen', 'srpna'],
    ['september', 'sep', 'sept', 'zari'],
    ['october', 'oct', 'rijen', 'rijna'],
    ['november', 'nov', 'listopad', 'listopadu'],
    ['december', 'dec', 'prosinec', 'prosince'],
  ].flatMap((names, index) => names.map((name): [string, number] => [name, index + 1])),
);
const monthOf = (word: string): number | undefined =>
  MONTHS.get(word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, ''));

/**
 * A date written with its month's name, as the screens show dates: "22 May 1994", "May 22, 1994",
 * "22. května 1994", "May 1994", "květen 1994". Null when the text is not so written.
 */
function namedMonthDate(text: string): string | null {
  const dayFirst = /^(\d{1,2})\.?\s+(\p{L}+\.?)\s*,?\s+(\d{4})$/u.exec(text);
  const monthFirst = /^(\p{L}+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(text);
  const [day, name, year] = dayFirst
    ? [dayFirst[1], dayFirst[2], dayFirst[3]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1], monthFirst[3]]
      : [undefined, undefined, undefined];
  if (day !== undefined && name !== undefined && year !== undefined) {
    const month = monthOf(name);
    if (month === undefined) return null;
    const value = `${year}-${pad(month)}-${pad(Number(day))}`;
    return datePrecision(value) === 'day' ? value : null;
  }
  const monthOnly = /^(\p{L}+\.?)\s*,?\s+(\d{4})$/u.exec(text);
  const month = monthOnly ? monthOf(monthOnly[1] ?? '') : undefined;
  return monthOnly && month !== undefined ? `${monthOnly[2] ?? ''}-${pad(month)}` : null;
}

/**
 * What a person types, read as a date of the precision written: `22. 5. 1994`, `22.5.1994`,
 * `1994-05-22`, `5/1994`, `5. 1994`, `05/1994`, `1994-05`, `1994`, and with the month's name as
 * the screens write dates (`22 May 1994`, `22. května 1994`, `May 1994`, `květen 1994`). Null when
 * it is none of these.
 */
export function parsePartialDate(raw: string): string | null {
  const text = raw.trim();
  if (/\p{L}/u.test(text)) return namedMonthDate(text);
  let match = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(text) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (match) {
    const value = `${match[3] ?? ''}-${pad(Number(match[2]))}-${pad(Number(match[1]))}`;
    return datePrecision(value) === 'day' ? value : null;
  }
  match = /^(\d{1,2})\s*[./]\s*(\d{4})$/.exec(text);
  if (match) {
    const value = `${match[2] ?? ''}-${pad(Number(match[1]))}`;
    return datePrecision(value) === 'month' ? value : null;
  }
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (iso) {
    const value = [iso[1], iso[2] && pad(Number(iso[2])), iso[3] && pad(Number(iso[3]))].filter(Boolean).join('-');
    return datePrecision(value) !== null ? value : null;
  }
  return null;
}

/**
 * Why a text `parsePartialDate` cannot read is not a date, as a message key: a day the calendar
 * does not have ("31. 2. 2010", "2010-02-30") says so; anything else gets the forms it takes.
 */
export function unreadableDateMessage(raw: string): 'validation.noSuchDay' | 'validation.partialDate' {
  const text = raw.trim();
  const written = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(text) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^\d{4}-(\d{1,2})-(\d{1,2})$/.exec(text);
  const [day, month] = written ? [written[1], written[2]] : iso ? [iso[2], iso[1]] : [undefined, undefined];
  if (day === undefined || month === undefined) return 'validation.partialDate';
  // A day and a month each in their range, yet no such day (31 February, 31 April, 29 February 2023).
  return Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31
    ? 'validation.noSuchDay'
    : 'validation.partialDate';
}

const LOCALES: Record<UiLanguage, string> = { cs: 'cs-CZ', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (language: UiLanguage, precision: 'day' | 'month'): Intl.DateTimeFormat => {
  const key = `${language}|${precision}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(
      LOCALES[language],
      precision === 'day'
        ? // English with the month's name ("22 May 1994"): "05/12/2026" reads as 12 May to half the readers.
          { day: 'numeric', month: language === 'cs' ? 'numeric' : 'short', year: 'numeric', timeZone: 'UTC' }
        : { month: 'long', year: 'numeric', timeZone: 'UTC' },
    );
    formatters.set(key, found);
  }
  return found;
};

/**
 * A stored date as a reader expects it, at its precision: "22. 5. 1994" / "22 May 1994",
 * "květen 1994" / "May 1994", "1994". Text that is not a date is returned as it is.
 */
export function formatPartialDate(value: string | null | undefined, language: UiLanguage): string {
  if (!value) return '';
  const iso = value.slice(0, 10);
  const precision = datePrecision(iso);
  if (precision === null) return value;
  if (precision === 'year') return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return formatter(language, precision).format(new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)));
}

/**
 * A stored date as a person edits it: the same precision, in a form `parsePartialDate` reads back
 * ("22. 5. 1994", "5/1994", "1994" in Czech; "22 May 1994", "May 1994" in English, as the app shows
 * dates and as the fields' examples say: walkthrough 19 found ISO in the field under the example
 * "22 May 2026"). ISO where a form would not read back.
 */
export function editablePartialDate(value: string | null | undefined, language: UiLanguage): string {
  if (!value) return '';
  const precision = datePrecision(value);
  if (precision === null) return value;
  if (language !== 'cs') {
    const shown = formatPartialDate(value, language);
    return parsePartialDate(shown) === value ? shown : value;
  }
  const [y, m, d] = value.split('-').map(Number);
  if (precision === 'day') return `${String(d)}. ${String(m)}. ${String(y)}`;
  if (precision === 'month') return `${String(m)}/${String(y)}`;
  return value;
}

/** The first day a date can mean (for filters and comparisons with exact days). */
export const firstDayOf = (value: string): string =>
  datePrecision(value) === 'year' ? `${value}-01-01` : datePrecision(value) === 'month' ? `${value}-01` : value;
