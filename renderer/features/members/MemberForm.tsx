import { certainlyBefore, editablePartialDate, parsePartialDate } from '../../../shared/domain/dates';
import type { UiLanguage } from '../../../shared/domain/codes';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { GENDERS, MUNICIPALITY_KINDS, type Gender, type MunicipalityKind } from '../../../shared/domain/codes';
import {
  membershipState,
  municipalityFormSchema,
  type MunicipalityDetail,
  type MunicipalityInput,
} from '../../../shared/domain/municipality-rules';
import type { District, Region } from '../../../shared/domain/schemas';
import { call, type ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { withShortcut } from '../../lib/shortcuts';
import { CodeSelect, Field } from '../../components/Field';
import { FormProblems } from '../../components/FormProblems';
import { ChangedUnderTypingNotice } from '../../components/ChangedUnderTypingNotice';
import { useForm } from '../../lib/useForm';
import { mergeEdits } from '../../lib/form-merge';
import { MergeNotice } from '../../components/MergeNotice';
import { FormGoneNotice } from '../../components/FormGoneNotice';
import { quoted, typedKeys } from '../../lib/record-gone';
import { useRecordGone } from '../../lib/use-record-gone';
import type { EventPayload } from '../../../shared/ipc/contract';
import { parseNumberText } from './members-columns';
import { membersStore } from './members-store';
import { holdsNothing, useAresLookup, type AresFields } from './AresLookup';
import { useRowStore } from '../../lib/row-store';
import { compareCzech, searchKey } from '../../../shared/domain/text';

type TextField =
  | 'code'
  | 'name'
  | 'districtId'
  | 'orpName'
  | 'population'
  | 'latitude'
  | 'longitude'
  | 'street'
  | 'postalCode'
  | 'ico'
  | 'mayorName'
  | 'website'
  | 'email'
  | 'memberSince'
  | 'memberUntil'
  | 'notes';
export type FormValues = Record<TextField, string> & {
  kind: MunicipalityKind;
  mayorGender: Gender | '';
  isMember: boolean;
};

const text = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** A decimal as the language writes it (a comma in Czech, as the field's hint "49,4131" does: walkthrough 19). */
const decimalText = (value: number | null | undefined, language: UiLanguage): string =>
  value === null || value === undefined ? '' : language === 'cs' ? String(value).replace('.', ',') : String(value);

function initialValues(detail: MunicipalityDetail | null, language: UiLanguage): FormValues {
  return {
    code: text(detail?.code),
    name: text(detail?.name),
    kind: detail?.kind ?? 'obec',
    districtId: text(detail?.districtId),
    orpName: text(detail?.orpName),
    population: text(detail?.population),
    latitude: decimalText(detail?.latitude, language),
    longitude: decimalText(detail?.longitude, language),
    street: text(detail?.street),
    postalCode: text(detail?.postalCode),
    ico: text(detail?.ico),
    mayorName: text(detail?.mayorName),
    mayorGender: detail?.mayorGender ?? '',
    website: text(detail?.website),
    email: text(detail?.email),
    // Typed at the precision known (22. 5. 1994, 5/1994 or just 1994); a new member's is empty
    // until typed (the day of the entry is not the day the municipality joined).
    memberSince: editablePartialDate(detail?.memberSince, language),
    memberUntil: editablePartialDate(detail?.memberUntil, language),
    notes: text(detail?.notes),
    isMember: detail?.isMember ?? true,
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
/** A typed date as stored (ISO at its precision); unreadable text is passed on for the rules to name. */
const partialOrText = (value: string): string | null =>
  value.trim() === '' ? null : (parsePartialDate(value) ?? value.trim());

/** Ticked as a member although "member until" lies in the past: one of the two is not true. */
const endedMember = (v: Pick<FormValues, 'isMember' | 'memberUntil'>): boolean => {
  const until = parsePartialDate(v.memberUntil);
  return v.isMember && until !== null && certainlyBefore(until, new Date().toISOString().slice(0, 10));
};

/** What the form holds, as the contract's input (the rules then say what is wrong). */
function toInput(v: FormValues, detail: MunicipalityDetail | null): Record<keyof MunicipalityInput, unknown> {
  return {
    code: v.code.trim(),
    name: v.name,
    kind: v.kind,
    districtId: v.districtId === '' ? null : Number(v.districtId),
    orpCode: detail?.orpCode ?? null,
    orpName: orNull(v.orpName),
    population: parseNumberText(v.population),
    latitude: parseNumberText(v.latitude, 'decimal'),
    longitude: parseNumberText(v.longitude, 'decimal'),
    street: orNull(v.street),
    postalCode: orNull(v.postalCode),
    ico: orNull(v.ico),
    mayorName: orNull(v.mayorName),
    mayorGender: v.mayorGender === '' ? null : v.mayorGender,
    website: orNull(v.website),
    email: orNull(v.email),
    isMember: v.isMember,
    memberSince: partialOrText(v.memberSince),
    memberUntil: partialOrText(v.memberUntil),
    notes: orNull(v.notes),
  };
}

export type MemberFormProps = {
  /** The record edited; null adds a new one. */
  detail: MunicipalityDetail | null;
  regions: readonly Region[];
  districts: readonly District[];
  onSaved: (saved: MunicipalityDetail) => void;
  onCancel?: () => void;
  /** A version conflict: the caller offers to reload. */
  onConflict: (error: ApiError) => void;
  /**
   * Set while a colleague's newer save of the record is in and the form holds typing (the form
   * stays on the record the typing began on): said beside Save, with this reload keeping the typing.
   */
  onReloadNewer?: (() => void) | null;
  /** Adding: opens the record of a municipality the registry already holds (found by code or name). */
  onOpenKnown?: (id: number) => void;
  /** Whether the form holds what the user typed and did not save, with the record it edits and the typing. */
  onDirtyChange?: (dirty: boolean, detail: MunicipalityDetail | null, values: FormValues) => void;
  /**
   * Typing carried over a reload after a conflict: the form starts from `detail` (the record as
   * stored now) with these edits of `base` (the record the typing began on) brought onto it
   * (`mergeEdits`): a colleague's change comes in, the user's stays, and a field both changed keeps
   * the user's value and is named with what is stored.
   */
  carried?: { base: MunicipalityDetail; values: FormValues } | null;
  /** The carried typing is in the form (merged once, when it starts): the caller lets it go. */
  onCarried?: () => void;
};

/** Two values of a field mean the same (a date typed "1. 1. 2010" or "1.1.2010", spaces around). */
const fieldMeaning = <K extends keyof FormValues>(key: K, value: FormValues[K]): string =>
  typeof value === 'string'
    ? key === 'memberSince' || key === 'memberUntil'
      ? (parsePartialDate(value) ?? value.trim())
      : value.trim()
    : String(value);

/** The member's record read again (its absence says who deleted it and when). */
const fetchMember = (id: number) => call('municipalities:get', { id });
/** A change that may have removed the member: one naming it, or one naming no rows of members. */
const concernsMember = (change: EventPayload<'data:changed'>, id: number): boolean =>
  change.municipalityIds === undefined ? change.tables.includes('municipalities') : change.municipalityIds.includes(id);

/** The message key of a field's label. */
const LABEL_OF: Partial<Record<keyof FormValues, string>> = {
  districtId: 'district',
  orpName: 'orp',
  mayorName: 'mayor',
};

/** Add or edit a municipality; every rule is checked here as in core, errors shown next to the field. */
export function MemberForm({
  detail,
  regions,
  districts,
  onSaved,
  onCancel,
  onConflict,
  onReloadNewer = null,
  onOpenKnown,
  onDirtyChange,
  carried,
  onCarried,
}: MemberFormProps) {
  const { t, tk, language } = useI18n();
  // Deleted by a colleague (or an import's undo) while open: said beside Save (walkthrough 22).
  const gone = useRecordGone(detail?.id ?? null, fetchMember, concernsMember);
  // Typing carried over a reload, merged once when the form starts (see `carried`).
  const [merge] = useState(() =>
    carried && detail !== null && carried.base.id === detail.id
      ? {
          ...mergeEdits(
            initialValues(carried.base, language),
            carried.values,
            initialValues(detail, language),
            fieldMeaning,
          ),
          stored: initialValues(detail, language),
        }
      : null,
  );
  const [clashes, setClashes] = useState<(keyof FormValues)[]>(merge?.clashes ?? []);
  // The notice says what came in and what clashed: it is brought into view (the form was scrolled to Save).
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    noticeRef.current?.scrollIntoView({ block: 'nearest' });
    if (merge !== null) onCarried?.();
    // Once, when the form starts with what it merged.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const { values, setValues, set, errors, failure, busy, check, run } = useForm<FormValues>(
    () => merge?.merged ?? initialValues(detail, language),
  );
  const dirty = useMemo(
    () => JSON.stringify(values) !== JSON.stringify(initialValues(detail, language)),
    [values, detail, language],
  );
  // Told before the next key press or click is handled (a layout effect): Escape right after typing asks.
  useLayoutEffect(() => onDirtyChange?.(dirty, detail, values), [dirty, detail, values, onDirtyChange]);
  /** A field's stored value as the merge notice names it. */
  const storedText = (key: keyof FormValues, stored: FormValues, whole = false): string => {
    const value = stored[key];
    const shown =
      key === 'kind'
        ? tk(`kind.${stored.kind}`)
        : key === 'mayorGender'
          ? stored.mayorGender === ''
            ? ''
            : tk(`gender.${stored.mayorGender}`)
          : key === 'isMember'
            ? t(stored.isMember ? 'common.yes' : 'common.no')
            : key === 'districtId'
              ? (districts.find((d) => String(d.id) === stored.districtId)?.name ?? '')
              : String(value).trim();
    return `${tk(`members.col.${LABEL_OF[key] ?? key}`)}: ${shown === '' ? '—' : quoted(!whole && shown.length > 80 ? `${shown.slice(0, 79)}…` : shown, language)}`;
  };
  const known = useRowStore(membersStore).rows;
  // Adding a municipality the registry already holds (an imported ČSÚ list holds every one):
  // found by its code, or by its name (without diacritics), and offered instead of a duplicate.
  const existing = useMemo(() => {
    if (detail !== null || known === undefined) return null;
    const code = values.code.trim();
    const name = searchKey(values.name.trim());
    return (
      (/^\d{6}$/.test(code) ? known.find((row) => row.code === code) : undefined) ??
      (name.length >= 3 ? known.find((row) => searchKey(row.name) === name) : undefined) ??
      null
    );
  }, [detail, known, values.code, values.name]);
  // ORP names already in the registry, offered while typing (a typo would make a new filter value).
  const orpNames = useMemo(
    () =>
      [...new Set((known ?? []).map((row) => row.orpName).filter((name): name is string => !!name))].sort(compareCzech),
    [known],
  );
  const region = useMemo(() => {
    const district = districts.find((d) => String(d.id) === values.districtId);
    return regions.find((r) => r.id === district?.regionId);
  }, [districts, regions, values.districtId]);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const data = check(municipalityFormSchema(detail?.code ?? null), toInput(values, detail));
    if (data === null) return;
    await run(async () => {
      if (detail === null) {
        onSaved(await call('municipalities:create', data));
      } else {
        const patch: Record<string, unknown> = {};
        const original = toInput(initialValues(detail, language), detail);
        for (const [field, value] of Object.entries(data)) {
          if (JSON.stringify(value) !== JSON.stringify(original[field as keyof MunicipalityInput]))
            patch[field] = value;
        }
        onSaved(
          Object.keys(patch).length === 0
            ? detail
            : await call('municipalities:update', {
                id: detail.id,
                version: detail.version,
                patch,
              }),
        );
      }
    }, onConflict);
  };

  const input = (
    field: TextField,
    extra: {
      type?: string;
      inputMode?: 'numeric' | 'decimal' | 'email' | 'url';
      maxLength?: number;
      placeholder?: string;
      list?: string;
    } = {},
  ) => (
    <input
      id={`m-${field}`}
      name={field}
      list={extra.list}
      type={extra.type ?? 'text'}
      inputMode={extra.inputMode}
      placeholder={extra.placeholder}
      value={values[field]}
      aria-invalid={errors[field] !== undefined}
      aria-describedby={errors[field] ? `m-${field}-error` : undefined}
      onChange={(event) => set(field, event.target.value)}
      data-testid={`field-${field}`}
    />
  );
  const sorted = [...districts].sort((a, b) => a.name.localeCompare(b.name, 'cs'));
  // A new member's kind holds nothing while it is the default nobody chose.
  const emptyKind = detail === null ? initialValues(null, language).kind : null;
  const ares = useAresLookup({
    ico: values.ico,
    values,
    emptyKind,
    districts,
    onFill: (fields, replace) =>
      setValues((previous) => {
        const next = { ...previous } as Record<string, unknown>;
        // Checked again on the newest values: what the user typed meanwhile is never replaced.
        for (const [field, value] of Object.entries(fields) as [keyof AresFields, string][])
          if (replace || holdsNothing(field, previous[field], emptyKind)) next[field] = value;
        return next as FormValues;
      }),
  });

  return (
    <form
      className="form"
      onSubmit={(event) => void submit(event)}
      noValidate
      // Clean (saved): Ctrl+Z in its fields undoes the save its notice offers (renderer/lib/undo.ts).
      data-unsaved={dirty ? 'true' : 'false'}
      data-testid="member-form"
    >
      {merge && (
        <MergeNotice
          noticeRef={noticeRef}
          text={t('members.merged')}
          clashesText={
            clashes.length === 0
              ? null
              : t('members.mergedClashes', { fields: clashes.map((key) => storedText(key, merge.stored)).join('; ') })
          }
          useStoredLabel={t('members.useStored')}
          onUseStored={() => {
            setValues((now) => ({ ...now, ...Object.fromEntries(clashes.map((key) => [key, merge.stored[key]])) }));
            setClashes([]);
          }}
        />
      )}
      <fieldset>
        <legend>{t('members.form.basic')}</legend>
        <div className="form-grid">
          <Field label={t('members.col.name')} error={errors.name} htmlFor="m-name" wide>
            {input('name')}
          </Field>
          <Field label={t('members.col.code')} error={errors.code} hint={t('members.form.hintCode')} htmlFor="m-code">
            {input('code', { inputMode: 'numeric' })}
          </Field>
          <Field label={t('members.col.kind')} error={errors.kind} htmlFor="m-kind">
            <CodeSelect
              codes={MUNICIPALITY_KINDS}
              labelPrefix="kind"
              value={values.kind}
              onChange={(kind) => kind && set('kind', kind)}
              id="m-kind"
              data-testid="field-kind"
            />
          </Field>
          <Field label={t('members.col.district')} error={errors.districtId} htmlFor="m-districtId">
            <select
              id="m-districtId"
              value={values.districtId}
              onChange={(e) => set('districtId', e.target.value)}
              aria-invalid={errors.districtId !== undefined}
              data-testid="field-districtId"
            >
              <option value="">{t('members.form.choose')}</option>
              {sorted.map((d) => (
                <option key={d.id} value={String(d.id)}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('members.form.region')}
            hint={region ? undefined : t('members.form.regionFollows')}
            htmlFor="m-region"
          >
            <output id="m-region" className="readonly" data-testid="field-region">
              {region?.name ?? '—'}
            </output>
          </Field>
          <Field label={t('members.col.orp')} error={errors.orpName} htmlFor="m-orpName">
            {input('orpName', { list: 'm-orp-names' })}
            <datalist id="m-orp-names">
              {orpNames.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </Field>
          <Field label={t('members.col.population')} error={errors.population} htmlFor="m-population">
            {input('population', { inputMode: 'numeric' })}
          </Field>
        </div>
        {existing !== null && (
          <p className="notice notice-warn" role="status" data-testid="member-known">
            <span>
              {t(existing.code === values.code.trim() ? 'members.form.knownCode' : 'members.form.knownName', {
                name: existing.name,
                code: existing.code,
                district: existing.districtName ?? '—',
                membership: tk(`membership.${membershipState(existing)}`),
              })}
            </span>
            {onOpenKnown && (
              <button
                type="button"
                className="button"
                onClick={() => onOpenKnown(existing.id)}
                data-testid="member-known-open"
              >
                {t('members.form.knownOpen')}
              </button>
            )}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('members.form.office')}</legend>
        <div className="form-grid">
          <Field label={t('members.col.mayor')} error={errors.mayorName} htmlFor="m-mayorName">
            {input('mayorName')}
          </Field>
          <Field label={t('members.col.mayorGender')} error={errors.mayorGender} htmlFor="m-mayorGender">
            <CodeSelect
              codes={GENDERS}
              labelPrefix="gender"
              value={values.mayorGender === '' ? null : values.mayorGender}
              onChange={(gender) => set('mayorGender', gender ?? '')}
              empty={t('members.form.none')}
              id="m-mayorGender"
              data-testid="field-mayorGender"
            />
          </Field>
          <Field label={t('members.col.ico')} error={errors.ico} hint={t('members.form.hintIco')} htmlFor="m-ico">
            <span className="ico-row">
              {input('ico', { inputMode: 'numeric' })}
              {ares.button}
            </span>
          </Field>
          <Field label={t('members.col.email')} error={errors.email} htmlFor="m-email">
            {input('email', { type: 'email', inputMode: 'email' })}
          </Field>
          <Field label={t('members.col.website')} error={errors.website} htmlFor="m-website">
            {input('website', { type: 'url', inputMode: 'url' })}
          </Field>
          <Field label={t('members.col.street')} error={errors.street} htmlFor="m-street">
            {input('street')}
          </Field>
          <Field label={t('members.col.postalCode')} error={errors.postalCode} htmlFor="m-postalCode">
            {input('postalCode', { inputMode: 'numeric' })}
          </Field>
          {ares.panel}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('members.form.location')}</legend>
        <div className="form-grid">
          <Field
            label={t('members.col.latitude')}
            error={errors.latitude}
            hint={t('members.form.hintCoordinates')}
            htmlFor="m-latitude"
          >
            {input('latitude', { inputMode: 'decimal' })}
          </Field>
          <Field label={t('members.col.longitude')} error={errors.longitude} htmlFor="m-longitude">
            {input('longitude', { inputMode: 'decimal' })}
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('members.form.membership')}</legend>
        <div className="form-grid">
          <label className="check field-wide">
            <input
              type="checkbox"
              checked={values.isMember}
              onChange={(e) => setValues((previous) => ({ ...previous, isMember: e.target.checked }))}
              data-testid="field-isMember"
            />
            {t('members.form.isMember')}
          </label>
          <Field label={t('members.col.memberSince')} error={errors.memberSince} htmlFor="m-memberSince">
            {input('memberSince', { inputMode: 'numeric', placeholder: t('partnerships.partialDatePlaceholder') })}
          </Field>
          <Field label={t('members.col.memberUntil')} error={errors.memberUntil} htmlFor="m-memberUntil">
            {input('memberUntil', { inputMode: 'numeric', placeholder: t('partnerships.partialDatePlaceholder') })}
          </Field>
          {endedMember(values) && (
            // A member whose membership ended by its dates: said before saving, not found out later.
            <p className="notice field-wide" role="status" data-testid="member-ended-hint">
              {t('members.form.endedButMember')}
            </p>
          )}
          <Field label={t('members.col.notes')} error={errors.notes} htmlFor="m-notes" wide>
            <textarea
              id="m-notes"
              rows={3}
              value={values.notes}
              onChange={(e) => set('notes', e.target.value)}
              data-testid="field-notes"
            />
          </Field>
        </div>
      </fieldset>

      <FormProblems errors={errors} fixText={t('members.form.fixErrors')} failure={failure} />
      <div className="form-actions sticky">
        {gone !== null && (
          <FormGoneNotice
            gone={gone}
            typed={typedKeys(initialValues(detail, language), values).map((key) => storedText(key, values, true))}
          />
        )}
        {gone === null && onReloadNewer && (
          <ChangedUnderTypingNotice onReload={onReloadNewer} testId="member-changed-under-typing" />
        )}
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button
          type="submit"
          className="button primary"
          disabled={busy || gone !== null}
          title={withShortcut(t('common.save'), 'save')}
          data-shortcut="save"
          data-testid="member-save"
        >
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
