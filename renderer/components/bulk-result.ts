import type { MessageKey } from '../../shared/i18n/index';
import { ApiError, call } from '../lib/api';
import { errorText } from '../lib/errors';
import type { I18n } from '../lib/i18n';
import { offerUndo } from '../lib/undo';
import { said, type ShowToast } from './Toasts';

/** The texts of a bulk change's outcome: nothing changed, how many (a plural key's stem), its undo. */
export type BulkTexts = { none: MessageKey; done: string; undo: MessageKey; undone: MessageKey };

/** Marking records as verified (`registry:verify`): its outcome and undo as a bulk change's. */
export const VERIFY_TEXTS: BulkTexts = {
  none: 'provenance.verify.none',
  done: 'provenance.verify.done',
  undo: 'members.undo',
  undone: 'provenance.verify.undone',
};
/** Undoes a marking as verified from its audit group (the rows follow by `data:changed`). */
export const unverify = (auditId: number) => call('registry:unverify', { auditId });

/** Undoes a bulk change's audit group; with `onlyUnchanged`, only the rows nobody changed since. */
export type BulkRestore = (auditId: number, options?: { onlyUnchanged: true }) => Promise<unknown>;

/** A row a refused bulk undo names as changed (or deleted) since the bulk change. */
type ChangedSince = { name: string; gone: boolean; by?: string; at?: string };

/** How many changed rows a refused undo names one by one; the rest are counted. */
const NAMED_ROWS = 3;

/**
 * The rows a bulk undo was refused for (changed since, with who and when) and how many others
 * nobody touched, from core's refusal (`details.rows`, `details.others`); null for other failures.
 */
function refusedForRows(error: unknown): { rows: ChangedSince[]; others: number } | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return null;
  const { rows, others } = error.details ?? {};
  if (!Array.isArray(rows) || typeof others !== 'number') return null;
  const named = (rows as unknown[]).filter(
    (row): row is ChangedSince =>
      row !== null && typeof row === 'object' && 'name' in row && typeof row.name === 'string',
  );
  return named.length > 0 ? { rows: named, others } : null;
}

/** "A (Jana Nováková, 7. 12. 2026 2:02), B (…) a další (4)" in the user's language. */
function changedList(rows: readonly ChangedSince[], i18n: I18n): string {
  const named = rows.slice(0, NAMED_ROWS).map((row) =>
    row.by === undefined
      ? row.name
      : i18n.t(row.gone ? 'partnerships.bulk.rowDeleted' : 'partnerships.bulk.row', {
          name: row.name,
          by: row.by,
          at: row.at === undefined ? i18n.t('partnerships.bulk.unknown') : i18n.formatDateTime(row.at),
        }),
  );
  const more = rows.length - named.length;
  const list = named.join(', ');
  return more > 0 ? i18n.t('partnerships.bulk.rowsMore', { rows: list, count: more }) : list;
}

/**
 * Says a refused bulk undo: the rows changed since (who, when), nothing put back; when other rows
 * nobody touched remain, offers to put back only those ("Undo the other N rows", still checked
 * row by row in core) and says that the listed rows are the user's to revert by hand
 * (walkthrough 22: one colleague's note blocked the whole undo, with no next step).
 */
function showUndoRefused(
  show: ShowToast,
  refused: { rows: ChangedSince[]; others: number },
  auditId: number,
  undone: MessageKey,
  restore: BulkRestore,
  refresh: () => void,
  fieldLabel: (i18n: I18n) => (path: string) => string,
): void {
  const { rows, others } = refused;
  show({
    kind: 'error',
    text: (i) => i.t('partnerships.bulk.undoRows', { rows: changedList(rows, i) }),
    ...(others > 0
      ? {
          detail: (i: I18n) => i.t('partnerships.bulk.undoOthersHint', { count: others }),
          action: {
            label: (i: I18n) => i.tn('partnerships.bulk.undoOthers', others),
            run: () => {
              restore(auditId, { onlyUnchanged: true }).then(
                (done) => {
                  refresh();
                  const { changed, skipped } = (done ?? {}) as { changed?: number; skipped?: number };
                  show(
                    (skipped ?? 0) > 0
                      ? {
                          kind: 'info',
                          text: said('partnerships.bulk.undonePartly', {
                            count: changed ?? 0,
                            skipped: skipped ?? 0,
                          }),
                        }
                      : { kind: 'ok', text: said(undone), seconds: 5 },
                  );
                },
                (error: unknown) => show({ kind: 'error', text: (i) => errorText(error, i, fieldLabel(i)) }),
              );
            },
          },
        }
      : {}),
  });
}

/**
 * Says how a bulk change (partnerships' edit, municipalities' membership) ended: nothing changed,
 * or how many rows, with an undo (the toast or Ctrl+Z) that `restore`s its audit group and then
 * `refresh`es the rows. A failed undo is said with its reason (`fieldLabel` names fields); one
 * refused because rows changed since lists them and offers to put back the others.
 */
export function showBulkResult(
  show: ShowToast,
  result: { changed: number; auditId: number | null },
  texts: BulkTexts,
  restore: BulkRestore,
  refresh: () => void,
  fieldLabel: (i18n: I18n) => (path: string) => string = () => (path) => path,
): void {
  const { auditId } = result;
  if (auditId === null) {
    show({ kind: 'info', text: said(texts.none), seconds: 6 });
    return;
  }
  show({
    kind: 'ok',
    text: (i) => i.tn(texts.done, result.changed),
    seconds: 15,
    action: {
      label: said(texts.undo),
      run: offerUndo(() => undoBulkChange(show, auditId, texts.undone, restore, refresh, fieldLabel)),
    },
  });
}

/**
 * Undoes a bulk change's audit group (the toast's Undo, and a record's history once the toast has
 * gone): `restore`s it, `refresh`es the rows and says it is `undone`; a failed undo is said with
 * its reason, one refused because rows changed since lists them and offers to put back the others.
 */
export function undoBulkChange(
  show: ShowToast,
  auditId: number,
  undone: MessageKey,
  restore: BulkRestore,
  refresh: () => void,
  fieldLabel: (i18n: I18n) => (path: string) => string = () => (path) => path,
): void {
  restore(auditId).then(
    () => {
      refresh();
      show({ kind: 'ok', text: said(undone), seconds: 5 });
    },
    (error: unknown) => {
      const refused = refusedForRows(error);
      if (refused !== null) showUndoRefused(show, refused, auditId, undone, restore, refresh, fieldLabel);
      else show({ kind: 'error', text: (i) => errorText(error, i, fieldLabel(i)) });
    },
  );
}
