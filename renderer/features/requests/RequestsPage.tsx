import type { GridApi, RowClickedEvent } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { countryName } from '../../../shared/domain/countries';
import type { TownSuggestion } from '../../../shared/domain/partnerships';
import type { RequestRow } from '../../../shared/domain/request-rules';
import { DataGrid } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { ApiError, call, onEvent } from '../../lib/api';
import { conflictText } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { withShortcut } from '../../lib/shortcuts';
import { offerUndo } from '../../lib/undo';
import { useAsync } from '../../lib/useAsync';
import { ConfirmDialog, Dialog } from '../../components/dialogs';
import { errorToast, said, useToast } from '../../components/Toasts';
import { ConvertDialog } from './ConvertDialog';
import { GazetteerTowns } from './GazetteerTowns';
import { openLink, parseRequestLink, partnershipsLink } from '../../lib/deep-links';
import { RequestForm } from './RequestForm';
import { hiddenBesidePanel, requesterOf, requestsColumns, resultingPartnership } from './requests-columns';
import './requests.css';

function Suggestions({ row, onPick }: { row: RequestRow; onPick: (id: number) => void }) {
  const { t, tk, language } = useI18n();
  const suggestions = useAsync(() => call('requests:suggest', { id: row.id }), [row.id, row.version]);
  if (suggestions.status === 'error') return <ErrorNotice error={suggestions.error} onRetry={suggestions.reload} />;
  if (suggestions.data === undefined) return <p className="empty-note">{t('common.loading')}</p>;
  return (
    <div data-testid="suggestions">
      <p className="note">{t('requests.suggestPanel.hint')}</p>
      {suggestions.data.length === 0 ? (
        <p className="empty-note">{t('requests.suggestPanel.none')}</p>
      ) : (
        <ol className="r-suggestions">
          {suggestions.data.map((s) => (
            <li key={s.request.id}>
              <button type="button" className="link-button r-suggestion-name" onClick={() => onPick(s.request.id)}>
                {requesterOf(s.request)}
              </button>
              <span className="muted"> · {countryName(s.request.requesterCountryCode, language)}</span>
              <span className="badge req-new r-score">{t('requests.suggestPanel.score', { score: s.score })}</span>
              {s.sizeMatches && <span className="badge badge-member">{t('requests.suggestPanel.sizeMatches')}</span>}
              <p className="note">
                {s.commonThemes.length === 0
                  ? t('requests.suggestPanel.noThemes')
                  : `${t('requests.suggestPanel.common')}: ${s.commonThemes.map((a) => tk(`area.${a}`)).join(', ')}`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function RequestsPage() {
  const i18n = useI18n();
  const { t, tk, tn, formatDate, language } = i18n;
  const requests = useAsync(() => call('requests:list', {}), []);
  const members = useAsync(() => call('municipalities:list', {}), []);
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState<number | null>(null);
  // A link from a partnership's history (`#/requests?request=12`) shows that request.
  const [selectedId, setSelectedId] = useState<number | null>(() => parseRequestLink(window.location.hash));
  const [dialog, setDialog] = useState<'new' | 'edit' | 'delete' | 'convert' | null>(null);
  // The town a conversion starts with (picked among the gazetteer suggestions), if any.
  const [convertTown, setConvertTown] = useState<TownSuggestion | null>(null);
  const toast = useToast();
  const [gridApi, setGridApi] = useState<GridApi<RequestRow> | null>(null);
  const { reload } = requests;
  useEffect(() => onEvent('data:changed', () => reload()), [reload]);

  const columns = useMemo(() => requestsColumns(i18n), [i18n]);
  const getRowId = useCallback((params: { data: RequestRow }) => String(params.data.id), []);
  const selected = requests.data?.find((r) => r.id === selectedId) ?? null;
  // The panel is open while a request is chosen (or linked: it may say that one is gone). Beside it
  // the grid keeps the columns a user tells the requests apart by; closed, the grid has its whole
  // width and every column back (walkthrough 27, finding 9a).
  const panelOpen = selectedId !== null;
  useEffect(() => {
    // A change of language makes the grid anew (a new API): its columns are set again then too.
    if (!gridApi || gridApi.isDestroyed()) return;
    const hidden = hiddenBesidePanel(columns);
    const focused = gridApi.getFocusedCell();
    gridApi.setColumnsVisible(hidden, !panelOpen);
    // A row chosen by a click on its date: the keyboard stays on that row, on its requester (the
    // arrows went nowhere from a hidden cell).
    const inGrid = document.activeElement?.closest('.ag-cell') != null;
    if (panelOpen && inGrid && focused && hidden.includes(focused.column.getColId()))
      gridApi.setFocusedCell(focused.rowIndex, 'requester', focused.rowPinned);
  }, [gridApi, columns, panelOpen]);

  useEffect(() => {
    const onHash = () => {
      const linked = parseRequestLink(window.location.hash);
      if (linked !== null) setSelectedId(linked);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The linked (or chosen) request's row is brought into view once the grid has it.
  useEffect(() => {
    if (!gridApi || gridApi.isDestroyed() || selectedId === null || requests.data === undefined) return;
    const node = gridApi.getRowNode(String(selectedId));
    if (node) gridApi.ensureNodeVisible(node);
  }, [gridApi, selectedId, requests.data]);

  useEffect(() => {
    if (!gridApi) return;
    const onClick = (event: RowClickedEvent<RequestRow>) => {
      if (event.data) setSelectedId(event.data.id);
    };
    gridApi.addEventListener('rowClicked', onClick);
    return () => {
      if (!gridApi.isDestroyed()) gridApi.removeEventListener('rowClicked', onClick);
    };
  }, [gridApi]);

  const conflict = useCallback(
    (error?: unknown) => {
      setDialog(null);
      toast({
        kind: 'error',
        text: (i) => conflictText(error, i, 'requests.conflict'),
        action: { label: t('requests.reload'), run: reload },
      });
    },
    [t, toast, reload],
  );

  const remove = async () => {
    if (!selected) return;
    try {
      const { auditId } = await call('requests:delete', { id: selected.id, version: selected.version });
      const name = requesterOf(selected);
      setDialog(null);
      setSelectedId(null);
      reload();
      toast({
        kind: 'info',
        text: t('requests.deleted', { name }),
        seconds: 15,
        action: {
          label: t('requests.undo'),
          run: offerUndo(() => {
            call('requests:restore', { auditId }).then(
              (row) => {
                toast({ kind: 'ok', text: t('requests.restored', { name: requesterOf(row) }) });
                setSelectedId(row.id);
                reload();
              },
              (error: unknown) => toast(errorToast(error, i18n)),
            );
          }),
        },
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') conflict(error);
      else toast(errorToast(error, i18n));
    }
  };

  const total = requests.data?.length ?? 0;
  return (
    <section className="page requests-page">
      <PageHeader
        title={t('requests.title')}
        count={
          requests.data === undefined
            ? undefined
            : shown !== null && shown !== total
              ? t('common.rowsFiltered', { shown, total })
              : tn('common.rows', total)
        }
        primary={
          <button
            type="button"
            className="button primary"
            onClick={() => setDialog('new')}
            title={withShortcut(t('requests.add'), 'new')}
            data-shortcut="new"
            data-testid="add-request"
          >
            + {t('requests.add')}
          </button>
        }
      >
        <SearchBox value={search} onChange={setSearch} />
        {!panelOpen && total > 0 && (
          <p className="note r-select-hint" data-testid="request-select-hint">
            {t('requests.select')}
          </p>
        )}
      </PageHeader>
      {requests.status === 'error' && <ErrorNotice error={requests.error} onRetry={requests.reload} />}
      {requests.status === 'ready' && total === 0 && <p className="empty-note">{t('requests.empty')}</p>}
      <div className={panelOpen ? 'r-layout r-layout-open' : 'r-layout'}>
        <DataGrid<RequestRow>
          testId="requests-grid"
          ownEmptyNote
          rows={requests.data}
          columns={columns}
          getRowId={getRowId}
          quickFilter={search}
          onRowCountChange={setShown}
          onReady={setGridApi}
        />
        {panelOpen && (
          <aside className="r-panel" data-testid="request-panel">
            {/* Closed as a partnership's or a member's panel is: its × or Esc. */}
            <button
              type="button"
              className="close-button r-panel-close"
              onClick={() => setSelectedId(null)}
              aria-label={t('common.close')}
              title={withShortcut(t('common.close'), 'close')}
              data-shortcut="close"
              data-testid="request-panel-close"
            >
              ×
            </button>
            {selected === null ? (
              // The request chosen or linked (a partnership's history) is no longer in the list: deleted since.
              // Not while the list loads again (a request just made or restored is not in the old one).
              requests.status === 'ready' ? (
                <p className="empty-note" data-testid="request-linked-gone">
                  {t('requests.linkedGone')}
                </p>
              ) : (
                <p className="empty-note">{t('common.loading')}</p>
              )
            ) : (
              <>
                <header className="r-panel-header">
                  <span className={`badge req-${selected.status}`}>{tk(`requestStatus.${selected.status}`)}</span>
                  <h2 data-testid="request-title">{requesterOf(selected)}</h2>
                  <p className="note">
                    {tk(`requestDirection.${selected.direction}`)} · {formatDate(selected.receivedOn)}
                  </p>
                </header>
                <dl className="r-facts">
                  <dt>{t('requests.col.wantedCountries')}</dt>
                  <dd>
                    {selected.wantedCountryCodes.length === 0
                      ? t('requestCountry.any')
                      : selected.wantedCountryCodes.map((c) => countryName(c, language)).join(', ')}
                  </dd>
                  <dt>{t('requests.col.wantedSize')}</dt>
                  <dd>{selected.wantedSize ? tk(`townSize.${selected.wantedSize}`) : t('requests.anySize')}</dd>
                  <dt>{t('requests.col.themes')}</dt>
                  <dd>
                    <span className="chips">
                      {selected.themes.map((a) => (
                        <span key={a} className="chip r-chip">
                          {tk(`area.${a}`)}
                        </span>
                      ))}
                    </span>
                  </dd>
                  {selected.partnershipId !== null && (
                    <>
                      <dt>{t('requests.col.partnership')}</dt>
                      <dd>
                        <a
                          className="link"
                          href={partnershipsLink({ municipality: selected.partnerMunicipalityId })}
                          data-testid="request-partnership"
                        >
                          {resultingPartnership(selected, language)}
                        </a>
                      </dd>
                    </>
                  )}
                </dl>
                {selected.description && (
                  <p className="r-description" data-testid="request-description">
                    {selected.description}
                  </p>
                )}
                <div className="r-actions">
                  <button type="button" className="button" onClick={() => setDialog('edit')} data-testid="edit-request">
                    {t('requests.edit')}
                  </button>
                  {selected.partnershipId === null ? (
                    <button
                      type="button"
                      className="button primary"
                      onClick={() => {
                        setConvertTown(null);
                        setDialog('convert');
                      }}
                      data-testid="convert-request"
                    >
                      {t('requests.convert')}
                    </button>
                  ) : (
                    <span className="note">{t('requests.alreadyConverted')}</span>
                  )}
                  <button
                    type="button"
                    className="button danger"
                    onClick={() => setDialog('delete')}
                    data-testid="delete-request"
                  >
                    {t('requests.delete')}
                  </button>
                </div>
                <section className="r-suggest">
                  <h3>{t('requests.suggestPanel.title', { name: requesterOf(selected) })}</h3>
                  {selected.direction === 'member_seeks' ? (
                    <>
                      <h4 className="r-suggest-sub">{t('requests.suggestPanel.requests')}</h4>
                      <Suggestions row={selected} onPick={setSelectedId} />
                      {selected.partnershipId === null && (
                        <>
                          <h4 className="r-suggest-sub">{t('requests.towns.title')}</h4>
                          <GazetteerTowns
                            row={selected}
                            onPick={(town) => {
                              setConvertTown(town);
                              setDialog('convert');
                            }}
                          />
                        </>
                      )}
                    </>
                  ) : (
                    <p className="note">{t('requests.suggestPanel.onlyMember')}</p>
                  )}
                </section>
              </>
            )}
          </aside>
        )}
      </div>

      {(dialog === 'new' || (dialog === 'edit' && selected)) && (
        <Dialog
          title={dialog === 'new' ? t('requests.form.titleNew') : t('requests.form.titleEdit')}
          onClose={() => setDialog(null)}
          wide
          testId="request-dialog"
        >
          <RequestForm
            row={dialog === 'edit' ? selected : null}
            members={members.data ?? []}
            existing={requests.data ?? []}
            onCancel={() => setDialog(null)}
            onConflict={conflict}
            onSaved={(row) => {
              setDialog(null);
              setSelectedId(row.id);
              toast({ kind: 'ok', text: t('requests.saved', { name: requesterOf(row) }) });
              reload();
            }}
          />
        </Dialog>
      )}
      {dialog === 'delete' && selected && (
        <ConfirmDialog
          title={t('requests.deleteDialog.title', { name: requesterOf(selected) })}
          body={t('requests.deleteDialog.body')}
          confirmLabel={t('requests.delete')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog === 'convert' && selected && (
        <ConvertDialog
          key={`${String(selected.id)}-${String(convertTown?.geonamesId ?? convertTown?.foreignTownId ?? '')}`}
          row={selected}
          members={members.data}
          requests={requests.data ?? []}
          initialTown={convertTown}
          onCancel={() => setDialog(null)}
          onConflict={conflict}
          onDone={(result) => {
            setDialog(null);
            reload();
            const names = {
              member: result.request.partnerMunicipalityName ?? '',
              town: result.request.partnerTownName ?? '',
            };
            const also = (requests.data ?? []).filter((other) => result.alsoAccepted.includes(other.id));
            toast({
              kind: 'ok',
              seconds: 15,
              text: (i) =>
                [
                  i.t('requests.converted', names),
                  ...(also.length === 0
                    ? []
                    : [i.t('requests.convertedAlso', { names: also.map(requesterOf).join(', ') })]),
                ].join(' '),
              // Undo: the new partnership goes (to the bin), if nobody changed it since; deleting it
              // gives every request it accepted back the status it had.
              action: {
                label: t('requests.undo'),
                run: offerUndo(() => {
                  call('partnerships:delete', { id: result.partnershipId, version: result.partnershipVersion }).then(
                    () => {
                      toast({ kind: 'info', seconds: 10, text: said('requests.conversionUndone', names) });
                      setSelectedId(result.request.id);
                      reload();
                    },
                    (error: unknown) => toast(errorToast(error, i18n)),
                  );
                }),
              },
              secondAction: {
                label: t('requests.openPartnership'),
                run: () => {
                  // The new partnership's member, whether a member or not (a link to one
                  // municipality shows all its partnerships): a foreign town's request names none.
                  openLink(partnershipsLink({ municipality: result.request.partnerMunicipalityId }));
                },
              },
            });
          }}
        />
      )}
    </section>
  );
}
