import type { CellValueChangedEvent, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MUNICIPALITY_KINDS } from '../../../shared/domain/codes';
import {
  checkMunicipalityField,
  INLINE_MUNICIPALITY_FIELDS,
  MEMBERSHIP_STATES,
  type MembershipState,
  type MunicipalityDetail,
  type MunicipalityPatch,
} from '../../../shared/domain/municipality-rules';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { compareCzech } from '../../../shared/domain/text';
import { DataGrid } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { ProvenanceFilterSelect, VerifyShownButton } from '../../components/ProvenanceControls';
import { SearchBox } from '../../components/SearchBox';
import { ApiError, call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { offerUndo } from '../../lib/undo';
import { useAsync } from '../../lib/useAsync';
import { useRowStore } from '../../lib/row-store';
import { membersStore } from './members-store';
import { Dialog, NoticeBar, type Notice } from '../../components/dialogs';
import { issuesByField } from '../../lib/errors';
import { MemberForm } from './MemberForm';
import { MemberOverview } from './MemberOverview';
import { membersColumns } from './members-columns';
import { NO_FILTERS, filterMembers, hasFilters, orpOptions, type MemberFilters } from './members-filters';
import './members.css';
import { CodeSelect } from '../../components/Field';

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

/**
 * `importButton`: the import feature's button for the header, composed by the app (features do
 * not import each other).
 */
export function MembersPage({ importButton }: { importButton?: ReactNode }) {
  const i18n = useI18n();
  const { t, tk, tn } = i18n;
  const members = useRowStore(membersStore);
  const regions = useAsync(() => call('regions:list', {}), []);
  const districts = useAsync(() => call('districts:list', {}), []);
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState<number | null>(null);
  const [filters, setFilters] = useState<MemberFilters>(NO_FILTERS);
  const [openId, setOpenId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [gridApi, setGridApi] = useState<GridApi<MunicipalityRow> | null>(null);
  const { reload } = membersStore;

  const onOpen = useCallback((row: MunicipalityRow) => setOpenId(row.id), []);
  const columns = useMemo(() => membersColumns(i18n, { onOpen }), [i18n, onOpen]);
  const getRowId = useCallback((params: { data: MunicipalityRow }) => String(params.data.id), []);
  const externalFilter = useMemo(
    () => (hasFilters(filters) ? (row: MunicipalityRow) => filterMembers([row], filters).length === 1 : null),
    [filters],
  );
  const [exporting, setExporting] = useState(false);
  const orps = useMemo(() => orpOptions(members.rows ?? [], filters), [members.rows, filters]);
  const districtChoices = useMemo(
    () =>
      (districts.data ?? [])
        .filter((d) => filters.regionId === '' || String(d.regionId) === filters.regionId)
        .sort((a, b) => compareCzech(a.name, b.name)),
    [districts.data, filters.regionId],
  );

  const conflictNotice = useCallback(
    (): Notice => ({
      kind: 'conflict',
      text: t('members.conflict'),
      action: {
        label: t('members.reload'),
        run: () => {
          setNotice(null);
          reload();
        },
      },
    }),
    [t, reload],
  );

  /** Inline edit: checked by the same rule as the form and core; a refused change is put back. */
  const onCellValueChanged = useCallback(
    (event: CellValueChangedEvent<MunicipalityRow>) => {
      const field = event.colDef.field;
      const row = event.data;
      if (!isInlineField(field) || event.oldValue === event.newValue) return;
      const label = t(FIELD_LABEL[field]);
      const putBack = () => {
        Object.assign(row, { [field]: event.oldValue as unknown });
        event.api.refreshCells({ rowNodes: [event.node], force: true });
      };
      const problem = checkMunicipalityField(field, event.newValue);
      if (problem !== null) {
        putBack();
        setNotice({
          kind: 'error',
          text: t('members.inlineError', { name: row.name, field: label, message: tk(problem) }),
        });
        return;
      }
      const patch = { [field]: event.newValue as unknown } as MunicipalityPatch;
      call('municipalities:update', { id: row.id, version: row.version, patch }).then(
        (saved) => {
          Object.assign(row, rowFields(saved));
          event.api.refreshCells({ rowNodes: [event.node], force: true });
          setNotice({ kind: 'ok', text: t('members.saved', { name: saved.name }) });
        },
        (error: unknown) => {
          putBack();
          if (error instanceof ApiError && error.code === 'CONFLICT') setNotice(conflictNotice());
          else {
            const issue = issuesByField(error)[field];
            setNotice({
              kind: 'error',
              text: t('members.inlineError', {
                name: row.name,
                field: label,
                message: issue
                  ? tk(issue)
                  : error instanceof ApiError
                    ? tk(`error.${error.code}`)
                    : t('error.INTERNAL'),
              }),
            });
          }
        },
      );
    },
    [t, tk, conflictNotice],
  );

  // The shared DataGrid stays generic: the page listens to edits through the grid's API.
  useEffect(() => {
    if (!gridApi) return;
    gridApi.addEventListener('cellValueChanged', onCellValueChanged);
    return () => {
      if (!gridApi.isDestroyed()) gridApi.removeEventListener('cellValueChanged', onCellValueChanged);
    };
  }, [gridApi, onCellValueChanged]);

  const onDeleted = useCallback(
    (auditId: number, name: string) => {
      setOpenId(null);
      setNotice({
        kind: 'ok',
        text: t('members.deleted', { name }),
        action: {
          label: t('members.undo'),
          run: offerUndo(() => {
            call('municipalities:restore', { auditId }).then(
              (restored) => {
                setNotice({ kind: 'ok', text: t('members.restored', { name: restored.name }) });
              },
              (error: unknown) =>
                setNotice({
                  kind: 'error',
                  text:
                    error instanceof ApiError ? `${tk(`error.${error.code}`)} ${error.message}` : t('error.INTERNAL'),
                }),
            );
          }),
        },
      });
    },
    [t, tk],
  );

  const setFilter = <K extends keyof MemberFilters>(key: K, value: MemberFilters[K]) =>
    setFilters((previous) => {
      const next = { ...previous, [key]: value };
      if (key === 'regionId') next.districtId = '';
      if (key === 'regionId' || key === 'districtId') next.orp = '';
      return next;
    });

  const shownIds = useCallback(() => {
    const ids: number[] = [];
    gridApi?.forEachNodeAfterFilterAndSort((node) => {
      if (node.data) ids.push(node.data.id);
    });
    return ids;
  }, [gridApi]);

  /** Exports what the grid shows: its rows after every filter, in its order, with its visible columns. */
  const exportView = async (format: 'csv' | 'xlsx') => {
    if (!gridApi) return;
    const rowIds: number[] = [];
    gridApi.forEachNodeAfterFilterAndSort((node) => {
      if (node.data) rowIds.push(node.data.id);
    });
    const columns = gridApi
      .getAllDisplayedColumns()
      .map((column) => column.getColId())
      .filter((id) => id !== 'open');
    setExporting(true);
    try {
      const result = await call('export:grid', { grid: 'members', format, rowIds, columns, language: i18n.language });
      setNotice({ kind: 'ok', text: t('members.exported', { count: result.rows, path: result.filePath }) });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'CANCELLED'))
        setNotice({
          kind: 'error',
          text: error instanceof ApiError ? `${tk(`error.${error.code}`)} ${error.message}` : t('error.INTERNAL'),
        });
    } finally {
      setExporting(false);
    }
  };

  const filterBar = (
    <div className="m-filterbar" role="group" aria-label={t('common.search')} data-testid="member-filters">
      <label>
        <span>{t('members.col.region')}</span>
        <select
          value={filters.regionId}
          onChange={(e) => setFilter('regionId', e.target.value)}
          data-testid="filter-region"
        >
          <option value="">{t('members.filter.allRegions')}</option>
          {(regions.data ?? []).map((r) => (
            <option key={r.id} value={String(r.id)}>
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
      <label>
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
        <select
          value={filters.membership}
          onChange={(e) => setFilter('membership', e.target.value as MembershipState | '')}
          data-testid="filter-membership"
        >
          <option value="">{t('members.filter.all')}</option>
          {MEMBERSHIP_STATES.map((state) => (
            <option key={state} value={state}>
              {tk(`membership.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('provenance.col.source')}</span>
        <ProvenanceFilterSelect
          value={filters.provenance}
          onChange={(value) => setFilter('provenance', value)}
          importKind="municipalities"
        />
      </label>
      {hasFilters(filters) && (
        <button type="button" className="link-button" onClick={() => setFilters(NO_FILTERS)} data-testid="filter-reset">
          {t('members.filter.reset')}
        </button>
      )}
    </div>
  );

  const total = members.rows?.length ?? 0;
  const visible = shown ?? total;
  return (
    <section className="page members-page">
      <PageHeader
        title={t('members.title')}
        count={
          members.rows === undefined
            ? undefined
            : visible !== total
              ? t('common.rowsFiltered', { shown: visible, total })
              : tn('common.rows', total)
        }
      >
        <SearchBox value={search} onChange={setSearch} />
        <VerifyShownButton
          table="municipalities"
          count={gridApi ? visible : 0}
          shownIds={shownIds}
          onDone={(count) => setNotice({ kind: 'ok', text: t('provenance.verify.done', { count }) })}
          onError={(error) =>
            setNotice({
              kind: 'error',
              text: error instanceof ApiError ? `${tk(`error.${error.code}`)} ${error.message}` : t('error.INTERNAL'),
            })
          }
        />
        <button
          type="button"
          className="button"
          disabled={exporting}
          onClick={() => void exportView('csv')}
          data-testid="export-csv"
        >
          {t('members.exportCsv')}
        </button>
        <button
          type="button"
          className="button"
          disabled={exporting}
          onClick={() => void exportView('xlsx')}
          data-testid="export-xlsx"
        >
          {t('members.exportXlsx')}
        </button>
        <button type="button" className="button primary" onClick={() => setAdding(true)} data-testid="add-member">
          + {t('members.add')}
        </button>
        {importButton}
      </PageHeader>

      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {members.status === 'error' && <ErrorNotice error={members.error} onRetry={reload} />}
      {members.status === 'ready' && total === 0 && <p className="empty-note">{t('members.empty')}</p>}
      <DataGrid<MunicipalityRow>
        testId="members-grid"
        rows={members.rows}
        columns={columns}
        gridId="members"
        toolbar={filterBar}
        externalFilter={externalFilter}
        getRowId={getRowId}
        quickFilter={search}
        onRowCountChange={setShown}
        onReady={setGridApi}
      />

      {openId !== null && (
        <MemberOverview
          key={openId}
          id={openId}
          regions={regions.data ?? []}
          districts={districts.data ?? []}
          onClose={() => setOpenId(null)}
          onNotice={setNotice}
          onDeleted={onDeleted}
          onChanged={() => membersStore.refresh([openId])}
        />
      )}
      {adding && (
        <Dialog title={t('members.form.titleNew')} onClose={() => setAdding(false)} wide testId="add-member-dialog">
          <MemberForm
            detail={null}
            regions={regions.data ?? []}
            districts={districts.data ?? []}
            onCancel={() => setAdding(false)}
            onConflict={() => setNotice(conflictNotice())}
            onSaved={(created) => {
              setAdding(false);
              setNotice({ kind: 'ok', text: t('members.created', { name: created.name }) });
            }}
          />
        </Dialog>
      )}
    </section>
  );
}
