import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import './backups.css';

/** A warning shown above every screen when the database lies on a network share. */
export function DbStatusBanner() {
  const { t } = useI18n();
  const status = useAsync(() => call('db:status', {}), []);
  if (!status.data?.networkShare) return null;
  return (
    <p className="notice notice-error db-banner" role="alert" data-testid="db-network-warning">
      {t('db.networkWarning', { kind: status.data.shareKind ?? '' })}
    </p>
  );
}
