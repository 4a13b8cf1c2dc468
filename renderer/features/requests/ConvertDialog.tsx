import { useMemo, useState } from 'react';
import {
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  type PartnershipStatus,
  type PartnershipType,
} from '../../../shared/domain/codes';
import type { TownSuggestion } from '../../../shared/domain/partnerships';
import { parsePartialDate } from '../../../shared/domain/dates';
import { answersToo, conversionNotes, type RequestRow } from '../../../shared/domain/request-rules';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useSubmit } from '../../lib/useForm';
import { Dialog, DialogButtons } from '../../components/dialogs';
import { CodeSelect, Field } from '../../components/Field';
import { FormProblems } from '../../components/FormProblems';
import { MemberSelect } from '../../components/MemberSelect';
import { NoMembersNotice } from '../../components/NoMembersNotice';
import { TownPicker, townChoiceInput } from '../../components/TownPicker';
import { requesterOf } from './requests-columns';

export type ConvertDialogProps = {
  row: RequestRow;
  /** The registry's municipalities; undefined while they load. */
  members: readonly MunicipalityRow[] | undefined;
  /** A town already chosen (a suggestion from the gazetteer), with its identity and coordinates. */
  initialTown?: TownSuggestion | null | undefined;
  /** Every request: the other side's own open request is offered to be answered by the same partnership. */
  requests: readonly RequestRow[];
  onDone: (result: {
    partnershipId: number;
    partnershipVersion: number;
    request: RequestRow;
    alsoAccepted: number[];
  }) => void;
  onCancel: () => void;
  onConflict: () => void;
};

/** The registry town a foreign town's request is linked to, as the town picker shows a choice. */
const registryTown = (row: RequestRow): TownSuggestion | null =>
  row.foreignTownId === null || row.requesterCountryCode === null
    ? null
    : {
        foreignTownId: row.foreignTownId,
        geonamesId: null,
        name: row.foreignTownName ?? row.requesterName ?? '',
        nameCs: null,
        countryCode: row.requesterCountryCode,
        adminCode: null,
        adminRegion: null,
        population: null,
        latitude: null,
        longitude: null,
      };

/**
 * Turns a request into a partnership: asks for the side the request does not name, then does it in
 * one step. The town is picked with the same suggestions as "New partnership" (a foreign town's
 * request searches for its own name in its country at once), so it keeps its gazetteer identity.
 */
export function ConvertDialog({
  row,
  members,
  requests,
  initialTown,
  onDone,
  onCancel,
  onConflict,
}: ConvertDialogProps) {
  const { t, tk, formatDate } = useI18n();
  const memberSeeks = row.direction === 'member_seeks';
  const [municipalityId, setMunicipalityId] = useState('');
  // A foreign town's request linked to its registry record starts with that town chosen.
  const [town, setTown] = useState<TownSuggestion | null>(
    initialTown ?? (memberSeeks || row.foreignTownId === null ? null : registryTown(row)),
  );
  // A request does not say what kind of partnership it becomes: not stated until the user says.
  // It is one being prepared (the request is answered now, nothing is signed yet).
  const [type, setType] = useState<PartnershipType>('unknown');
  const [status, setStatus] = useState<PartnershipStatus>('preparation');
  // Empty: the day the partnership started is what the user knows, never the day of the conversion.
  const [startedOn, setStartedOn] = useState('');
  // Requests of the other side this partnership answers too (walkthrough: a foreign town's own
  // request stayed open, still offered to other members, after it got its partner): ticked unless
  // the user unticks them.
  const [declined, setDeclined] = useState<ReadonlySet<number>>(new Set());
  const counterparts = useMemo(() => {
    const memberId = memberSeeks ? row.municipalityId : municipalityId === '' ? null : Number(municipalityId);
    if (memberId === null) return [];
    const chosen =
      town === null
        ? null
        : { foreignTownId: town.foreignTownId, name: town.name, nameCs: town.nameCs, countryCode: town.countryCode };
    return requests.filter((other) => answersToo(other, row, memberId, chosen));
  }, [requests, row, memberSeeks, municipalityId, town]);
  // The requests' descriptions go into the partnership's notes, marked as theirs (walkthrough 21:
  // "spolupráce hasičů a škol" stayed on the request). Proposed from this request and the ticked
  // ones of the other side until the user edits the text; then it is theirs (emptied: no notes).
  const proposedNotes = useMemo(
    () => conversionNotes([row, ...counterparts.filter((other) => !declined.has(other.id))]) ?? '',
    [row, counterparts, declined],
  );
  const [editedNotes, setEditedNotes] = useState<string | null>(null);
  const notes = editedNotes ?? proposedNotes;
  // The partnership is a member's, as in "New partnership" (walkthrough 19: this dialog offered all
  // 6,259 municipalities while "New partnership" offered members only). A member's own request
  // names its municipality, whatever its membership.
  const memberOptions = useMemo(() => (members ?? []).filter((m) => m.isMember), [members]);
  const membersLoaded = members !== undefined;
  const { errors, setErrors, failure, busy, showErrors, run } = useSubmit();
  // What the user chose asks before Escape drops it (the town is left out: it may be chosen for them).
  const unsaved =
    municipalityId !== '' || type !== 'unknown' || status !== 'preparation' || startedOn !== '' || editedNotes !== null;

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!memberSeeks && municipalityId === '') found.municipalityId = 'validation.required';
    if (town === null) found.town = 'validation.townRequired';
    if (!showErrors(found) || town === null) return;
    await run(async () => {
      const done = await call('requests:toPartnership', {
        id: row.id,
        version: row.version,
        municipalityId: memberSeeks ? null : Number(municipalityId),
        townName: null,
        townCountryCode: null,
        ...townChoiceInput(town),
        type,
        status,
        // Typed at the precision known ("1994", "5/1994", "22. 5. 1994"), as in "New partnership";
        // unreadable text goes as typed for the rules to name at the field.
        startedOn: startedOn.trim() === '' ? null : (parsePartialDate(startedOn) ?? startedOn.trim()),
        alsoAccept: counterparts.filter((other) => !declined.has(other.id)).map((other) => other.id),
        notes,
      });
      onDone(done);
    }, onConflict);
  };

  return (
    <Dialog
      title={t('requests.convertDialog.title', { name: requesterOf(row) })}
      onClose={onCancel}
      wide
      unsaved={unsaved}
      testId="convert-dialog"
      footer={
        <DialogButtons
          confirmLabel={t('requests.convert')}
          onCancel={onCancel}
          onConfirm={() => void submit()}
          disabled={busy}
          testId="convert-ok"
        />
      }
    >
      <p className="dialog-text">{t('requests.convertDialog.body')}</p>
      {!memberSeeks && membersLoaded && memberOptions.length === 0 && <NoMembersNotice of="newPartnership" />}
      <div className="form-grid">
        {memberSeeks ? (
          <Field label={t('requests.convertDialog.member')} htmlFor="c-member">
            <output id="c-member" className="readonly">
              {row.municipalityName}
            </output>
          </Field>
        ) : (
          <Field label={t('requests.convertDialog.member')} error={errors.municipalityId} htmlFor="c-municipalityId">
            <MemberSelect
              members={memberOptions}
              value={municipalityId}
              onChange={setMunicipalityId}
              empty={t('requests.form.choose')}
              id="c-municipalityId"
              data-testid="convert-member"
            />
          </Field>
        )}
        <div className="field-wide">
          <TownPicker
            value={town}
            onChange={(next) => {
              setTown(next);
              setErrors((e) => ({ ...e, town: '' }));
            }}
            error={errors.town || undefined}
            label={t('requests.convertDialog.townName')}
            initialQuery={memberSeeks ? '' : (row.requesterName ?? '')}
            countryCode={memberSeeks ? undefined : (row.requesterCountryCode ?? undefined)}
            chooseExactMatch={!memberSeeks}
          />
          {town && errors.town ? (
            <span className="field-error" role="alert" data-testid="error-town">
              {tk(errors.town)}
            </span>
          ) : null}
        </div>
        <Field label={t('partnerships.field.type')} htmlFor="c-type">
          <CodeSelect
            codes={PARTNERSHIP_TYPES}
            labelPrefix="partnershipType"
            value={type}
            onChange={(code) => code && setType(code)}
            id="c-type"
          />
        </Field>
        <Field label={t('partnerships.field.status')} htmlFor="c-status">
          <CodeSelect
            codes={PARTNERSHIP_STATUSES}
            labelPrefix="partnershipStatus"
            value={status}
            onChange={(code) => code && setStatus(code)}
            id="c-status"
          />
        </Field>
        <Field label={t('partnerships.field.startedOn')} error={errors.startedOn} htmlFor="c-startedOn">
          <input
            id="c-startedOn"
            value={startedOn}
            inputMode="numeric"
            placeholder={t('partnerships.partialDatePlaceholder')}
            onChange={(e) => setStartedOn(e.target.value)}
            data-testid="convert-started"
          />
        </Field>
      </div>
      {counterparts.length > 0 && (
        <fieldset className="plain-fieldset convert-also" data-testid="convert-also">
          <p className="hint">{t('requests.convertDialog.alsoAcceptHint')}</p>
          {counterparts.map((other) => (
            <label key={other.id} className="check">
              <input
                type="checkbox"
                checked={!declined.has(other.id)}
                onChange={(e) => {
                  const checked = e.target.checked;
                  setDeclined((before) => {
                    const next = new Set(before);
                    if (checked) next.delete(other.id);
                    else next.add(other.id);
                    return next;
                  });
                }}
                data-testid={`convert-also-${String(other.id)}`}
              />
              {t('requests.convertDialog.alsoAccept', {
                name: requesterOf(other),
                date: other.receivedOn === null ? '—' : formatDate(other.receivedOn),
                status: tk(`requestStatus.${other.status}`),
              })}
            </label>
          ))}
        </fieldset>
      )}
      <div className="form-grid convert-notes">
        <Field
          label={t('partnerships.field.notes')}
          error={errors.notes}
          hint={proposedNotes === '' ? undefined : t('requests.convertDialog.notesHint')}
          htmlFor="c-notes"
          wide
        >
          <textarea
            id="c-notes"
            rows={4}
            value={notes}
            onChange={(e) => setEditedNotes(e.target.value)}
            data-testid="convert-notes"
          />
        </Field>
      </div>
      <FormProblems errors={errors} failure={failure} withMessage />
    </Dialog>
  );
}
