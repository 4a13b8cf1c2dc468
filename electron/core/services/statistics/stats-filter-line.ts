import type { UiLanguage } from '../../../../shared/domain/codes';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import { describeFilter, startUnknownNote, territoryLabel } from '../../../../shared/domain/statistics/tables';
import { translate } from '../../../../shared/i18n/index';

/** The territory a filter picks, in words (`Kraj Vysočina`), if any. */
export const territoryNameOf = (stats: Statistics, language: UiLanguage): string | undefined =>
  territoryLabel(stats.territory, language) ?? undefined;

/**
 * The filter in words, as every export states it on top ("Filtr: …"). A document that states its
 * date on a line of its own (the DOCX report's "Stav ke dni …") leaves it out here: once is enough.
 * Under a period it ends with the partnerships left out for having no start year ("Bez roku
 * zahájení: 3 partnerství – do období nezapočtena"), so that no file reads as the whole answer.
 */
export const filterText = (stats: Statistics, language: UiLanguage, { withDate = true } = {}): string => {
  const line = translate(language, 'stats.filterLine', {
    filter: describeFilter(stats.filter, language, stats.territory, { withDate }),
  });
  const undated = startUnknownNote(stats, language);
  return undated === null ? line : `${line} · ${undated}`;
};

/**
 * The date of the CSV archive's entries: the filter's "today" at noon UTC, on purpose, so that the
 * same statistics give the same ZIP bytes and every time zone reads the same day. (The XLSX file's
 * own properties take the real time of writing: Excel shows them as when the file was made.)
 */
export const exportDate = (stats: Statistics): Date => new Date(`${stats.filter.today}T12:00:00Z`);
