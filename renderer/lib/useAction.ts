import { useCallback, useState } from 'react';

/**
 * One user action at a time with its outcome: `run` marks the screen busy, clears the last
 * outcome, runs the action and keeps its message (what happened) or its error (shown by
 * ErrorNotice). Used by the sections that act on the registry as a whole (backups, the bin).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setMessage(await action());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, message, error, run };
}
