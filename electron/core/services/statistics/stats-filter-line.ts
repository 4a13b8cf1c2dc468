import type { UiLanguage } from '../../../../shared/domain/codes';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import { describeFilter } from '../../../../shared/domain/statistics/tables';
import { translate } from '../../../../shared/i18n/index';

/** The name of the region a filter picks, if any. */
export const regionNameOf = (stats: Statistics): string | undefined =>
  stats.filter.region === null ? undefined : stats.regions.find((r) => r.code === stats.filter.region)?.name;

/** The filter in words, as every export states it on top ("Filtr: …"). */
export const filterText = (stats: Statistics, language: UiLanguage): string =>
  translate(language, 'stats.filterLine', { filter: describeFilter(stats.filter, language, regionNameOf(stats)) });

/** The export's date (the filter's "today") at noon UTC, so every time zone reads the same day. */
export const exportDate = (stats: Statistics): Date => new Date(`${stats.filter.today}T12:00:00Z`);
