import { useEffect, useRef, useState } from 'react';
import {
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  type PartnershipStatus,
  type PartnershipType,
} from '../../../shared/domain/codes';
import { countryName } from '../../../shared/domain/countries';
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

/** Typing a town's name gives offline suggestions: registry towns first, then the GeoNames gazetteer. */
function TownPicker({
  value,
  onChange,
  error,
}: {
  value: TownSuggestion | null;
  onChange: (town: TownSuggestion | null) => void;
  error?: string | undefined;
}) {
  const { t, language, formatNumber } = useI18n();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<TownSuggestion[] | null>(null);
  const [active, setActive] = useState(0);
  // The query the suggestions shown answer.
  const [answered, setAnswered] = useState<string | null>(null);
  // Fewer than two letters ask nothing and show nothing.
  const suggestions = query.trim().length < 2 ? null : result;
  // Until core answers this query (the first answer waits for the gazetteer to load): "Loading…".
  const waiting = query.trim().length >= 2 && answered !== query;
  useEffect(() => {
    if (query.trim().length < 2) return;
    let live = true;
    // A short pause while typing, so each keystroke does not ask core.
    const timer = setTimeout(() => {
      call('towns:suggest', { query, limit: 10 }).then(
        (found) => {
          if (live) {
            setResult(found);
            setAnswered(query);
            setActive(0);
          }
        },
        () => {
          if (live) {
            setResult([]);
            setAnswered(query);
          }
        },
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  if (value) {
    return (
      <div className="p-chosen" data-testid="town-chosen">
        <span>
          <strong>{value.name}</strong>
          {value.nameCs !== null && value.nameCs !== value.name && <> ({value.nameCs})</>} ·{' '}
          <span className="p-cc">{value.countryCode}</span> {countryName(value.countryCode, language)}
        </span>
        <button type="button" className="button small" onClick={() => onChange(null)}>
          {t('partnerships.new.change')}
        </button>
      </div>
    );
  }
  return (
    <Field name="town" label={t('partnerships.new.town')} error={error} wide>
      <input
        value={query}
        role="combobox"
        aria-expanded={suggestions !== null && suggestions.length > 0}
        aria-autocomplete="list"
        placeholder={t('partnerships.new.townHint')}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(event) => {
          if (!suggestions || suggestions.length === 0) return;
          if (event.key === 'ArrowDown') setActive((n) => Math.min(n + 1, suggestions.length - 1));
          else if (event.key === 'ArrowUp') setActive((n) => Math.max(n - 1, 0));
          else if (event.key === 'Enter') {
            event.preventDefault();
            onChange(suggestions[active] ?? null);
          } else return;
          event.preventDefault();
        }}
        data-testid="town-input"
      />
      {(suggestions !== null || waiting) && (
        <ul className="p-suggestions" role="listbox" data-testid="town-suggestions">
          {waiting && (
            <li className="muted-small p-suggestions-loading" role="status" data-testid="town-suggestions-loading">
              <span className="spinner" aria-hidden="true" /> {t('common.loading')}
            </li>
          )}
          {suggestions?.length === 0 && !waiting && <li className="muted-small">{t('partnerships.new.noMatch')}</li>}
          {(suggestions ?? []).map((s, index) => (
            <li
              key={`${String(s.foreignTownId)}-${String(s.geonamesId)}-${s.name}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                onChange(s);
              }}
              onMouseEnter={() => setActive(index)}
              data-testid="town-suggestion"
            >
              <span className="p-cc">{s.countryCode}</span>
              <span className="p-sugg-main">
                <strong>{s.name}</strong>
                {s.nameCs !== null && s.nameCs !== s.name && <span className="muted-small"> ({s.nameCs})</span>}
                <span className="muted-small">
                  {' '}
                  · {countryName(s.countryCode, language)}
                  {s.adminRegion !== null ? ` · ${s.adminRegion}` : ''}
                </span>
              </span>
              <span className="p-sugg-side">
                {s.foreignTownId !== null && <span className="p-badge">{t('partnerships.new.inRegistry')}</span>}
                {s.population !== null && (
                  <span className="muted-small">
                    {t('partnerships.new.population', { count: formatNumber(s.population) })}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Field>
  );
}

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
  const [type, setType] = useState<PartnershipType>('friendship');
  const [status, setStatus] = useState<PartnershipStatus>('proposed');
  const [startedOn, setStartedOn] = useState('');
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
      ...(town?.foreignTownId != null
        ? { foreignTownId: town.foreignTownId }
        : town
          ? {
              town: {
                name: town.name,
                nameCs: town.nameCs,
                countryCode: town.countryCode,
                adminRegion: town.adminRegion,
                population: town.population,
                latitude: town.latitude,
                longitude: town.longitude,
                geonamesId: town.geonamesId,
              },
            }
          : {}),
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
