import { useState } from 'react';
import type { OutputOf } from '../../shared/ipc/contract';
import { MESSAGES } from '../../shared/i18n/index';
import { ErrorNotice } from './ErrorNotice';
import { Dialog, DialogButtons } from './dialogs';
import { call } from '../lib/api';
import { PARTNERSHIP_CODE_LABELS } from '../lib/code-labels';
import { useI18n } from '../lib/i18n';
import { useAsync } from '../lib/useAsync';
import './undo-merge-keeping.css';

type Preview = OutputOf<'merges:undoKeepingPreview'>;
type FieldRow = Preview['fields'][number];
type TownPart = NonNullable<Preview['town']>;
type TownPartnership = TownPart['partnerships'][number];
type InnerMerge = TownPart['innerMerges'][number];

/** Labels of the fields a partnership's form does not name as `partnerships.field.*`. */
const OTHER_LABELS: Readonly<Record<string, string>> = {
  term: 'partnerships.field.termKind',
  foreignTownId: 'partnerships.col.town',
  source: 'provenance.col.source',
  verifiedAt: 'provenance.col.verifiedAt',
  acknowledgedWarnings: 'merge.keeping.field.acknowledgedWarnings',
  importRunId: 'merge.keeping.field.importRunId',
};

const DATE_FIELDS = new Set(['startedOn', 'signedOn', 'czResolutionDate', 'partnerResolutionDate', 'endedOn']);

/** Labels of a town card's fields the card does not name as `towns.field.*`. */
const TOWN_OTHER_LABELS: Readonly<Record<string, string>> = {
  source: 'provenance.col.source',
  verifiedAt: 'provenance.col.verifiedAt',
  importRunId: 'merge.keeping.field.importRunId',
  geonamesId: 'merge.keeping.field.geonamesId',
};

/** A town card's coded fields and the catalog prefix of their labels. */
const TOWN_CODE_LABELS: Readonly<Record<string, string>> = { mayorGender: 'gender', kind: 'towns.kind' };

/** A town card's yes/no fields. */
const TOWN_FLAGS = new Set(['largeCity', 'useCzechName']);

/**
 * Undoing a merge whose kept record changed since (walkthrough 22, finding 3), of two
 * partnerships or of two partner towns (then also the partnerships it moved or merged): the
 * confirmation lists field by field what happens on the kept record (back to its value before the
 * merge, or the later change kept, with who made it and when) and what becomes of the children the
 * merge moved. One confirm, checked against what it showed; a change meanwhile is said here.
 */
export function UndoMergeKeepingDialog({
  auditId,
  onDone,
  onClose,
}: {
  /** The merge's audit entry. */
  auditId: number;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t, tk, language, formatDate, formatDateTime } = useI18n();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const preview = useAsync(() => call('merges:undoKeepingPreview', { auditId }), [auditId]);
  const data = preview.status === 'ready' ? preview.data : undefined;

  const has = (key: string) => MESSAGES[language][key] !== undefined;
  const town = data?.kind === 'foreign_towns';
  /** A field's label: a partnership's as its form names it; the kept town's as its card does. */
  const label = (field: string, ofTown = town): string => {
    const key = ofTown
      ? (TOWN_OTHER_LABELS[field] ?? `towns.field.${field}`)
      : (OTHER_LABELS[field] ?? `partnerships.field.${field}`);
    return has(key) ? tk(key) : field;
  };
  const code = (field: string, value: string, ofTown = town): string => {
    const prefix = ofTown ? TOWN_CODE_LABELS[field] : PARTNERSHIP_CODE_LABELS[field];
    return prefix !== undefined && has(`${prefix}.${value}`) ? tk(`${prefix}.${value}`) : value;
  };
  /** A value as the form (or the town card) shows it; an unstated one said so (unknown stays unknown). */
  const shown = (field: string, value: unknown, ofTown = town): string => {
    if (value === null || value === undefined || value === '') return t('merge.fill.unstated');
    if (ofTown && TOWN_FLAGS.has(field) && typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    if (ofTown && typeof value === 'number') return value.toLocaleString(language);
    if (ofTown && Array.isArray(value))
      return value.length === 0 ? t('merge.fill.unstated') : value.map((item) => String(item)).join(', ');
    if (ofTown && typeof value === 'string') return code(field, value, true);
    if (Array.isArray(value))
      return value.length === 0 ? t('merge.fill.unstated') : value.map((item) => code(field, String(item))).join(', ');
    if (field === 'term' && typeof value === 'object') {
      const { termKind, termUntil } = value as { termKind?: unknown; termUntil?: unknown };
      if (typeof termKind !== 'string') return t('merge.fill.unstated');
      const named = code('termKind', termKind);
      return typeof termUntil === 'string' && termUntil !== ''
        ? t('merge.clashes.termUntil', { term: named, date: formatDate(termUntil) })
        : named;
    }
    if (field === 'verifiedAt' && typeof value === 'object') {
      const { verifiedAt, verifiedBy } = value as { verifiedAt?: unknown; verifiedBy?: unknown };
      if (typeof verifiedAt !== 'string' || verifiedAt === '') return t('merge.fill.unstated');
      return [formatDateTime(verifiedAt), typeof verifiedBy === 'string' ? verifiedBy : null]
        .filter((part) => part !== null)
        .join(', ');
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (DATE_FIELDS.has(field)) return formatDate(text);
    return code(field, text);
  };
  const outcome = (row: FieldRow): string => {
    if (row.outcome === 'restored') return t('merge.keeping.outcome.restored');
    if (row.changedBy === null || row.changedAt === null)
      return t(
        row.outcome === 'keptLater'
          ? 'merge.keeping.outcome.keptLaterUnknown'
          : 'merge.keeping.outcome.keptBothUnknown',
      );
    const params = { name: row.changedBy, at: formatDateTime(row.changedAt) };
    return t(
      row.outcome === 'keptLater' ? 'merge.keeping.outcome.keptLater' : 'merge.keeping.outcome.keptBoth',
      params,
    );
  };
  const partnershipState = (one: TownPartnership, merged: string): string => {
    if (one.state === 'back') return t('merge.keeping.town.partnership.back', { merged });
    const known = one.changedBy !== null && one.changedAt !== null;
    const params = { name: one.changedBy ?? '', at: one.changedAt === null ? '' : formatDateTime(one.changedAt) };
    return known
      ? tk(`merge.keeping.town.partnership.${one.state}`, params)
      : tk(`merge.keeping.town.partnership.${one.state}Unknown`);
  };
  const innerText = (one: InnerMerge): string => {
    const names = { kept: one.kept, merged: one.merged };
    if (one.state === 'undone') return t('merge.keeping.town.inner.undone', names);
    if (one.state === 'unavailable') return t('merge.keeping.town.inner.unavailable', names);
    return one.changedBy !== null && one.changedAt !== null
      ? t('merge.keeping.town.inner.keptGone', { ...names, name: one.changedBy, at: formatDateTime(one.changedAt) })
      : t('merge.keeping.town.inner.keptGoneUnknown', names);
  };
  /** The fields of a kept record: what each comes to, a field changed twice marked. */
  const fieldsTable = (rows: readonly FieldRow[], ofTown: boolean, testId: string) => (
    <table className="umk-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('merge.keeping.col.field')}</th>
          <th scope="col">{t('merge.keeping.col.before')}</th>
          <th scope="col">{t('merge.keeping.col.current')}</th>
          <th scope="col">{t('merge.keeping.col.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.field}
            className={row.outcome === 'keptBoth' ? 'umk-both' : undefined}
            data-testid={`undo-keeping-field-${row.field}`}
            data-outcome={row.outcome}
          >
            <th scope="row">{label(row.field, ofTown)}</th>
            <td className="umk-value">{shown(row.field, row.before, ofTown)}</td>
            <td className="umk-value">{shown(row.field, row.current, ofTown)}</td>
            <td className="umk-outcome">{outcome(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const childrenList = (children: Preview['children'], merged: string) => (
    <ul className="umk-children" data-testid="undo-keeping-children">
      {children.map((child) => (
        <li key={`${child.table}:${String(child.id)}`} data-testid={`undo-keeping-child-${child.state}`}>
          <span className="muted-small">{tk(`merge.fill.child.${child.table}`)}:</span>{' '}
          <strong>{child.label ?? t('merge.keeping.child.unnamed', { id: String(child.id) })}</strong> —{' '}
          {childState(child, merged)}
        </li>
      ))}
    </ul>
  );
  const childState = (child: Preview['children'][number], merged: string): string => {
    if (child.state === 'back') return t('merge.keeping.child.back', { merged });
    if (child.state === 'elsewhere') return t('merge.keeping.child.elsewhere');
    return child.changedBy !== null && child.changedAt !== null
      ? t('merge.keeping.child.deleted', { name: child.changedBy, at: formatDateTime(child.changedAt) })
      : t('merge.keeping.child.deletedUnknown');
  };

  const confirm = async (answer: Preview) => {
    setBusy(true);
    setFailure(null);
    try {
      await call('merges:undoKeeping', { auditId, version: answer.version, check: answer.check });
      onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('merge.keeping.title')}
      onClose={onClose}
      testId="undo-keeping-dialog"
      wide
      footer={
        <DialogButtons
          confirmLabel={t('merge.keeping.confirm')}
          onCancel={onClose}
          onConfirm={() => data !== undefined && failure === null && void confirm(data)}
          disabled={data === undefined || busy || failure !== null}
          testId="undo-keeping-confirm"
        />
      }
    >
      {preview.status === 'error' && <ErrorNotice error={preview.error} onRetry={preview.reload} />}
      {data === undefined && preview.status !== 'error' && <p className="empty-note">{t('common.loading')}</p>}
      {data !== undefined && (
        <>
          <p className="dialog-text">
            {t(data.town === null ? 'merge.keeping.explain' : 'merge.keeping.town.explain', {
              kept: data.kept,
              merged: data.merged,
            })}
          </p>
          {failure !== null && (
            <div data-testid="undo-keeping-failure">
              <ErrorNotice
                error={failure}
                onRetry={() => {
                  setFailure(null);
                  preview.reload();
                }}
              />
            </div>
          )}
          {data.fields.length === 0 ? (
            <p className="hint">{t(data.town === null ? 'merge.keeping.noFields' : 'merge.keeping.town.noFields')}</p>
          ) : (
            fieldsTable(data.fields, data.town !== null, 'undo-keeping-fields')
          )}
          {data.town === null ? (
            <>
              <h3 className="umk-heading">{t('merge.keeping.children')}</h3>
              {data.children.length === 0 ? (
                <p className="hint">{t('merge.keeping.noChildren')}</p>
              ) : (
                childrenList(data.children, data.merged)
              )}
              <p className="hint">{t('merge.keeping.addedStay', { kept: data.kept })}</p>
            </>
          ) : (
            <>
              {data.town.geonamesDropped && (
                <p className="hint" data-testid="undo-keeping-geonames">
                  {t('merge.keeping.town.geonamesDropped', { kept: data.kept, merged: data.merged })}
                </p>
              )}
              <h3 className="umk-heading">{t('merge.keeping.town.partnerships', { kept: data.kept })}</h3>
              {data.town.partnerships.length === 0 ? (
                <p className="hint">{t('merge.keeping.town.noPartnerships')}</p>
              ) : (
                <ul className="umk-children" data-testid="undo-keeping-partnerships">
                  {data.town.partnerships.map((one) => (
                    <li key={one.id} data-testid={`undo-keeping-partnership-${one.state}`}>
                      <strong>{one.label}</strong> — {partnershipState(one, data.merged)}
                    </li>
                  ))}
                </ul>
              )}
              {data.town.innerMerges.length > 0 && (
                <>
                  <h3 className="umk-heading">{t('merge.keeping.town.inner')}</h3>
                  {data.town.innerMerges.map((one) => (
                    <div key={one.keepId} className="umk-inner" data-testid={`undo-keeping-inner-${one.state}`}>
                      <p className={one.state === 'undone' ? undefined : 'umk-stays'}>{innerText(one)}</p>
                      {one.state === 'undone' &&
                        (one.fields.length === 0 ? (
                          <p className="hint">{t('merge.keeping.town.inner.noFields')}</p>
                        ) : (
                          fieldsTable(one.fields, false, 'undo-keeping-inner-fields')
                        ))}
                      {one.state === 'undone' && one.children.length > 0 && childrenList(one.children, one.merged)}
                    </div>
                  ))}
                </>
              )}
              <p className="hint">{t('merge.keeping.town.addedStay', { kept: data.kept })}</p>
            </>
          )}
        </>
      )}
    </Dialog>
  );
}
