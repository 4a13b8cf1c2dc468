import { useEffect, useRef, useState } from 'react';
import type { AresMunicipality } from '../../../shared/domain/ares';
import type { District } from '../../../shared/domain/schemas';
import { searchKey } from '../../../shared/domain/text';
import { call } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';

/** The form's fields ARES can state, with what the form holds (text, as the form keeps it). */
export type AresFields = {
  name: string;
  code: string;
  kind: string;
  districtId: string;
  street: string;
  postalCode: string;
};
type AresField = keyof AresFields;
const ARES_FIELDS: readonly AresField[] = ['name', 'code', 'kind', 'districtId', 'street', 'postalCode'];

/** What ARES states for each field, as the form keeps it ('' for nothing stated). */
const statedBy = (found: AresMunicipality): AresFields => ({
  name: found.name ?? '',
  code: found.code ?? '',
  kind: found.kind ?? '',
  districtId: found.districtId === null ? '' : String(found.districtId),
  street: found.street ?? '',
  postalCode: found.postalCode ?? '',
});

/** Whether a field holds nothing yet (a new member's kind counts as nothing while it is the default). */
export const holdsNothing = (field: AresField, value: string, emptyKind: string | null): boolean =>
  value.trim() === '' || (field === 'kind' && (value === emptyKind || value === 'unknown'));

const same = (field: AresField, a: string, b: string) =>
  field === 'postalCode'
    ? a.replace(/\s/g, '') === b.replace(/\s/g, '')
    : searchKey(a) === searchKey(b) && a.trim() === b.trim();

/**
 * "Načíst z ARES" beside a member's IČO: looks the municipality up in ARES and fills only the
 * fields the form leaves empty (a new member's kind counts as empty while it is the default). A
 * field that holds something else is not overwritten: the panel names it with ARES's value and a
 * button to take it. Nothing is saved until the user saves the form.
 */
export function useAresLookup({
  ico,
  values,
  emptyKind,
  districts,
  onFill,
}: {
  ico: string;
  values: AresFields;
  /** The kind the form holds when nobody chose one (a new member's default). */
  emptyKind: string | null;
  districts: readonly District[];
  /**
   * Puts ARES's values in: into the fields that still hold nothing at that moment, or with
   * `replace` (the user took a value offered) whatever they hold.
   */
  onFill: (fields: Partial<AresFields>, replace: boolean) => void;
}) {
  const i18n = useI18n();
  const { t, tk } = i18n;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    | { kind: 'found'; ico: string; found: AresMunicipality; filled: AresField[] }
    | { kind: 'failed'; ico: string; error: unknown }
    | null
  >(null);
  const label = (field: AresField) => (field === 'districtId' ? t('members.col.district') : tk(`members.col.${field}`));
  const shown = (field: AresField, value: string) =>
    field === 'kind'
      ? tk(`kind.${value}`)
      : field === 'districtId'
        ? (districts.find((d) => String(d.id) === value)?.name ?? value)
        : value;

  // What the form holds now, read when ARES answers (the user may have typed meanwhile).
  const latest = useRef({ values, ico });
  useEffect(() => {
    latest.current = { values, ico };
  });

  const lookup = async () => {
    const asked = ico.trim();
    setBusy(true);
    setOutcome(null);
    try {
      const found = await call('ares:municipality', { ico: asked });
      // An answer for an IČO the form no longer holds fills nothing.
      if (latest.current.ico.trim() !== asked) return;
      const stated = statedBy(found);
      const fill: Partial<AresFields> = {};
      for (const field of ARES_FIELDS)
        if (stated[field] !== '' && holdsNothing(field, latest.current.values[field], emptyKind))
          fill[field] = stated[field];
      onFill(fill, false);
      setOutcome({ kind: 'found', ico: asked, found, filled: ARES_FIELDS.filter((field) => field in fill) });
    } catch (error) {
      setOutcome({ kind: 'failed', ico: asked, error });
    } finally {
      setBusy(false);
    }
  };

  // What ARES said is shown while the form still holds the IČO it was asked for.
  const current = outcome !== null && outcome.ico === ico.trim() ? outcome : null;
  const stated = current?.kind === 'found' ? statedBy(current.found) : null;
  const differing =
    stated !== null
      ? ARES_FIELDS.filter(
          (field) => stated[field] !== '' && values[field].trim() !== '' && !same(field, values[field], stated[field]),
        )
      : [];

  const button = (
    <>
      <button
        type="button"
        className="button small"
        onClick={() => void lookup()}
        disabled={busy || !/^\d{8}$/.test(ico.trim())}
        title={t('members.ares.hint')}
        aria-describedby="m-ares-hint"
        data-testid="ares-lookup"
      >
        {busy ? t('members.ares.looking') : t('members.ares.lookup')}
      </button>
      <span id="m-ares-hint" className="visually-hidden">
        {t('members.ares.hint')}
      </span>
    </>
  );
  const panel = current !== null && (
    <div className={current.kind === 'failed' ? 'ares ares-failed field-wide' : 'ares field-wide'} data-testid="ares">
      {current.kind === 'failed' && (
        <p className="ares-error" role="alert" data-testid="ares-error">
          {errorText(current.error, i18n, (path) => (path === 'ico' ? t('members.col.ico') : path))}
        </p>
      )}
      {current.kind === 'found' && stated !== null && (
        <div className="ares-found" role="status" data-testid="ares-found">
          <p>
            <strong>{t('members.ares.found', { name: current.found.officialName, ico: current.found.ico })}</strong>
            {current.found.address !== null && <span className="muted-small"> · {current.found.address}</span>}
          </p>
          <p data-testid="ares-filled">
            {current.filled.length > 0
              ? t('members.ares.filled', { fields: current.filled.map(label).join(', ') })
              : t('members.ares.nothingFilled')}
          </p>
          {current.found.districtName !== null && current.found.districtId === null && (
            <p data-testid="ares-unknown-district">
              {t('members.ares.unknownDistrict', { district: current.found.districtName })}
            </p>
          )}
          {differing.length > 0 && (
            <ul className="ares-differences" data-testid="ares-differences">
              {differing.map((field) => (
                <li key={field} data-testid={`ares-differs-${field}`}>
                  {t('members.ares.differs', { field: label(field), value: shown(field, stated[field]) })}{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onFill({ [field]: stated[field] }, true)}
                    aria-label={t('members.ares.takeField', { field: label(field) })}
                    data-testid={`ares-take-${field}`}
                  >
                    {t('members.ares.take')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
  return { button, panel };
}
