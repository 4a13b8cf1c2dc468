import { useEffect } from 'react';
import { onEvent } from './api';
import { useAsync, type AsyncState } from './useAsync';

/**
 * `useAsync` that also loads again after every `data:changed` (a write in any window, an import,
 * a restored backup), for views that list what the registry holds right now.
 */
export function useLiveAsync<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): AsyncState<T> & { reload: () => void } {
  const state = useAsync(load, deps);
  const { reload } = state;
  useEffect(() => onEvent('data:changed', () => reload()), [reload]);
  return state;
}
