import { useMemo, useState } from 'react';
import {
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  type PartnershipStatus,
  type PartnershipType,
} from '../../../shared/domain/codes';
import type { RequestRow } from '../../../shared/domain/request-rules';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { compareCzech } from '../../../shared/domain/text';
import { countryOptions } from '../../../shared/domain/countries';
import { ApiError, call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Dialog } from '../../components/dialogs';
import { CodeSelect, Field } from '../../components/Field';
import { issuesByField } from '../../lib/errors';
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
  const { t, tk, language } = useI18n();
  const countries = useMemo(
    () =>
      countryOptions(language)
        .filter((c) => c.code !== 'CZ')
        .sort((a, b) => compareCzech(a.name, b.name)),
    [language],
  );
  const sortedMembers = useMemo(() => [...members].sort((a, b) => compareCzech(a.name, b.name)), [members]);
  const memberSeeks = row.direction === 'member_seeks';
  const [municipalityId, setMunicipalityId] = useState('');
  const [townName, setTownName] = useState(memberSeeks ? '' : (row.requesterName ?? ''));
  const [townCountry, setTownCountry] = useState(
    memberSeeks ? (row.wantedCountryCodes.find((c) => c !== 'CZ') ?? '') : (row.requesterCountryCode ?? ''),
  );
  const [type, setType] = useState<PartnershipType>('friendship');
  const [status, setStatus] = useState<PartnershipStatus>('preparation');
  const [startedOn, setStartedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!memberSeeks && municipalityId === '') found.municipalityId = 'validation.required';
    if (townName.trim() === '') found.townName = 'validation.required';
    if (townCountry === '') found.townCountryCode = 'validation.required';
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
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
    } catch (error) {
      const issues = issuesByField(error);
      if (error instanceof ApiError && error.code === 'CONFLICT' && Object.keys(issues).length === 0) onConflict();
      else {
        setErrors(issues);
        if (Object.keys(issues).length === 0) setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('requests.convertDialog.title', { name: requesterOf(row) })}
      onClose={onCancel}
      wide
      testId="convert-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void submit()}
            data-testid="convert-ok"
          >
            {t('requests.convert')}
          </button>
        </>
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
            <select
              id="c-municipalityId"
              value={municipalityId}
              onChange={(e) => setMunicipalityId(e.target.value)}
              data-testid="convert-member"
            >
              <option value="">{t('requests.form.choose')}</option>
              {sortedMembers.map((m) => (
                <option key={m.id} value={String(m.id)}>
                  {m.name} ({m.districtName ?? m.code})
                </option>
              ))}
            </select>
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
          <select
            id="c-townCountry"
            value={townCountry}
            onChange={(e) => setTownCountry(e.target.value)}
            data-testid="convert-country"
          >
            <option value="">{t('requests.form.choose')}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
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
      {failure !== null && (
        <p className="form-summary" role="alert">
          {failure instanceof ApiError ? `${tk(`error.${failure.code}`)} ${failure.message}` : t('error.INTERNAL')}
        </p>
      )}
    </Dialog>
  );
}
