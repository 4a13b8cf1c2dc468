import type { UiLanguage } from '../../../../shared/domain/codes';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import { describeFilter, territoryLabel } from '../../../../shared/domain/statistics/tables';
import { translate } from '../../../../shared/i18n/index';

/** The territory a filter picks, in words (`Kraj Vysočina`), if any. */
export const territoryNameOf = (stats: Statistics, language: UiLanguage): string | undefined =>
  territoryLabel(stats.territory, language) ?? undefined;

/**
 * The filter in words, as every export states it on top ("Filtr: …"). A document that states its
 * date on a line of its own (the DOCX report's "Stav ke dni …") leaves it out here: once is enough.
 */
export const filterText = (stats: Statistics, language: UiLanguage, { withDate = true } = {}): string =>
  translate(language, 'stats.filterLine', {
    filter: describeFilter(stats.filter, language, stats.territory, { withDate }),
  });

/** The export's date (the filter's "today") at noon UTC, so every time zone reads the same day. */
export const exportDate = (stats: Statistics): Date => new Date(`${stats.filter.today}T12:00:00Z`);
