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

/** A screen's messages kept out of the first chunk (see `MESSAGE_PARTS` in renderer/vite.config.ts). */
export type MessagePart = 'help' | 'map' | 'agreements' | 'requests';

type Table = Promise<{ default: Record<string, string> }>;

const loaders: Record<UiLanguage, () => Table> = {
  cs: () => import('virtual:twinreg-messages/cs'),
  en: () => import('virtual:twinreg-messages/en'),
};

const partLoaders: Record<MessagePart, Record<UiLanguage, () => Table>> = {
  help: {
    cs: () => import('virtual:twinreg-messages/cs/help'),
    en: () => import('virtual:twinreg-messages/en/help'),
  },
  map: {
    cs: () => import('virtual:twinreg-messages/cs/map'),
    en: () => import('virtual:twinreg-messages/en/map'),
  },
  agreements: {
    cs: () => import('virtual:twinreg-messages/cs/agreements'),
    en: () => import('virtual:twinreg-messages/en/agreements'),
  },
  requests: {
    cs: () => import('virtual:twinreg-messages/cs/requests'),
    en: () => import('virtual:twinreg-messages/en/requests'),
  },
};

/** Loads in progress or done, by language (and part): later calls share the first load. */
const loading = new Map<string, Promise<void>>();
/** The parts a screen asked for: a language loaded later loads them too. */
const wantedParts = new Set<MessagePart>();
/** The languages asked for: a part asked for later is loaded in each. */
const wantedLanguages = new Set<UiLanguage>();

function loadOnce(name: string, load: () => Table, language: UiLanguage): Promise<void> {
  let pending = loading.get(name);
  if (!pending) {
    pending = load().then(
      (module) => {
        Object.assign(MESSAGES[language], module.default);
      },
      (error: unknown) => {
        // A failed load may be retried (e.g. the bridge restarted meanwhile).
        loading.delete(name);
        throw error;
      },
    );
    loading.set(name, pending);
  }
  return pending;
}

/** Whether a language's messages are in its table. */
export const messagesLoaded = (language: UiLanguage): boolean => Object.keys(MESSAGES[language]).length > 0;

/** Loads a language's messages once, with the parts screens have asked for so far. */
export function loadMessages(language: UiLanguage): Promise<void> {
  wantedLanguages.add(language);
  const parts = [...wantedParts].map((part) => loadOnce(`${language}/${part}`, partLoaders[part][language], language));
  return Promise.all([loadOnce(language, loaders[language], language), ...parts]).then(() => undefined);
}

/**
 * Loads a screen's part of the messages (with the screen's code) in every language asked for so
 * far; a language shown later loads it with its own messages.
 */
export function loadMessagePart(part: MessagePart): Promise<void> {
  wantedParts.add(part);
  return Promise.all(
    [...wantedLanguages].map((language) => loadOnce(`${language}/${part}`, partLoaders[part][language], language)),
  ).then(() => undefined);
}
