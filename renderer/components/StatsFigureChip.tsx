import { useEffect, useMemo, useRef } from 'react';
import type { StatsFigure } from '../../shared/domain/statistics/filter';
import { call } from '../lib/api';
import type { StatsFigureLink } from '../lib/deep-links';
import { useI18n, type I18n } from '../lib/i18n';
import { useLiveAsync } from '../lib/useLiveAsync';
import { useAsync } from '../lib/useAsync';

/**
 * The ids of the rows a statistics figure counts, asked from core (`stats:figureRows`, the same
 * SQL as the figure) and asked again after every change of the registry; undefined while loading
 * or without a figure. A figure whose filter the statistics would refuse (a link typed by hand)
 * is no figure: `onRefused` drops it. The statistics' rule is loaded only here, when a grid shows
 * a figure (it keeps zod out of the first screen's script).
 */
export function useFigureIds(figure: StatsFigureLink | null, onRefused: () => void): ReadonlySet<number> | undefined {
  const refused = useRef(onRefused);
  useEffect(() => {
    refused.current = onRefused;
  });
  const rows = useLiveAsync(
    () =>
      figure === null
        ? Promise.resolve(null)
        : import('../lib/figure-check').then(({ checkedFigure }) => {
            const checked = checkedFigure(figure);
            if (checked === null) {
              refused.current();
              return null;
            }
            return call('stats:figureRows', { filter: checked.filter, figure: checked.figure });
          }),
    [figure],
  );
  const ids = rows.data?.ids;
  return useMemo(() => (ids === undefined || figure === null ? undefined : new Set(ids)), [ids, figure]);
}

/** A figure's name as its card on the Statistics screen says it. */
export function figureLabel(i18n: I18n, figure: StatsFigureLink): string {
  const names: Record<StatsFigure, string> = {
    municipalities: i18n.t('stats.card.members'),
    withActive: i18n.t('stats.card.withActive'),
    partnerships: i18n.t('stats.card.partnerships'),
    dormant: i18n.tn('stats.card.dormant', figure.filter.dormantYears ?? 3),
    expiring: i18n.t('stats.card.expiring'),
    // The rows a figure that is not known ("–") opens: named as what they are, not as the figure.
    statusUnknown: i18n.t('stats.figure.statusUnknown'),
    termUnknown: i18n.t('stats.figure.termUnknown'),
  };
  return names[figure.figure];
}

/**
 * The filter a grid got from a figure on the Statistics screen, named in words ("From the
 * statistics: Agreements ending within 12 months · 1990–2005 · formal"), with a × that drops it.
 * Membership and a single kraj are not repeated: the grid's own filter bar shows them; several
 * kraje, okresy or ORPs are named here ("okres Jihlava").
 */
export function StatsFigureChip({ figure, onClear }: { figure: StatsFigureLink; onClear: () => void }) {
  const i18n = useI18n();
  const { t, tk } = i18n;
  const { fromYear, toYear, types = [], statuses = [], regions = [], districts = [], orps = [] } = figure.filter;
  const parts = [figureLabel(i18n, figure)];
  const territoryShown = regions.length > 1 || districts.length > 0 || orps.length > 0;
  const units = useAsync(
    () => (territoryShown ? call('stats:territories', {}) : Promise.resolve(null)),
    [territoryShown],
  ).data;
  if (territoryShown) {
    const name = (list: readonly { code: string; name: string }[] | undefined, code: string) =>
      list?.find((u) => u.code === code)?.name ?? code;
    parts.push(
      [
        regions.map((code) => name(units?.regions, code)).join(', '),
        districts.map((code) => t('stats.territory.district', { name: name(units?.districts, code) })).join(', '),
        orps.map((code) => t('stats.territory.orp', { name: name(units?.orps, code) })).join(', '),
      ]
        .filter((text) => text !== '')
        .join(' › '),
    );
  }
  if ((fromYear ?? null) !== null || (toYear ?? null) !== null)
    parts.push(`${t('stats.filter.years')} ${fromYear ?? '…'}–${toYear ?? '…'}`);
  if (types.length > 0) parts.push(types.map((type) => tk(`partnershipType.${type}`)).join(', '));
  if (statuses.length > 0) parts.push(statuses.map((status) => tk(`partnershipStatus.${status}`)).join(', '));
  return (
    <span className="chip stats-figure-chip" data-testid="filter-figure">
      {t('stats.figureFilter.label', { figure: parts.join(' · ') })}
      <button
        type="button"
        onClick={onClear}
        aria-label={t('stats.figureFilter.clear')}
        title={t('stats.figureFilter.clear')}
      >
        ×
      </button>
    </span>
  );
}
