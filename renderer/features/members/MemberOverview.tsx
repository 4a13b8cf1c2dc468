import { useCallback, useRef, useState } from 'react';
import { DayInput } from '../../components/DayInput';
import type { District, Region } from '../../../shared/domain/schemas';
import { membershipState, undoPatch, type MunicipalityDetail } from '../../../shared/domain/municipality-rules';
import { DeleteImpact } from '../../components/DeleteImpact';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RecordHistory } from '../../components/RecordHistory';
import { undoBulkChange } from '../../components/bulk-result';
import { ApiError, call } from '../../lib/api';
import { MEMBER_FIELD_LABELS } from '../../lib/code-labels';
import { useI18n } from '../../lib/i18n';
import { onRovingKeys, rovingTabIndex, usePanelFocus } from '../../lib/focus';
import { withShortcut } from '../../lib/shortcuts';
import { useAsync } from '../../lib/useAsync';
import { useLiveAsync } from '../../lib/useLiveAsync';
import { countryName } from '../../../shared/domain/countries';
import { partnershipDetailLink, partnershipsLink } from '../../lib/deep-links';
import { ConfirmDialog, DiscardChangesDialog } from '../../components/dialogs';
import { said, useToast, type Said } from '../../components/Toasts';
import { conflictText, errorText, issuesByField } from '../../lib/errors';
import { offerUndo } from '../../lib/undo';
import { MemberForm, type FormValues } from './MemberForm';

type Tab = 'overview' | 'data' | 'history';

export type MemberOverviewProps = {
  id: number;
  regions: readonly Region[];
  districts: readonly District[];
  onClose: () => void;
  onDeleted: (auditId: number, name: string) => void;
  /** Something of this member changed: the grid reloads. */
  onChanged: () => void;
};

/** What a delete of a member takes with it, in the dialog's order. */
const IMPACT_KINDS = ['partnerships', 'contacts', 'activities', 'agreements', 'attachments', 'requests'] as const;

/** A member in one place: facts, partnerships, activities, contacts, requests, its data form and history. */
export function MemberOverview({ id, regions, districts, onClose, onDeleted, onChanged }: MemberOverviewProps) {
  const i18n = useI18n();
  const { t, tk, tn, formatDate, formatNumber, formatMoney, language } = i18n;
  const toast = useToast();
  // Live: a partnership added or deleted in another screen shows here at once (review D6).
  const overview = useLiveAsync(() => call('municipalities:overview', { id }), [id]);
  const [tab, setTab] = useState<Tab>('overview');
  const [confirm, setConfirm] = useState<'end' | 'delete' | null>(null);
  // The focus moves into the drawer when it opens (Tab went on through the grid's rows behind)
  // and back to the grid when it closes.
  const panel = useRef<HTMLElement>(null);
  usePanelFocus(panel);
  const [endDate, setEndDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [historyKey, setHistoryKey] = useState(0);
  // What a delete takes with it, counted by core when the dialog opens (the drawer's numbers may
  // be older than a partnership added meanwhile).
  const impact = useAsync(
    () => (confirm === 'delete' ? call('municipalities:deleteImpact', { id }) : Promise.resolve(undefined)),
    [confirm, id],
  );

  // What the Details form holds unsaved, and the record as it was when the typing began: a
  // colleague's save shown meanwhile neither replaces the typing nor becomes the version it is
  // saved against (the save is then a conflict, never an overwrite of their change).
  const [formDirty, setFormDirty] = useState(false);
  const [pinned, setPinned] = useState<MunicipalityDetail | null>(null);
  // Read by the close guard: a handler made before the last render still sees the typing.
  const dirtyNow = useRef(false);
  // The typing and the record it began on, for "Reload" after a conflict (carried onto the new record).
  const typed = useRef<{ base: MunicipalityDetail; values: FormValues } | null>(null);
  const [carried, setCarried] = useState<{ base: MunicipalityDetail; values: FormValues } | null>(null);
  // The version this window saved last: a form still showing an older one until the newer record
  // arrives holds what was just saved, not typing to keep (it pinned the old version again, so the
  // next save was refused as a conflict and closing asked to discard saved values: walkthrough 13).
  const savedVersion = useRef(0);
  const onDirtyChange = useCallback((dirty: boolean, detail: MunicipalityDetail | null, values: FormValues) => {
    if (dirty && detail !== null && detail.version < savedVersion.current) return;
    dirtyNow.current = dirty;
    setFormDirty(dirty);
    setPinned(dirty ? detail : null);
    typed.current = dirty && detail !== null ? { base: detail, values } : null;
  }, []);
  const forgetForm = () => {
    dirtyNow.current = false;
    typed.current = null;
    setFormDirty(false);
    setPinned(null);
    setCarried(null);
  };
  // Closing the drawer or leaving the tab with unsaved typing asks first.
  const [asking, setAsking] = useState<(() => void) | null>(null);
  const guard = (then: () => void) => {
    if (dirtyNow.current && tab === 'data') setAsking(() => then);
    else then();
  };

  /**
   * The typing is not dropped: the form starts again from the stored record with the user's edits
   * brought onto it (MemberForm's `carried`).
   */
  const reloadKeepingTyping = () => {
    const typing = typed.current;
    forgetForm();
    setCarried(typing);
    overview.reload();
    onChanged();
  };
  const conflict = (error?: unknown) =>
    toast({
      kind: 'error',
      text: (i) => conflictText(error, i, 'members.conflict'),
      action: { label: said('members.reload'), run: reloadKeepingTyping },
    });

  const data = overview.data;
  const m: MunicipalityDetail | undefined = data?.municipality;
  const formDetail = m !== undefined && formDirty && pinned !== null && pinned.id === m.id ? pinned : m;
  /** A colleague saved the member while the form holds typing: said beside Save at once. */
  const storedNewer = formDetail !== undefined && m !== undefined && formDetail.version !== m.version;

  const refreshAll = () => {
    overview.reload();
    setHistoryKey((k) => k + 1);
    onChanged();
  };
  const saved = (detail: MunicipalityDetail, text: Said = said('members.saved', { name: detail.name })) => {
    savedVersion.current = Math.max(savedVersion.current, detail.version);
    forgetForm();
    if (m !== undefined && detail.version === m.version && tab === 'data') {
      // The form held nothing new: nothing was written.
      toast({ kind: 'info', text: said('common.nothingToSave'), seconds: 4 });
      return;
    }
    // Undo (the toast or Ctrl+Z) puts back every field the save changed, as it was stored.
    const patch = m === undefined ? {} : undoPatch(m, detail);
    const changed = Object.keys(patch).length > 0 && detail.version !== m?.version;
    toast({
      kind: 'ok',
      text,
      ...(changed && {
        seconds: 8,
        action: {
          label: said('members.undo'),
          run: offerUndo(() => {
            call('municipalities:update', { id: detail.id, version: detail.version, patch }).then(
              () => {
                refreshAll();
                toast({ kind: 'ok', text: said('members.undone', { name: detail.name }), seconds: 4 });
              },
              (error: unknown) =>
                toast({
                  kind: 'error',
                  text: (i) =>
                    error instanceof ApiError && error.code === 'CONFLICT'
                      ? conflictText(error, i, 'members.conflict')
                      : errorText(error, i, (path) => path),
                }),
            );
          }),
        },
      }),
    });
    refreshAll();
  };

  const runAction = async () => {
    if (!m || confirm === null) return;
    setBusy(true);
    setActionError(null);
    try {
      if (confirm === 'end') {
        const detail = await call('municipalities:endMembership', { id: m.id, version: m.version, endedOn: endDate });
        // Undone as a save is: the flag and the end date as they were.
        saved(detail, said('members.ended', { name: m.name }));
        setConfirm(null);
      } else {
        const version = impact.data?.version ?? m.version;
        const { auditId, name } = await call('municipalities:delete', { id: m.id, version });
        setConfirm(null);
        onDeleted(auditId, name);
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        setConfirm(null);
        conflict(error);
      } else setActionError(error);
    } finally {
      setBusy(false);
    }
  };

  const state = m ? membershipState(m) : null;
  return (
    <aside
      ref={panel}
      tabIndex={-1}
      className="m-drawer"
      aria-label={m?.name ?? t('common.loading')}
      data-testid="member-overview"
    >
      <header className="m-drawer-header">
        <div>
          <h2 data-testid="overview-name">{m?.name ?? t('common.loading')}</h2>
          {m && (
            <p className="m-drawer-sub">
              {m.kind === 'unknown' ? t('members.kindUnknown') : tk(`kind.${m.kind}`)} · {m.districtName ?? '—'} ·{' '}
              {m.regionName ?? '—'} · {t('members.col.code')} {m.code}{' '}
              {state && <span className={`badge badge-${state}`}>{tk(`membership.${state}`)}</span>}
            </p>
          )}
        </div>
        <div className="m-drawer-actions">
          {m && m.isMember && (
            <button type="button" className="button" onClick={() => setConfirm('end')} data-testid="end-membership">
              {t('members.end')}
            </button>
          )}
          {m && (
            <button
              type="button"
              className="button danger"
              onClick={() => setConfirm('delete')}
              data-testid="delete-member"
            >
              {t('members.delete')}
            </button>
          )}
          <button
            type="button"
            className="m-icon-button"
            aria-label={t('members.detail.close')}
            title={withShortcut(t('members.detail.close'), 'close')}
            onClick={() => guard(onClose)}
            data-shortcut="close"
            data-testid="close-overview"
          >
            ×
          </button>
        </div>
      </header>
      <div className="m-tabs" role="tablist" aria-label={m?.name} onKeyDown={onRovingKeys}>
        {(['overview', 'data', 'history'] as const).map((id_) => (
          <button
            key={id_}
            type="button"
            role="tab"
            aria-selected={tab === id_}
            tabIndex={rovingTabIndex(tab === id_)}
            className={tab === id_ ? 'active' : ''}
            onClick={() => {
              if (id_ !== tab) guard(() => setTab(id_));
            }}
            data-testid={`tab-${id_}`}
          >
            {t(`members.detail.${id_}`)}
          </button>
        ))}
      </div>
      <div className="m-drawer-body">
        {overview.status === 'error' && <ErrorNotice error={overview.error} onRetry={overview.reload} />}
        {data && m && tab === 'overview' && (
          <div className="m-overview">
            <dl className="m-facts">
              <dt>{t('members.col.population')}</dt>
              <dd>{formatNumber(m.population) || '—'}</dd>
              <dt>{t('members.col.mayor')}</dt>
              <dd>{m.mayorName ?? '—'}</dd>
              <dt>
                <abbr title={t('members.col.orpTooltip')}>{t('members.col.orp')}</abbr>
              </dt>
              <dd>{m.orpName ?? '—'}</dd>
              <dt>{t('members.col.ico')}</dt>
              <dd>{m.ico ?? '—'}</dd>
              <dt>{t('members.col.email')}</dt>
              <dd>{m.email ?? '—'}</dd>
              <dt>{t('members.col.website')}</dt>
              <dd>{m.website ?? '—'}</dd>
              <dt>{t('members.col.memberSince')}</dt>
              <dd>
                {formatDate(m.memberSince) || '—'}
                {m.memberUntil ? ` – ${formatDate(m.memberUntil)}` : ''}
              </dd>
            </dl>

            <section className="section" data-testid="overview-partnerships">
              <div className="section-head">
                <h3>
                  {t('members.detail.partnerships')}{' '}
                  <span className="muted">
                    {tn('members.detail.summary', m.activePartnerships, { total: m.partnerships })}
                  </span>
                </h3>
                <a className="link" href={partnershipsLink({ municipality: m.id })} data-testid="link-partnerships">
                  {t('members.detail.inPartnerships')} ›
                </a>
              </div>
              {data.partnerships.length === 0 ? (
                <p className="empty-note">{t('members.detail.none')}</p>
              ) : (
                <table className="table m-table-partnerships">
                  <thead>
                    <tr>
                      <th>{t('members.detail.town')}</th>
                      <th>{t('members.detail.country')}</th>
                      <th>{t('members.detail.type')}</th>
                      <th>{t('members.detail.status')}</th>
                      <th>{t('members.detail.since')}</th>
                      <th>{t('members.detail.lastActivity')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.partnerships.map((p) => (
                      <tr key={p.id}>
                        <td>
                          <a
                            className="link"
                            href={partnershipDetailLink(m.id, p.id)}
                            data-testid="overview-partnership-link"
                          >
                            {p.townName}
                          </a>
                          {p.townNameCs && p.townNameCs !== p.townName && (
                            <span className="muted"> ({p.townNameCs})</span>
                          )}
                          {p.areas.length > 0 && (
                            <div className="note">{p.areas.map((a) => tk(`area.${a}`)).join(', ')}</div>
                          )}
                        </td>
                        <td>{countryName(p.countryCode, language)}</td>
                        <td>{tk(`partnershipType.${p.type}`)}</td>
                        <td>
                          <span className={`badge status-${p.status}`}>{tk(`partnershipStatus.${p.status}`)}</span>
                        </td>
                        <td>{formatDate(p.signedOn ?? p.startedOn) || '—'}</td>
                        <td>{formatDate(p.lastActivityOn) || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>

            <section className="section" data-testid="overview-activities">
              <h3>
                {t('members.detail.activities')} <span className="muted">{formatNumber(data.activities.length)}</span>
              </h3>
              {data.activities.length === 0 ? (
                <p className="empty-note">{t('members.detail.none')}</p>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t('members.detail.date')}</th>
                      <th>{t('members.detail.title')}</th>
                      <th>{t('members.detail.town')}</th>
                      <th className="num">{t('members.detail.funding')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.activities.slice(0, 12).map((a) => (
                      <tr key={a.id}>
                        <td className="nowrap">{formatDate(a.date)}</td>
                        <td>{a.title}</td>
                        <td>{a.townName}</td>
                        <td className="num">
                          {a.fundingAmount === null ? '—' : formatMoney(a.fundingAmount, a.currency)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>

            <section className="section" data-testid="overview-contacts">
              <h3>
                {t('members.detail.contacts')} <span className="muted">{formatNumber(data.contacts.length)}</span>
              </h3>
              {data.contacts.length === 0 ? (
                <p className="empty-note">{t('members.detail.none')}</p>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t('members.detail.person')}</th>
                      <th>{t('members.detail.role')}</th>
                      <th>{t('members.detail.side')}</th>
                      <th>{t('members.detail.contact')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.contacts.map((c) => (
                      <tr key={c.id}>
                        <td>{c.name}</td>
                        <td>{c.role ?? '—'}</td>
                        <td>
                          {c.side === 'cz'
                            ? t('members.detail.sideCz')
                            : `${t('members.detail.sidePartner')} (${c.townName})`}
                        </td>
                        <td className="note">{[c.email, c.phone].filter(Boolean).join(' · ') || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>

            <section className="section" data-testid="overview-requests">
              <div className="section-head">
                <h3>
                  {t('members.detail.requests')} <span className="muted">{formatNumber(data.requests.length)}</span>
                </h3>
                <a className="link" href="#/requests">
                  {t('nav.requests')} ›
                </a>
              </div>
              {data.requests.length === 0 ? (
                <p className="empty-note">{t('members.detail.none')}</p>
              ) : (
                <ul className="m-requests">
                  {data.requests.map((r) => (
                    <li key={r.id}>
                      <span className={`badge req-${r.status}`}>{tk(`requestStatus.${r.status}`)}</span>{' '}
                      <span>{formatDate(r.receivedOn)}</span> ·{' '}
                      <span>
                        {r.wantedCountryCodes.length === 0
                          ? t('requestCountry.any')
                          : r.wantedCountryCodes.map((c) => countryName(c, language)).join(', ')}
                      </span>
                      {r.description && <p className="note">{r.description}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        )}
        {data && formDetail && tab === 'data' && (
          <MemberForm
            key={formDetail.version}
            detail={formDetail}
            regions={regions}
            districts={districts}
            onSaved={saved}
            onConflict={conflict}
            onReloadNewer={storedNewer ? reloadKeepingTyping : null}
            onDirtyChange={onDirtyChange}
            carried={carried}
            onCarried={() => setCarried(null)}
          />
        )}
        {asking && (
          <DiscardChangesDialog
            onDiscard={() => {
              const then = asking;
              setAsking(null);
              forgetForm();
              then();
            }}
            onKeep={() => setAsking(null)}
          />
        )}
        {m && tab === 'history' && (
          <RecordHistory
            table="municipalities"
            recordId={m.id}
            version={historyKey}
            fieldLabel={(field) => (MEMBER_FIELD_LABELS[field] === undefined ? null : tk(MEMBER_FIELD_LABELS[field]))}
            dateFields={['memberSince', 'memberUntil']}
            codeLabels={{ kind: 'kind', mayorGender: 'gender' }}
            emptyText={t('members.history.empty')}
            testId="member-history"
            // A bulk change of membership is undone as a whole from any of its municipalities once
            // its toast has gone, as the toast's Undo does it.
            onUndoBulk={(groupId) =>
              undoBulkChange(
                toast,
                groupId,
                'members.bulk.undone',
                (auditId, options) => call('municipalities:bulkRestoreMembership', { auditId, ...options }),
                refreshAll,
              )
            }
            // One past change put back, as in a partnership's history (Help promises it for every record).
            onRevert={(auditId) => {
              call('municipalities:revert', { auditId }).then(
                () => {
                  refreshAll();
                  toast({ kind: 'ok', text: said('history.reverted'), seconds: 5 });
                },
                (error: unknown) =>
                  toast({
                    kind: 'error',
                    text: (i) =>
                      errorText(error, i, (p) =>
                        MEMBER_FIELD_LABELS[p] === undefined ? p : i.tk(MEMBER_FIELD_LABELS[p]),
                      ),
                  }),
              );
            }}
          />
        )}
      </div>
      {m && confirm === 'end' && (
        <ConfirmDialog
          title={t('members.endDialog.title', { name: m.name })}
          body={t('members.endDialog.body')}
          confirmLabel={t('members.end')}
          busy={busy}
          onConfirm={() => void runAction()}
          onCancel={() => setConfirm(null)}
        >
          <div className="field">
            <label className="field-label" htmlFor="m-endDate">
              {t('members.endDialog.date')}
            </label>
            <DayInput id="m-endDate" value={endDate} onChange={setEndDate} data-testid="end-date" />
            {issuesByField(actionError).endedOn !== undefined && (
              <span className="field-error" data-testid="error-endDate">
                {tk(issuesByField(actionError).endedOn ?? '')}
              </span>
            )}
          </div>
          {actionError !== null && Object.keys(issuesByField(actionError)).length === 0 && (
            <ErrorNotice error={actionError} />
          )}
        </ConfirmDialog>
      )}
      {m && confirm === 'delete' && (
        <ConfirmDialog
          title={t('members.deleteDialog.title', { name: m.name })}
          body={t('members.deleteDialog.body')}
          confirmLabel={t('members.delete')}
          danger
          busy={busy || impact.data === undefined}
          onConfirm={() => void runAction()}
          onCancel={() => setConfirm(null)}
        >
          <DeleteImpact impact={impact} kinds={IMPACT_KINDS} />
          {actionError !== null && <ErrorNotice error={actionError} />}
        </ConfirmDialog>
      )}
    </aside>
  );
}
