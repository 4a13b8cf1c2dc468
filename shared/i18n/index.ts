import type { UiLanguage } from '../domain/codes';
import { commonMessages } from './messages/common';
import { domainMessages } from './messages/domain';
import { membersMessages } from './messages/members';
import { menuMessages } from './messages/menu';
import { partnershipsMessages } from './messages/partnerships';
import { settingsMessages } from './messages/settings';
import { importMessages } from './messages/import';
import { validationMessages } from './messages/validation';
import { requestsMessages } from './messages/requests';
import { agreementsMessages } from './messages/agreements';
import { statisticsMessages } from './messages/statistics';
import { provenanceMessages } from './messages/provenance';
import { mergeMessages } from './messages/merge';
import { helpMessages } from './messages/help';
import { townsMessages } from './messages/towns';

/** Every feature's catalog; a feature adds its file here. */
const CATALOGS = [
  commonMessages,
  domainMessages,
  membersMessages,
  menuMessages,
  partnershipsMessages,
  settingsMessages,
  validationMessages,
  requestsMessages,
  statisticsMessages,
  importMessages,
  agreementsMessages,
  provenanceMessages,
  mergeMessages,
  townsMessages,
  helpMessages,
] as const;

type Catalog = (typeof CATALOGS)[number];
type KeysOf<C> = C extends { cs: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<Catalog>;

const merge = (language: UiLanguage): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const catalog of CATALOGS) Object.assign(out, catalog[language]);
  return out;
};

export const MESSAGES: Record<UiLanguage, Record<string, string>> = { cs: merge('cs'), en: merge('en') };

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
