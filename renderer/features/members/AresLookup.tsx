import { useState } from 'react';
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
  onFill: (fields: Partial<AresFields>) => void;
}) {
  const i18n = useI18n();
  const { t, tk } = i18n;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    { kind: 'found'; found: AresMunicipality; filled: AresField[] } | { kind: 'failed'; error: unknown } | null
  >(null);
  const label = (field: AresField) => (field === 'districtId' ? t('members.col.district') : tk(`members.col.${field}`));
  const shown = (field: AresField, value: string) =>
    field === 'kind'
      ? tk(`kind.${value}`)
      : field === 'districtId'
        ? (districts.find((d) => String(d.id) === value)?.name ?? value)
        : value;

  const lookup = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const found = await call('ares:municipality', { ico });
      const stated = statedBy(found);
      const fill: Partial<AresFields> = {};
      for (const field of ARES_FIELDS) {
        const current = values[field].trim();
        const empty = current === '' || (field === 'kind' && (current === emptyKind || current === 'unknown'));
        if (stated[field] !== '' && empty) fill[field] = stated[field];
      }
      onFill(fill);
      setOutcome({ kind: 'found', found, filled: ARES_FIELDS.filter((field) => field in fill) });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  const stated = outcome?.kind === 'found' ? statedBy(outcome.found) : null;
  const differing =
    outcome?.kind === 'found' && stated !== null
      ? ARES_FIELDS.filter(
          (field) =>
            stated[field] !== '' &&
            !outcome.filled.includes(field) &&
            values[field].trim() !== '' &&
            !same(field, values[field], stated[field]),
        )
      : [];

  const button = (
    <button
      type="button"
      className="button small"
      onClick={() => void lookup()}
      disabled={busy || !/^\d{8}$/.test(ico.trim())}
      title={t('members.ares.hint')}
      data-testid="ares-lookup"
    >
      {busy ? t('members.ares.looking') : t('members.ares.lookup')}
    </button>
  );
  const panel = outcome !== null && (
    <div className={outcome.kind === 'failed' ? 'ares ares-failed field-wide' : 'ares field-wide'} data-testid="ares">
      {outcome.kind === 'failed' && (
        <p className="ares-error" role="alert" data-testid="ares-error">
          {errorText(outcome.error, i18n, (path) => (path === 'ico' ? t('members.col.ico') : path))}
        </p>
      )}
      {outcome.kind === 'found' && stated !== null && (
        <div className="ares-found" role="status" data-testid="ares-found">
          <p>
            <strong>{t('members.ares.found', { name: outcome.found.officialName, ico: outcome.found.ico })}</strong>
            {outcome.found.address !== null && <span className="muted-small"> · {outcome.found.address}</span>}
          </p>
          <p data-testid="ares-filled">
            {outcome.filled.length > 0
              ? t('members.ares.filled', { fields: outcome.filled.map(label).join(', ') })
              : t('members.ares.nothingFilled')}
          </p>
          {outcome.found.districtName !== null && outcome.found.districtId === null && (
            <p data-testid="ares-unknown-district">
              {t('members.ares.unknownDistrict', { district: outcome.found.districtName })}
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
                    onClick={() => onFill({ [field]: stated[field] })}
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
