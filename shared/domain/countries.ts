import countries from 'i18n-iso-countries';
import cs from 'i18n-iso-countries/langs/cs.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { UiLanguage } from './codes';

// Registering the two catalogs is pure (no I/O): the JSON is bundled with the code that uses it.
countries.registerLocale(cs);
countries.registerLocale(en);

/** Whether a code is an ISO 3166-1 alpha-2 country code. */
export const isCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && countries.isValid(code);

/**
 * English names as an English reader looks them up: the catalogue's aliases and ISO forms put "UK"
 * beside "United States", "The Netherlands" under T and "Korea, Republic of" (walkthrough 15).
 */
const ENGLISH_NAMES: Readonly<Record<string, string>> = {
  GB: 'United Kingdom',
  NL: 'Netherlands',
  KR: 'South Korea',
  MD: 'Moldova',
  SY: 'Syria',
  LA: 'Laos',
  CD: 'DR Congo',
  VA: 'Vatican City',
  FM: 'Micronesia',
};

/** The country's common name in the user's language; the code itself when unknown. */
export function countryName(code: string | null | undefined, language: UiLanguage): string {
  if (!code) return '';
  if (language === 'en' && ENGLISH_NAMES[code] !== undefined) return ENGLISH_NAMES[code];
  return countries.getName(code, language, { select: 'alias' }) ?? countries.getName(code, language) ?? code;
}

/** The flag emoji of a country (regional indicator symbols); empty for a code that is not two letters. */
export function countryFlag(code: string | null | undefined): string {
  if (!code || !/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(0x1f1e6 + code.charCodeAt(0) - 65, 0x1f1e6 + code.charCodeAt(1) - 65);
}

/** Every country code with its name in the language, for pickers. */
export function countryOptions(language: UiLanguage): { code: string; name: string }[] {
  return Object.keys(countries.getAlpha2Codes()).map((code) => ({ code, name: countryName(code, language) }));
}
