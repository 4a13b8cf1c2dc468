import type { ColDef, GridApi, GridState } from 'ag-grid-community';
import { useEffect, useId, useRef, useState } from 'react';
import { translate } from '../../shared/i18n/index';
import { usePreferences } from '../app/PreferencesContext';
import { choiceFiltersOfView, hasOldChoiceFilter, isChoiceParams, type ChoiceColumn } from '../lib/choice-filter';
import { useI18n } from '../lib/i18n';
import { loadMessages } from '../lib/message-tables';
import { said, useToast } from './Toasts';

/** AG Grid's id for its selection (tick box) column. */
export const SELECTION_COLUMN_ID = 'ag-Grid-SelectionColumn';

/** The parts of AG Grid's state a view keeps: columns, sort and filters (not focus, scroll or selection). */
export function rememberedState(state: GridState): GridState {
  const kept: GridState = {};
  if (state.version !== undefined) kept.version = state.version;
  if (state.columnOrder) kept.columnOrder = state.columnOrder;
  if (state.columnPinning) kept.columnPinning = state.columnPinning;
  if (state.columnSizing) kept.columnSizing = state.columnSizing;
  if (state.columnVisibility) kept.columnVisibility = state.columnVisibility;
  if (state.sort) kept.sort = state.sort;
  if (state.filter) kept.filter = state.filter;
  return kept;
}

/**
 * A saved layout with the pinned columns of the definitions when it names none. AG Grid reports
 * no pinned columns while a grid is laid out for printing (and after AG Grid unpinned columns
 * in a viewport it measured too narrow, see `keepPinnedWhilePrinting`), and layouts saved then lost
 * the grid's pinned name and action columns. A layout without any pinned column is taken for such
 * a one (one whose user dragged every pinned column out gets them back). The tick box column
 * AG Grid adds is pinned as `selectionColumnDef` says (`selectionPinned`).
 */
export function withDefinedPinning<T>(
  state: GridState | undefined,
  columns: ColDef<T>[],
  selectionPinned?: ColDef<T>['pinned'],
): GridState | undefined {
  if (state === undefined || state.columnPinning !== undefined) return state;
  const pinned = (side: 'left' | 'right') =>
    columns
      .filter((column) => column.pinned === side || (side === 'left' && column.pinned === true))
      .flatMap((column) => column.colId ?? column.field ?? []);
  const selectionSide = selectionPinned === true ? 'left' : selectionPinned;
  const leftColIds = [...(selectionSide === 'left' ? [SELECTION_COLUMN_ID] : []), ...pinned('left')];
  const rightColIds = [...pinned('right'), ...(selectionSide === 'right' ? [SELECTION_COLUMN_ID] : [])];
  if (leftColIds.length === 0 && rightColIds.length === 0) return state;
  return { ...state, columnPinning: { leftColIds, rightColIds } };
}

type NamedView = { name: string; state: unknown };

/**
 * The grid's choice columns (`ChoiceFilter`) by id, with their labels in both languages: what an
 * old text filter of a view is matched against (`choiceFiltersOfView`). Both languages' messages
 * must be loaded (`loadMessages`); a label not loaded reads as its key and matches nothing typed.
 */
function choiceColumnsOf<T>(api: GridApi<T>): Record<string, ChoiceColumn> {
  const columns: Record<string, ChoiceColumn> = {};
  for (const column of api.getColumns() ?? []) {
    const params: unknown = column.getColDef().filterParams;
    if (!isChoiceParams(params)) continue;
    columns[column.getColId()] = {
      codes: params.choiceCodes,
      labelsOf: (code) => [
        translate('cs', `${params.labelPrefix}.${code}`),
        translate('en', `${params.labelPrefix}.${code}`),
      ],
    };
  }
  return columns;
}

/** AG Grid's width of a column whose definition names none. */
const DEFAULT_COLUMN_WIDTH = 200;

/**
 * The columns as their definitions say: order, visibility, pinning, sort and widths. AG Grid's
 * reset leaves a column without a `width` in its definition at the width the user dragged, so
 * those get the grid's default width (within their minimum) here.
 */
function resetLayout<T>(api: GridApi<T>): void {
  api.resetColumnState();
  const widths = (api.getColumns() ?? []).flatMap((column) => {
    const def = column.getColDef();
    if (def.width !== undefined || def.initialWidth !== undefined || def.flex != null) return [];
    return [{ key: column.getColId(), newWidth: Math.max(def.minWidth ?? 0, DEFAULT_COLUMN_WIDTH) }];
  });
  if (widths.length > 0) api.setColumnWidths(widths);
}

/**
 * What a screen shows around its grid (its filter bar and quick search), kept in a view with the
 * grid's own state. `value` is plain data; `restore(undefined)` puts the screen's defaults back.
 */
export type ScreenView = { value: unknown; restore: (value: unknown) => void };

/** What a view keeps: the grid's state and the screen's (views saved before held the grid's state alone). */
export type SavedView = { grid: GridState; screen?: unknown };

export function viewParts(state: unknown): SavedView {
  if (typeof state === 'object' && state !== null && 'grid' in state) {
    const { grid, screen } = state as { grid: unknown; screen?: unknown };
    return { grid: typeof grid === 'object' && grid !== null ? grid : {}, screen };
  }
  return { grid: typeof state === 'object' && state !== null ? state : {} };
}

/**
 * Named views of one grid: save what the user sees under a name (the screen's filters and search,
 * the grid's column filters, sort, column order, widths, visibility and pinning), recall it, delete
 * it; "Default view" puts all of it back to how the screen starts.
 */
export function GridViewsBar<T>({
  gridId,
  api,
  screen,
  withPinning = (state) => state,
}: {
  gridId: string;
  api: GridApi<T>;
  screen?: ScreenView;
  /** A view saved without pinned columns gets the grid's own pinning (`withDefinedPinning`). */
  withPinning?: (state: GridState) => GridState;
}) {
  const { t } = useI18n();
  const showToast = useToast();
  const { preferences, update } = usePreferences();
  const views: NamedView[] = preferences.namedViews[gridId] ?? [];
  // The view chosen last, if it is still there (see the effect below).
  const [current, setCurrent] = useState(() => {
    const last = preferences.currentViews[gridId];
    return last !== undefined && views.some((view) => view.name === last) ? last : '';
  });
  const [naming, setNaming] = useState<string | null>(null);
  const nameFormId = useId();
  /** Remembers the view chosen (or '' for the default), so that the screen opens with it again. */
  const choose = (name: string) => {
    setCurrent(name);
    const others = Object.fromEntries(Object.entries(preferences.currentViews).filter(([grid]) => grid !== gridId));
    void update({ currentViews: name === '' ? others : { ...others, [gridId]: name } });
  };

  /** Puts the grid and the screen as view `name` (or the default, '') has them. */
  const apply = (name: string) => {
    const view = views.find((v) => v.name === name);
    if (view) {
      const parts = viewParts(view.state);
      const put = (grid: GridState) => {
        // Everything the view does not name goes back to its default (AG Grid's setState).
        api.setState(withPinning(grid), ['focusedCell', 'scroll', 'rowSelection']);
        screen?.restore(parts.screen);
      };
      const choices = choiceColumnsOf(api);
      const filterModel = parts.grid.filter?.filterModel;
      if (!hasOldChoiceFilter(filterModel, Object.keys(choices))) {
        put(parts.grid);
        return;
      }
      // A view saved when a column of codes (type, status) had a text filter on its labels: the
      // typed text becomes the codes whose label in either language it matches, so the view shows
      // the same rows in both; one that cannot (an empty / not empty filter) is left out and said.
      const convert = () => {
        if (api.isDestroyed()) return;
        const { model, dropped } = choiceFiltersOfView(filterModel, choiceColumnsOf(api));
        put({ ...parts.grid, filter: { ...parts.grid.filter, filterModel: model } });
        if (dropped.length === 0) return;
        const columns = dropped.map((colId) => api.getColumn(colId)?.getColDef().headerName ?? colId).join(', ');
        showToast({ kind: 'info', text: said('views.filterDropped', { view: name, columns }) });
      };
      void Promise.all([loadMessages('cs'), loadMessages('en')]).then(convert, convert);
    } else {
      resetLayout(api);
      api.setFilterModel(null);
      screen?.restore(undefined);
    }
  };
  // The view chosen last comes back whole when the screen opens again (after a restart too): its
  // filter bar with its layout, under its name (walkthrough 21: the picker said "Default view"
  // over the saved view's sort and widths, with the filters back at their defaults).
  const reopened = useRef(false);
  useEffect(() => {
    if (reopened.current) return;
    reopened.current = true;
    if (current !== '') apply(current);
    // Once, when the grid is there: later changes of the preferences do not choose the view again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = async () => {
    const name = (naming ?? '').trim();
    if (name === '') return;
    const state: SavedView = { grid: rememberedState(api.getState()), screen: screen?.value };
    const next = [...views.filter((v) => v.name !== name), { name, state }];
    await update({ namedViews: { ...preferences.namedViews, [gridId]: next } });
    choose(name);
    setNaming(null);
  };
  const remove = async () => {
    await update({ namedViews: { ...preferences.namedViews, [gridId]: views.filter((v) => v.name !== current) } });
    choose('');
  };

  // Laid out as a filter of the filter bar beside it: the view's actions on the labels' line (they
  // say "pohled" themselves, the picker's name is for screen readers), the picker or the new view's
  // name on the selects' line. So the card stays one row at 1280 px once "Smazat pohled" shows
  // (walkthrough 21: "Členství obce" wrapped to a third row).
  return (
    <div className="grid-views" data-testid={`views-${gridId}`}>
      <div className="grid-views-head">
        {naming === null ? (
          <>
            <button type="button" className="link-button" onClick={() => setNaming(current)} data-testid="view-save">
              {t('views.save')}
            </button>
            {current !== '' && (
              <button
                type="button"
                className="link-button danger"
                onClick={() => void remove()}
                data-testid="view-delete"
              >
                {t('views.delete')}
              </button>
            )}
          </>
        ) : (
          <>
            <button type="submit" form={nameFormId} className="link-button" disabled={naming.trim() === ''}>
              {t('common.save')}
            </button>
            <button type="button" className="link-button" onClick={() => setNaming(null)}>
              {t('common.cancel')}
            </button>
          </>
        )}
      </div>
      {naming === null ? (
        <select
          value={current}
          aria-label={t('views.label')}
          // A long name ends in "…" in the box (the filter card stays one row): its tooltip names it whole.
          title={current === '' ? t('views.default') : current}
          onChange={(event) => {
            choose(event.target.value);
            apply(event.target.value);
          }}
          data-testid="view-select"
        >
          <option value="">{t('views.default')}</option>
          {views.map((view) => (
            <option key={view.name} value={view.name}>
              {view.name}
            </option>
          ))}
        </select>
      ) : (
        <form
          id={nameFormId}
          className="grid-views-name"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <input
            autoFocus
            maxLength={100}
            value={naming}
            placeholder={t('views.namePrompt')}
            aria-label={t('views.namePrompt')}
            onChange={(event) => setNaming(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setNaming(null);
            }}
            data-testid="view-name"
          />
        </form>
      )}
    </div>
  );
}
