import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UiLanguage } from '../../shared/domain/codes';
import { formatPartialDate } from '../../shared/domain/dates';
import { translate, translatePlural, type MessageKey, type MessageParams } from '../../shared/i18n/index';
import { loadGridLocale } from './grid-locale';
import { loadMessages } from './message-tables';

export type I18n = {
  language: UiLanguage;
  t: (key: MessageKey, params?: MessageParams) => string;
  tn: (key: string, count: number, params?: MessageParams) => string;
  /** Translates a key built at run time (e.g. `kind.${code}`). */
  tk: (key: string, params?: MessageParams) => string;
  formatNumber: (value: number | null | undefined) => string;
  /** A coordinate with every decimal it has, no grouping ("47,0112"): a rounded one moves the town. */
  formatCoordinate: (value: number) => string;
  /** An amount with its currency, the same everywhere ('12 500,50 €'); a plain number without one. */
  formatMoney: (amount: number, currency: string | null) => string;
  /** A stored date at its precision: "22. 5. 1994", "květen 1994", "1994". */
  formatDate: (iso: string | null | undefined) => string;
  /** A moment (an audit entry, a backup, an import): medium date and short time, local time. */
  formatDateTime: (iso: string) => string;
};

const locales: Record<UiLanguage, string> = { cs: 'cs-CZ', en: 'en-GB' };

export function createI18n(language: UiLanguage): I18n {
  const numbers = new Intl.NumberFormat(locales[language]);
  const coordinates = new Intl.NumberFormat(locales[language], { maximumFractionDigits: 10, useGrouping: false });
  const moments = new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' });
  return {
    language,
    t: (key, params) => translate(language, key, params),
    tn: (key, count, params) => translatePlural(language, key, count, params),
    tk: (key, params) => translate(language, key, params),
    formatNumber: (value) => (value === null || value === undefined ? '' : numbers.format(value)),
    formatCoordinate: (value) => coordinates.format(value),
    formatMoney: (amount, currency) =>
      new Intl.NumberFormat(
        locales[language],
        currency ? { style: 'currency', currency, maximumFractionDigits: 2 } : {},
      ).format(amount),
    formatDate: (iso) => formatPartialDate(iso, language),
    formatDateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : moments.format(date);
    },
  };
}

const I18nContext = createContext<I18n>(createI18n('cs'));

/** Loads what a language needs before it is shown: its messages and AG Grid's texts. */
export const loadLanguage = (language: UiLanguage): Promise<void> =>
  Promise.all([loadMessages(language), loadGridLocale(language)]).then(() => undefined);

/**
 * The language of the window. Each language's texts are loaded when it is first asked for; until
 * they are, the previous language stays on screen (at the first start: nothing yet).
 */
export function I18nProvider({ language, children }: { language: UiLanguage; children: ReactNode }) {
  const [shown, setShown] = useState<UiLanguage | null>(null);
  useEffect(() => {
    let current = true;
    const show = () => {
      if (current) setShown(language);
    };
    // A failed load (the bridge restarting) is tried again when the language is next asked for;
    // the window keeps the language it shows.
    loadLanguage(language).then(show, () => undefined);
    return () => {
      current = false;
    };
  }, [language]);
  const value = useMemo(() => (shown === null ? null : createI18n(shown)), [shown]);
  if (value === null) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
