import { useCallback, useEffect, useState } from 'react';

export type AsyncState<T> =
  { status: 'loading'; data?: T } | { status: 'ready'; data: T } | { status: 'error'; error: unknown; data?: T };

type Settled<T> =
  { generation: string; ok: true; data: T } | { generation: string; ok: false; error: unknown; data?: T };

/**
 * Runs a loader on mount and whenever `deps` change; `reload` runs it again. While a new load
 * runs, the previous data stays visible (no flicker of an empty grid).
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> & { reload: () => void } {
  const [tick, setTick] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const generation = JSON.stringify([...deps, tick]);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setSettled({ generation, ok: true, data });
      },
      (error: unknown) => {
        if (live) setSettled((previous) => ({ generation, ok: false, error, data: previous?.data }));
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `generation` stands for the caller's deps
  }, [generation]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  if (settled === null || settled.generation !== generation) return { status: 'loading', data: settled?.data, reload };
  return settled.ok
    ? { status: 'ready', data: settled.data, reload }
    : { status: 'error', error: settled.error, data: settled.data, reload };
}
