import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';

/** A failed call, explained in the user's language (never a stack trace). */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, tk } = useI18n();
  const text = error instanceof ApiError ? tk(`error.${error.code}`) : t('error.INTERNAL');
  const detail = error instanceof ApiError && error.code !== 'INTERNAL' ? error.message : undefined;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{t('error.title')}</strong>
      <span>{text}</span>
      {detail !== undefined && <span className="notice-detail">{detail}</span>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
