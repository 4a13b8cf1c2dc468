import { useState } from 'react';
import {
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  type PartnershipStatus,
  type PartnershipType,
} from '../../../shared/domain/codes';
import type { RequestRow } from '../../../shared/domain/request-rules';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useSubmit } from '../../lib/useForm';
import { Dialog, DialogButtons } from '../../components/dialogs';
import { CodeSelect, Field } from '../../components/Field';
import { CountrySelect } from '../../components/CountrySelect';
import { FormProblems } from '../../components/FormProblems';
import { MemberSelect } from '../../components/MemberSelect';
import { requesterOf } from './requests-columns';

export type ConvertDialogProps = {
  row: RequestRow;
  members: readonly MunicipalityRow[];
  onDone: (result: { partnershipId: number; request: RequestRow }) => void;
  onCancel: () => void;
  onConflict: () => void;
};

/** Turns a request into a partnership: asks for the side the request does not name, then does it in one step. */
export function ConvertDialog({ row, members, onDone, onCancel, onConflict }: ConvertDialogProps) {
  const { t } = useI18n();
  const memberSeeks = row.direction === 'member_seeks';
  const [municipalityId, setMunicipalityId] = useState('');
  const [townName, setTownName] = useState(memberSeeks ? '' : (row.requesterName ?? ''));
  const [townCountry, setTownCountry] = useState(
    memberSeeks ? (row.wantedCountryCodes.find((c) => c !== 'CZ') ?? '') : (row.requesterCountryCode ?? ''),
  );
  const [type, setType] = useState<PartnershipType>('friendship');
  const [status, setStatus] = useState<PartnershipStatus>('preparation');
  const [startedOn, setStartedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const { errors, failure, busy, showErrors, run } = useSubmit();

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!memberSeeks && municipalityId === '') found.municipalityId = 'validation.required';
    if (townName.trim() === '') found.townName = 'validation.required';
    if (townCountry === '') found.townCountryCode = 'validation.required';
    if (!showErrors(found)) return;
    await run(async () => {
      onDone(
        await call('requests:toPartnership', {
          id: row.id,
          version: row.version,
          municipalityId: memberSeeks ? null : Number(municipalityId),
          townName: townName.trim(),
          townCountryCode: townCountry,
          type,
          status,
          startedOn: startedOn === '' ? null : startedOn,
        }),
      );
    }, onConflict);
  };

  return (
    <Dialog
      title={t('requests.convertDialog.title', { name: requesterOf(row) })}
      onClose={onCancel}
      wide
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
              members={members}
              value={municipalityId}
              onChange={setMunicipalityId}
              empty={t('requests.form.choose')}
              id="c-municipalityId"
              data-testid="convert-member"
            />
          </Field>
        )}
        <Field label={t('requests.convertDialog.townName')} error={errors.townName} htmlFor="c-townName">
          <input
            id="c-townName"
            value={townName}
            onChange={(e) => setTownName(e.target.value)}
            data-testid="convert-town"
          />
        </Field>
        <Field label={t('requests.convertDialog.townCountry')} error={errors.townCountryCode} htmlFor="c-townCountry">
          <CountrySelect
            value={townCountry}
            onChange={setTownCountry}
            empty={t('requests.form.choose')}
            exclude="CZ"
            id="c-townCountry"
            data-testid="convert-country"
          />
        </Field>
        <Field label={t('requests.convertDialog.type')} htmlFor="c-type">
          <CodeSelect
            codes={PARTNERSHIP_TYPES}
            labelPrefix="partnershipType"
            value={type}
            onChange={(code) => code && setType(code)}
            id="c-type"
          />
        </Field>
        <Field label={t('requests.convertDialog.status')} htmlFor="c-status">
          <CodeSelect
            codes={PARTNERSHIP_STATUSES}
            labelPrefix="partnershipStatus"
            value={status}
            onChange={(code) => code && setStatus(code)}
            id="c-status"
          />
        </Field>
        <Field label={t('requests.convertDialog.startedOn')} error={errors.startedOn} htmlFor="c-startedOn">
          <input id="c-startedOn" type="date" value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />
        </Field>
      </div>
      <FormProblems errors={errors} failure={failure} withMessage />
    </Dialog>
  );
}
