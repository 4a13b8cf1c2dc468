import { unreadableDateMessage } from '../../../shared/domain/dates';
import type {
  CellEditingStartedEvent,
  CellEditingStoppedEvent,
  CellValueChangedEvent,
  GridApi,
} from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { countryName } from '../../../shared/domain/countries';
import {
  PARTNERSHIP_WARNINGS,
  warningOfIssue,
  type PartnershipWarning,
} from '../../../shared/domain/partnership-rules';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { compareCzech } from '../../../shared/domain/text';
import { DataGrid, type DataGridProps } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoMembersNotice, SearchFilteredOutNotice } from '../../components/NoMembersNotice';
import { PageHeader } from '../../components/PageHeader';
import { PrintButton } from '../../components/PrintButton';
import { SearchBox } from '../../components/SearchBox';
import { ApiError, call } from '../../lib/api';
import { useRowStore } from '../../lib/row-store';
import { useI18n, type I18n } from '../../lib/i18n';
import { withShortcut } from '../../lib/shortcuts';
import { requestImport } from '../../lib/import-requests';
import { offerUndo } from '../../lib/undo';
import { createInlineEditVersions } from '../../lib/inline-edit-versions';
import { useAsync } from '../../lib/useAsync';
import { ConfirmDialog } from '../../components/dialogs';
import { ProvenanceFilterSelect, VerifyShownButton } from '../../components/ProvenanceControls';
import { matchesProvenance } from '../../../shared/domain/provenance';
import {
  DEFAULT_PARTNERSHIP_FILTERS,
  hasPartnershipFilters,
  parseOpenPartnership,
  parsePartnershipLink,
  partnershipFiltersLink,
  type PartnershipLinkFilters,
} from '../../lib/deep-links';
import { MEMBERSHIP_FILTERS, passesMembership } from '../../../shared/domain/statistics/filter';
import { CodeSelect } from '../../components/Field';
import { StatsFigureChip, useFigureIds, useFigureLink } from '../../components/StatsFigureChip';
import { DeleteImpact, type ImpactKind } from '../../components/DeleteImpact';
import { errorText } from '../../lib/errors';
import { NewPartnershipDialog } from './NewPartnershipDialog';
import { BulkEditDialog } from './BulkEditDialog';
import { PartnershipDetail } from './PartnershipDetail';
import {
  choiceLabelOf,
  columnFiltersInForce,
  partnershipsColumns,
  unreadableDateEdit,
  type ColumnFilterInForce,
} from './partnerships-columns';
import { partnershipsStore } from './partnerships-store';
import { errorToast, said, useToast } from '../../components/Toasts';
import { ExportViewButtons } from '../../components/ExportViewButtons';
import { tickableRows } from '../../components/SelectAllHeader';
import { showBulkResult, unverify, VERIFY_TEXTS } from '../../components/bulk-result';
import { shownRowIds, tickedOrShownIds, tickedShownCount } from '../../lib/grid-view';
import './partnerships.css';

type EditableField = 'type' | 'status' | 'startedOn' | 'signedOn' | 'areas';
const EDITABLE: readonly string[] = ['type', 'status', 'startedOn', 'signedOn', 'areas'] satisfies EditableField[];
/** What a delete of a partnership takes with it, in the dialog's order. */
const PARTNERSHIP_IMPACT: readonly ImpactKind[] = ['contacts', 'activities', 'agreements', 'attachments'];
/** A field's name in a notice, in the language the notice is drawn in. */
const fieldLabelIn =
  (i18n: I18n) =>
  (path: string): string =>
    i18n.tk(`partnerships.field.${path.split('.')[0] ?? path}`);

/** A value typed in a cell, as the cell shows it (the status's word, a date as the screens write it). */
const typedText = (i18n: I18n, field: string, value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (field === 'status') return i18n.tk(`partnershipStatus.${text}`);
  if (field === 'type') return i18n.tk(`partnershipType.${text}`);
  if (/^\d{4}(-\d{2}){0,2}$/.test(text)) return i18n.formatDate(text);
  return text;
};

const isEditable = (field: string | undefined): field is EditableField =>
  field !== undefined && EDITABLE.includes(field);

export function PartnershipsPage() {
  const i18n = useI18n();
  const { t, tn, tk, language } = i18n;
  const list = useRowStore(partnershipsStore);
  const rows = list.rows;
  const regions = useAsync(() => call('regions:list', {}), []);
  const [api, setApi] = useState<GridApi<PartnershipRow> | null>(null);
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState<number | null>(null);
  const [filters, setFilters] = useState<PartnershipLinkFilters>(() => parsePartnershipLink(window.location.hash));
  const figureIds = useFigureIds(filters.figure, () => setFilters((f) => ({ ...f, figure: null })));
  // A figure's link shows exactly its rows (no search, no column filter left); its chip can go back.
  const figureLink = useFigureLink({ filters, setFilters, search, setSearch, api });
  const openLinkFilters = figureLink.open;
  const [detailId, setDetailId] = useState<number | null>(() => parseOpenPartnership(window.location.hash));
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<PartnershipRow | null>(null);
  /** Rows ticked for a bulk edit, and the rows the open bulk dialog changes (taken when it opens). */
  const [selectedCount, setSelectedCount] = useState(0);
  const [bulkRows, setBulkRows] = useState<PartnershipRow[] | null>(null);
  const show = useToast();
  const { reload } = partnershipsStore;
  useEffect(() => {
    // The screen stays alive behind other screens: only its own addresses with a filter change its
    // filters (coming back from the menu, "#/partnerships", keeps what the user chose).
    const onHash = () => {
      if (!window.location.hash.startsWith('#/partnerships?')) return;
      openLinkFilters(parsePartnershipLink(window.location.hash));
      const open = parseOpenPartnership(window.location.hash);
      if (open !== null) setDetailId(open);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [openLinkFilters]);

  /** Puts a changed row into the grid at once (core's `data:changed` then refreshes just that row). */
  const putRow = useCallback((row: PartnershipRow) => partnershipsStore.patch([row]), []);

  // Inline edits save against the version their editor opened on (lib/inline-edit-versions.ts).
  const versions = useMemo(createInlineEditVersions, []);
  const saveChange = useCallback(
    (
      original: PartnershipRow,
      base: number,
      firstChanges: Partial<Pick<PartnershipRow, EditableField>> & { acknowledge?: PartnershipWarning[] },
    ) => {
      const attempt = async (changes: typeof firstChanges): Promise<void> => {
        try {
          const row = await versions.inTurn(original.id, base, (version) =>
            call('partnerships:update', { id: original.id, version, changes }),
          );
          putRow(row);
          // The undo puts back what the fields held (a signature before the start was accepted then).
          const before = Object.fromEntries(
            Object.keys(changes)
              .filter((key) => key !== 'acknowledge')
              .map((key) => [key, original[key as EditableField]]),
          ) as Partial<Pick<PartnershipRow, EditableField>>;
          const undo = offerUndo(() => {
            call('partnerships:update', {
              id: row.id,
              version: row.version,
              changes: { ...before, acknowledge: [...PARTNERSHIP_WARNINGS] },
            }).then(
              (back) => {
                versions.saved(back.id, back.version);
                putRow(back);
                show({ kind: 'ok', text: said('partnerships.undone'), seconds: 4 });
              },
              (error: unknown) => show({ kind: 'error', text: (i) => errorText(error, i, fieldLabelIn(i)) }),
            );
          });
          show({
            kind: 'ok',
            text: said('partnerships.saved'),
            seconds: 6,
            action: { label: said('partnerships.undo'), run: undo },
          });
        } catch (error) {
          putRow(original);
          // A warning (signed before the start, active with an end date) is a question: the toast
          // says it and offers to save anyway, which stores the confirmation with the record.
          const issues = error instanceof ApiError && Array.isArray(error.details?.issues) ? error.details.issues : [];
          const warnings = issues.map(warningOfIssue).filter((w): w is PartnershipWarning => w !== undefined);
          if (warnings.length > 0 && warnings.length === issues.length) {
            // Named by its row as the date error beside it is: with two questions open, each says
            // which partnership its „Přesto uložit“ saves (walkthrough 23).
            const row = `${original.municipalityName} – ${original.townName}`;
            show({
              kind: 'error',
              text: (i) => errorText(error, i, (path) => `${fieldLabelIn(i)(path)} (${row})`),
              action: {
                label: said('partnerships.saveAnyway'),
                run: () => void attempt({ ...changes, acknowledge: warnings }),
              },
            });
            return;
          }
          const conflict = error instanceof ApiError && error.code === 'CONFLICT';
          // The cell shows the stored value again: the toast says what was typed and not saved
          // (it was gone without a word: walkthrough 18), and why.
          const typed = Object.entries(changes).filter(([field]) => field !== 'acknowledge');
          show({
            kind: 'error',
            text: (i) =>
              i.t('partnerships.inline.notSaved', {
                row: `${original.municipalityName} – ${original.townName}`,
                values: typed
                  .map(([field, value]) =>
                    i.t('partnerships.inline.typedValue', {
                      field: fieldLabelIn(i)(field),
                      value: typedText(i, field, value),
                    }),
                  )
                  .join(', '),
                problem: errorText(error, i, fieldLabelIn(i)),
              }),
            action: conflict ? { label: said('partnerships.reload'), run: reload } : undefined,
          });
        }
      };
      return attempt(firstChanges);
    },
    [putRow, reload, show, versions],
  );

  const onCellValueChanged = useCallback(
    (event: CellValueChangedEvent<PartnershipRow>) => {
      const field = event.colDef.field;
      if (!isEditable(field)) return;
      const original: PartnershipRow = { ...event.data, [field]: event.oldValue as unknown };
      const base = versions.baseOf(original.id, field, original.version);
      const edited: unknown = event.newValue;
      const value = edited === '' ? null : edited;
      const changes = { [field]: value } as Partial<Pick<PartnershipRow, EditableField>>;
      // The rules between fields (and the questions of warnings) are core's: see saveChange.
      void saveChange(original, base, changes);
    },
    [saveChange, versions],
  );
  const onCellEditingStarted = useCallback(
    (event: CellEditingStartedEvent<PartnershipRow>) => {
      const field = event.colDef.field;
      if (event.data && isEditable(field)) versions.started(event.data.id, field, event.data.version);
    },
    [versions],
  );

  const askDelete = useCallback((row: PartnershipRow) => setDeleting(row), []);
  const open = useCallback((row: PartnershipRow) => setDetailId(row.id), []);
  const columns = useMemo(
    () =>
      partnershipsColumns(i18n, {
        onOpen: open,
        onDelete: askDelete,
      }),
    [i18n, open, askDelete],
  );
  // A date the user typed that is no date is said once, when the edit ends (not for "19" on the
  // way to "1998"); the cell kept its value.
  const onCellEditingStopped = useCallback(
    (event: CellEditingStoppedEvent<PartnershipRow>) => {
      const text = unreadableDateEdit(event);
      if (text === null) return;
      // A day the calendar lacks has the form of a date: said so, not "is not a date" (walkthrough 27).
      const problem = unreadableDateMessage(text);
      // Named by its column and row (a toast said only "“abc”: Zadejte datum…"); nothing was stored,
      // so it goes away by itself instead of piling up over the grid.
      show({
        kind: 'error',
        seconds: 10,
        text: t(problem === 'validation.noSuchDay' ? 'partnerships.inline.noSuchDay' : 'partnerships.inline.notADate', {
          field: event.colDef.headerName ?? '',
          row: event.data ? `${event.data.municipalityName} – ${event.data.townName}` : '',
          text,
          problem: tk(problem),
        }),
      });
    },
    [show, t, tk],
  );
  // One object for as long as its parts stay the same: AG Grid takes a new `rowSelection` or
  // `selectionColumnDef` for a change of its columns, and measured the grid's layout again (all
  // columns refreshed) on every render of this screen, such as each return to it.
  const gridProps = useMemo<DataGridProps<PartnershipRow>['gridProps']>(
    () => ({
      onCellValueChanged,
      onCellEditingStarted,
      onCellEditingStopped,
      // Ticked rows are what "Edit selected" changes.
      ...tickableRows(
        { label: t('partnerships.selectAll'), clearLabel: t('partnerships.selectNone') },
        setSelectedCount,
      ),
      stopEditingWhenCellsLoseFocus: true,
      // Under 20 columns: drawing all of them keeps every cell reachable (rows stay virtualised).
      suppressColumnVirtualisation: true,
    }),
    [onCellValueChanged, onCellEditingStarted, onCellEditingStopped, t],
  );
  const getRowId = useCallback((params: { data: PartnershipRow }) => String(params.data.id), []);
  const onGridReady = useCallback((ready: GridApi<PartnershipRow>) => {
    setApi(ready);
    // A grid made anew (a switch of language) starts with no ticked rows: the count must too.
    setSelectedCount(ready.getSelectedRows().length);
  }, []);
  // The column filters in force, named in the current language: the reset shows while one is set
  // and the notice names it when it hides the rows (walkthrough 23 blamed the search).
  const [columnFilters, setColumnFilters] = useState<ColumnFilterInForce[]>([]);
  useEffect(() => {
    // A switch of language gives a new `tk` before the new grid's API: the old one is destroyed.
    if (!api || api.isDestroyed()) return;
    const read = () => {
      if (api.isDestroyed()) return;
      setColumnFilters(
        columnFiltersInForce(
          api.getFilterModel(),
          (colId) => api.getColumn(colId)?.getColDef().headerName ?? colId,
          // A choice filter (type, status) is named by the labels of its codes.
          (colId, code) => choiceLabelOf(api.getColumn(colId)?.getColDef(), code, tk),
        ),
      );
    };
    read();
    api.addEventListener('filterChanged', read);
    return () => {
      if (!api.isDestroyed()) api.removeEventListener('filterChanged', read);
    };
  }, [api, tk]);
  /**
   * Takes away what narrows the grid: the filter bar, the column filters and, unless the search is
   * what the user goes on with („Hledat ve všech partnerstvích“), the search; sort and columns stay.
   */
  const clearNarrowing = useCallback(
    (keep: { search: boolean; membership: PartnershipLinkFilters['membership'] }) => {
      setFilters({ ...DEFAULT_PARTNERSHIP_FILTERS, membership: keep.membership });
      if (!keep.search) setSearch('');
      if (api && !api.isDestroyed()) api.setFilterModel(null);
    },
    [api],
  );

  // What the delete takes with it, counted by core when the dialog opens (a contact added by a
  // colleague meanwhile is counted). The delete is made against the version the user saw: a
  // colleague's change since is refused as a conflict naming them, never deleted unseen.
  const deleteImpact = useAsync(
    () => (deleting === null ? Promise.resolve(undefined) : call('partnerships:deleteImpact', { id: deleting.id })),
    [deleting],
  );
  const confirmDelete = async (row: PartnershipRow) => {
    setDeleting(null);
    try {
      const { auditId } = await call('partnerships:delete', { id: row.id, version: row.version });
      partnershipsStore.patch([], [row.id]);
      if (detailId === row.id) setDetailId(null);
      show({
        kind: 'info',
        text: said('partnerships.deleted', { member: row.municipalityName, town: row.townName }),
        seconds: 15,
        action: {
          label: said('partnerships.undo'),
          run: offerUndo(() => {
            call('partnerships:restore', { auditId }).then(
              (restored) => {
                partnershipsStore.patch([restored]);
                show({ kind: 'ok', text: said('partnerships.restored'), seconds: 4 });
              },
              (error: unknown) => show(errorToast(error)),
            );
          }),
        },
      });
    } catch (error) {
      const conflict = error instanceof ApiError && error.code === 'CONFLICT';
      show({
        kind: 'error',
        text: (i) => errorText(error, i, fieldLabelIn(i)),
        action: conflict ? { label: said('partnerships.reload'), run: reload } : undefined,
      });
    }
  };

  const countries = useMemo(() => {
    const codes = [...new Set((rows ?? []).map((r) => r.countryCode))];
    return codes
      .map((code) => ({ code, name: countryName(code, language) }))
      .sort((a, b) => compareCzech(a.name, b.name));
  }, [rows, language]);
  const memberName = useMemo(
    () =>
      filters.municipalityId === null
        ? null
        : (rows?.find((r) => r.municipalityId === filters.municipalityId)?.municipalityName ??
          String(filters.municipalityId)),
    [rows, filters.municipalityId],
  );
  const externalFilter = useMemo(() => {
    const { municipalityId, countryCode, regionCode, provenance, membership, figure } = filters;
    return (row: PartnershipRow) =>
      (municipalityId === null || row.municipalityId === municipalityId) &&
      (countryCode === null || row.countryCode === countryCode) &&
      (regionCode === null || row.regionCode === regionCode) &&
      matchesProvenance(row, provenance) &&
      passesMembership(membership, row.municipalityIsMember) &&
      // A figure's rows come from core; none are shown until it answered.
      (figure === null || (figureIds?.has(row.id) ?? false));
  }, [filters, figureIds]);
  /** The filter bar and the search, as a saved view keeps them. */
  const screenView = useMemo(
    () => ({
      value: { filters: partnershipFiltersLink(filters), search },
      restore: (value: unknown) => {
        const saved = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
        setFilters(parsePartnershipLink(typeof saved.filters === 'string' ? saved.filters : ''));
        setSearch(typeof saved.search === 'string' ? saved.search : '');
      },
    }),
    [filters, search],
  );
  // The ticked rows the filters show now (a row ticked and then hidden by a filter is not marked);
  // read at each render, which a change of the filters or of the ticks causes.
  const tickedShown = selectedCount > 0 ? tickedShownCount(api) : 0;
  /** What "Mark as verified" marks: the ticked rows the filters show, else every row shown. */
  const verifyIds = useCallback(() => tickedOrShownIds(api), [api]);
  /** The ticked rows that the filters show: a row hidden by a filter since it was ticked is not edited. */
  const openBulk = async () => {
    if (!api) return;
    const shownSet = new Set(await shownRowIds(api));
    setBulkRows(api.getSelectedRows().filter((row) => shownSet.has(row.id)));
  };
  const bulkDone = (result: { changed: number; auditId: number | null }, ids: number[]) => {
    setBulkRows(null);
    partnershipsStore.refresh(ids);
    showBulkResult(
      show,
      result,
      {
        none: 'partnerships.bulk.none',
        done: 'partnerships.bulk.done',
        undo: 'partnerships.undo',
        undone: 'partnerships.bulk.undone',
      },
      (auditId, options) => call('partnerships:bulkRestore', { auditId, ...options }),
      () => partnershipsStore.refresh(ids),
      fieldLabelIn,
    );
  };

  const total = rows?.length ?? 0;
  // Members' partnerships are the default view: none at all is the filter's doing, said so.
  const noMembersPartnerships = useMemo(
    () => rows !== undefined && rows.length > 0 && !rows.some((row) => row.municipalityIsMember),
    [rows],
  );
  const searching = search.trim() !== '';
  const columnFiltersText = columnFilters
    .map((filter) =>
      filter.text === null
        ? filter.column
        : t('partnerships.columnFilter', { column: filter.column, text: filter.text }),
    )
    .join(', ');
  const toolbar = (
    <div
      className="filter-bar filter-bar-compact"
      role="group"
      aria-label={t('common.search')}
      data-testid="partnership-filters"
    >
      <label>
        <span>{t('partnerships.filter.region')}</span>
        <select
          value={filters.regionCode ?? ''}
          onChange={(e) => setFilters((f) => ({ ...f, regionCode: e.target.value || null }))}
          className="region-select"
          data-testid="filter-region"
        >
          <option value="">{t('partnerships.filter.allRegions')}</option>
          {(regions.data ?? []).map((region) => (
            <option key={region.code} value={region.code}>
              {region.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('partnerships.filter.country')}</span>
        <select
          value={filters.countryCode ?? ''}
          onChange={(e) => setFilters((f) => ({ ...f, countryCode: e.target.value || null }))}
          data-testid="filter-country"
        >
          <option value="">{t('partnerships.filter.allCountries')}</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('provenance.filter.label')}</span>
        <ProvenanceFilterSelect
          value={filters.provenance}
          onChange={(provenance) => setFilters((f) => ({ ...f, provenance }))}
          importKind="partnerships"
        />
      </label>
      <label>
        <span>{t('partnerships.filter.membership')}</span>
        <CodeSelect
          codes={MEMBERSHIP_FILTERS}
          labelPrefix="partnerships.membership"
          value={filters.membership}
          onChange={(membership) => setFilters((f) => ({ ...f, membership: membership ?? 'members' }))}
          className="membership-select"
          data-testid="filter-membership"
        />
      </label>
      {filters.figure !== null && (
        <StatsFigureChip
          figure={filters.figure}
          onClear={() => setFilters((f) => ({ ...f, figure: null }))}
          back={figureLink.back}
        />
      )}
      {memberName !== null && (
        <span className="p-filter-chip" data-testid="filter-member">
          {t('partnerships.filter.member', { name: memberName })}
          <button
            type="button"
            onClick={() => setFilters((f) => ({ ...f, municipalityId: null }))}
            aria-label={t('partnerships.filter.clear')}
          >
            ×
          </button>
        </span>
      )}
      {(hasPartnershipFilters(filters) || search.trim() !== '' || columnFilters.length > 0) && (
        <button
          type="button"
          className="link-button"
          onClick={() => clearNarrowing({ search: false, membership: DEFAULT_PARTNERSHIP_FILTERS.membership })}
          data-testid="filter-reset"
        >
          {t('partnerships.filter.reset')}
        </button>
      )}
    </div>
  );

  return (
    <section className="page p-page">
      <PageHeader
        title={t('partnerships.title')}
        count={
          rows === undefined
            ? undefined
            : shown !== null && shown !== total
              ? t('common.rowsFiltered', { shown, total })
              : tn('common.rows', total)
        }
        primary={
          <>
            <button
              type="button"
              className="button primary"
              onClick={() => setAdding(true)}
              title={withShortcut(t('partnerships.add'), 'new')}
              data-shortcut="new"
              data-testid="add-partnership"
            >
              + {t('partnerships.add')}
            </button>
            {/* The one import of both lists, opened here for partnerships (it moved to Members with "Obce" chosen). */}
            <button
              type="button"
              className="button"
              onClick={() => requestImport({ kind: 'partnerships' })}
              data-testid="partnerships-import"
            >
              {t('import.open')}
            </button>
          </>
        }
      >
        <SearchBox value={search} onChange={setSearch} />
        <VerifyShownButton
          table="partnerships"
          count={rows === undefined || !api ? 0 : selectedCount > 0 ? tickedShown : (shown ?? total)}
          shownIds={verifyIds}
          selected={selectedCount > 0}
          onDone={(result) => showBulkResult(show, result, VERIFY_TEXTS, unverify, () => undefined)}
          onError={(error) => show({ kind: 'error', text: (i) => errorText(error, i, fieldLabelIn(i)) })}
        />
        {/* The count is what the edit changes: the ticked rows the filters show (not those hidden since). */}
        {tickedShown > 0 && (
          <button type="button" className="button" onClick={() => void openBulk()} data-testid="bulk-edit">
            {t('partnerships.bulk.button', { count: i18n.formatNumber(tickedShown) })}
          </button>
        )}
        <PrintButton title={t('partnerships.title')} />
        <ExportViewButtons
          grid="partnerships"
          api={api}
          labels={{ csv: t('partnerships.export.csv'), xlsx: t('partnerships.export.xlsx') }}
          doneText={(result, shown) =>
            shown.t('partnerships.export.done', { count: result.rows, path: result.filePath })
          }
        />
      </PageHeader>
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={reload} />}
      {list.status === 'ready' && total === 0 && <p className="empty-note">{t('partnerships.empty')}</p>}
      {noMembersPartnerships && filters.membership === 'members' && (
        <NoMembersNotice of="partnerships" onShowAll={() => setFilters((f) => ({ ...f, membership: 'all' }))} />
      )}
      <SearchFilteredOutNotice
        of="partnerships"
        search={search}
        shown={
          !noMembersPartnerships &&
          shown === 0 &&
          total > 0 &&
          (columnFilters.length > 0 || (searching && (hasPartnershipFilters(filters) || filters.membership !== 'all')))
        }
        text={
          columnFilters.length === 0
            ? undefined
            : searching
              ? t('partnerships.searchColumnFilteredOut', { text: search.trim(), columns: columnFiltersText })
              : t('partnerships.columnFilteredOut', { columns: columnFiltersText })
        }
        actionLabel={searching ? undefined : t('partnerships.filter.reset')}
        // With a search: every partnership searched (filter bar and column filters cleared, the
        // search kept); without one: the filters cleared.
        onSearchAll={() =>
          clearNarrowing({ search: searching, membership: searching ? 'all' : DEFAULT_PARTNERSHIP_FILTERS.membership })
        }
      />
      <DataGrid<PartnershipRow>
        testId="partnerships-grid"
        ownEmptyNote
        onOpenRow={open}
        onDeleteRow={askDelete}
        gridId="partnerships"
        rows={rows}
        columns={columns}
        getRowId={getRowId}
        quickFilter={search}
        onReady={onGridReady}
        onRowCountChange={setShown}
        externalFilter={externalFilter}
        screenView={screenView}
        toolbar={toolbar}
        gridProps={gridProps}
      />
      {detailId !== null && (
        <PartnershipDetail
          id={detailId}
          onClose={() => setDetailId(null)}
          onSaved={putRow}
          onDelete={(row) => setDeleting(row)}
        />
      )}
      {bulkRows !== null && (
        <BulkEditDialog
          rows={bulkRows}
          onClose={() => setBulkRows(null)}
          // The dialog stays open with the user's choices and its rows fetched again (walkthrough 22).
          onReload={() => partnershipsStore.refresh(bulkRows.map((row) => row.id))}
          onDone={(result) =>
            bulkDone(
              result,
              bulkRows.map((row) => row.id),
            )
          }
        />
      )}
      {adding && (
        <NewPartnershipDialog
          onClose={() => setAdding(false)}
          onCreated={(row) => {
            setAdding(false);
            partnershipsStore.patch([row]);
            show({ kind: 'ok', text: said('partnerships.saved'), seconds: 4 });
            setDetailId(row.id);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('partnerships.deleteTitle')}
          body={t('partnerships.confirmDelete', { member: deleting.municipalityName, town: deleting.townName })}
          confirmLabel={t('partnerships.delete')}
          danger
          busy={deleteImpact.data === undefined}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void confirmDelete(deleting)}
        >
          <DeleteImpact impact={deleteImpact} kinds={PARTNERSHIP_IMPACT} />
        </ConfirmDialog>
      )}
    </section>
  );
}
