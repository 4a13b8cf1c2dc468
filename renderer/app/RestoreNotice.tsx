import { useEffect, useState } from 'react';
import { onEvent } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { wasRestoredHere } from '../lib/own-restore';

/**
 * The forms of this window holding unsaved changes (`data-unsaved="true"`, as the partnership
 * detail and the member form mark themselves), each named by the heading of the panel it is in.
 */
export function unsavedForms(root: ParentNode = document): (string | null)[] {
  return [...root.querySelectorAll('form[data-unsaved="true"]')].map((form) => {
    const heading = form.closest('[role="dialog"], aside, section')?.querySelector('h2, h3');
    if (!heading) return null;
    // "Beroun ⇄ Brzeg": the parts of the heading a reader hears, without its decorative arrow.
    const parts = [...heading.childNodes]
      .filter((node) => !(node instanceof Element && node.getAttribute('aria-hidden') === 'true'))
      .map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((text) => text !== '');
    return parts.length > 0 ? parts.join(' – ') : null;
  });
}

type Restore = { at: string; backup: string; forms: (string | null)[] };

/**
 * Walkthrough 20, finding 10: a backup restored in another window (or another tab of the web
 * preview). This window's screens reload by themselves (`data:changed` with `replaced`); the
 * notice says that the registry is the backup's now, and names the forms whose typed text was not
 * saved: it stays in them, and a save of it is refused by core naming the restore until the form
 * is reloaded and checked against the restored record. It stays until closed.
 */
export function RestoreNotice() {
  const { t, formatDateTime, language } = useI18n();
  const [restore, setRestore] = useState<Restore | null>(null);
  useEffect(
    () =>
      onEvent('data:changed', ({ restore: done }) => {
        if (done === undefined || wasRestoredHere(done.backup)) return;
        setRestore({ ...done, forms: unsavedForms() });
      }),
    [],
  );
  if (restore === null) return null;
  const forms = restore.forms.map((name) => name ?? t('restoreNotice.aForm'));
  return (
    <div className="notice notice-warn restore-notice" role="alert" data-testid="restore-notice">
      <p>
        <strong>{t('restoreNotice.title', { at: formatDateTime(restore.at) })}</strong>{' '}
        {t('restoreNotice.reloaded', { backup: restore.backup })}
      </p>
      <p data-testid="restore-notice-unsaved">
        {forms.length > 0
          ? t('restoreNotice.unsaved', {
              forms: forms.map((name) => (language === 'cs' ? `„${name}“` : `“${name}”`)).join(', '),
            })
          : t('restoreNotice.noUnsaved')}
      </p>
      <button type="button" className="button" onClick={() => setRestore(null)} data-testid="restore-notice-close">
        {t('common.close')}
      </button>
    </div>
  );
}
