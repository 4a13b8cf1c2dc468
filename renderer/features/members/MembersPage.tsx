import type { CellEditingStartedEvent, CellValueChangedEvent, GridApi, SortChangedEvent } from 'ag-grid-community';
import { createInlineEditVersions } from '../../lib/inline-edit-versions';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MUNICIPALITY_KINDS } from '../../../shared/domain/codes';
import type { MunicipalityDetail, MunicipalityPatch } from '../../../shared/domain/municipality-rules';
import { INLINE_MUNICIPALITY_FIELDS } from '../../../shared/domain/membership';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { compareCzech, searchKey } from '../../../shared/domain/text';
import { DataGrid, type DataGridProps } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoMembersNotice, SearchFilteredOutNotice } from '../../components/NoMembersNotice';
import { PageHeader } from '../../components/PageHeader';
import { PrintButton } from '../../components/PrintButton';
import { ProvenanceFilterSelect, VerifyShownButton } from '../../components/ProvenanceControls';
import { SearchBox } from '../../components/SearchBox';
import { ApiError, call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { withShortcut } from '../../lib/shortcuts';
import { offerUndo } from '../../lib/undo';
import { useAsync } from '../../lib/useAsync';
import { useRowStore } from '../../lib/row-store';
import { membersStore } from './members-store';
import { Dialog } from '../../components/dialogs';
import { tickableRows } from '../../components/SelectAllHeader';
import { showBulkResult, unverify, VERIFY_TEXTS } from '../../components/bulk-result';
import { ExportViewButtons } from '../../components/ExportViewButtons';
import { errorToast, said, useToast, type Toast } from '../../components/Toasts';
import { conflictText, errorText, issuesByField } from '../../lib/errors';
import { shownRowIds, tickedOrShownIds, tickedShownCount } from '../../lib/grid-view';
import { membersColumns } from './members-columns';
import { defaultSortOf, foldSearch, isDefaultSort, nameMatchesFirstAfterSort } from './members-search-rank';
import { DEFAULT_FILTERS, hasFilters, memberPasses, orpOptions, type MemberFilters } from './members-filters';
import { membersFiltersLink, parseMembersLink } from '../../lib/deep-links';
import { StatsFigureChip, useFigureIds, useFigureLink } from '../../components/StatsFigureChip';
import { MEMBERSHIP_FILTERS } from '../../../shared/domain/statistics/figures';
import './members.css';
import { CodeSelect } from '../../components/Field';

// The form and the overview (with the municipality's rules and zod) load when first opened.
const MemberForm = lazy(() => import('./MemberForm').then((m) => ({ default: m.MemberForm })));
const MemberOverview = lazy(() => import('./MemberOverview').then((m) => ({ default: m.MemberOverview })));

function FormLoading() {
  const { t } = useI18n();
  return (
    <div className="screen-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );
}

type InlineField = (typeof INLINE_MUNICIPALITY_FIELDS)[number];
const isInlineField = (field: string | undefined): field is InlineField =>
  (INLINE_MUNICIPALITY_FIELDS as readonly string[]).includes(field ?? '');

/** Fields of a saved detail that the grid row shows (so the row carries the new version at once). */
const rowFields = (detail: MunicipalityDetail): Partial<MunicipalityRow> =>
  Object.fromEntries(Object.entries(detail).filter(([field]) => field !== 'notes'));

const FIELD_LABEL: Record<InlineField, Parameters<ReturnType<typeof useI18n>['t']>[0]> = {
  name: 'members.col.name',
  population: 'members.col.population',
  orpName: 'members.col.orp',
  mayorName: 'members.col.mayor',
  email: 'members.col.email',
  website: 'members.col.website',
  postalCode: 'members.col.postalCode',
  street: 'members.col.street',
};

/** At most this many municipalities named by the search are offered above the grid. */
const NAMED_MATCHES = 3;

/**
 * `importButton`: the import feature's button for the header, composed by the app (features do
 * not import each other).
 */
export function MembersPage({ importButton }: { importButton?: ReactNode }) {
  const i18n = useI18n();
  const { t, tn } = i18n;
  const members = useRowStore(membersStore);
  const regions = useAsync(() => call('regions:list', {}), []);
  const districts = useAsync(() => call('districts:list', {}), []);
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState<number | null>(null);
  // A link (from a figure on the Statistics screen) presets the filter bar; else the members.
  const [filters, setFilters] = useState<MemberFilters>(() => parseMembersLink(window.location.hash));
  const figureIds = useFigureIds(filters.figure, () => setFilters((f) => ({ ...f, figure: null })));
  const [openId, setOpenId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const toast = useToast();
  const [gridApi, setGridApi] = useState<GridApi<MunicipalityRow> | null>(null);
  const { reload } = membersStore;
  const [selectedCount, setSelectedCount] = useState(0);
  /** The ticked rows the filters show, while the membership dialog is open. */
  const [bulkRows, setBulkRows] = useState<MunicipalityRow[] | null>(null);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [bulkProblem, setBulkProblem] = useState<string | null>(null);
  // Ticked rows are what "Membership of selected" changes (one object while the language stays).
  const tickable = useMemo(
    () => tickableRows({ label: t('members.selectAll'), clearLabel: t('members.selectNone') }, setSelectedCount),
    [t],
  );

  const onOpen = useCallback((row: MunicipalityRow) => setOpenId(row.id), []);
  const onGridReady = useCallback((api: GridApi<MunicipalityRow>) => {
    setGridApi(api);
    // A grid made anew (a switch of language) starts with no ticked rows: the count must too, or
    // the first tick after it left the bulk buttons at "(0)" (walkthrough 15).
    setSelectedCount(api.getSelectedRows().length);
  }, []);
  const columns = useMemo(() => membersColumns(i18n, { onOpen }), [i18n, onOpen]);
  // The search finds districts, regions, ORPs too ("zdar": 188 rows, the Žďár towns last): while
  // the screen's own sort (the name, A to Z) is in force, the rows whose name answers the search
  // come first (walkthrough 27); once the user sorts by a header, their sort wins. The grid sorts
  // changes as deltas only without `postSortRows`: it is given only while it may reorder.
  const defaultSort = useMemo(() => defaultSortOf(columns), [columns]);
  const rankNames = useMemo(
    () => nameMatchesFirstAfterSort<MunicipalityRow>((row) => row.name, defaultSort),
    [defaultSort],
  );
  /** Whether the user chose the sort (a header, the column menu): then names are not put first. */
  const [userSorted, setUserSorted] = useState(false);
  /** Whether the grid is sorted as the screen's columns say (a saved view may sort otherwise). */
  const [screenSorted, setScreenSorted] = useState(true);
  useEffect(() => {
    if (!gridApi || gridApi.isDestroyed()) return;
    const read = (event?: SortChangedEvent<MunicipalityRow>) => {
      if (gridApi.isDestroyed()) return;
      if (event?.source === 'uiColumnSorted') setUserSorted(true);
      // A view recalled (its sort, or the default view's) is the screen's, not a click of the user.
      else if (event?.source === 'api') setUserSorted(false);
      setScreenSorted(isDefaultSort(gridApi.getColumnState(), defaultSort));
    };
    read();
    gridApi.addEventListener('sortChanged', read);
    return () => {
      if (!gridApi.isDestroyed()) gridApi.removeEventListener('sortChanged', read);
    };
  }, [gridApi, defaultSort]);
  const namesFirst = foldSearch(search) !== null && !userSorted && screenSorted;
  const gridProps = useMemo<DataGridProps<MunicipalityRow>['gridProps']>(
    () => ({ ...tickable, postSortRows: namesFirst ? rankNames : undefined }),
    [tickable, namesFirst, rankNames],
  );
  const getRowId = useCallback((params: { data: MunicipalityRow }) => String(params.data.id), []);
  // A figure's link shows exactly its rows (no search, no column filter left); its chip can go back.
  const figureLink = useFigureLink({ filters, setFilters, search, setSearch, api: gridApi });
  const openLinkFilters = figureLink.open;
  useEffect(() => {
    // The screen stays alive behind other screens: only its own addresses with a query change its filters.
    const onHash = () => {
      if (window.location.hash.startsWith('#/members?')) openLinkFilters(parseMembersLink(window.location.hash));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [openLinkFilters]);
  const externalFilter = useMemo(
    () => (row: MunicipalityRow) => memberPasses(row, filters, figureIds),
    [filters, figureIds],
  );
  /** The filter bar and the search, as a saved view keeps them. */
  const screenView = useMemo(
    () => ({
      value: { filters: membersFiltersLink(filters), search },
      restore: (value: unknown) => {
        const saved = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
        setFilters(parseMembersLink(typeof saved.filters === 'string' ? saved.filters : ''));
        setSearch(typeof saved.search === 'string' ? saved.search : '');
      },
    }),
    [filters, search],
  );
  const orps = useMemo(() => orpOptions(members.rows ?? [], filters), [members.rows, filters]);
  const regionIdOf = useCallback(
    (code: string) => regions.data?.find((region) => region.code === code)?.id ?? null,
    [regions.data],
  );
  const districtChoices = useMemo(
    () =>
      (districts.data ?? [])
        .filter((d) => filters.region === '' || d.regionId === regionIdOf(filters.region))
        .sort((a, b) => compareCzech(a.name, b.name)),
    [districts.data, filters.region, regionIdOf],
  );

  const conflictToast = useCallback(
    (error?: unknown): Omit<Toast, 'id'> => ({
      kind: 'error',
      text: (i) => conflictText(error, i, 'members.conflict'),
      action: { label: said('members.reload'), run: reload },
    }),
    [reload],
  );

  /** Inline edit: checked by the same rule as the form and core; a refused change is put back. */
  // Inline edits save against the version their editor opened on (lib/inline-edit-versions.ts).
  const versions = useMemo(createInlineEditVersions, []);
  const onCellValueChanged = useCallback(
    (event: CellValueChangedEvent<MunicipalityRow>) => {
      const field = event.colDef.field;
      const row = event.data;
      if (!isInlineField(field)) return;
      const base = versions.baseOf(row.id, field, row.version);
      if (event.oldValue === event.newValue) return;
      const putBack = () => {
        Object.assign(row, { [field]: event.oldValue as unknown });
        event.api.refreshCells({ rowNodes: [event.node], force: true });
      };
      const patch = { [field]: event.newValue as unknown } as MunicipalityPatch;
      // Checked by the field's rule (loaded with the first edit) before core is asked.
      import('../../../shared/domain/municipality-rules')
        .then(({ checkMunicipalityField }) => {
          const problem = checkMunicipalityField(field, event.newValue);
          if (problem === null)
            return versions.inTurn(row.id, base, (version) =>
              call('municipalities:update', { id: row.id, version, patch }),
            );
          putBack();
          toast({
            kind: 'error',
            text: (i) =>
              i.t('members.inlineError', { name: row.name, field: i.t(FIELD_LABEL[field]), message: i.tk(problem) }),
          });
          return null;
        })
        .then(
          (saved) => {
            if (saved === null) return;
            Object.assign(row, rowFields(saved));
            event.api.refreshCells({ rowNodes: [event.node], force: true });
            // Undo (the toast or Ctrl+Z) puts the cell's stored value back; a save that stored the
            // same value (e.g. only spaces differed) has nothing to undo.
            const back = { [field]: event.oldValue as unknown } as MunicipalityPatch;
            const changed = JSON.stringify(saved[field]) !== JSON.stringify(event.oldValue);
            toast({
              kind: 'ok',
              text: said('members.saved', { name: saved.name }),
              seconds: 8,
              action: changed
                ? {
                    label: said('members.undo'),
                    run: offerUndo(() => {
                      call('municipalities:update', { id: saved.id, version: saved.version, patch: back }).then(
                        (restored) => {
                          versions.saved(restored.id, restored.version);
                          membersStore.refresh([restored.id]);
                          toast({ kind: 'ok', text: said('members.undone', { name: restored.name }), seconds: 4 });
                        },
                        (error: unknown) =>
                          toast(
                            error instanceof ApiError && error.code === 'CONFLICT'
                              ? conflictToast(error)
                              : { kind: 'error', text: (i) => errorText(error, i, (path) => path) },
                          ),
                      );
                    }),
                  }
                : undefined,
            });
          },
          (error: unknown) => {
            putBack();
            if (error instanceof ApiError && error.code === 'CONFLICT') toast(conflictToast(error));
            else {
              const issue = issuesByField(error)[field];
              toast({
                kind: 'error',
                text: (i) =>
                  i.t('members.inlineError', {
                    name: row.name,
                    field: i.t(FIELD_LABEL[field]),
                    message: issue
                      ? i.tk(issue)
                      : error instanceof ApiError
                        ? i.tk(`error.${error.code}`)
                        : i.t('error.INTERNAL'),
                  }),
              });
            }
          },
        );
    },
    [toast, conflictToast, versions],
  );
  const onCellEditingStarted = useCallback(
    (event: CellEditingStartedEvent<MunicipalityRow>) => {
      const field = event.colDef.field;
      if (event.data && isInlineField(field)) versions.started(event.data.id, field, event.data.version);
    },
    [versions],
  );

  // The shared DataGrid stays generic: the page listens to edits through the grid's API.
  useEffect(() => {
    // A change of language rebuilds the grid: until the new one is ready, the old API is destroyed.
    if (!gridApi || gridApi.isDestroyed()) return;
    gridApi.addEventListener('cellValueChanged', onCellValueChanged);
    gridApi.addEventListener('cellEditingStarted', onCellEditingStarted);
    return () => {
      if (gridApi.isDestroyed()) return;
      gridApi.removeEventListener('cellValueChanged', onCellValueChanged);
      gridApi.removeEventListener('cellEditingStarted', onCellEditingStarted);
    };
  }, [gridApi, onCellValueChanged, onCellEditingStarted]);
  // Whether a column filter narrows the grid: „Zrušit filtry“ shows and clears it too (walkthrough
  // 23: the reset left the search and the column filters in force, the count unchanged).
  const [columnFiltered, setColumnFiltered] = useState(false);
  useEffect(() => {
    if (!gridApi) return;
    const read = () => {
      if (!gridApi.isDestroyed()) setColumnFiltered(Object.keys(gridApi.getFilterModel()).length > 0);
    };
    read();
    gridApi.addEventListener('filterChanged', read);
    return () => {
      if (!gridApi.isDestroyed()) gridApi.removeEventListener('filterChanged', read);
    };
  }, [gridApi]);
  /** Takes away all that narrows the grid: the filter bar, the search, the column filters (sort and columns stay). */
  const clearNarrowing = useCallback(() => {
    setFilters(DEFAULT_FILTERS);
    setSearch('');
    if (gridApi && !gridApi.isDestroyed()) gridApi.setFilterModel(null);
  }, [gridApi]);

  const onDeleted = useCallback(
    (auditId: number, name: string) => {
      setOpenId(null);
      toast({
        kind: 'info',
        text: said('members.deleted', { name }),
        seconds: 15,
        action: {
          label: said('members.undo'),
          run: offerUndo(() => {
            call('municipalities:restore', { auditId }).then(
              (restored) => toast({ kind: 'ok', text: said('members.restored', { name: restored.name }) }),
              (error: unknown) => toast(errorToast(error)),
            );
          }),
        },
      });
    },
    [toast],
  );

  const setFilter = <K extends keyof MemberFilters>(key: K, value: MemberFilters[K]) =>
    setFilters((previous) => {
      const next = { ...previous, [key]: value };
      if (key === 'region') next.districtId = '';
      if (key === 'region' || key === 'districtId') next.orp = '';
      return next;
    });

  /** What "Mark as verified" marks: the ticked rows the filters show, else every row shown. */
  const verifyIds = useCallback(() => tickedOrShownIds(gridApi), [gridApi]);
  const tickedShown = selectedCount > 0 ? tickedShownCount(gridApi) : 0;

  /** Opens the membership dialog for the ticked rows the filters show (a row hidden since is left out). */
  const openBulk = async () => {
    if (!gridApi) return;
    const shownSet = new Set(await shownRowIds(gridApi));
    setBulkProblem(null);
    setBulkRows(gridApi.getSelectedRows().filter((row) => shownSet.has(row.id)));
  };
  const setMembership = async (isMember: boolean) => {
    if (bulkRows === null || bulkRows.length === 0) return;
    const ids = bulkRows.map((row) => row.id);
    setBulkBusy(true);
    try {
      const result = await call('municipalities:bulkMembership', {
        rows: bulkRows.map(({ id, version }) => ({ id, version })),
        isMember,
      });
      setBulkRows(null);
      // Done with them: rows the filter now hides are not left ticked out of sight.
      if (gridApi && !gridApi.isDestroyed()) gridApi.deselectAll();
      membersStore.refresh(ids);
      showBulkResult(
        toast,
        result,
        { none: 'members.bulk.none', done: 'members.bulk.done', undo: 'members.undo', undone: 'members.bulk.undone' },
        (auditId, options) => call('municipalities:bulkRestoreMembership', { auditId, ...options }),
        () => membersStore.refresh(ids),
      );
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) {
        // Nothing was written, and the versions the dialog holds are stale: a retry would fail
        // again. The rows are fetched anew; the user chooses again.
        setBulkRows(null);
        membersStore.refresh(ids);
        toast({ kind: 'error', text: (i) => errorText(error, i, (path) => path) });
      } else setBulkProblem(errorText(error, i18n, (path) => path));
    } finally {
      setBulkBusy(false);
    }
  };

  const filterBar = (
    <div className="filter-bar" role="group" aria-label={t('common.search')} data-testid="member-filters">
      <label>
        <span>{t('members.col.region')}</span>
        <select
          value={filters.region}
          onChange={(e) => setFilter('region', e.target.value)}
          data-testid="filter-region"
        >
          <option value="">{t('members.filter.allRegions')}</option>
          {(regions.data ?? []).map((r) => (
            <option key={r.id} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('members.col.district')}</span>
        <select
          value={filters.districtId}
          onChange={(e) => setFilter('districtId', e.target.value)}
          data-testid="filter-district"
        >
          <option value="">{t('members.filter.allDistricts')}</option>
          {districtChoices.map((d) => (
            <option key={d.id} value={String(d.id)}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label title={t('members.col.orpTooltip')}>
        <span>{t('members.col.orp')}</span>
        <select value={filters.orp} onChange={(e) => setFilter('orp', e.target.value)} data-testid="filter-orp">
          <option value="">{t('members.filter.allOrp')}</option>
          {orps.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('members.col.kind')}</span>
        <CodeSelect
          codes={MUNICIPALITY_KINDS}
          labelPrefix="kind"
          value={filters.kind === '' ? null : filters.kind}
          onChange={(kind) => setFilter('kind', kind ?? '')}
          empty={t('members.filter.allKinds')}
          data-testid="filter-kind"
        />
      </label>
      <label>
        <span>{t('members.col.membership')}</span>
        <CodeSelect
          codes={MEMBERSHIP_FILTERS}
          labelPrefix="members.membership"
          value={filters.membership}
          onChange={(membership) => setFilter('membership', membership ?? 'members')}
          className="membership-select"
          data-testid="filter-membership"
        />
      </label>
      <label>
        <span>{t('provenance.filter.label')}</span>
        <ProvenanceFilterSelect
          value={filters.provenance}
          onChange={(value) => setFilter('provenance', value)}
          importKind="municipalities"
        />
      </label>
      {filters.figure !== null && (
        <StatsFigureChip figure={filters.figure} onClear={() => setFilter('figure', null)} back={figureLink.back} />
      )}
      {(hasFilters(filters) || search.trim() !== '' || columnFiltered) && (
        <button type="button" className="link-button" onClick={clearNarrowing} data-testid="filter-reset">
          {t('members.filter.reset')}
        </button>
      )}
    </div>
  );

  /** Ticked former members (an end date given): marked members, they keep it. */
  const ended = (bulkRows ?? []).filter((row) => row.memberUntil !== null);
  const total = members.rows?.length ?? 0;
  // The search finds districts and regions too ("zdar": 188 rows, Žďár nad Sázavou the 184th):
  // the municipalities it names are offered first, to open at once (walkthrough 15).
  // More names than fit ("trebic": Netřebice twice, Třebíč, Třebichovice): those named exactly
  // as typed are offered still (walkthrough 19: Třebíč was the 156th row, with no shortcut).
  const { named, nameMatches } = useMemo(() => {
    const words = searchKey(search).split(/\s+/).filter(Boolean);
    if (words.length === 0 || members.rows === undefined) return { named: [], nameMatches: 0 };
    const found = members.rows
      .filter((row) => externalFilter(row) && words.every((word) => searchKey(row.name).includes(word)))
      .sort((a, b) => compareCzech(a.name, b.name));
    if (found.length <= NAMED_MATCHES) return { named: found, nameMatches: found.length };
    const typed = words.join(' ');
    // More of that exact name than fit (14 "Nová Ves"): none, rather than three of them as if all.
    const exact = found
      .filter((row) => searchKey(row.name).split(/\s+/).filter(Boolean).join(' ') === typed)
      .slice(0, NAMED_MATCHES + 1);
    return { named: exact, nameMatches: found.length };
  }, [search, members.rows, externalFilter]);
  const visible = shown ?? total;
  // Said beside the count while it changes the order: some rows shown answer by name, some not.
  const namesFirstNote = namesFirst && nameMatches > 0 && visible > nameMatches;
  // Members are the default view: a registry with none marked (a list of all municipalities just
  // imported) shows nothing, and says why.
  const noMembers = useMemo(
    () => members.rows !== undefined && members.rows.length > 0 && !members.rows.some((row) => row.isMember),
    [members.rows],
  );
  // The title names what the grid lists: "Členské obce 174 z 6 259" stood over rows saying "není
  // členem" with all municipalities shown (walkthrough 17).
  const title =
    filters.membership === 'nonMembers'
      ? t('members.title.nonMembers')
      : filters.membership === 'all'
        ? t('members.title.all')
        : t('members.title');
  return (
    <section className="page members-page">
      <PageHeader
        title={title}
        count={
          members.rows === undefined
            ? undefined
            : [
                visible !== total ? t('common.rowsFiltered', { shown: visible, total }) : tn('common.rows', total),
                ...(namesFirstNote ? [t('members.search.namesFirst')] : []),
              ].join(' · ')
        }
        primary={
          <>
            <button
              type="button"
              className="button primary"
              onClick={() => setAdding(true)}
              title={withShortcut(t('members.add'), 'new')}
              data-shortcut="new"
              data-testid="add-member"
            >
              + {t('members.add')}
            </button>
            {importButton}
          </>
        }
      >
        <SearchBox value={search} onChange={setSearch} />
        <VerifyShownButton
          table="municipalities"
          count={gridApi ? (selectedCount > 0 ? tickedShown : visible) : 0}
          shownIds={verifyIds}
          selected={selectedCount > 0}
          onDone={(result) => showBulkResult(toast, result, VERIFY_TEXTS, unverify, () => undefined)}
          onError={(error) => toast(errorToast(error))}
        />
        {/* The count is what the edit changes: the ticked rows the filters show (not those hidden since). */}
        {tickedShown > 0 && (
          <button type="button" className="button" onClick={() => void openBulk()} data-testid="members-bulk">
            {t('members.bulk.button', { count: i18n.formatNumber(tickedShown) })}
          </button>
        )}
        <PrintButton title={title} />
        <ExportViewButtons
          grid="members"
          api={gridApi}
          labels={{ csv: t('members.exportCsv'), xlsx: t('members.exportXlsx') }}
          doneText={(result, shown) => shown.t('members.exported', { count: result.rows, path: result.filePath })}
        />
      </PageHeader>

      {members.status === 'error' && <ErrorNotice error={members.error} onRetry={reload} />}
      {members.status === 'ready' && total === 0 && <p className="empty-note">{t('members.empty')}</p>}
      {noMembers && filters.membership === 'members' && (
        <NoMembersNotice of="municipalities" onShowAll={() => setFilter('membership', 'all')} />
      )}
      <SearchFilteredOutNotice
        of="members"
        search={search}
        shown={
          !noMembers &&
          search.trim() !== '' &&
          visible === 0 &&
          total > 0 &&
          (hasFilters(filters) || filters.membership !== 'all')
        }
        onSearchAll={() => setFilters({ ...DEFAULT_FILTERS, membership: 'all' })}
      />
      {named.length > 0 && named.length <= NAMED_MATCHES && visible > named.length && (
        <p className="search-named" data-testid="search-named">
          {t('members.search.named')}{' '}
          {named.map((row) => (
            <button
              key={row.id}
              type="button"
              className="button small"
              onClick={() => setOpenId(row.id)}
              data-testid="search-named-open"
            >
              {row.districtName !== null && row.districtName !== row.name
                ? `${row.name} (${row.districtName})`
                : row.name}
            </button>
          ))}
        </p>
      )}
      <DataGrid<MunicipalityRow>
        testId="members-grid"
        ownEmptyNote
        rows={members.rows}
        columns={columns}
        gridId="members"
        toolbar={filterBar}
        externalFilter={externalFilter}
        screenView={screenView}
        getRowId={getRowId}
        quickFilter={search}
        onRowCountChange={setShown}
        onOpenRow={onOpen}
        onReady={onGridReady}
        gridProps={gridProps}
      />
      {bulkRows !== null && (
        <Dialog
          title={t('members.bulk.title')}
          onClose={() => setBulkRows(null)}
          testId="members-bulk-dialog"
          footer={
            <>
              <button
                type="button"
                className="button primary"
                disabled={bulkBusy || bulkRows.length === 0}
                onClick={() => void setMembership(true)}
                data-testid="members-bulk-member"
              >
                {t('members.bulk.toMember')}
              </button>
              <button
                type="button"
                className="button"
                disabled={bulkBusy || bulkRows.length === 0}
                onClick={() => void setMembership(false)}
                data-testid="members-bulk-nonmember"
              >
                {t('members.bulk.toNonMember')}
              </button>
              <button type="button" className="button" onClick={() => setBulkRows(null)}>
                {t('common.cancel')}
              </button>
            </>
          }
        >
          <p>{t('members.bulk.intro', { count: i18n.formatNumber(bulkRows.length) })}</p>
          {/* A former member marked a member keeps "member until": said before, not found out later. */}
          {ended.length > 0 && (
            <p className="notice" data-testid="members-bulk-ended">
              {t('members.bulk.ended', {
                names:
                  ended.length <= 5
                    ? ended.map((row) => row.name).join(', ')
                    : t('members.bulk.more', {
                        names: ended
                          .slice(0, 5)
                          .map((row) => row.name)
                          .join(', '),
                        more: i18n.formatNumber(ended.length - 5),
                      }),
              })}
            </p>
          )}
          {bulkProblem !== null && (
            <p className="notice notice-error" role="alert" data-testid="members-bulk-problem">
              {bulkProblem}
            </p>
          )}
        </Dialog>
      )}

      {openId !== null && (
        <Suspense fallback={null}>
          <MemberOverview
            key={openId}
            id={openId}
            regions={regions.data ?? []}
            districts={districts.data ?? []}
            onClose={() => setOpenId(null)}
            onDeleted={onDeleted}
            onChanged={() => membersStore.refresh([openId])}
          />
        </Suspense>
      )}
      {adding && (
        <Dialog title={t('members.form.titleNew')} onClose={() => setAdding(false)} wide testId="add-member-dialog">
          <Suspense fallback={<FormLoading />}>
            <MemberForm
              detail={null}
              regions={regions.data ?? []}
              districts={districts.data ?? []}
              onCancel={() => setAdding(false)}
              onOpenKnown={(id) => {
                setAdding(false);
                setOpenId(id);
              }}
              onConflict={(error) => toast(conflictToast(error))}
              onSaved={(created) => {
                setAdding(false);
                toast({ kind: 'ok', text: said('members.created', { name: created.name }) });
              }}
            />
          </Suspense>
        </Dialog>
      )}
    </section>
  );
}
