import type { UiLanguage } from '../../shared/domain/codes';

let czech: Record<string, string> | null = null;

/** Loads AG Grid's texts for a language: Czech from its own chunk; English is the grid's own. */
export async function loadGridLocale(language: UiLanguage): Promise<void> {
  if (language === 'cs' && czech === null) czech = (await import('./grid-locale-cs')).AG_GRID_LOCALE_CZ;
}

/**
 * The grid's own English texts, except the overlays: AG Grid writes them in Title Case ("No Rows
 * To Show"), the app's English is in sentence case everywhere else.
 */
const ENGLISH: Record<string, string> = {
  noRowsToShow: 'No rows to show',
  noMatchingRows: 'No matching rows',
  loadingOoo: 'Loading…',
};

/** AG Grid's texts for a loaded language. */
export const gridLocaleText = (language: UiLanguage): Record<string, string> | undefined =>
  language === 'cs' ? (czech ?? undefined) : ENGLISH;
