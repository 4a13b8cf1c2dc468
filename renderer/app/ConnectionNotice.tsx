import { useEffect, useState } from 'react';
import { said, useToast } from '../components/Toasts';
import { isConnectionLost, onConnectionChange, onEvent } from '../lib/api';
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

/** Whether core said last that the registry's server is lost. */
let serverLost = false;

/**
 * Says so while core has lost the registry's server (`registry:connection`): colleagues' changes
 * do not arrive and nothing can be saved; core reconnects by itself, and when it has, a toast says
 * so and the screens reload (the `data:changed` that comes with it).
 */
export function ServerConnectionNotice() {
  const { t } = useI18n();
  const toast = useToast();
  // Kept outside the component: the screen drawn anew (a language loaded) still knows.
  const [lost, setLost] = useState(() => serverLost);
  useEffect(() => {
    const offConnection = onEvent('registry:connection', ({ connected }) => {
      serverLost = !connected;
      setLost(!connected);
      if (connected) toast({ kind: 'ok', text: said('connection.serverBack'), seconds: 6 });
    });
    // Another registry put in place (Settings): the lost one's notice is not this one's.
    const offReplaced = onEvent('data:changed', ({ replaced }) => {
      if (replaced !== true) return;
      serverLost = false;
      setLost(false);
    });
    return () => {
      offConnection();
      offReplaced();
    };
  }, [toast]);
  if (!lost) return null;
  return (
    <p className="notice notice-error connection-notice" role="alert" data-testid="server-connection-lost">
      <span className="spinner" aria-hidden="true" />
      <strong>{t('connection.serverLost')}</strong> {t('connection.serverLostDetail')}
    </p>
  );
}
