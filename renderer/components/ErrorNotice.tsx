import { ApiError } from '../lib/api';
import { errorSummary } from '../lib/errors';
import { useI18n } from '../lib/i18n';

/** A failed call, explained in the user's language (never a stack trace). */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { text, detail } = errorSummary(error, i18n);
  // A record that is not there will not be there on a retry either (it offered one).
  const futile = error instanceof ApiError && error.code === 'NOT_FOUND';
  return (
    <div className="notice notice-error" role="alert">
      <strong>{t('error.title')}</strong>
      <span>{text}</span>
      {detail !== undefined && <span className="notice-detail">{detail}</span>}
      {onRetry && !futile && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
