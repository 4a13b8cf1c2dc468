import type { AuditedTable } from '../../../shared/domain/schemas';
import { MESSAGES } from '../../../shared/i18n/index';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';

/** Fields the history never shows (bookkeeping, or the undo snapshot of a delete). */
const HIDDEN = new Set(['snapshot', 'version', 'updatedAt', 'createdAt']);

/** Fields holding a date at its precision (a bare year "1997" is shown as a year). */
const DATE_FIELDS = new Set([
  'startedOn',
  'signedOn',
  'endedOn',
  'czResolutionDate',
  'partnerResolutionDate',
  'termUntil',
]);

const shorten = (text: string): string => (text.length > 140 ? `${text.slice(0, 140)}…` : text);

/** The change history of one record: who, when, which fields from what to what (values shown as text). */
export function HistorySection({
  table,
  recordId,
  version,
  onRevert,
}: {
  table: AuditedTable;
  recordId: number;
  version: number;
  /** Puts back what one change replaced (offered on changes of editable fields). */
  onRevert?: (auditId: number) => void;
}) {
  const { t, tk, language, formatDate, formatDateTime } = useI18n();
  const history = useAsync(() => call('audit:history', { table, recordId }), [table, recordId, version]);
  const label = (field: string) => {
    const key = `partnerships.field.${field}`;
    return MESSAGES[language][key] !== undefined ? tk(key) : field;
  };
  /** Codes in the user's language, ISO dates as dates; anything else as literal text. */
  const CODE_PREFIX: Record<string, string> = {
    type: 'partnershipType',
    status: 'partnershipStatus',
    termKind: 'partnerships.termKind',
    areas: 'area',
    participantGroups: 'partnerships.group',
  };
  const show = (value: unknown, field: string): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => show(v, field)).join(', ');
    if (typeof value === 'object') return shorten(JSON.stringify(value));
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const prefix = CODE_PREFIX[field];
    if (prefix !== undefined && MESSAGES[language][`${prefix}.${text}`] !== undefined) return tk(`${prefix}.${text}`);
    if (DATE_FIELDS.has(field) || /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
    return shorten(text);
  };
  return (
    <section className="p-history" data-testid="history">
      <h3>{t('partnerships.section.history')}</h3>
      {history.status === 'ready' && history.data.length === 0 && (
        <p className="hint">{t('partnerships.history.none')}</p>
      )}
      <ol className="p-timeline">
        {(history.data ?? []).map((entry) => {
          const changes = entry.changes.filter((c) => !HIDDEN.has(c.field));
          return (
            <li key={entry.id} data-testid="history-entry">
              <div className="p-timeline-head">
                <strong>{tk(`partnerships.history.action.${entry.action}`)}</strong>
                <span className="p-muted">
                  {formatDateTime(entry.at)} ·{' '}
                  {entry.actor === '' ? t('partnerships.history.unknownActor') : entry.actor}
                </span>
              </div>
              {(entry.action === 'update' || entry.action === 'import') && changes.length > 0 && (
                <ul className="p-changes">
                  {changes.map((change) => (
                    <li key={change.field}>
                      <span className="p-change-field">{label(change.field)}:</span>{' '}
                      <del>{show(change.from, change.field)}</del> → <ins>{show(change.to, change.field)}</ins>
                    </li>
                  ))}
                </ul>
              )}
              {onRevert !== undefined &&
                (entry.action === 'update' || (entry.action === 'import' && changes.some((c) => c.from !== null))) &&
                changes.length > 0 && (
                  <button
                    type="button"
                    className="m-link-button"
                    onClick={() => onRevert(entry.id)}
                    data-testid="history-revert"
                  >
                    {t('partnerships.history.revert')}
                  </button>
                )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
