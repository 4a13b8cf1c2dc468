/**
 * The Czech sort's worker: sorts a grid's distinct texts in Czech order off the main thread (the
 * collator sorting ~100,000 strings at Europe's scale takes a few hundred milliseconds, which a
 * first click on a column header used to wait for). See `czech-sorter.ts`.
 */
import { compareCzech } from '../../shared/domain/text';
import type { SortReply, SortRequest } from './czech-sorter';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SortRequest>) => void) | null;
  postMessage: (message: SortReply, transfer: Transferable[]) => void;
};

scope.onmessage = (event) => {
  const { id, texts } = event.data;
  const ordered = [...new Set(texts)].sort(compareCzech);
  const same = new Uint8Array(ordered.length);
  for (let index = 1; index < ordered.length; index += 1) {
    same[index] = compareCzech(ordered[index - 1], ordered[index]) === 0 ? 1 : 0;
  }
  scope.postMessage({ id, ordered, same }, [same.buffer]);
};
