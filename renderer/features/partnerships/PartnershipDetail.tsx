import { LimitedInput } from '../../components/LimitedInput';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DayInput } from '../../components/DayInput';
import {
  COOPERATION_AREAS,
  PARTICIPANT_GROUPS,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  type CooperationArea,
  type ParticipantGroup,
  type PartnershipStatus,
  type PartnershipType,
  type TermKind,
} from '../../../shared/domain/codes';
import type { UiLanguage } from '../../../shared/domain/codes';
import type { ChoosableField } from '../../../shared/domain/partnership-merge';
import { countryName } from '../../../shared/domain/countries';
import { editablePartialDate, parsePartialDate, unreadableDateMessage } from '../../../shared/domain/dates';
import {
  changeIssues,
  issuesOf,
  PARTNERSHIP_WARNINGS,
  partnershipFieldsObject,
  partnershipWarnings,
  type PartnershipWarning,
  WARNING_ISSUES,
  warningValues,
} from '../../../shared/domain/partnership-rules';
import type { PartnershipDetail as Detail, PartnershipRow } from '../../../shared/domain/partnerships';
import { DiscardChangesDialog } from '../../components/dialogs';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PrintButton } from '../../components/PrintButton';
import { agreementLink, openLink, partnershipDetailLink, requestLink } from '../../lib/deep-links';
import { focusFirstError } from '../../components/FormProblems';
import { CodeSelect, Field } from '../../components/Field';
import { RecordHistory } from '../../components/RecordHistory';
import { undoBulkChange } from '../../components/bulk-result';
import { ApiError, call, onEvent } from '../../lib/api';
import { MESSAGES } from '../../../shared/i18n/index';
import { originLabel } from '../../../shared/i18n/provenance';
import { originOf } from '../../../shared/domain/provenance';
import { useI18n } from '../../lib/i18n';
import { usePanelFocus } from '../../lib/focus';
import { withShortcut } from '../../lib/shortcuts';
import { offerUndo } from '../../lib/undo';
import { useAsync } from '../../lib/useAsync';
import { ActivitiesSection } from './ActivitiesSection';
import { AttachmentsSection, activityName } from './AttachmentsSection';
import { ContactsSection } from './ContactsSection';
import { conflictText, errorText, fieldErrors, issuesOfError, mergeRefusalBesideOffer } from '../../lib/errors';
import { MergeDialog, type MergeChoice, type TownMergeSides } from './MergeDialog';
import { UndoMergeKeepingDialog } from '../../components/UndoMergeKeepingDialog';
import { mergeEdits } from '../../lib/form-merge';
import { MergeNotice } from '../../components/MergeNotice';
import { ChangedUnderTypingNotice } from '../../components/ChangedUnderTypingNotice';
import { FormGoneNotice } from '../../components/FormGoneNotice';
import { goneOf, quoted, typedKeys, type Gone } from '../../lib/record-gone';
import { errorToast, said, useToast } from '../../components/Toasts';
import { TownCardButton } from '../../components/town-card-host';
import { PARTNERSHIP_CODE_LABELS } from '../../lib/code-labels';

type Form = {
  type: PartnershipType;
  status: PartnershipStatus;
  startedOn: string;
  signedOn: string;
  signedPlace: string;
  czResolution: string;
  czResolutionDate: string;
  partnerResolution: string;
  partnerResolutionDate: string;
  termKind: TermKind;
  termUntil: string;
  endedOn: string;
  notes: string;
  areas: CooperationArea[];
  participantGroups: ParticipantGroup[];
  /** Warnings confirmed: stored with the record, or ticked in this form. */
  acknowledge: PartnershipWarning[];
};

/** Typing carried to the record its record was merged into, and the record it began on. */
type Carried = { toId: number; base: Form; values: Form };

/** Dates a source may know only to the month or the year: typed as text, kept at their precision. */
const PARTIAL_DATE_FIELDS = ['startedOn', 'signedOn', 'endedOn'] as const;
type PartialDateField = (typeof PARTIAL_DATE_FIELDS)[number];

const toForm = (d: Detail, language: UiLanguage): Form => ({
  type: d.type,
  status: d.status,
  startedOn: editablePartialDate(d.startedOn, language),
  signedOn: editablePartialDate(d.signedOn, language),
  signedPlace: d.signedPlace ?? '',
  czResolution: d.czResolution ?? '',
  czResolutionDate: d.czResolutionDate ?? '',
  partnerResolution: d.partnerResolution ?? '',
  partnerResolutionDate: d.partnerResolutionDate ?? '',
  termKind: d.termKind,
  termUntil: d.termUntil ?? '',
  endedOn: editablePartialDate(d.endedOn, language),
  notes: d.notes ?? '',
  areas: d.areas,
  participantGroups: d.participantGroups,
  acknowledge: d.acknowledgedWarnings,
});

/**
 * A field's value as it is meant, for telling whether it changed: dates as read ("1.1.2010" and
 * "1. 1. 2010" are one day), text trimmed, sets in one order.
 */
const fieldMeaning = <K extends keyof Form>(key: K, value: Form[K]): string => {
  if (Array.isArray(value)) return JSON.stringify([...(value as string[])].sort());
  const text = value.trim();
  return (PARTIAL_DATE_FIELDS as readonly string[]).includes(key) ? (parsePartialDate(text) ?? text) : text;
};

/** A form as its values mean them (see fieldMeaning): whether it holds unsaved changes. */
const meaningOf = (form: Form): string =>
  JSON.stringify(Object.entries(form).map(([key, value]) => fieldMeaning(key as keyof Form, value)));

/** The editable fields as stored (what an undo of a save writes back). */
const storedFields = (d: Detail) => ({
  type: d.type,
  status: d.status,
  startedOn: d.startedOn,
  signedOn: d.signedOn,
  signedPlace: d.signedPlace,
  czResolution: d.czResolution,
  czResolutionDate: d.czResolutionDate,
  partnerResolution: d.partnerResolution,
  partnerResolutionDate: d.partnerResolutionDate,
  termKind: d.termKind,
  termUntil: d.termUntil,
  endedOn: d.endedOn,
  notes: d.notes,
  areas: d.areas,
  participantGroups: d.participantGroups,
});

/**
 * The stored record as the rules judge a change against it. The detail lists the confirmations
 * that hold for its stored values, so each is bound to exactly those values.
 */
const storedForRules = (d: Detail) => ({
  ...d,
  acknowledged: Object.fromEntries(d.acknowledgedWarnings.map((warning) => [warning, warningValues(warning, d)])),
});

/** Activity fields whose label key is shorter than the field. */
const CHILD_FIELD_KEYS: Record<string, string> = { fundingProgramme: 'programme', fundingAmount: 'amount' };

/** Fields of the history holding a date at its precision. */
const HISTORY_DATES = ['startedOn', 'signedOn', 'endedOn', 'czResolutionDate', 'partnerResolutionDate', 'termUntil'];
/** The history's fields that hold another record's id (shown by its name). */
const HISTORY_REFERENCES = ['municipalityId', 'foreignTownId'];
/** The request a partnership was made from ("request 12"), as a link to it on the Requests screen. */
const historySourceLink = (source: string): string | null => {
  const found = /^request (\d+)$/.exec(source);
  return found ? requestLink(Number(found[1])) : null;
};

/** History fields labelled by another screen's message; null: bookkeeping the history does not show. */
const HISTORY_OTHER_LABELS: Readonly<Record<string, string | null>> = {
  municipalityId: 'partnerships.col.member',
  foreignTownId: 'partnerships.col.town',
  source: 'provenance.col.source',
  verifiedAt: 'provenance.col.verifiedAt',
  // Who verified is the entry's author, which its head names already.
  verifiedBy: null,
  importRunId: null,
};

/**
 * Whether a merge's undo was refused only because this partnership (the kept one) changed since:
 * the undo keeping later changes can then be offered.
 */
const keptChangedSince = (error: unknown, partnershipId: number): boolean =>
  mergeChangedSince(error) &&
  error instanceof ApiError &&
  error.details?.table === 'partnerships' &&
  error.details.recordId === partnershipId;

/**
 * Whether a merge's undo was refused only because a record it kept changed since (a town merge:
 * the kept town, or a partnership it merged): its undo keeping later changes can then be offered.
 */
const mergeChangedSince = (error: unknown): boolean =>
  error instanceof ApiError &&
  (error.details?.reason === 'merge.error.changedSinceBy' || error.details?.reason === 'merge.error.changedSinceKept');

/** How many attachments belong to each activity (by the activity's id). */
const attachmentsPerActivity = (attachments: readonly { activityId: number | null }[]): Map<number, number> => {
  const counts = new Map<number, number>();
  for (const { activityId } of attachments)
    if (activityId !== null) counts.set(activityId, (counts.get(activityId) ?? 0) + 1);
  return counts;
};

/** The side panel of one partnership: every field, both sides' contacts, activities, drafts and history. */
export function PartnershipDetail({
  id,
  onClose,
  onSaved,
  onDelete,
}: {
  id: number;
  onClose: () => void;
  onSaved: (row: PartnershipRow) => void;
  onDelete: (row: PartnershipRow) => void;
}) {
  const i18n = useI18n();
  const showToast = useToast();
  const { t, tk, language, formatNumber } = i18n;
  const historyLabel = (field: string): string | null => {
    const other = HISTORY_OTHER_LABELS[field];
    if (other !== undefined) return other === null ? null : tk(other);
    const key = `partnerships.field.${field}`;
    // A field without a label still shows (a change is never hidden for want of a label).
    return MESSAGES[language][key] !== undefined ? tk(key) : field;
  };
  const historyValue = (field: string, value: unknown, name?: string) =>
    field === 'source' && typeof value === 'string'
      ? name !== undefined && originOf(value) === 'request'
        ? t('provenance.origin.requestNamed', { name })
        : originLabel(value, language)
      : field === 'verifiedAt' && typeof value === 'string'
        ? i18n.formatDateTime(value)
        : undefined;
  const [tick, setTick] = useState(0);
  const detail = useAsync(() => call('partnerships:get', { id }), [id, tick]);
  const historyChildren = {
    title: (table: string, name: string) =>
      t('partnerships.history.child', { kind: tk(`partnerships.history.kind.${table}`), name }),
    fieldLabel: (table: string, field: string) => {
      const key =
        table === 'contacts'
          ? `partnerships.contact.${field}`
          : table === 'attachments'
            ? `attachments.field.${field}`
            : `partnerships.activity.${CHILD_FIELD_KEYS[field] ?? field}`;
      return MESSAGES[language][key] !== undefined ? tk(key) : null;
    },
    value: (table: string, field: string, value: unknown) => {
      if (table !== 'attachments' || field !== 'activityId') return undefined;
      if (value === null) return t('attachments.wholePartnership');
      if (typeof value !== 'number') return undefined;
      const activity = detail.data?.activities.find((a) => a.id === value);
      return activity !== undefined ? activityName(activity, i18n) : t('attachments.activityGone');
    },
    // A contact's or an activity's edit is put back as the partnership's own are (an audited
    // change, refused once the record changed or was deleted since: core says why).
    revert: {
      tables: ['contacts', 'activities'],
      run: (table: string, auditId: number) => {
        const label = (field: string) => historyChildren.fieldLabel(table, field) ?? field;
        call(table === 'contacts' ? 'contacts:revert' : 'activities:revert', { auditId }).then(
          () => {
            reload();
            showToast({ kind: 'ok', text: said('history.reverted'), seconds: 5 });
          },
          (error: unknown) => showToast({ kind: 'error', text: (i) => errorText(error, i, label) }),
        );
      },
    },
  };
  const agreements = useAsync(() => call('agreements:list', { partnershipId: id }), [id, tick]);
  /** Fetches the record again (after an own save or a child's change); the form keeps what is typed. */
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // A change of this partnership made elsewhere (a colleague's contact, another window's save)
  // shows at once; the form keeps what is typed and saves against the version it began with.
  useEffect(
    () =>
      onEvent('data:changed', (change) => {
        if (change.partnershipIds === undefined || change.partnershipIds.includes(id)) reload();
      }),
    [id, reload],
  );
  const [resets, setResets] = useState(0);
  /** A reset asked for: the form starts again once the record fetched after it is in. */
  const resetPending = useRef(false);
  /**
   * Fetches again and starts the form from the stored record (after an undo, a revert, a merge,
   * a conflict): from the record as fetched after the change, not the one on screen before it (a
   * form started from that showed the old values and saved against the old version).
   */
  const reset = useCallback(() => {
    resetPending.current = true;
    setTick((n) => n + 1);
  }, []);
  useEffect(() => {
    if (detail.status === 'loading' || !resetPending.current) return;
    // A failed fetch ends the reset too (its notice offers a retry): a later reload keeps the form.
    resetPending.current = false;
    if (detail.status === 'ready') setResets((n) => n + 1);
  }, [detail.status, detail.data]);
  // The record is no longer there (a colleague deleted or merged it): said beside Save while the
  // form keeps what is typed; a later fetch that finds it (a delete undone) clears it.
  const [gone, setGone] = useState<Gone | null>(null);
  const failed = detail.status === 'error' ? detail.error : null;
  useEffect(() => {
    if (detail.status === 'ready') setGone(null);
    else if (failed !== null) setGone(goneOf(failed));
  }, [detail.status, failed]);
  /**
   * Typing carried to the record this one was merged into ("Open … with your edits"): that record's
   * form starts with the edits brought onto it (mergeEdits, clashes named), nothing saved yet.
   */
  const [carry, setCarry] = useState<Carried | null>(null);
  const [merging, setMerging] = useState<'town' | 'partnership' | null>(null);
  /** The merge entry whose undo keeping later changes is being confirmed. */
  const [undoKeeping, setUndoKeeping] = useState<number | null>(null);
  /** Deletes a stored draft (its file stays); the toast, Ctrl+Z or the bin bring it back. */
  const deleteDraft = async (draftId: number, name: string) => {
    try {
      const { auditId } = await call('agreements:delete', { draftId });
      reload();
      showToast({
        kind: 'info',
        text: said('partnerships.agreements.deleted', { name }),
        seconds: 15,
        action: {
          label: said('partnerships.undo'),
          run: offerUndo(() => {
            call('bin:restore', { auditId }).then(reload, (error: unknown) => showToast(errorToast(error)));
          }),
        },
      });
    } catch (error) {
      showToast({ kind: 'error', text: (i) => errorText(error, i, (p) => p) });
    }
  };
  const merge = async (
    mode: 'town' | 'partnership',
    choice: MergeChoice,
    take: ChoosableField[],
    sides: TownMergeSides | null,
  ) => {
    const current = detail.data;
    if (!current) return;
    setMerging(null);
    // A town merge keeps whichever record the user chose (walkthrough 25, #9).
    const keepLabel = sides?.keepLabel ?? current.townName;
    const otherLabel = sides?.mergeLabel ?? choice.label;
    // This partnership merged into the member's partnership of the kept town: that one is shown.
    const after = sides?.partnershipAfter ?? null;
    const showPartnership = (partnershipId: number) =>
      openLink(partnershipDetailLink(current.municipalityId, partnershipId));
    try {
      const { auditId } =
        mode === 'town'
          ? await call('towns:merge', {
              keepId: sides?.keepId ?? current.foreignTownId,
              mergeId: sides?.mergeId ?? choice.id,
            })
          : await call('partnerships:merge', {
              keepId: current.id,
              mergeId: choice.id,
              ...(take.length > 0 ? { take } : {}),
            });
      if (after !== null && after !== current.id) showPartnership(after);
      else reset();
      showToast({
        kind: 'ok',
        text: said('merge.done', { other: otherLabel, keep: keepLabel }),
        seconds: 15,
        action: {
          label: said('partnerships.undo'),
          run: offerUndo(() => {
            void call('merges:restore', { auditId })
              .then(() => {
                if (after !== null && after !== current.id) showPartnership(current.id);
                else reset();
                showToast({ kind: 'ok', text: said('merge.undone'), seconds: 5 });
              })
              .catch((error: unknown) => {
                // Refused because the kept record changed since the merge: as the history does,
                // the undo that keeps the later changes is offered, and the text leads to it.
                const offer = mode === 'town' ? mergeChangedSince(error) : keptChangedSince(error, current.id);
                showToast({
                  kind: 'error',
                  text: (i) => (offer ? mergeRefusalBesideOffer(error, i) : errorText(error, i, (p) => p)),
                  ...(offer
                    ? { action: { label: said('merge.keeping.offer'), run: () => setUndoKeeping(auditId) } }
                    : {}),
                });
              });
          }),
        },
      });
    } catch (error) {
      showToast({ kind: 'error', text: (i) => errorText(error, i, (p) => p) });
    }
  };
  /** The form holds changes that are not saved: closing the panel asks before they are lost. */
  const dirty = useRef(false);
  const onDirty = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);
  // A contact, activity or attachment being typed and not saved counts too.
  const unsavedChildren = useRef(new Set<string>());
  const childUnsaved = useMemo(() => {
    const of = (section: string) => (unsaved: boolean) => {
      if (unsaved) unsavedChildren.current.add(section);
      else unsavedChildren.current.delete(section);
    };
    return { contacts: of('contacts'), activities: of('activities'), attachments: of('attachments') };
  }, []);
  const [askClose, setAskClose] = useState(false);
  const requestClose = useCallback(() => {
    if (dirty.current || unsavedChildren.current.size > 0) setAskClose(true);
    else onClose();
  }, [onClose]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      // The key's own default would close the question this opens at once (a modal dialog's
      // Escape), so it is taken here.
      event.preventDefault();
      requestClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [requestClose]);

  const d = detail.data;
  // The carried typing is in the kept record's form once that form started: a later reset of it
  // starts from the stored record.
  const shownId = d?.id;
  useEffect(() => {
    if (shownId !== undefined && shownId === carry?.toId) setCarry(null);
  }, [shownId, carry]);
  // A modal panel: the focus moves into it, stays in it, and goes back to the grid when it closes.
  const panel = useRef<HTMLElement>(null);
  usePanelFocus(panel, { trap: true });

  return (
    <div className="p-drawer-backdrop" onMouseDown={(event) => event.target === event.currentTarget && requestClose()}>
      <aside
        ref={panel}
        tabIndex={-1}
        className="p-drawer"
        role="dialog"
        aria-modal="true"
        aria-label={t('partnerships.detail')}
        data-testid="partnership-detail"
      >
        <header className="p-drawer-header">
          {d ? (
            <div className="p-drawer-title">
              <h2>
                <span>{d.municipalityName}</span>
                <span className="p-arrow" aria-hidden="true">
                  ⇄
                </span>
                <span>{d.townName}</span>
              </h2>
              <p className="p-drawer-sub">
                <span className="p-cc">{d.countryCode}</span> {countryName(d.countryCode, language)}
                {d.townNameCs !== null && d.townNameCs !== d.townName && <> · {d.townNameCs}</>}
                {d.regionName !== null && <> · {d.regionName}</>}
              </p>
            </div>
          ) : (
            <div className="p-drawer-title">
              <h2>{t('common.loading')}</h2>
            </div>
          )}
          <div className="p-drawer-actions">
            {d && (
              <PrintButton
                title={t('partnerships.title')}
                subtitle={`${d.municipalityName} ⇄ ${d.townName}`}
                filter={null}
                record
              />
            )}
            {d && (
              <button
                type="button"
                className="button small danger"
                onClick={() => onDelete(d)}
                data-testid="detail-delete"
              >
                {t('partnerships.delete')}
              </button>
            )}
            <button
              type="button"
              className="close-button"
              onClick={requestClose}
              aria-label={t('common.close')}
              data-testid="detail-close"
            >
              ×
            </button>
          </div>
        </header>
        <div className="p-drawer-body">
          {detail.status === 'error' && !(d && gone !== null) && <ErrorNotice error={detail.error} onRetry={reload} />}
          {d && (
            <DetailForm
              key={`${String(d.id)}:${String(resets)}`}
              d={d}
              onSaved={onSaved}
              reload={reload}
              reset={reset}
              onDirty={onDirty}
              gone={d.id === id ? gone : null}
              carried={carry !== null && carry.toId === d.id ? carry : null}
              onOpenKept={(toId, typing) => {
                setCarry({ toId, ...typing });
                // The merged-into record is of the same member (a partnership merge, or a town
                // merge's inner one); a link equal to the present address would not be followed.
                const link = partnershipDetailLink(d.municipalityId, toId);
                openLink(window.location.hash === link ? `${link}&from=${String(d.id)}` : link);
              }}
            />
          )}
          {askClose && (
            <DiscardChangesDialog
              onDiscard={() => {
                setAskClose(false);
                onClose();
              }}
              onKeep={() => setAskClose(false)}
            />
          )}
          {d && (
            <>
              <h3 className="p-town-heading">
                {t('partnerships.section.town')}{' '}
                <TownCardButton townId={d.foreignTownId} name={d.townName} testId="open-town-card" />
              </h3>
              <dl className="facts p-facts">
                <dt>{t('partnerships.town.country')}</dt>
                <dd>
                  {countryName(d.town.countryCode, language)} ({d.town.countryCode})
                </dd>
                {d.town.altNames.length > 0 && (
                  <>
                    <dt>{t('partnerships.town.altNames')}</dt>
                    <dd data-testid="town-alt-names">{d.town.altNames.join(', ')}</dd>
                  </>
                )}
                {d.town.adminRegion !== null && (
                  <>
                    <dt>{t('partnerships.town.region')}</dt>
                    <dd>{d.town.adminRegion}</dd>
                  </>
                )}
                {d.town.population !== null && (
                  <>
                    <dt>{t('partnerships.town.population')}</dt>
                    <dd>{formatNumber(d.town.population)}</dd>
                  </>
                )}
                {d.town.latitude !== null && d.town.longitude !== null && (
                  <>
                    <dt>{t('partnerships.town.coordinates')}</dt>
                    <dd className="mono">
                      {d.town.latitude.toFixed(4)}, {d.town.longitude.toFixed(4)}
                    </dd>
                  </>
                )}
              </dl>
              <div className="p-merge-actions">
                <button
                  type="button"
                  className="button small"
                  onClick={() => setMerging('town')}
                  data-testid="merge-town"
                >
                  {t('merge.town.button')}
                </button>
                <button
                  type="button"
                  className="button small"
                  onClick={() => setMerging('partnership')}
                  data-testid="merge-partnership"
                >
                  {t('merge.partnership.button')}
                </button>
              </div>
              {merging !== null && (
                <MergeDialog
                  mode={merging}
                  keepLabel={merging === 'town' ? d.townName : `${d.municipalityName} – ${d.townName}`}
                  countryCode={d.countryCode}
                  municipalityId={d.municipalityId}
                  keepId={merging === 'town' ? d.foreignTownId : d.id}
                  onMerge={(choice, take, sides) => void merge(merging, choice, take, sides)}
                  onClose={() => setMerging(null)}
                />
              )}
              {undoKeeping !== null && (
                <UndoMergeKeepingDialog
                  auditId={undoKeeping}
                  onClose={() => setUndoKeeping(null)}
                  onDone={() => {
                    setUndoKeeping(null);
                    reset();
                    showToast({ kind: 'ok', text: said('merge.keeping.done'), seconds: 5 });
                  }}
                />
              )}
              <ContactsSection
                partnershipId={d.id}
                contacts={d.contacts}
                onChanged={reload}
                onUnsaved={childUnsaved.contacts}
              />
              <ActivitiesSection
                partnershipId={d.id}
                activities={d.activities}
                attachmentsPerActivity={attachmentsPerActivity(d.attachments)}
                onChanged={reload}
                onUnsaved={childUnsaved.activities}
              />
              <AttachmentsSection
                partnershipId={d.id}
                attachments={d.attachments}
                activities={d.activities}
                onChanged={reload}
                onUnsaved={childUnsaved.attachments}
              />
              <h3>{t('partnerships.section.agreements')}</h3>
              {agreements.status === 'ready' && agreements.data.length === 0 && (
                <p className="hint">{t('partnerships.agreements.none')}</p>
              )}
              {/* The Agreements screen with this partnership chosen (review D20). */}
              <button
                type="button"
                className="button small"
                onClick={() => openLink(agreementLink(d.id))}
                data-testid="partnership-create-agreement"
              >
                {t('partnerships.agreements.create')}
              </button>
              {agreements.data && agreements.data.length > 0 && (
                <ul className="p-list">
                  {agreements.data.map((draft) => (
                    <li key={draft.id}>
                      <strong>{draft.fileName ?? draft.template}</strong>
                      <span className="muted-small">
                        {draft.languageFirst.toUpperCase()} / {draft.languageSecond.toUpperCase()} ·{' '}
                        {i18n.formatDate(draft.createdAt)}
                      </span>
                      <button
                        type="button"
                        className="link-button p-draft-delete"
                        onClick={() => void deleteDraft(draft.id, draft.fileName ?? draft.template)}
                        data-testid="draft-delete"
                      >
                        {t('partnerships.agreements.delete')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <section data-testid="history">
                <h3>{t('partnerships.section.history')}</h3>
                <RecordHistory
                  table="partnerships"
                  recordId={d.id}
                  version={d.version}
                  fieldLabel={historyLabel}
                  codeLabels={PARTNERSHIP_CODE_LABELS}
                  dateFields={HISTORY_DATES}
                  references={HISTORY_REFERENCES}
                  value={historyValue}
                  sourceLink={historySourceLink}
                  testId="history-list"
                  reloadKey={tick}
                  children={historyChildren}
                  // A merge is undone from its entry once its toast has gone (walkthrough 20: the
                  // dialog promised it, the history did not offer it).
                  onUndoMerge={(auditId) => {
                    call('merges:restore', { auditId }).then(
                      () => {
                        reset();
                        showToast({ kind: 'ok', text: said('merge.undone'), seconds: 5 });
                      },
                      (error: unknown) => {
                        // Refused only because this record changed since (walkthrough 22, finding 3):
                        // the undo that keeps the later changes is offered.
                        const offer = keptChangedSince(error, d.id);
                        showToast({
                          kind: 'error',
                          text: (i) => (offer ? mergeRefusalBesideOffer(error, i) : errorText(error, i, (p) => p)),
                          ...(offer
                            ? { action: { label: said('merge.keeping.offer'), run: () => setUndoKeeping(auditId) } }
                            : {}),
                        });
                      },
                    );
                  }}
                  // A bulk edit is undone as a whole from any of its rows once its toast has gone
                  // (walkthrough 26, finding 5), as the toast's Undo does it.
                  onUndoBulk={(groupId) =>
                    undoBulkChange(
                      showToast,
                      groupId,
                      'partnerships.bulk.undone',
                      (auditId, options) => call('partnerships:bulkRestore', { auditId, ...options }),
                      reset,
                      (i) => (p) => i.tk(`partnerships.field.${p}`),
                    )
                  }
                  onRevert={(auditId) => {
                    call('partnerships:revert', { auditId }).then(
                      (row) => {
                        onSaved(row);
                        reset();
                        showToast({ kind: 'ok', text: said('history.reverted'), seconds: 5 });
                      },
                      (error: unknown) =>
                        showToast({
                          kind: 'error',
                          text: (i) => errorText(error, i, (p) => i.tk(`partnerships.field.${p}`)),
                        }),
                    );
                  }}
                />
              </section>
            </>
          )}
        </div>
      </aside>
    </div>
  );
}

/**
 * The editable fields of a partnership. An own save keeps what is typed (the record is fetched
 * again underneath, the form is not reset); an undo, a merge or a conflict's reload starts the
 * form again from the stored record.
 */
function DetailForm({
  d,
  onSaved,
  reload,
  reset,
  onDirty,
  gone,
  carried,
  onOpenKept,
}: {
  d: Detail;
  onSaved: (row: PartnershipRow) => void;
  reload: () => void;
  reset: () => void;
  /** Told whether the form holds what is not saved (closing the panel then asks first). */
  onDirty: (dirty: boolean) => void;
  /** The record is no longer in the registry (deleted, merged away): said beside Save. */
  gone: Gone | null;
  /** Typing carried from a record merged into this one: the form starts with it merged in. */
  carried: Carried | null;
  /** Opens the record this one was merged into, with the typing and the record it began on. */
  onOpenKept: (toId: number, typing: { base: Form; values: Form }) => void;
}) {
  const i18n = useI18n();
  const showToast = useToast();
  const { t, tk } = i18n;
  // Typing carried from the merged-away record, merged once when the form starts (see `carried`).
  const [start] = useState(() => {
    const stored = toForm(d, i18n.language);
    if (carried === null) return { form: stored, merged: null };
    const result = mergeEdits(carried.base, carried.values, stored, fieldMeaning);
    return { form: result.merged, merged: { stored, clashes: result.clashes } };
  });
  const [form, setForm] = useState<Form>(start.form);
  // What the form last sent (a save whose record is not read back yet): unsaved is what differs
  // from both that and the record as now read.
  const [sent, setSent] = useState<Form>(() => toForm(d, i18n.language));
  const storedMeaning = meaningOf(toForm(d, i18n.language));
  const unsaved = (() => {
    const now = meaningOf(form);
    return now !== storedMeaning && now !== meaningOf(sent);
  })();
  useEffect(() => onDirty(unsaved), [unsaved, onDirty]);
  useEffect(() => () => onDirty(false), [onDirty]);
  // The version this form's next save is made against: the one it was started from, then what its
  // own saves returned (a change by someone else meanwhile still answers CONFLICT).
  const [version, setVersion] = useState(d.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The refused save (a stale version): its notice names who changed the record where core says.
  const [conflict, setConflict] = useState<ApiError | null>(null);
  // The record as the typing began on it (the form's start, then each own save): a colleague's
  // save is merged against it, so that the user's edits stay and the colleague's come in.
  const [base, setBase] = useState<Form>(() => toForm(d, i18n.language));
  /**
   * A merge asked for (after a conflict, or after an undo of the last save): done once the record
   * fetched after it is in. After an undo it says something only when a field clashes.
   */
  const mergePending = useRef<'conflict' | 'undo' | null>(null);
  // After a merge: the fields both changed (the form keeps the user's; these are the stored ones).
  const [merged, setMerged] = useState<{ stored: Form; clashes: (keyof Form)[] } | null>(start.merged);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  const formRef = useRef<HTMLFormElement>(null);
  /** Shows the problems at their fields and beside Save, and moves to the first of them. */
  const showProblems = (found: Record<string, string>) => {
    setErrors(found);
    requestAnimationFrame(() => focusFirstError(formRef.current));
  };

  const save = async () => {
    const values = { ...form };
    const unreadable: Record<string, string> = {};
    for (const key of PARTIAL_DATE_FIELDS) {
      if (form[key].trim() === '') values[key] = '';
      else {
        const parsed = parsePartialDate(form[key]);
        if (parsed === null) unreadable[key] = tk(unreadableDateMessage(form[key]));
        else values[key] = parsed;
      }
    }
    // The same rules as core: each field's own, then the ones between fields, judged against the
    // stored record (a warning confirmed before, or about values that were already so, is not asked).
    // All at once: the rules between fields are judged on the fields that passed their own (an end
    // before the start showed only after a wrong resolution number was mended: walkthrough 15).
    const own = partnershipFieldsObject.safeParse(values).success ? [] : issuesOf(partnershipFieldsObject, values);
    const wrong = new Set([...own.map((issue) => issue.path), ...Object.keys(unreadable)]);
    const judged = partnershipFieldsObject.safeParse(
      Object.fromEntries(Object.entries(values).map(([key, value]) => [key, wrong.has(key) ? null : value])),
    );
    const between = judged.success
      ? changeIssues(judged.data, storedForRules(d), form.acknowledge).issues.filter((issue) => !wrong.has(issue.path))
      : [];
    const local = [...own, ...between];
    if (local.length > 0 || Object.keys(unreadable).length > 0) {
      showProblems({ ...fieldErrors(local, i18n), ...unreadable });
      return;
    }
    setSaving(true);
    const sending = form;
    try {
      const row = await call('partnerships:update', { id: d.id, version, changes: values });
      setVersion(row.version);
      setSent(sending);
      setBase(sending);
      setMerged(null);
      setErrors({});
      if (row.version === version) {
        // Nothing differed from the record: core wrote nothing, there is nothing to undo.
        showToast({ kind: 'info', text: said('common.nothingToSave'), seconds: 4 });
        return;
      }
      onSaved(row);
      // Undo (the toast or Ctrl+Z) puts back every field as it was stored before this save.
      const undo = offerUndo(() => {
        call('partnerships:update', {
          id: d.id,
          version: row.version,
          changes: { ...storedFields(d), acknowledge: [...PARTNERSHIP_WARNINGS] },
        }).then(
          (back) => {
            onSaved(back);
            // What is typed since the save stays (the toast's button is outside the form).
            reloadKeepingEdits('undo');
            showToast({ kind: 'ok', text: said('partnerships.undone'), seconds: 4 });
          },
          (error: unknown) =>
            showToast({ kind: 'error', text: (i) => errorText(error, i, (p) => i.tk(`partnerships.field.${p}`)) }),
        );
      });
      showToast({
        kind: 'ok',
        text: said('partnerships.saved'),
        seconds: 6,
        action: { label: said('partnerships.undo'), run: undo },
      });
      reload();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') setConflict(error);
      const issues = issuesOfError(error);
      if (issues.length > 0) showProblems(fieldErrors(issues, i18n));
      else if (!(error instanceof ApiError && error.code === 'CONFLICT'))
        showToast({ kind: 'error', text: (i) => errorText(error, i, (p) => i.tk(`partnerships.field.${p}`)) });
    } finally {
      setSaving(false);
    }
  };

  /**
   * "Reload" after a conflict: the record is fetched again and the user's edits are kept on it
   * (see mergeEdits); without edits the form simply starts from the stored record.
   */
  // Read when the undo's answer comes (its function was made at the save): the form as it is then.
  const typed = useRef({ form, base });
  typed.current = { form, base };
  const reloadKeepingEdits = (why: 'conflict' | 'undo') => {
    if (meaningOf(typed.current.form) === meaningOf(typed.current.base)) {
      reset();
      return;
    }
    mergePending.current = why;
    reload();
  };
  useEffect(() => {
    const why = mergePending.current;
    if (why === null) {
      // A colleague's change while nothing is typed: the form shows it and saves against it (it
      // kept showing the old status beside a history that had the new one, and the next save was
      // refused as a conflict: walkthrough 13). Typing stays, and is merged on "Načíst znovu".
      if (d.version !== version && meaningOf(form) === meaningOf(base)) {
        const stored = toForm(d, i18n.language);
        setForm(stored);
        setBase(stored);
        setSent(stored);
        setVersion(d.version);
      }
      return;
    }
    mergePending.current = null;
    const stored = toForm(d, i18n.language);
    const result = mergeEdits(base, form, stored, fieldMeaning);
    setForm(result.merged);
    setBase(stored);
    setVersion(d.version);
    setConflict(null);
    setErrors({});
    setMerged(why === 'undo' && result.clashes.length === 0 ? null : { stored, clashes: result.clashes });
    // Only the record fetched after the request is merged (d changes when it is in).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [d]);
  /** A field's stored value as the notice after a merge names it. */
  const storedText = (key: keyof Form, stored: Form, whole = false): string => {
    const value = stored[key];
    const label = (prefix: string) => (code: string) => tk(`${prefix}.${code}`);
    const shown =
      key === 'type'
        ? tk(`partnershipType.${stored.type}`)
        : key === 'status'
          ? tk(`partnershipStatus.${stored.status}`)
          : key === 'termKind'
            ? tk(`partnerships.termKind.${stored.termKind}`)
            : key === 'areas'
              ? stored.areas.map(label('area')).join(', ')
              : key === 'participantGroups'
                ? stored.participantGroups.map(label('partnerships.group')).join(', ')
                : key === 'acknowledge'
                  ? stored.acknowledge.map(label('partnerships.warning')).join(', ')
                  : String(value).trim();
    const field =
      key === 'acknowledge' ? t('partnerships.field.acknowledgedWarnings') : tk(`partnerships.field.${key}`);
    return `${field}: ${shown === '' ? '—' : quoted(!whole && shown.length > 80 ? `${shown.slice(0, 79)}…` : shown, i18n.language)}`;
  };

  const judged = {
    status: form.status,
    startedOn: parsePartialDate(form.startedOn),
    signedOn: parsePartialDate(form.signedOn),
    endedOn: parsePartialDate(form.endedOn),
  };
  const warnings = partnershipWarnings(judged);
  /** A warning that applies: confirmed before for these values (said so), else a box to confirm it. */
  const confirmation = (warning: PartnershipWarning) => {
    if (!warnings.includes(warning)) return null;
    const stored =
      d.acknowledgedWarnings.includes(warning) && warningValues(warning, judged) === warningValues(warning, d);
    if (stored)
      return (
        <p className="check field-wide confirmed-warning" data-testid={`confirmed-${warning}`}>
          ✓ {t('partnerships.confirmed', { warning: tk(`partnerships.warning.${warning}`) })}
        </p>
      );
    return (
      <label className="check field-wide">
        <input
          type="checkbox"
          checked={form.acknowledge.includes(warning)}
          onChange={(e) => {
            set(
              'acknowledge',
              e.target.checked ? [...form.acknowledge, warning] : form.acknowledge.filter((w) => w !== warning),
            );
            const path = WARNING_ISSUES[warning].path;
            setErrors((all) => Object.fromEntries(Object.entries(all).filter(([field]) => field !== path)));
          }}
          data-testid={`field-confirm-${warning}`}
        />
        {tk(`partnerships.confirm.${warning}`)}
      </label>
    );
  };
  const problemFields = Object.keys(errors).map((field) => tk(`partnerships.field.${field}`));
  const text = (key: 'signedPlace' | 'czResolution' | 'partnerResolution', max: number, wide = false) => (
    <Field name={key} label={tk(`partnerships.field.${key}`)} error={errors[key]} wide={wide}>
      <LimitedInput
        id={`limited-${key}`}
        value={form[key]}
        maxLength={max}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`field-${key}`}
      />
    </Field>
  );
  const date = (key: 'czResolutionDate' | 'partnerResolutionDate' | 'termUntil' | PartialDateField) => (
    <Field name={key} label={tk(`partnerships.field.${key}`)} error={errors[key]}>
      {(PARTIAL_DATE_FIELDS as readonly string[]).includes(key) ? (
        <input
          value={form[key]}
          inputMode="numeric"
          placeholder={t('partnerships.partialDatePlaceholder')}
          title={t('validation.partialDate')}
          onChange={(e) => set(key, e.target.value)}
          data-testid={`field-${key}`}
        />
      ) : (
        <DayInput value={form[key]} onChange={(day) => set(key, day)} data-testid={`field-${key}`} />
      )}
    </Field>
  );

  return (
    <>
      {conflict && (
        <div className="notice notice-error" role="alert" data-testid="conflict-notice">
          <span>
            {conflictText(conflict, i18n, 'partnerships.conflict')} {t('partnerships.conflictKeeps')}
          </span>
          <button
            type="button"
            className="button small"
            onClick={() => reloadKeepingEdits('conflict')}
            data-testid="conflict-reload"
          >
            {t('partnerships.reload')}
          </button>
        </div>
      )}
      {merged && (
        <MergeNotice
          text={t('partnerships.merged')}
          clashesText={
            merged.clashes.length === 0
              ? null
              : t('partnerships.mergedClashes', {
                  fields: merged.clashes.map((key) => storedText(key, merged.stored)).join('; '),
                })
          }
          useStoredLabel={t('partnerships.useStored')}
          onUseStored={() => {
            setForm((now) => ({
              ...now,
              ...Object.fromEntries(merged.clashes.map((key) => [key, merged.stored[key]])),
            }));
            setMerged({ ...merged, clashes: [] });
          }}
        />
      )}
      {
        <form
          ref={formRef}
          className="p-form"
          // Clean (saved): Ctrl+Z in its fields undoes the save its notice offers (renderer/lib/undo.ts).
          data-unsaved={unsaved ? 'true' : 'false'}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          noValidate
        >
          <h3>{t('partnerships.section.basic')}</h3>
          <div className="p-grid2">
            <Field name="type" label={t('partnerships.field.type')} error={errors.type}>
              <CodeSelect
                codes={PARTNERSHIP_TYPES}
                labelPrefix="partnershipType"
                value={form.type}
                onChange={(code) => code && set('type', code)}
                data-testid="field-type"
              />
            </Field>
            <Field name="status" label={t('partnerships.field.status')} error={errors.status}>
              <CodeSelect
                codes={PARTNERSHIP_STATUSES}
                labelPrefix="partnershipStatus"
                value={form.status}
                onChange={(code) => code && set('status', code)}
                data-testid="field-status"
              />
            </Field>
            {date('startedOn')}
            {date('signedOn')}
            {confirmation('signedBeforeStarted')}
            {text('signedPlace', 200)}
            {date('endedOn')}
            {confirmation('activeWithEndDate')}
            <Field name="termKind" label={t('partnerships.field.termKind')} error={errors.termKind}>
              <select
                value={form.termKind}
                onChange={(e) => set('termKind', e.target.value as TermKind)}
                data-testid="field-termKind"
              >
                <option value="unknown">{t('partnerships.termKind.unknown')}</option>
                <option value="indefinite">{t('partnerships.termKind.indefinite')}</option>
                <option value="fixed">{t('partnerships.termKind.fixed')}</option>
              </select>
            </Field>
            {form.termKind === 'fixed' ? date('termUntil') : <span />}
          </div>
          <h3>{t('partnerships.section.resolutions')}</h3>
          <div className="p-grid2">
            {text('czResolution', 100)}
            {date('czResolutionDate')}
            {text('partnerResolution', 100)}
            {date('partnerResolutionDate')}
          </div>
          <h3>{t('partnerships.field.areas')}</h3>
          <CodeChecks
            codes={COOPERATION_AREAS}
            labelPrefix="area"
            chosen={form.areas}
            onChange={(areas) => set('areas', areas)}
            testId="field-areas"
          />
          <h3>{t('partnerships.field.participantGroups')}</h3>
          <CodeChecks
            codes={PARTICIPANT_GROUPS}
            labelPrefix="partnerships.group"
            chosen={form.participantGroups}
            onChange={(groups) => set('participantGroups', groups)}
          />
          <h3>{t('partnerships.section.notes')}</h3>
          <Field name="notes" label={t('partnerships.field.notes')} error={errors.notes} wide>
            <textarea
              rows={4}
              value={form.notes}
              onChange={(e) => set('notes', e.target.value)}
              data-testid="field-notes"
            />
          </Field>
          <div className="form-actions sticky p-form-actions">
            <button
              type="submit"
              className="button primary"
              disabled={saving || gone !== null}
              title={withShortcut(t('common.save'), 'save')}
              data-shortcut="save"
              data-testid="detail-save"
            >
              {t('common.save')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => setForm(toForm(d, i18n.language))}
              data-testid="detail-reset"
            >
              {t('common.cancel')}
            </button>
            {gone !== null && (
              <FormGoneNotice
                gone={gone}
                onOpenKept={(toId) => onOpenKept(toId, { base, values: form })}
                typed={typedKeys(base, form).map((key) => storedText(key, form, true))}
              />
            )}
            {!conflict && d.version !== version && meaningOf(form) !== meaningOf(base) && (
              // A colleague saved while this form holds typing (walkthrough 26: found out only on
              // Save): said at once, beside Save, with the reload that keeps the typing.
              <ChangedUnderTypingNotice onReload={() => reloadKeepingEdits('conflict')} testId="changed-under-typing" />
            )}
            {conflict && (
              <p className="form-summary form-summary-inline" role="alert" data-testid="detail-conflict-inline">
                {conflict.details?.reason === 'error.conflictRestored'
                  ? t('partnerships.form.conflictRestoredNotSaved')
                  : t('partnerships.form.conflictNotSaved')}
              </p>
            )}
            {problemFields.length > 0 && (
              <p className="form-summary form-summary-inline" role="alert" data-testid="detail-problems">
                {t('partnerships.form.notSaved', { fields: problemFields.join(', ') })}
              </p>
            )}
          </div>
        </form>
      }
    </>
  );
}

/** Check boxes for a set of codes; what is chosen stays in the codes' own order. */
function CodeChecks<C extends string>({
  codes,
  labelPrefix,
  chosen,
  onChange,
  testId,
}: {
  codes: readonly C[];
  labelPrefix: string;
  chosen: readonly C[];
  onChange: (chosen: C[]) => void;
  testId?: string;
}) {
  const { tk } = useI18n();
  const toggle = (code: C): C[] =>
    chosen.includes(code) ? chosen.filter((c) => c !== code) : codes.filter((c) => c === code || chosen.includes(c));
  return (
    <div className="p-checks" data-testid={testId}>
      {codes.map((code) => (
        <label key={code} className="check">
          <input type="checkbox" checked={chosen.includes(code)} onChange={() => onChange(toggle(code))} />
          {tk(`${labelPrefix}.${code}`)}
        </label>
      ))}
    </div>
  );
}
