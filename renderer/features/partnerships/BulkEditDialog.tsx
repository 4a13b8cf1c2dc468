import { useMemo, useState } from 'react';
import {
  COOPERATION_AREAS,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  type CooperationArea,
  type PartnershipStatus,
  type PartnershipType,
} from '../../../shared/domain/codes';
import type { FieldIssue } from '../../../shared/domain/errors';
import {
  warningOfIssue,
  type PartnershipBulkUpdate,
  type PartnershipWarning,
} from '../../../shared/domain/partnership-rules';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { CodeSelect, Field } from '../../components/Field';
import { Dialog, DialogButtons } from '../../components/dialogs';
import { ApiError, call } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';

type Change = PartnershipBulkUpdate['change'];

/** Rows the core refused, each with its problems (VALIDATION of a bulk edit). */
type RefusedRow = { id: number; name: string; issues: FieldIssue[] };

const refusedRows = (error: unknown): RefusedRow[] => {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return [];
  const rows = error.details?.rows;
  return Array.isArray(rows) ? (rows as RefusedRow[]) : [];
};

/** A row someone else changed (or deleted) meanwhile, as core names it: who and when when known. */
type StaleRow = { id: number; name: string; gone: boolean; by?: string; at?: string };

const isStaleRow = (value: unknown): value is StaleRow =>
  value !== null &&
  typeof value === 'object' &&
  'id' in value &&
  typeof value.id === 'number' &&
  'name' in value &&
  typeof value.name === 'string';

/** The rows a refused bulk edit names as changed meanwhile (CONFLICT, or NOT_FOUND for deleted). */
const staleRows = (error: unknown): StaleRow[] => {
  if (!(error instanceof ApiError) || (error.code !== 'CONFLICT' && error.code !== 'NOT_FOUND')) return [];
  const rows = error.details?.rows;
  return Array.isArray(rows) ? rows.filter(isStaleRow) : [];
};

/** How many changed rows a refusal names one by one; the rest are counted. */
const NAMED_ROWS = 3;

/** The fields of a row the bulk edit sets (and so the ones worth showing when they changed). */
const SHOWN_FIELDS = ['status', 'type', 'areas', 'verifiedAt'] as const;

/**
 * Sets status, type, areas or the verification of the selected partnerships at once: one audited
 * change in core (all rows or none), undone by one undo. What the user leaves at "no change"
 * stays as each row has it. Rows the change would make inconsistent are named; when all their
 * problems are warnings, the user may confirm them for all and change anyway.
 * Rows a colleague changed meanwhile are refused by core, naming who and when; Reload keeps the
 * dialog and the user's choices, fetches the rows again and lists the changed ones (field, value
 * stored now, who, when), unticked: they are left out unless the user ticks them (walkthrough 22:
 * Reload closed the dialog, and the redone edit overwrote a colleague's status unseen).
 */
export function BulkEditDialog({
  rows,
  onDone,
  onClose,
  onReload,
}: {
  rows: readonly PartnershipRow[];
  onDone: (result: { changed: number; auditId: number | null }) => void;
  onClose: () => void;
  /**
   * Told after the dialog fetched its rows again (a conflict): the screen refreshes them too. The
   * dialog stays open with the user's choices and shows the rows changed meanwhile.
   */
  onReload: () => void;
}) {
  const i18n = useI18n();
  const { t, tk } = i18n;
  const [status, setStatus] = useState<PartnershipStatus | null>(null);
  const [type, setType] = useState<PartnershipType | null>(null);
  const [addAreas, setAddAreas] = useState<CooperationArea[]>([]);
  const [removeAreas, setRemoveAreas] = useState<CooperationArea[]>([]);
  const [verified, setVerified] = useState<'' | 'yes' | 'no'>('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [refused, setRefused] = useState<RefusedRow[]>([]);
  const [stale, setStale] = useState(false);
  /** The rows as fetched again after a conflict (null: as the user saw them when opening). */
  const [current, setCurrent] = useState<readonly PartnershipRow[] | null>(null);
  /** Who changed which row meanwhile and when, as refusals named them (by row id). */
  const [changedBy, setChangedBy] = useState<ReadonlyMap<number, StaleRow>>(new Map());
  /** Changed rows the user ticks to change anyway: row id → the version he saw when ticking. */
  const [include, setInclude] = useState<ReadonlyMap<number, number>>(new Map());
  const [reloaded, setReloaded] = useState(false);

  const seen = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows]);
  const shown = current ?? rows;
  /** Rows stored otherwise than the user saw them when opening the dialog (each with what differs). */
  const changedRows = useMemo(
    () =>
      shown.flatMap((row) => {
        const was = seen.get(row.id);
        if (!was || was.version === row.version) return [];
        const fields = SHOWN_FIELDS.filter((field) => JSON.stringify(was[field]) !== JSON.stringify(row[field]));
        return [{ row, fields }];
      }),
    [shown, seen],
  );
  const goneRows = current === null ? [] : rows.filter((row) => !current.some((now) => now.id === row.id));
  const changedIds = new Set(changedRows.map(({ row }) => row.id));
  /** What is sent: every row as fetched, but a changed row only when ticked at its present version. */
  const toSend = shown.filter((row) => !changedIds.has(row.id) || include.get(row.id) === row.version);

  const change: Change = {
    ...(status === null ? {} : { status }),
    ...(type === null ? {} : { type }),
    ...(addAreas.length > 0 ? { addAreas } : {}),
    ...(removeAreas.length > 0 ? { removeAreas } : {}),
    ...(verified === '' ? {} : { verified: verified === 'yes' }),
  };
  const empty = Object.keys(change).length === 0;
  const warningsOnly =
    refused.length > 0 && refused.every((row) => row.issues.every((issue) => warningOfIssue(issue) !== undefined));

  const apply = async (acknowledge: PartnershipWarning[] = []) => {
    if (empty) {
      setProblem(t('validation.bulkNothing'));
      return;
    }
    if (toSend.length === 0) {
      setProblem(t('partnerships.bulk.noRowsLeft'));
      return;
    }
    setBusy(true);
    setProblem(null);
    setRefused([]);
    try {
      const result = await call('partnerships:bulkUpdate', {
        rows: toSend.map(({ id, version }) => ({ id, version })),
        change: acknowledge.length > 0 ? { ...change, acknowledge } : change,
      });
      onDone(result);
    } catch (error) {
      const named = refusedRows(error);
      const changed = staleRows(error);
      if (named.length > 0) {
        setRefused(named);
        setProblem(t('partnerships.bulk.invalid'));
      } else if (changed.length > 0) {
        setChangedBy((known) => new Map([...known, ...changed.map((row) => [row.id, row] as const)]));
        setProblem(t('partnerships.bulk.conflictRows', { rows: staleList(changed) }));
        setStale(true);
      } else if (error instanceof ApiError && typeof error.details?.name === 'string') {
        setProblem(t('partnerships.bulk.conflictNamed', { name: error.details.name }));
        setStale(true);
      } else {
        if (error instanceof ApiError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) setStale(true);
        setProblem(errorText(error, i18n, (path) => tk(`partnerships.field.${path}`)));
      }
    } finally {
      setBusy(false);
    }
  };

  /** "A (Jana Nováková, 7. 12. 2026 2:02), B (…) a další (4)": who changed which row and when. */
  const staleList = (changed: readonly StaleRow[]): string => {
    const named = changed.slice(0, NAMED_ROWS).map((row) =>
      row.by === undefined
        ? row.name
        : t(row.gone ? 'partnerships.bulk.rowDeleted' : 'partnerships.bulk.row', {
            name: row.name,
            by: row.by,
            at: row.at === undefined ? t('partnerships.bulk.unknown') : i18n.formatDateTime(row.at),
          }),
    );
    const list = named.join(', ');
    const more = changed.length - named.length;
    return more > 0 ? t('partnerships.bulk.rowsMore', { rows: list, count: more }) : list;
  };

  /** Fetches the rows again, keeping the user's choices; the rows changed meanwhile are listed, unticked. */
  const reload = async () => {
    setBusy(true);
    try {
      const fresh = await call('partnerships:list', { ids: rows.map((row) => row.id) });
      const order = new Map(rows.map((row, index) => [row.id, index]));
      setCurrent([...fresh].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)));
      setStale(false);
      setReloaded(true);
      setProblem(null);
      onReload();
    } catch (error) {
      setProblem(errorText(error, i18n, (path) => tk(`partnerships.field.${path}`)));
    } finally {
      setBusy(false);
    }
  };

  /** A changed row's value of `field` as stored now, in the user's words. */
  const storedValue = (row: PartnershipRow, field: (typeof SHOWN_FIELDS)[number]): string => {
    if (field === 'status') return tk(`partnershipStatus.${row.status}`);
    if (field === 'type') return tk(`partnershipType.${row.type}`);
    if (field === 'areas') return row.areas.map((area) => tk(`area.${area}`)).join(', ') || '—';
    return row.verifiedAt === null ? '—' : i18n.formatDateTime(row.verifiedAt);
  };
  const fieldName = (field: (typeof SHOWN_FIELDS)[number]): string =>
    field === 'verifiedAt' ? t('provenance.col.verifiedAt') : tk(`partnerships.field.${field}`);

  const toggle = (list: CooperationArea[], area: CooperationArea) =>
    list.includes(area)
      ? list.filter((a) => a !== area)
      : COOPERATION_AREAS.filter((a) => a === area || list.includes(a));

  const areaChecks = (
    chosen: CooperationArea[],
    other: CooperationArea[],
    onChange: (next: CooperationArea[]) => void,
    testId: string,
  ) => (
    <div className="p-checks bulk-areas" data-testid={testId}>
      {COOPERATION_AREAS.map((area) => (
        <label key={area} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(area)}
            disabled={other.includes(area)}
            onChange={() => onChange(toggle(chosen, area))}
          />
          {tk(`area.${area}`)}
        </label>
      ))}
    </div>
  );

  return (
    <Dialog
      title={t('partnerships.bulk.title')}
      onClose={onClose}
      wide
      testId="bulk-edit-dialog"
      footer={
        <>
          {problem !== null && (
            <p className="form-summary form-summary-inline" role="alert" data-testid="bulk-problem">
              {problem}
            </p>
          )}
          {stale && (
            <button
              type="button"
              className="button"
              onClick={() => void reload()}
              disabled={busy}
              data-testid="bulk-reload"
            >
              {t('partnerships.reload')}
            </button>
          )}
          {warningsOnly ? (
            <DialogButtons
              confirmLabel={t('partnerships.bulk.confirmAll')}
              onCancel={onClose}
              onConfirm={() => {
                const warnings = new Set<PartnershipWarning>();
                for (const row of refused)
                  for (const issue of row.issues) {
                    const warning = warningOfIssue(issue);
                    if (warning) warnings.add(warning);
                  }
                void apply([...warnings]);
              }}
              disabled={busy}
              testId="bulk-confirm-all"
            />
          ) : (
            <DialogButtons
              confirmLabel={t('partnerships.bulk.apply')}
              onCancel={onClose}
              onConfirm={() => void apply()}
              disabled={busy || empty || stale}
              testId="bulk-apply"
            />
          )}
        </>
      }
    >
      <p className="dialog-text">{t('partnerships.bulk.intro', { count: toSend.length })}</p>
      {reloaded && (
        <p className="dialog-text" role="status" data-testid="bulk-reloaded">
          {t('partnerships.bulk.reloaded')}
        </p>
      )}
      {(changedRows.length > 0 || goneRows.length > 0) && (
        <section data-testid="bulk-changed">
          <h3 className="bulk-heading">{t('partnerships.bulk.changedHeading')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th>{t('partnerships.bulk.col.include')}</th>
                <th>{t('partnerships.bulk.col.row')}</th>
                <th>{t('partnerships.bulk.col.now')}</th>
                <th>{t('partnerships.bulk.col.who')}</th>
                <th>{t('partnerships.bulk.col.when')}</th>
              </tr>
            </thead>
            <tbody>
              {changedRows.map(({ row, fields }) => {
                const name = `${row.municipalityName} – ${row.townName}`;
                const by = changedBy.get(row.id);
                return (
                  <tr key={row.id} data-testid={`bulk-changed-${String(row.id)}`}>
                    <td>
                      <input
                        type="checkbox"
                        checked={include.get(row.id) === row.version}
                        aria-label={t('partnerships.bulk.include', { name })}
                        data-testid="bulk-changed-include"
                        onChange={(event) => {
                          const next = new Map(include);
                          if (event.target.checked) next.set(row.id, row.version);
                          else next.delete(row.id);
                          setInclude(next);
                          setProblem(null);
                        }}
                      />
                    </td>
                    <td>{name}</td>
                    <td>
                      {fields.length === 0
                        ? t('partnerships.bulk.otherFields')
                        : fields.map((field) => `${fieldName(field)}: ${storedValue(row, field)}`).join('; ')}
                    </td>
                    <td>{by?.by ?? t('partnerships.bulk.unknown')}</td>
                    <td className="nowrap">
                      {by?.at === undefined ? t('partnerships.bulk.unknown') : i18n.formatDateTime(by.at)}
                    </td>
                  </tr>
                );
              })}
              {goneRows.map((row) => {
                const by = changedBy.get(row.id);
                return (
                  <tr key={row.id} data-testid={`bulk-changed-${String(row.id)}`}>
                    <td />
                    <td>{`${row.municipalityName} – ${row.townName}`}</td>
                    <td>{t('partnerships.bulk.deleted')}</td>
                    <td>{by?.by ?? t('partnerships.bulk.unknown')}</td>
                    <td className="nowrap">
                      {by?.at === undefined ? t('partnerships.bulk.unknown') : i18n.formatDateTime(by.at)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="dialog-text">{t('partnerships.bulk.changedHint')}</p>
        </section>
      )}
      <div className="p-grid2">
        <Field name="status" label={t('partnerships.field.status')}>
          <CodeSelect
            codes={PARTNERSHIP_STATUSES}
            labelPrefix="partnershipStatus"
            value={status}
            empty={t('partnerships.bulk.keep')}
            onChange={(code) => {
              setStatus(code);
              setRefused([]);
              setProblem(null);
            }}
            data-testid="bulk-status"
          />
        </Field>
        <Field name="type" label={t('partnerships.field.type')}>
          <CodeSelect
            codes={PARTNERSHIP_TYPES}
            labelPrefix="partnershipType"
            value={type}
            empty={t('partnerships.bulk.keep')}
            onChange={(code) => {
              setType(code);
              setRefused([]);
              setProblem(null);
            }}
            data-testid="bulk-type"
          />
        </Field>
        <Field name="verified" label={t('partnerships.bulk.verified')}>
          <select
            value={verified}
            onChange={(event) =>
              setVerified(event.target.value === 'yes' ? 'yes' : event.target.value === 'no' ? 'no' : '')
            }
            data-testid="bulk-verified"
          >
            <option value="">{t('partnerships.bulk.keep')}</option>
            <option value="yes">{t('partnerships.bulk.verifyYes')}</option>
            <option value="no">{t('partnerships.bulk.verifyNo')}</option>
          </select>
        </Field>
      </div>
      <h3 className="bulk-heading">{t('partnerships.bulk.addAreas')}</h3>
      {areaChecks(addAreas, removeAreas, setAddAreas, 'bulk-add-areas')}
      <h3 className="bulk-heading">{t('partnerships.bulk.removeAreas')}</h3>
      {areaChecks(removeAreas, addAreas, setRemoveAreas, 'bulk-remove-areas')}
      {refused.length > 0 && (
        <ul className="bulk-refused" data-testid="bulk-refused">
          {refused.map((row) => (
            <li key={row.id}>
              <strong>{row.name}</strong>:{' '}
              {row.issues
                .map((issue) => (issue.message.startsWith('validation.') ? tk(issue.message) : issue.message))
                .join(' ')}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
