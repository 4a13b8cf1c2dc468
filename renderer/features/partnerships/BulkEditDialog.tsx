import { useState } from 'react';
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

/**
 * Sets status, type, areas or the verification of the selected partnerships at once: one audited
 * change in core (all rows or none), undone by one undo. What the user leaves at "no change"
 * stays as each row has it. Rows the change would make inconsistent are named; when all their
 * problems are warnings, the user may confirm them for all and change anyway.
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
  /** Fetches the rows again after a conflict (the user then chooses again what to change). */
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
    setBusy(true);
    setProblem(null);
    setRefused([]);
    try {
      const result = await call('partnerships:bulkUpdate', {
        rows: rows.map(({ id, version }) => ({ id, version })),
        change: acknowledge.length > 0 ? { ...change, acknowledge } : change,
      });
      onDone(result);
    } catch (error) {
      const named = refusedRows(error);
      if (named.length > 0) {
        setRefused(named);
        setProblem(t('partnerships.bulk.invalid'));
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
            <button type="button" className="button" onClick={onReload} data-testid="bulk-reload">
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
              disabled={busy || empty}
              testId="bulk-apply"
            />
          )}
        </>
      }
    >
      <p className="dialog-text">{t('partnerships.bulk.intro', { count: rows.length })}</p>
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
