import type { UiLanguage } from '../codes';
import { countryName } from '../countries';
import { formatPartialDate } from '../dates';
import { translate } from '../../i18n/index';

/** Fields whose values are stored dates (ISO, at their precision): a report shows them as dates. */
const DATE_FIELDS: ReadonlySet<string> = new Set(['startedOn', 'memberSince']);

/** A value of an import report as a reader reads it: a date as a date, yes/no as words, nothing as "—". */
export function shownImportValue(field: string, value: string | number | boolean | null, language: UiLanguage): string {
  if (value === null || value === '') return '—';
  // Membership as the file's column says it, not as the program stores it ("false → true").
  if (typeof value === 'boolean') return translate(language, value ? 'common.yes' : 'common.no');
  return DATE_FIELDS.has(field) && typeof value === 'string' ? formatPartialDate(value, language) : String(value);
}

/**
 * An issue's parameters as shown on screen and in the exported history alike: the stored and the
 * file's value of a date field (`existing`, `value`) as dates in the language, the countries an
 * ambiguous name may be (`countries`, codes) by their names, a month (`month`, "2010-02") by its name.
 */
export function shownIssueParams(
  params: Readonly<Record<string, string | number>>,
  language: UiLanguage,
): Record<string, string | number> {
  const shown = { ...params };
  // The countries an ambiguous name may be, by their names in the language (codes in brackets).
  const countries = params.countries;
  if (typeof countries === 'string')
    shown.countries = new Intl.ListFormat(language, { type: 'disjunction' }).format(
      countries.split(',').map((code) => `${countryName(code, language)} (${code})`),
    );
  // The month of a day the calendar does not have ("únor 2010 má 28 dní"), named in the language.
  const month = params.month;
  if (typeof month === 'string' && /^\d{4}-\d{2}$/.test(month)) shown.month = formatPartialDate(month, language);
  const field = params.field;
  // Membership in words ("ponecháno „ne“ z registru; soubor uvádí „ano“"), as the preview's changes.
  if (field === 'isMember')
    for (const key of ['existing', 'value'] as const) {
      const value = shown[key];
      if (value === 'true' || value === 'false') shown[key] = shownImportValue(field, value === 'true', language);
    }
  if (typeof field !== 'string' || !DATE_FIELDS.has(field)) return shown;
  for (const key of ['existing', 'value'] as const) {
    const value = shown[key];
    if (typeof value === 'string') shown[key] = formatPartialDate(value, language);
  }
  return shown;
}
