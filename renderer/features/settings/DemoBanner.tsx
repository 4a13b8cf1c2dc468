import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/dialogs';
import { errorToast, useToast } from '../../components/Toasts';
import { call, onEvent } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';

/**
 * Says while the registry holds demo data (records marked when the demo was loaded) and removes
 * exactly those after a confirmation; a backup is made first. Mounted above every screen.
 */
export function DemoBanner() {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const toast = useToast();
  const status = useAsync(() => call('demo:status', {}), []);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const { reload } = status;
  useEffect(() => onEvent('data:changed', () => reload()), [reload]);

  const counts = status.data?.counts;
  // Shown while a removal would remove something: demo records that staff data refers to stay.
  const pending = status.data?.removable ?? 0;

  const remove = async () => {
    setBusy(true);
    try {
      const result = await call('demo:remove', {});
      const removed = Object.values(result.removed).reduce((sum, n) => sum + n, 0);
      const kept = Object.values(result.kept).reduce((sum, n) => sum + n, 0);
      toast({
        kind: 'ok',
        text: (shown) =>
          kept > 0
            ? shown.t('demo.removedKept', { removed: shown.formatNumber(removed), kept: shown.formatNumber(kept) })
            : shown.t('demo.removed', { removed: shown.formatNumber(removed) }),
      });
      reload();
    } catch (error) {
      toast(errorToast(error));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <>
      {counts && pending > 0 && (
        <div className="notice db-banner demo-banner" role="status" data-testid="demo-banner">
          <span>
            {t('demo.banner', {
              municipalities: formatNumber(counts.municipalities),
              partnerships: formatNumber(counts.partnerships),
            })}
          </span>
          <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="demo-remove">
            {t('demo.remove')}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('demo.confirmTitle')}
          body={t('demo.confirmBody')}
          confirmLabel={t('demo.remove')}
          danger
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
