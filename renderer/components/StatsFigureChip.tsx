import type { FilterModel } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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

/** The grid's column filters, as far as a figure's link touches them. */
type ColumnFilters = {
  isDestroyed: () => boolean;
  getFilterModel: () => FilterModel;
  setFilterModel: (model: FilterModel | null) => void;
};

/** What a grid screen showed: its filter bar, its quick search and its column filters. */
type ScreenState<F> = { filters: F; search: string; columns: FilterModel };

/** The screen a figure's link replaced, kept while the screen is as that link left it. */
type Replaced<F> = { left: F; was: ScreenState<F> };

/** A grid screen's parts that a figure's link sets. */
export type FigureScreen<F extends { figure: StatsFigureLink | null }> = {
  filters: F;
  setFilters: (filters: F) => void;
  search: string;
  setSearch: (search: string) => void;
  /** The grid, once it is there (its column filters). */
  api: ColumnFilters | null;
};

/** What the chip's × does when it brings the screen back as it was before the figure's link. */
export type FigureBack = { search: string; run: () => void };

const columnFiltersOf = (api: ColumnFilters | null): FilterModel =>
  api === null || api.isDestroyed() ? {} : api.getFilterModel();

/** Whether the screen is as a figure's link left it (then what the link replaced can come back). */
const untouched = <F extends { figure: StatsFigureLink | null }>(
  now: FigureScreen<F>,
  kept: Replaced<F> | null,
): kept is Replaced<F> =>
  kept !== null &&
  now.filters === kept.left &&
  now.search.trim() === '' &&
  Object.keys(columnFiltersOf(now.api)).length === 0;

/**
 * A figure on the Statistics screen opens its grid with exactly the figure's rows: its link sets
 * the filter bar and clears the quick search and the column filters the screen still had (a
 * search typed earlier left "Obce 5" at "1 z 44" with nothing saying why: walkthrough 27). A
 * search typed afterwards is the user's own narrowing of the figure's rows.
 *
 * The screen as it was is not lost: while the user has not changed what the link set (the bar,
 * no search, no column filter), the chip's × brings it back whole (`back`); else the × drops only
 * the figure. `open` applies a link's filters (a figure's or not). The link the screen was first
 * opened with is applied again once its grid is there: the grid puts back the saved view chosen
 * last then, and the figure's rows win over that view's filters and search.
 */
export function useFigureLink<F extends { figure: StatsFigureLink | null }>(
  screen: FigureScreen<F>,
): { open: (filters: F) => void; back: FigureBack | null } {
  const latest = useRef(screen);
  useEffect(() => {
    latest.current = screen;
  });
  const [replaced, setReplaced] = useState<Replaced<F> | null>(null);
  const replacedRef = useRef(replaced);
  useEffect(() => {
    replacedRef.current = replaced;
  });

  /** Sets a figure's filters with no search and no column filter; `was`: what comes back on ×. */
  const show = useCallback((filters: F, was: ScreenState<F> | null) => {
    const now = latest.current;
    setReplaced(was === null ? null : { left: filters, was });
    now.setFilters(filters);
    now.setSearch('');
    if (now.api !== null && !now.api.isDestroyed()) now.api.setFilterModel(null);
  }, []);
  const open = useCallback(
    (filters: F) => {
      const now = latest.current;
      if (filters.figure === null) {
        setReplaced(null);
        now.setFilters(filters);
        return;
      }
      // One figure after another from the Statistics screen: the screen before the first comes back.
      const kept = replacedRef.current;
      show(
        filters,
        untouched(now, kept)
          ? kept.was
          : { filters: now.filters, search: now.search, columns: columnFiltersOf(now.api) },
      );
    },
    [show],
  );

  const opened = useRef(screen.filters);
  const { api } = screen;
  useEffect(() => {
    if (api === null || opened.current.figure === null) return;
    const first = opened.current;
    // Once: a grid made anew later (a switch of language) keeps what the screen shows.
    opened.current = { ...first, figure: null };
    show(first, null);
  }, [api, show]);

  const was = untouched(screen, replaced) ? replaced.was : null;
  const back = useMemo(
    () =>
      was === null
        ? null
        : {
            search: was.search.trim(),
            run: () => {
              const now = latest.current;
              setReplaced(null);
              now.setFilters(was.filters);
              now.setSearch(was.search);
              if (now.api !== null && !now.api.isDestroyed()) now.api.setFilterModel(was.columns);
            },
          },
    [was],
  );
  return { open, back };
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
 * statistics: Agreements ending within 12 months · 1990–2005 · formal"), with a × that drops it,
 * or with `back` brings the screen back as it was before the figure (its × says so, naming the
 * search it puts back). Membership and a single kraj are not repeated: the grid's own filter bar
 * shows them; several kraje, okresy or ORPs are named here ("okres Jihlava").
 */
export function StatsFigureChip({
  figure,
  onClear,
  back = null,
}: {
  figure: StatsFigureLink;
  onClear: () => void;
  back?: FigureBack | null;
}) {
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
  const clearLabel =
    back === null
      ? t('stats.figureFilter.clear')
      : back.search === ''
        ? t('stats.figureFilter.back')
        : t('stats.figureFilter.backSearch', { search: back.search });
  return (
    <span className="chip stats-figure-chip" data-testid="filter-figure">
      {t('stats.figureFilter.label', { figure: parts.join(' · ') })}
      <button
        type="button"
        onClick={back?.run ?? onClear}
        aria-label={clearLabel}
        title={clearLabel}
        data-testid="filter-figure-clear"
      >
        ×
      </button>
    </span>
  );
}
