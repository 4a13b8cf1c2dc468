import { useState, type SyntheticEvent } from 'react';
import { DayInput } from '../../components/DayInput';
import { mergeEdits } from '../../lib/form-merge';
import { onRovingKeys, rovingTabIndex } from '../../lib/focus';
import {
  COOPERATION_AREAS,
  REQUEST_DIRECTIONS,
  REQUEST_STATUSES,
  TOWN_SIZES,
  type CooperationArea,
  type RequestDirection,
  type RequestStatus,
  type TownSize,
} from '../../../shared/domain/codes';
import {
  OPEN_REQUEST_STATUSES,
  REQUEST_DESCRIPTION_MAX,
  receivedOnIssues,
  requestInputSchema,
  type RequestRow,
} from '../../../shared/domain/request-rules';
import { localToday } from '../../../shared/domain/partnership-rules';
import type { TownSuggestion } from '../../../shared/domain/partnerships';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { searchKey } from '../../../shared/domain/text';
import { countryName } from '../../../shared/domain/countries';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { withShortcut } from '../../lib/shortcuts';
import { useForm } from '../../lib/useForm';
import { withItem } from '../../lib/lists';
import { CodeSelect, Field } from '../../components/Field';
import { CountrySelect } from '../../components/CountrySelect';
import { FormProblems } from '../../components/FormProblems';
import { MemberSelect } from '../../components/MemberSelect';
import { useTownSuggestions } from '../../components/TownPicker';

type Values = {
  direction: RequestDirection;
  municipalityId: string;
  requesterName: string;
  requesterCountryCode: string;
  wantedCountryCodes: string[];
  wantedSize: TownSize | '';
  themes: CooperationArea[];
  description: string;
  status: RequestStatus;
  receivedOn: string;
};

/** The label of each field, as the merge notice names it. */
const FIELD_LABELS = {
  direction: 'requests.form.direction',
  municipalityId: 'requests.form.member',
  requesterName: 'requests.form.requesterName',
  requesterCountryCode: 'requests.form.requesterCountry',
  wantedCountryCodes: 'requests.form.wantedCountries',
  wantedSize: 'requests.col.wantedSize',
  themes: 'requests.col.themes',
  description: 'requests.col.description',
  status: 'requests.col.status',
  receivedOn: 'requests.col.receivedOn',
} as const satisfies Record<keyof Values, string>;

/** The statuses of a request that became a partnership: accepted, or closed since. */
const LINKED_STATUSES = ['accepted', 'closed'] as const;

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
  // Today where the user is (not in UTC: after 23:00 in winter that was tomorrow, refused as future).
  receivedOn: row?.receivedOn ?? localToday(),
});

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export type RequestFormProps = {
  row: RequestRow | null;
  members: readonly MunicipalityRow[];
  /** The requests recorded so far: a second open one of the same requester is pointed out. */
  existing?: readonly RequestRow[];
  onSaved: (row: RequestRow) => void;
  onCancel: () => void;
  onConflict: () => void;
};

/** Add or edit a partnership request; the shared rules name each wrong field next to it. */
export function RequestForm({ row, members, existing = [], onSaved, onCancel, onConflict }: RequestFormProps) {
  const { t, tk, language, formatDate } = useI18n();
  const { values, setValues, set, errors, setErrors, failure, busy, check, run, saved } = useForm<Values>(() =>
    initial(row),
  );
  // The version the typing began on: a save is made against it, so a colleague's change meanwhile
  // is a conflict (the form saved against the version the live list had just brought, over the
  // colleague's change; walkthrough 13). While nothing is typed the form follows the stored request.
  const [pinned, setPinned] = useState(() => ({ version: row?.version ?? 0, base: initial(row) }));
  const [merged, setMerged] = useState<(keyof Values)[] | null>(null);
  const sameValues = (a: Values, b: Values) => JSON.stringify(a) === JSON.stringify(b);
  if (row !== null && row.version !== pinned.version && sameValues(values, pinned.base)) {
    setValues(initial(row));
    saved(initial(row));
    setPinned({ version: row.version, base: initial(row) });
  }
  /** A refused save: the colleague's change comes into the form, the user's edits stay (see mergeEdits). */
  const conflicted = () => {
    if (row === null || row.version === pinned.version) {
      onConflict();
      return;
    }
    const stored = initial(row);
    const result = mergeEdits(pinned.base, values, stored, (_key, value) => JSON.stringify(value));
    setValues(result.merged);
    saved(stored);
    setPinned({ version: row.version, base: stored });
    setMerged(result.clashes);
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
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
    const data = check(requestInputSchema, input);
    if (data === null) return;
    const dated = receivedOnIssues(data, { stored: row?.receivedOn ?? null });
    if (dated.length > 0) {
      setErrors(Object.fromEntries(dated.map((issue) => [issue.path, issue.message])));
      return;
    }
    await run(async () => {
      onSaved(
        row === null
          ? await call('requests:create', data)
          : await call('requests:update', { id: row.id, version: pinned.version, values: data }),
      );
    }, conflicted);
  };

  // The same requester's open request recorded already (a second one was saved without a word
  // and the two rows looked alike): said above the form, saving stays possible.
  const twin = existing.find(
    (other) =>
      other.id !== row?.id &&
      OPEN_REQUEST_STATUSES.includes(other.status) &&
      other.direction === values.direction &&
      (values.direction === 'member_seeks'
        ? values.municipalityId !== '' && other.municipalityId === Number(values.municipalityId)
        : values.requesterName.trim() !== '' &&
          searchKey(other.requesterName ?? '') === searchKey(values.requesterName.trim()) &&
          other.requesterCountryCode === values.requesterCountryCode),
  );
  // A request that became a partnership keeps who asked (its partnership names them); only its
  // wishes, notes and whether it is closed change.
  const linked = row !== null && row.partnershipId !== null;
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="request-form">
      {merged !== null && (
        <p
          className={`notice ${merged.length > 0 ? 'notice-warn' : 'notice-ok'}`}
          role="status"
          data-testid="request-merged"
        >
          {t('requests.merged')}
          {merged.length > 0 &&
            ` ${t('requests.mergedClashes', { fields: merged.map((key) => t(FIELD_LABELS[key])).join(', ') })}`}
        </p>
      )}
      {linked && (
        <p className="hint" data-testid="request-linked">
          {t('requests.form.linked')}
        </p>
      )}
      {twin !== undefined && (
        <p className="notice notice-warn request-twin" role="status" data-testid="request-twin">
          {t('requests.form.twin', {
            date: formatDate(twin.receivedOn),
            status: tk(`requestStatus.${twin.status}`),
          })}
        </p>
      )}
      <div className="form-grid">
        <fieldset className="plain-fieldset" disabled={linked}>
          <div className="field field-wide">
            <span className="field-label">{t('requests.form.direction')}</span>
            <div
              className="segmented"
              role="radiogroup"
              aria-label={t('requests.form.direction')}
              onKeyDown={onRovingKeys}
            >
              {REQUEST_DIRECTIONS.map((direction) => (
                <button
                  key={direction}
                  type="button"
                  role="radio"
                  aria-checked={values.direction === direction}
                  tabIndex={rovingTabIndex(values.direction === direction)}
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
              <MemberSelect
                members={members}
                value={values.municipalityId}
                onChange={(id) => set('municipalityId', id)}
                empty={t('requests.form.choose')}
                id="r-municipalityId"
                data-testid="field-municipalityId"
              />
            </Field>
          ) : (
            <>
              <Field
                label={t('requests.form.requesterName')}
                error={errors.requesterName}
                hint={t('requests.form.requesterNameHint')}
                htmlFor="r-requesterName"
              >
                <RequesterName
                  value={values.requesterName}
                  countryCode={values.requesterCountryCode}
                  onChange={(name) => set('requesterName', name)}
                  onPick={(town) =>
                    setValues((previous) => ({
                      ...previous,
                      requesterName: town.name,
                      requesterCountryCode: town.countryCode,
                    }))
                  }
                />
              </Field>
              <Field
                label={t('requests.form.requesterCountry')}
                error={errors.requesterCountryCode}
                htmlFor="r-requesterCountryCode"
              >
                <CountrySelect
                  value={values.requesterCountryCode}
                  onChange={(code) => set('requesterCountryCode', code)}
                  empty={t('requests.form.choose')}
                  id="r-requesterCountryCode"
                  data-testid="field-requesterCountryCode"
                />
              </Field>
            </>
          )}
        </fieldset>
        <Field
          label={t('requests.form.wantedCountries')}
          error={errors.wantedCountryCodes}
          hint={tk(`requests.form.wantedCountriesHint.${values.direction}`)}
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
            <CountrySelect
              value=""
              onChange={(code) => {
                if (code !== '' && !values.wantedCountryCodes.includes(code))
                  set('wantedCountryCodes', [...values.wantedCountryCodes, code]);
              }}
              empty={t('requests.form.addCountry')}
              id="r-addCountry"
              data-testid="field-addCountry"
            />
          </div>
        </Field>
        <Field label={t('requests.col.wantedSize')} error={errors.wantedSize} htmlFor="r-wantedSize">
          <CodeSelect
            codes={TOWN_SIZES}
            labelPrefix="townSize"
            value={values.wantedSize === '' ? null : values.wantedSize}
            onChange={(size) => set('wantedSize', size ?? '')}
            empty={t('requests.anySize')}
            id="r-wantedSize"
            data-testid="field-wantedSize"
          />
        </Field>
        <Field label={t('requests.col.status')} error={errors.status} htmlFor="r-status">
          <CodeSelect
            codes={linked ? LINKED_STATUSES : REQUEST_STATUSES}
            labelPrefix="requestStatus"
            value={values.status}
            onChange={(status) => status && set('status', status)}
            id="r-status"
            data-testid="field-status"
          />
        </Field>
        <Field label={t('requests.col.receivedOn')} error={errors.receivedOn} htmlFor="r-receivedOn">
          <DayInput
            id="r-receivedOn"
            value={values.receivedOn}
            onChange={(day) => set('receivedOn', day)}
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
                  onClick={() => set('themes', withItem(values.themes, area, !on))}
                  data-testid={`theme-${area}`}
                >
                  {tk(`area.${area}`)}
                </button>
              );
            })}
          </div>
        </Field>
        <Field
          label={t('requests.col.description')}
          error={errors.description}
          // Near the limit the form counts ("Text je příliš dlouhý." said no limit).
          hint={
            values.description.length > REQUEST_DESCRIPTION_MAX * 0.9
              ? t('requests.form.descriptionLength', {
                  count: values.description.length,
                  max: REQUEST_DESCRIPTION_MAX,
                })
              : undefined
          }
          htmlFor="r-description"
          wide
        >
          <textarea
            id="r-description"
            rows={4}
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
            data-testid="field-description"
          />
        </Field>
      </div>
      <FormProblems errors={errors} fixText={t('requests.form.fixErrors')} failure={failure} />
      <div className="form-actions sticky">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button primary"
          disabled={busy}
          title={withShortcut(t('common.save'), 'save')}
          data-shortcut="save"
          data-testid="request-save"
        >
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

/**
 * Who asks, typed freely (an office or a district may ask too), with up to four offline town
 * suggestions on a line under it while typing: picking one writes the town's own name, with its
 * diacritics, and its country, so that turning the request into a partnership later finds that
 * very town. The line keeps its height, so nothing below moves while the suggestions come.
 */
function RequesterName({
  value,
  countryCode,
  onChange,
  onPick,
}: {
  value: string;
  countryCode: string;
  onChange: (name: string) => void;
  onPick: (town: TownSuggestion) => void;
}) {
  const { t, language, formatNumber } = useI18n();
  // The suggestions show only after typing here (not for a saved request's name).
  const [typing, setTyping] = useState(false);
  const { suggestions, waiting } = useTownSuggestions(
    typing ? value : '',
    countryCode === '' || countryCode === 'CZ' ? undefined : countryCode,
  );
  const shown = typing ? (suggestions ?? []).slice(0, 4) : [];
  return (
    <>
      <input
        id="r-requesterName"
        value={value}
        autoComplete="off"
        onChange={(e) => {
          setTyping(true);
          onChange(e.target.value);
        }}
        data-testid="field-requesterName"
      />
      <div className="requester-suggestions" aria-live="polite" data-testid="requester-suggestions">
        {typing && waiting && <span className="muted-small">{t('common.loading')}</span>}
        {!waiting &&
          shown.map((town) => (
            <button
              key={`${String(town.foreignTownId)}-${String(town.geonamesId)}-${town.name}`}
              type="button"
              className="requester-suggestion"
              title={[town.adminRegion, countryName(town.countryCode, language)].filter(Boolean).join(', ')}
              onClick={() => {
                setTyping(false);
                onPick(town);
              }}
              data-testid="requester-suggestion"
            >
              <span className="requester-suggestion-name">
                {town.name}
                {town.nameCs !== null && town.nameCs !== town.name && ` (${town.nameCs})`}
                {/* Two towns of one name are told apart by their region, else their size ("Żarki · 4 363 obyv."). */}
                {shown.some((other) => other !== town && other.name === town.name) &&
                  (town.adminRegion !== null
                    ? ` · ${town.adminRegion}`
                    : town.population !== null
                      ? ` · ${t('partnerships.new.population', { count: formatNumber(town.population) })}`
                      : '')}
              </span>
              <span className="p-cc">{town.countryCode}</span>
            </button>
          ))}
      </div>
    </>
  );
}
