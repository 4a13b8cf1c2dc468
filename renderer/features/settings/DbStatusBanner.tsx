import { useEffect } from 'react';
import { call, onEvent } from '../../lib/api';
import { requestImport } from '../../lib/import-requests';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import { DemoBanner } from './DemoBanner';
import './backups.css';

/** How often a failed daily backup is tried again while the app is open. */
const BACKUP_RETRY_MS = 10 * 60 * 1000;

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
      }),
    [],
  );
  const backupProblem = status.data?.backupProblem ?? null;
  const { reload } = status;
  useEffect(() => {
    // Each db:status call retries the failed daily backup; the warning goes once one is written.
    if (backupProblem === null) return undefined;
    const timer = window.setInterval(reload, BACKUP_RETRY_MS);
    return () => window.clearInterval(timer);
  }, [backupProblem, reload]);
  return (
    <>
      <DemoBanner />
      {status.data?.networkShare && (
        <p className="notice notice-error db-banner" role="alert" data-testid="db-network-warning">
          {t('db.networkWarning', { kind: status.data.shareKind ?? '' })}
        </p>
      )}
      {status.data && backupProblem !== null && (
        <p className="notice notice-error db-banner" role="alert" data-testid="db-backup-warning">
          {t('db.backupWarning')}
        </p>
      )}
    </>
  );
}
