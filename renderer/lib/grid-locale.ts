import type { UiLanguage } from '../../shared/domain/codes';
import { translate } from '../../shared/i18n/index';
import { messagesLoaded } from './message-tables';

let czech: Record<string, string> | null = null;

/** Loads AG Grid's texts for a language: Czech from its own chunk; English is the grid's own. */
export async function loadGridLocale(language: UiLanguage): Promise<void> {
  if (language === 'cs' && czech === null) czech = (await import('./grid-locale-cs')).AG_GRID_LOCALE_CZ;
}

/**
 * The grid's own English texts, except the overlays, which come from the app's catalogue: AG Grid
 * writes them in Title Case ("No Rows To Show"), the app's English is in sentence case. Made when
 * first asked for, once the English messages are loaded (a grid is shown in a language only then).
 */
let english: Record<string, string> | null = null;
const englishTexts = (): Record<string, string> | undefined => {
  if (english === null && messagesLoaded('en'))
    english = {
      noRowsToShow: translate('en', 'grid.noRowsToShow'),
      noMatchingRows: translate('en', 'grid.noMatchingRows'),
      loadingOoo: translate('en', 'grid.loading'),
    };
  return english ?? undefined;
};

/**
 * AG Grid's texts for a language: English as above; Czech once its chunk is loaded
 * (`loadGridLocale`), `undefined` (the grid's own English) until then.
 */
export const gridLocaleText = (language: UiLanguage): Record<string, string> | undefined =>
  language === 'cs' ? (czech ?? undefined) : englishTexts();
