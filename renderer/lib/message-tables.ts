import type { UiLanguage } from '../../shared/domain/codes';

/**
 * The renderer's message tables, filled one language at a time. The renderer's build puts this
 * module in place of `shared/i18n/tables.ts` (see `renderer/vite.config.ts`), so `translate` and
 * every shared module that translates read these tables; each language's messages are a chunk of
 * their own (`virtual:twinreg-messages/<language>`, made from the catalogs at build time), and
 * the window loads only the language it shows. A language is shown once `loadMessages` has
 * filled its table (the I18nProvider waits for it).
 */
export const MESSAGES: Record<UiLanguage, Record<string, string>> = { cs: {}, en: {} };

const loaders: Record<UiLanguage, () => Promise<{ default: Record<string, string> }>> = {
  cs: () => import('virtual:twinreg-messages/cs'),
  en: () => import('virtual:twinreg-messages/en'),
};

const loading = new Map<UiLanguage, Promise<void>>();

/** Whether a language's messages are in its table. */
export const messagesLoaded = (language: UiLanguage): boolean => Object.keys(MESSAGES[language]).length > 0;

/** Loads a language's messages once (later calls share the first load). */
export function loadMessages(language: UiLanguage): Promise<void> {
  let pending = loading.get(language);
  if (!pending) {
    pending = loaders[language]().then(
      (module) => {
        Object.assign(MESSAGES[language], module.default);
      },
      (error: unknown) => {
        // A failed load may be retried (e.g. the bridge restarted meanwhile).
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}
