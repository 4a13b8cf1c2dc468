import { useCallback, useState } from 'react';
import { ApiError } from '../lib/api';
import { errorToast, useToast, type Said } from './Toasts';

/**
 * One user action at a time: `run` marks the section busy, runs the action and says its outcome
 * as a toast (its message, or its error; a closed save dialog says nothing). The message is
 * best a `said(key, params)`, so that a toast still shown after a change of language follows it. Used by the sections
 * that act on the registry as a whole (backups, the bin, the import history).
 */
export function useAction() {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<Said>) => {
      setBusy(true);
      try {
        toast({ kind: 'ok', text: await action(), seconds: 10 });
      } catch (failure) {
        if (!(failure instanceof ApiError && failure.code === 'CANCELLED')) toast(errorToast(failure));
      } finally {
        setBusy(false);
      }
    },
    [toast],
  );
  return { busy, run };
}
