import { useEffect } from 'react';
import { call, onEvent } from '../../lib/api';
import { requestImport } from '../import/import-requests';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import './backups.css';

/**
 * Mounted once above every screen: warns when the database lies on a network share, and turns
 * File ▸ Import (a shell event) into the Members page with the import dialog open.
 */
export function DbStatusBanner() {
  const { t } = useI18n();
  const status = useAsync(() => call('db:status', {}), []);
  useEffect(
    () =>
      onEvent('import:open', () => {
        requestImport();
        if (!window.location.hash.startsWith('#/members')) window.location.hash = '#/members';
      }),
    [],
  );
  if (!status.data?.networkShare) return null;
  return (
    <p className="notice notice-error db-banner" role="alert" data-testid="db-network-warning">
      {t('db.networkWarning', { kind: status.data.shareKind ?? '' })}
    </p>
  );
}
