import { ApiError } from '../../lib/api';
import type { I18n } from '../../lib/i18n';

/**
 * A refused import undo as core explains it (import-undo.ts): who changed which records last and
 * when, what undoing only the untouched records would do, and whether the registry is a file.
 */
export type ImportUndoRefusal = {
  changes: { record: string; name: string | null; at: string | null }[];
  untouched: { remove: number; restore: number; kept: number };
  server: boolean;
};

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The refusal's parts when `error` is an import undo refused for records worked on since; else null. */
export function importUndoRefusalOf(error: unknown): ImportUndoRefusal | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const { changes, untouched, server } = error.details ?? {};
  if (!Array.isArray(changes) || !isObject(untouched)) return null;
  return {
    changes: changes.filter(isObject).map((change) => ({
      record: text(change.record) ?? '',
      name: text(change.name),
      at: text(change.at),
    })),
    untouched: { remove: count(untouched.remove), restore: count(untouched.restore), kept: count(untouched.kept) },
    // Unknown engine: no backup advice (on a server it would throw away everybody's work since).
    server: server !== false,
  };
}

/**
 * What the section says under a refused import undo: who changed which record and when, the offer
 * to undo only the untouched records (null when none is left), and the advice. A backup from before
 * the import is advised only for a registry file, and only as the last resort after the others;
 * never on a server, where restoring one throws away every colleague's work since (walkthrough 22).
 */
export function importUndoRefusalText(
  refusal: ImportUndoRefusal,
  i18n: Pick<I18n, 't' | 'tn' | 'formatDateTime' | 'formatNumber'>,
): { changes: string[]; offer: string | null; advice: string } {
  const { t, tn } = i18n;
  const changes = refusal.changes.map((change) =>
    change.name === null || change.at === null
      ? t('import.undo.changeUnknown', { record: change.record })
      : t('import.undo.changeBy', { record: change.record, name: change.name, at: i18n.formatDateTime(change.at) }),
  );
  const { remove, restore } = refusal.untouched;
  const total = remove + restore;
  const offer =
    total === 0
      ? null
      : restore === 0
        ? tn('import.undo.removeUntouched', remove, { count: i18n.formatNumber(remove) })
        : tn('import.undo.undoUntouched', total, { count: i18n.formatNumber(total) });
  const advice = refusal.server
    ? t(offer === null ? 'import.undo.adviceServerNone' : 'import.undo.adviceServer')
    : t(offer === null ? 'import.undo.adviceFileNone' : 'import.undo.adviceFile');
  return { changes, offer, advice };
}
