import { useEffect, useRef, useState } from 'react';
import { NoMembersNotice } from '../../components/NoMembersNotice';
import {
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  type PartnershipStatus,
  type PartnershipType,
} from '../../../shared/domain/codes';
import { issuesOf, partnershipCreateSchema } from '../../../shared/domain/partnership-rules';
import type { PartnershipRow, TownSuggestion } from '../../../shared/domain/partnerships';
import { call } from '../../lib/api';
import { parsePartialDate } from '../../../shared/domain/dates';
import { Dialog, DialogButtons } from '../../components/dialogs';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import { errorText, fieldErrors, issuesOfError } from '../../lib/errors';
import { CodeSelect, Field } from '../../components/Field';
import { MemberSelect } from '../../components/MemberSelect';
import { TownPicker, townChoiceInput } from '../../components/TownPicker';

const NO_MEMBERS: readonly [] = [];

/** Adds a partnership: a member, a foreign town chosen by typing, type, status and start. */
export function NewPartnershipDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (row: PartnershipRow) => void;
}) {
  const i18n = useI18n();
  const { t, tk } = i18n;
  const members = useAsync(() => call('municipalities:list', { membersOnly: true }), []);
  const [municipalityId, setMunicipalityId] = useState('');
  const [town, setTown] = useState<TownSuggestion | null>(null);
  // Nobody has said what the partnership is yet: both start unknown („neuvedeno“), as a request's
  // conversion does, and the user picks them (a preset type was stored as if stated: walkthrough 23).
  const [type, setType] = useState<PartnershipType>('unknown');
  const [status, setStatus] = useState<PartnershipStatus>('unknown');
  const [startedOn, setStartedOn] = useState('');
  const [townQuery, setTownQuery] = useState('');
  // Anything chosen or typed: Escape asks before it is lost (Cancel is the user's own choice to drop it).
  const unsaved =
    municipalityId !== '' ||
    town !== null ||
    townQuery.trim() !== '' ||
    startedOn.trim() !== '' ||
    type !== 'unknown' ||
    status !== 'unknown';
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async () => {
    const input = {
      municipalityId: Number(municipalityId),
      type,
      status,
      // Typed at the precision known ("1997", "5/1997", "22. 5. 1997"); unreadable text is left
      // for the rules to name next to the field.
      startedOn: startedOn.trim() === '' ? '' : (parsePartialDate(startedOn) ?? startedOn.trim()),
      ...(town ? townChoiceInput(town) : {}),
    };
    const local = issuesOf(partnershipCreateSchema, input).map((issue) =>
      issue.path === 'municipalityId' ? { ...issue, message: 'validation.memberMissing' } : issue,
    );
    if (local.length > 0) {
      setErrors(fieldErrors(local, i18n));
      return;
    }
    setBusy(true);
    setGeneral(null);
    try {
      onCreated(await call('partnerships:create', input));
    } catch (error) {
      const issues = issuesOfError(error);
      if (issues.length > 0) setErrors(fieldErrors(issues, i18n));
      else setGeneral(errorText(error, i18n, (p) => tk(`partnerships.field.${p}`)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('partnerships.new.title')}
      onClose={onClose}
      wide
      unsaved={unsaved}
      testId="new-partnership"
      footer={
        <DialogButtons
          confirmLabel={t('partnerships.new.create')}
          onCancel={onClose}
          disabled={busy}
          form="new-partnership-form"
          testId="new-create"
        />
      }
    >
      <form
        id="new-partnership-form"
        className="p-new"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        {members.data !== undefined && members.data.length === 0 && <NoMembersNotice of="newPartnership" />}
        <div className="p-grid2">
          <Field name="municipalityId" label={t('partnerships.new.member')} error={errors.municipalityId} wide>
            <MemberSelect
              ref={first}
              members={members.data ?? NO_MEMBERS}
              value={municipalityId}
              onChange={setMunicipalityId}
              empty={t('partnerships.new.chooseMember')}
              data-testid="new-member"
            />
          </Field>
          <div className="field-wide">
            <TownPicker
              onQuery={setTownQuery}
              value={town}
              onChange={(next) => {
                setTown(next);
                setErrors((e) => ({ ...e, town: '' }));
              }}
              error={errors.town || undefined}
            />
            {town && errors.town ? (
              <span className="field-error" role="alert" data-testid="error-town">
                {errors.town}
              </span>
            ) : null}
          </div>
          <Field name="type" label={t('partnerships.field.type')} error={errors.type}>
            <CodeSelect
              codes={PARTNERSHIP_TYPES}
              labelPrefix="partnershipType"
              value={type}
              onChange={(code) => code && setType(code)}
              data-testid="new-type"
            />
          </Field>
          <Field name="status" label={t('partnerships.field.status')} error={errors.status}>
            <CodeSelect
              codes={PARTNERSHIP_STATUSES}
              labelPrefix="partnershipStatus"
              value={status}
              onChange={(code) => code && setStatus(code)}
              data-testid="new-status"
            />
          </Field>
          <Field name="startedOn" label={t('partnerships.field.startedOn')} error={errors.startedOn}>
            <input
              value={startedOn}
              inputMode="numeric"
              placeholder={t('partnerships.partialDatePlaceholder')}
              onChange={(e) => setStartedOn(e.target.value)}
              data-testid="new-started"
            />
          </Field>
        </div>
        {general !== null && (
          <div className="notice notice-error" role="alert">
            {general}
          </div>
        )}
      </form>
    </Dialog>
  );
}
