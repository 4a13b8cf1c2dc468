import { useCallback, useState } from 'react';
import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { errorToast, useToast } from './Toasts';

/**
 * One user action at a time: `run` marks the section busy, runs the action and says its outcome
 * as a toast (its message, or its error; a closed save dialog says nothing). Used by the sections
 * that act on the registry as a whole (backups, the bin, the import history).
 */
export function useAction() {
  const i18n = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<string>) => {
      setBusy(true);
      try {
        toast({ kind: 'ok', text: await action(), seconds: 10 });
      } catch (failure) {
        if (!(failure instanceof ApiError && failure.code === 'CANCELLED')) toast(errorToast(failure, i18n));
      } finally {
        setBusy(false);
      }
    },
    [toast, i18n],
  );
  return { busy, run };
}
