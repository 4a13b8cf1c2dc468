import type { AuditedTable } from '../../shared/domain/schemas';
import { MESSAGES } from '../../shared/i18n/index';
import { call } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useAsync } from '../lib/useAsync';
import { ErrorNotice } from './ErrorNotice';
import './kit.css';

/** Fields a history never shows (bookkeeping, or the undo snapshot of a delete). */
// Bookkeeping of an entry (what a merge keeps for its undo), not fields of the record.
const HIDDEN = new Set([
  'snapshot',
  'version',
  'updatedAt',
  'createdAt',
  'merge',
  'mergedId',
  'mergedName',
  'filledFrom',
  // What an undo of a merge keeping later changes kept and left (its confirmation listed them).
  'keptLater',
  'childrenNotBack',
  'undoneMerge',
  // … and of a town merge's (its confirmation listed the partnerships and merges that stay).
  'partnershipsNotBack',
  'mergesKept',
  'mergedWithoutGeonamesId',
]);

/**
 * Whether an entry holds a merge its undo can take back: a merge's own entry keeps it; the lines a
 * town merge wrote in its partnerships' histories ("Partnerské město: Lobau → Löbau") do not, and
 * offered an undo that answered "not found" (the town card's history undoes that merge).
 */
const holdsMerge = (entry: { action: string; changes: readonly { field: string }[] }): boolean =>
  entry.action === 'merge' && entry.changes.some((change) => change.field === 'merge');

/** The author a migration writes into the entries it made ('Twinning Registry (migration 0022)'). */
const MIGRATION_ACTOR = /^Twinning Registry \(migration (\d+)\)$/;

const shorten = (text: string): string => (text.length > 140 ? `${text.slice(0, 140)}…` : text);

/** A child's fields holding a code, and the message prefix of its codes (`kind` → "kulturní akce"). */
const CHILD_CODES: Readonly<Record<string, string>> = {
  'contacts.side': 'partnerships.contact.side',
  'activities.kind': 'partnerships.activityKind',
  'activities.fundingProgramme': 'partnerships.programme',
};

/** No value stated (a creation lists only the values it gave). */
const isBlank = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * The change history of one record: who, when, which fields from what to what. Values are shown as
 * text: codes in the user's language, dates at their precision, anything else literally (never HTML).
 */
/** Fields holding an identifier, not a quantity: shown without digit grouping. */
const IDENTIFIERS: ReadonlySet<string> = new Set(['geonamesId', 'geonames_id', 'code', 'ico']);

/** Fields holding a coordinate: every decimal shown (walkthrough 28: 47.0106 → 47.0112 read "47,011 → 47,011"). */
const COORDINATES: ReadonlySet<string> = new Set(['latitude', 'longitude']);

export function RecordHistory({
  table,
  recordId,
  version,
  fieldLabel,
  codeLabels = {},
  dateFields = [],
  references = [],
  value,
  emptyText,
  testId,
  onRevert,
  onUndoMerge,
  onUndoBulk,
  children,
  reloadKey,
  sourceLink,
  entryNotice,
}: {
  table: AuditedTable;
  recordId: number;
  /** Changes when the record does: the history is read again. */
  version: number;
  /** A field's label; null hides the field's changes. */
  fieldLabel: (field: string) => string | null;
  /** Field → message prefix of its codes (`status` → `partnershipStatus`). */
  codeLabels?: Readonly<Record<string, string>>;
  /** Fields holding a date at its precision (a bare year "1997" is shown as a year). */
  dateFields?: readonly string[];
  /**
   * Fields holding another record's id: shown by the name core gives (`fromName`/`toName`), or as
   * a record no longer in the registry, never as a bare number.
   */
  references?: readonly string[];
  /**
   * A field's value of the record itself as a person reads it (with the name core gave the value,
   * if any); undefined: shown as it is.
   */
  value?: (field: string, value: unknown, name?: string) => string | undefined;
  /** Where a value of the record's `source` leads (the request a partnership was made from), or null. */
  sourceLink?: (source: string) => string | null;
  /** What an empty history says (by default "No changes."). */
  emptyText?: string;
  testId: string;
  /** Puts back what one change replaced (offered on changes of editable fields). */
  onRevert?: (auditId: number) => void;
  /** Undoes a merge from its entry (`merges:restore`): offered on the record's merge entries. */
  onUndoMerge?: (auditId: number, filled: boolean) => void;
  /**
   * Undoes a whole bulk change from one of its entries (its audit group: `partnerships:bulkRestore`,
   * `municipalities:bulkRestoreMembership`), offered on the entries of a bulk change not yet undone.
   */
  onUndoBulk?: (groupId: number) => void;
  /**
   * Why an action on one entry was refused (a revert whose field changed since): said under that
   * entry, where the user clicked, not at the end of a long history out of sight.
   */
  entryNotice?: { entryId: number; text: string } | null;
  /**
   * A partnership's history with its contacts, activities and agreement drafts: how to name a
   * child ("Kontakt", "Aktivita") and its fields (null hides a field).
   */
  children?: {
    /** The child as the entry names it, e.g. 'Kontakt „Jan Novák“'. */
    title: (table: string, label: string) => string;
    fieldLabel: (table: string, field: string) => string | null;
    /** A child's value as a person reads it (an activity's name for its id); undefined: shown as it is. */
    value?: (table: string, field: string, value: unknown) => string | undefined;
    /**
     * Puts back what one change of a child replaced (its "Vrátit tuto změnu"), offered on the
     * updates of the children of these tables (contacts, activities).
     */
    revert?: { tables: readonly string[]; run: (table: string, auditId: number) => void };
  };
  /** Changes when something the history shows may have changed besides the record's version (a child). */
  reloadKey?: unknown;
}) {
  const i18n = useI18n();
  const { t, tk, language, formatDate, formatDateTime, formatNumber, formatMoney } = i18n;
  const withChildren = children !== undefined;
  const history = useAsync(
    () => call('audit:history', withChildren ? { table, recordId, withChildren } : { table, recordId }),
    [table, recordId, version, withChildren, reloadKey],
  );
  const show = (value: unknown, field: string): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => show(v, field)).join(', ');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    // An identifier is written as its digits (GeoNames 3087584, not 3,087,584).
    if (typeof value === 'number')
      return IDENTIFIERS.has(field)
        ? String(value)
        : COORDINATES.has(field)
          ? i18n.formatCoordinate(value)
          : formatNumber(value);
    if (typeof value === 'object') return shorten(JSON.stringify(value));
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const prefix = codeLabels[field];
    if (prefix !== undefined && MESSAGES[language][`${prefix}.${text}`] !== undefined) return tk(`${prefix}.${text}`);
    if (dateFields.includes(field) || /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
    return shorten(text);
  };
  /** A child's value as a person reads it: the screen's reading, its code's label, else as it is. */
  const childValue = (table: string, field: string, value: unknown): string => {
    const own = children?.value?.(table, field, value);
    if (own !== undefined) return own;
    const prefix = CHILD_CODES[`${table}.${field}`];
    const key = prefix === undefined || typeof value !== 'string' ? undefined : `${prefix}.${value}`;
    return key !== undefined && MESSAGES[language][key] !== undefined ? tk(key) : show(value, field);
  };
  /** The name of a merged record, or that the entry does not hold it. */
  const mergedName = (name: string | null, country: string | null = null): string =>
    name === null ? t('history.merged.unknownName') : country === null ? name : `${name} (${country})`;
  /**
   * The texts of a bulk change's entries: a member's membership, a partner town's link to the
   * gazetteer (Settings ▸ Linking partner towns), else a partnerships' bulk edit.
   */
  const bulkTexts =
    table === 'municipalities'
      ? 'members.history'
      : table === 'foreign_towns'
        ? 'gazetteerLink.history'
        : 'partnerships.history';
  if (history.status === 'error') return <ErrorNotice error={history.error} onRetry={history.reload} />;
  if (history.data === undefined) return <p className="empty-note">{t('common.loading')}</p>;
  if (history.data.length === 0) return <p className="hint">{emptyText ?? t('history.none')}</p>;
  return (
    <ol className="history" data-testid={testId}>
      {history.data.map((entry) => {
        const { child } = entry;
        const changes = entry.changes.flatMap((change) => {
          const label = HIDDEN.has(change.field)
            ? null
            : child === undefined
              ? fieldLabel(change.field)
              : (children?.fieldLabel(child.table, change.field) ?? null);
          return label === null ? [] : [{ ...change, label }];
        });
        // An undo of a merge keeping later changes lists the fields it put back (a plain undo names none).
        const undidMerge = entry.action === 'restore' && entry.changes.some((c) => c.field === 'undoneMerge');
        const changed =
          undidMerge || (entry.action !== 'insert' && entry.action !== 'delete' && entry.action !== 'restore');
        // A record made from something else says so under its creation ("Původ: ze žádosti: Tábor").
        const origin =
          entry.action === 'insert' && child === undefined
            ? changes.find((c) => c.field === 'source' && typeof c.to === 'string' && c.to !== 'manual')
            : undefined;
        // A child's creation lists the values it was given, as an edit lists its changes
        // (walkthrough 20: "Aktivita …: vytvořeno" showed neither date nor amount): the field that
        // names the child is in its title already; an amount is said with its currency.
        const created =
          entry.action === 'insert' && child !== undefined
            ? changes.flatMap((change) => {
                if (isBlank(change.to)) return [];
                if (typeof change.to === 'string' && change.to === child.label) return [];
                const currency = entry.changes.find((c) => c.field === 'currency')?.to;
                if (change.field === 'currency' && typeof currency === 'string')
                  if (changes.some((c) => c.field === 'fundingAmount' && typeof c.to === 'number')) return [];
                const text =
                  change.field === 'fundingAmount' && typeof change.to === 'number' && typeof currency === 'string'
                    ? formatMoney(change.to, currency)
                    : childValue(child.table, change.field, change.to);
                return [`${change.label}: ${text}`];
              })
            : [];
        const shownValue = (field: string, own: unknown, name: string | undefined): string =>
          value?.(field, own, name) ??
          name ??
          (references.includes(field) && typeof own === 'number'
            ? t('history.goneRecord', { id: String(own) })
            : show(own, field));
        const linked = (field: string, own: unknown, name: string | undefined) => {
          const text = shownValue(field, own, name);
          const link = field === 'source' && typeof own === 'string' ? (sourceLink?.(own) ?? null) : null;
          return link === null ? (
            text
          ) : (
            <a className="link" href={link} data-testid="history-source-link">
              {text}
            </a>
          );
        };
        return (
          <li key={entry.id} data-testid="history-entry">
            <div className="history-head">
              {child !== undefined && children !== undefined && (
                <span className="history-child" data-testid="history-child">
                  {children.title(child.table, child.label)}:
                </span>
              )}
              <strong>
                {entry.merged?.kind === 'filled'
                  ? t('merge.history.filledAction')
                  : tk(`history.action.${entry.action}`)}
              </strong>
              <span className="muted-small">
                {formatDateTime(entry.at)} ·{' '}
                {entry.actor === ''
                  ? t('history.unknownActor')
                  : MIGRATION_ACTOR.test(entry.actor)
                    ? t('history.migrationActor', { number: MIGRATION_ACTOR.exec(entry.actor)?.[1] ?? '' })
                    : entry.actor}
                {/* A registry on a server also knows the database account and the server's clock. */}
                {/* An import's file, unless its change of the origin names it already. */}
                {entry.importFile !== undefined && !entry.changes.some((c) => c.field === 'source') && (
                  <span data-testid="history-import-file">
                    {' '}
                    · {t('history.importFile', { file: entry.importFile })}
                  </span>
                )}
                {typeof entry.dbUser === 'string' && entry.dbUser !== '' && (
                  <span data-testid="history-db-user"> · {t('history.dbUser', { user: entry.dbUser })}</span>
                )}
                {typeof entry.serverAt === 'string' && (
                  <span data-testid="history-server-time">
                    {' '}
                    · {t('history.serverTime', { time: formatDateTime(entry.serverAt) })}
                  </span>
                )}
              </span>
            </div>
            {entry.merged !== undefined && (
              <ul className="history-changes">
                <li data-testid="history-merged">
                  {entry.merged.kind === 'town'
                    ? t('history.merged.town', {
                        name: mergedName(entry.merged.name, entry.merged.country),
                        into: mergedName(entry.merged.into),
                      })
                    : entry.merged.kind === 'filled'
                      ? t('merge.history.filled', { name: mergedName(entry.merged.name) })
                      : t(entry.action === 'unmerge' ? 'history.unmerged.partnership' : 'history.merged.partnership', {
                          name: mergedName(entry.merged.name),
                        })}
                </li>
              </ul>
            )}
            {created.length > 0 && (
              <ul className="history-changes">
                <li data-testid="history-created">{created.join(', ')}</li>
              </ul>
            )}
            {origin !== undefined && (
              <ul className="history-changes">
                <li data-testid="history-origin">
                  <span className="history-field">{origin.label}:</span>{' '}
                  {linked(origin.field, origin.to, origin.toName)}
                </li>
              </ul>
            )}
            {changed && changes.length > 0 && (
              <ul className="history-changes">
                {changes.map((change) => {
                  const shown = (own: unknown, name: string | undefined) =>
                    child !== undefined ? childValue(child.table, change.field, own) : linked(change.field, own, name);
                  return (
                    <li key={change.field}>
                      <span className="history-field">{change.label}:</span>{' '}
                      <del>{shown(change.from, change.fromName)}</del> → <ins>{shown(change.to, change.toName)}</ins>
                    </li>
                  );
                })}
              </ul>
            )}
            {entry.bulk !== undefined && child === undefined && (
              // One row of a bulk change says so, and how much of it is undone (walkthrough 26:
              // once the toast had gone, the history read as a change of this record alone).
              <ul className="history-changes">
                <li data-testid="history-bulk">
                  {/* The entry's own time heads it: the line does not say it again. */}
                  {i18n.tn(`${bulkTexts}.${entry.bulk.undoOf === null ? 'bulk' : 'bulkUndo'}`, entry.bulk.size)}
                  {entry.bulk.undoOf === null && entry.bulk.undone > 0 && (
                    <>
                      {' '}
                      {entry.bulk.undone >= entry.bulk.size
                        ? tk(`${bulkTexts}.bulkUndoneAll`)
                        : tk(`${bulkTexts}.bulkUndonePart`, {
                            count: entry.bulk.undone,
                            size: entry.bulk.size,
                          })}
                    </>
                  )}
                </li>
              </ul>
            )}
            {onRevert !== undefined &&
              child === undefined &&
              (entry.action === 'update' ||
                entry.action === 'migrate' ||
                (entry.action === 'import' && changes.some((c) => c.from !== null))) &&
              changes.length > 0 && (
                <EntryAction label={t('history.revert')} run={() => onRevert(entry.id)} testId="history-revert" />
              )}
            {child !== undefined &&
              entry.action === 'update' &&
              changes.length > 0 &&
              children?.revert?.tables.includes(child.table) === true && (
                <EntryAction
                  label={t('history.revert')}
                  run={() => children.revert?.run(child.table, entry.id)}
                  testId="history-revert"
                />
              )}
            {onUndoBulk !== undefined &&
              child === undefined &&
              entry.bulk !== undefined &&
              entry.bulk.undoOf === null &&
              entry.bulk.undone < entry.bulk.size && (
                // The toast's Undo went after some seconds; the group is undone from any of its rows.
                <EntryAction
                  label={tk(`${bulkTexts}.bulkUndoAll`, { count: entry.bulk.size })}
                  run={() => onUndoBulk(entry.bulk?.groupId ?? entry.id)}
                  testId="history-undo-bulk"
                />
              )}
            {onUndoMerge !== undefined && child === undefined && holdsMerge(entry) && (
              // The toast's Undo went after a few seconds; the entry keeps what the undo needs.
              <EntryAction
                label={t(entry.merged?.kind === 'filled' ? 'merge.history.undoFill' : 'history.undoMerge')}
                run={() => onUndoMerge(entry.id, entry.merged?.kind === 'filled')}
                testId="history-undo-merge"
              />
            )}
            {entryNotice?.entryId === entry.id && (
              <div className="notice notice-error history-entry-notice" role="alert" data-testid="history-entry-notice">
                {entryNotice.text}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** A link under a history entry that undoes it ("Vrátit tuto změnu", "Vrátit sloučení"). */
function EntryAction({ label, run, testId }: { label: string; run: () => void; testId: string }) {
  return (
    <button type="button" className="link-button" onClick={run} data-testid={testId}>
      {label}
    </button>
  );
}
