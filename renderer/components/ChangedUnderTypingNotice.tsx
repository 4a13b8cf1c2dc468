import { useI18n } from '../lib/i18n';

/**
 * Beside a form's Save: a colleague saved the record while this form holds typing (walkthrough 26:
 * the user found out only when Save was refused). Said at once, with the reload that brings their
 * save in and keeps the typing. One notice for the partnership, member and town-card forms.
 */
export function ChangedUnderTypingNotice({ onReload, testId }: { onReload: () => void; testId: string }) {
  const { t } = useI18n();
  return (
    <p className="form-summary form-summary-inline" role="status" data-testid={testId}>
      {t('common.changedUnderTyping')}{' '}
      <button type="button" className="link-button" onClick={onReload} data-testid={`${testId}-reload`}>
        {t('common.changedUnderTyping.reload')}
      </button>
    </p>
  );
}
