import type { UiLanguage } from '../domain/codes';
// The catalogs are listed in ./tables (a feature adds its file there).
import { MESSAGES, type CATALOGS } from './tables';

export { MESSAGES };

type Catalog = (typeof CATALOGS)[number];
type KeysOf<C> = C extends { cs: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<Catalog>;

export type MessageParams = Record<string, string | number>;

const numberFormats: Record<UiLanguage, Intl.NumberFormat> = {
  cs: new Intl.NumberFormat('cs-CZ'),
  en: new Intl.NumberFormat('en-GB'),
};

const fill = (template: string, params: MessageParams | undefined, language: UiLanguage): string =>
  params === undefined
    ? template
    : template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = params[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? numberFormats[language].format(value) : value;
      });

/** The message for a key in a language, with `{placeholders}` filled. Falls back to Czech, then the key. */
export function translate(language: UiLanguage, key: string, params?: MessageParams): string {
  const template = MESSAGES[language][key] ?? MESSAGES.cs[key] ?? key;
  return fill(template, params, language);
}

const pluralRules: Record<UiLanguage, Intl.PluralRules> = {
  cs: new Intl.PluralRules('cs'),
  en: new Intl.PluralRules('en'),
};

/** Plural form: picks `key.one|few|many|other` by the language's rules; `{count}` is filled. */
export function translatePlural(language: UiLanguage, key: string, count: number, params?: MessageParams): string {
  const category = pluralRules[language].select(count);
  const specific = `${key}.${category}`;
  const chosen = MESSAGES[language][specific] !== undefined ? specific : `${key}.other`;
  return translate(language, chosen, { count, ...params });
}
