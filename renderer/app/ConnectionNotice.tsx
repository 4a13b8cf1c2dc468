import { useEffect, useState } from 'react';
import { isConnectionLost, onConnectionChange } from '../lib/api';
import { useI18n } from '../lib/i18n';

/**
 * Says so while core does not answer (the web preview's server stopped, the shell's IPC failed);
 * lib/api.ts keeps trying and the notice goes as soon as core answers again.
 */
export function ConnectionNotice() {
  const { t } = useI18n();
  const [lost, setLost] = useState(isConnectionLost);
  useEffect(() => onConnectionChange(setLost), []);
  if (!lost) return null;
  return (
    <p className="notice notice-error connection-notice" role="alert" data-testid="connection-lost">
      <span className="spinner" aria-hidden="true" />
      <strong>{t('connection.lost')}</strong> {t('connection.lostDetail')}
    </p>
  );
}
