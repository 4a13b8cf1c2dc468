import type { UiLanguage } from '../../shared/domain/codes';

let czech: Record<string, string> | null = null;

/** Loads AG Grid's texts for a language: Czech from its own chunk; English is the grid's own. */
export async function loadGridLocale(language: UiLanguage): Promise<void> {
  if (language === 'cs' && czech === null) czech = (await import('./grid-locale-cs')).AG_GRID_LOCALE_CZ;
}

/** AG Grid's texts for a loaded language (`undefined`: the grid's own English texts). */
export const gridLocaleText = (language: UiLanguage): Record<string, string> | undefined =>
  language === 'cs' ? (czech ?? undefined) : undefined;
