import type { MessageKey } from '../../shared/i18n/index';
import { call } from '../lib/api';
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

/**
 * Says how a bulk change (partnerships' edit, municipalities' membership) ended: nothing changed,
 * or how many rows, with an undo (the toast or Ctrl+Z) that `restore`s its audit group and then
 * `refresh`es the rows. A failed undo is said with its reason (`fieldLabel` names fields).
 */
export function showBulkResult(
  show: ShowToast,
  result: { changed: number; auditId: number | null },
  texts: BulkTexts,
  restore: (auditId: number) => Promise<unknown>,
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
      run: offerUndo(() => {
        restore(auditId).then(
          () => {
            refresh();
            show({ kind: 'ok', text: said(texts.undone), seconds: 5 });
          },
          (error: unknown) => show({ kind: 'error', text: (i) => errorText(error, i, fieldLabel(i)) }),
        );
      }),
    },
  });
}
