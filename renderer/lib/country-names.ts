import countries from 'i18n-iso-countries';
import cs from 'i18n-iso-countries/langs/cs.json';
import en from 'i18n-iso-countries/langs/en.json';
import type { UiLanguage } from '../../shared/domain/codes';
import { compareCzech } from '../../shared/domain/text';

countries.registerLocale(cs);
countries.registerLocale(en);

/** The country's common name in the user's language; the code itself when unknown. */
export function countryName(code: string | null | undefined, language: UiLanguage): string {
  if (!code) return '';
  return countries.getName(code, language, { select: 'alias' }) ?? countries.getName(code, language) ?? code;
}

/** Every country for a picker, in the language's order. */
export function countryOptions(language: UiLanguage): { code: string; name: string }[] {
  return Object.keys(countries.getAlpha2Codes())
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort((a, b) => compareCzech(a.name, b.name));
}
