import { useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../shared/ipc/contract';
import { onEvent } from './api';
import { goneOf, type Gone } from './record-gone';

/**
 * Whether an open form's record is still in the registry: after each `data:changed` that may
 * concern it, the record is fetched again (`fetch`, its ordinary read channel); a NOT_FOUND answer
 * says who deleted or merged it (see `goneOf`), a later answer with the record (a delete undone)
 * clears that. Null while the record is there. `fetch` and `concerns` are module-level functions
 * (a new one on each render would subscribe again each time).
 */
export function useRecordGone(
  id: number | null,
  fetch: (id: number) => Promise<unknown>,
  concerns: (change: EventPayload<'data:changed'>, id: number) => boolean,
): Gone | null {
  const [found, setFound] = useState<{ id: number; gone: Gone } | null>(null);
  // The newest fetch decides (an older answer arriving late is dropped).
  const asked = useRef(0);
  useEffect(() => {
    if (id === null) return undefined;
    return onEvent('data:changed', (change) => {
      if (!concerns(change, id)) return;
      const ask = ++asked.current;
      fetch(id).then(
        () => {
          if (ask === asked.current) setFound(null);
        },
        (error: unknown) => {
          const gone = goneOf(error);
          if (ask === asked.current && gone !== null) setFound({ id, gone });
        },
      );
    });
  }, [id, fetch, concerns]);
  return found !== null && found.id === id ? found.gone : null;
}
