import { useMemo, useState, type SyntheticEvent } from 'react';
import {
  COOPERATION_AREAS,
  REQUEST_DIRECTIONS,
  REQUEST_STATUSES,
  TOWN_SIZES,
  type CooperationArea,
  type RequestDirection,
} from '../../../shared/domain/codes';
import { requestInputSchema, type RequestRow } from '../../../shared/domain/request-rules';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { compareCzech } from '../../../shared/domain/text';
import { countryName, countryOptions } from '../../../shared/domain/countries';
import { ApiError, call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Field } from '../../components/Field';
import { issuesByField } from '../../lib/errors';

type Values = {
  direction: RequestDirection;
  municipalityId: string;
  requesterName: string;
  requesterCountryCode: string;
  wantedCountryCodes: string[];
  wantedSize: string;
  themes: CooperationArea[];
  description: string;
  status: string;
  receivedOn: string;
};

const initial = (row: RequestRow | null): Values => ({
  direction: row?.direction ?? 'member_seeks',
  municipalityId: row?.municipalityId === null || row?.municipalityId === undefined ? '' : String(row.municipalityId),
  requesterName: row?.requesterName ?? '',
  requesterCountryCode: row?.requesterCountryCode ?? '',
  wantedCountryCodes: row?.wantedCountryCodes ?? [],
  wantedSize: row?.wantedSize ?? '',
  themes: row?.themes ?? [],
  description: row?.description ?? '',
  status: row?.status ?? 'new',
  receivedOn: row?.receivedOn ?? new Date().toISOString().slice(0, 10),
});

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export type RequestFormProps = {
  row: RequestRow | null;
  members: readonly MunicipalityRow[];
  onSaved: (row: RequestRow) => void;
  onCancel: () => void;
  onConflict: () => void;
};

/** Add or edit a partnership request; the shared rules name each wrong field next to it. */
export function RequestForm({ row, members, onSaved, onCancel, onConflict }: RequestFormProps) {
  const { t, tk, language } = useI18n();
  const [values, setValues] = useState<Values>(() => initial(row));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const countries = useMemo(() => countryOptions(language).sort((a, b) => compareCzech(a.name, b.name)), [language]);
  const sortedMembers = useMemo(() => [...members].sort((a, b) => compareCzech(a.name, b.name)), [members]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([name]) => name !== key)));
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setFailure(null);
    const input = {
      direction: values.direction,
      municipalityId:
        values.direction === 'member_seeks' && values.municipalityId !== '' ? Number(values.municipalityId) : null,
      requesterName: values.direction === 'foreign_seeks' ? orNull(values.requesterName) : null,
      requesterCountryCode: values.direction === 'foreign_seeks' ? orNull(values.requesterCountryCode) : null,
      wantedCountryCodes: values.wantedCountryCodes,
      wantedSize: values.wantedSize === '' ? null : values.wantedSize,
      themes: values.themes,
      description: orNull(values.description),
      status: values.status,
      receivedOn: orNull(values.receivedOn),
    };
    const parsed = requestInputSchema.safeParse(input);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0] ?? '')] ??= issue.message;
      setErrors(found);
      return;
    }
    setBusy(true);
    try {
      onSaved(
        row === null
          ? await call('requests:create', parsed.data)
          : await call('requests:update', { id: row.id, version: row.version, values: parsed.data }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') onConflict();
      else {
        const found = issuesByField(error);
        setErrors(found);
        if (Object.keys(found).length === 0) setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="request-form">
      <div className="form-grid">
        <div className="field field-wide">
          <span className="field-label">{t('requests.form.direction')}</span>
          <div className="segmented" role="radiogroup" aria-label={t('requests.form.direction')}>
            {REQUEST_DIRECTIONS.map((direction) => (
              <button
                key={direction}
                type="button"
                role="radio"
                aria-checked={values.direction === direction}
                className={values.direction === direction ? 'active' : ''}
                onClick={() => set('direction', direction)}
                data-testid={`direction-${direction}`}
              >
                {tk(`requestDirection.${direction}`)}
              </button>
            ))}
          </div>
        </div>
        {values.direction === 'member_seeks' ? (
          <Field label={t('requests.form.member')} error={errors.municipalityId} htmlFor="r-municipalityId" wide>
            <select
              id="r-municipalityId"
              value={values.municipalityId}
              onChange={(e) => set('municipalityId', e.target.value)}
              data-testid="field-municipalityId"
            >
              <option value="">{t('requests.form.choose')}</option>
              {sortedMembers.map((m) => (
                <option key={m.id} value={String(m.id)}>
                  {m.name} ({m.districtName ?? m.code})
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <>
            <Field label={t('requests.form.requesterName')} error={errors.requesterName} htmlFor="r-requesterName">
              <input
                id="r-requesterName"
                value={values.requesterName}
                onChange={(e) => set('requesterName', e.target.value)}
                data-testid="field-requesterName"
              />
            </Field>
            <Field
              label={t('requests.form.requesterCountry')}
              error={errors.requesterCountryCode}
              htmlFor="r-requesterCountryCode"
            >
              <select
                id="r-requesterCountryCode"
                value={values.requesterCountryCode}
                onChange={(e) => set('requesterCountryCode', e.target.value)}
                data-testid="field-requesterCountryCode"
              >
                <option value="">{t('requests.form.choose')}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
        <Field
          label={t('requests.form.wantedCountries')}
          error={errors.wantedCountryCodes}
          hint={t('requests.form.wantedCountriesHint')}
          htmlFor="r-addCountry"
          wide
        >
          <div className="chips" data-testid="wanted-countries">
            {values.wantedCountryCodes.map((code) => (
              <span key={code} className="chip">
                {countryName(code, language)}
                <button
                  type="button"
                  aria-label={t('requests.form.removeCountry', { name: countryName(code, language) })}
                  onClick={() =>
                    set(
                      'wantedCountryCodes',
                      values.wantedCountryCodes.filter((c) => c !== code),
                    )
                  }
                >
                  ×
                </button>
              </span>
            ))}
            <select
              id="r-addCountry"
              value=""
              onChange={(e) => {
                if (e.target.value !== '' && !values.wantedCountryCodes.includes(e.target.value))
                  set('wantedCountryCodes', [...values.wantedCountryCodes, e.target.value]);
              }}
              data-testid="field-addCountry"
            >
              <option value="">{t('requests.form.addCountry')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </Field>
        <Field label={t('requests.col.wantedSize')} error={errors.wantedSize} htmlFor="r-wantedSize">
          <select
            id="r-wantedSize"
            value={values.wantedSize}
            onChange={(e) => set('wantedSize', e.target.value)}
            data-testid="field-wantedSize"
          >
            <option value="">{t('requests.anySize')}</option>
            {TOWN_SIZES.map((size) => (
              <option key={size} value={size}>
                {tk(`townSize.${size}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('requests.col.status')} error={errors.status} htmlFor="r-status">
          <select
            id="r-status"
            value={values.status}
            onChange={(e) => set('status', e.target.value)}
            data-testid="field-status"
          >
            {REQUEST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {tk(`requestStatus.${status}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('requests.col.receivedOn')} error={errors.receivedOn} htmlFor="r-receivedOn">
          <input
            id="r-receivedOn"
            type="date"
            value={values.receivedOn}
            onChange={(e) => set('receivedOn', e.target.value)}
            data-testid="field-receivedOn"
          />
        </Field>
        <Field label={t('requests.col.themes')} error={errors.themes} htmlFor="r-themes" wide>
          <div className="chips" id="r-themes" data-testid="field-themes">
            {COOPERATION_AREAS.map((area) => {
              const on = values.themes.includes(area);
              return (
                <button
                  key={area}
                  type="button"
                  className="toggle-chip"
                  aria-pressed={on}
                  onClick={() => set('themes', on ? values.themes.filter((a) => a !== area) : [...values.themes, area])}
                  data-testid={`theme-${area}`}
                >
                  {tk(`area.${area}`)}
                </button>
              );
            })}
          </div>
        </Field>
        <Field label={t('requests.col.description')} error={errors.description} htmlFor="r-description" wide>
          <textarea
            id="r-description"
            rows={4}
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
            data-testid="field-description"
          />
        </Field>
      </div>
      {Object.keys(errors).length > 0 && (
        <p className="form-summary" role="alert">
          {t('requests.form.fixErrors')}
        </p>
      )}
      {failure !== null && (
        <p className="form-summary" role="alert">
          {failure instanceof ApiError ? tk(`error.${failure.code}`) : t('error.INTERNAL')}
        </p>
      )}
      <div className="form-actions sticky">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={busy} data-testid="request-save">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
