import type { Sorter } from './czech-grid';

/** A request to the Czech sort's worker (`czech-sort-worker.ts`). */
export type SortRequest = { id: number; texts: string[] };
/** Its answer: the distinct texts in Czech order, and for each whether it equals the one before. */
export type SortReply = { id: number; ordered: string[]; same: Uint8Array };

type Waiting = { resolve: (reply: SortReply) => void; reject: (error: Error) => void };

/** How long an answer may take (100,000 strings take well under a second). */
const ANSWER_MS = 15_000;

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, Waiting>();

/** Gives up the worker: whatever waits is sorted on the main thread (the caller's fallback). */
function giveUp(reason: string): void {
  worker?.terminate();
  worker = null;
  for (const { reject } of waiting.values()) reject(new Error(reason));
  waiting.clear();
}

/** The worker, made at the first sort; null where none can be made (then never tried again). */
function sortWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./czech-sort-worker.ts', import.meta.url), { type: 'module', name: 'czech-sort' });
  } catch {
    worker = null;
    return null;
  }
  worker.onmessage = (event: MessageEvent<SortReply>) => {
    const reply = event.data;
    const job = waiting.get(reply.id);
    waiting.delete(reply.id);
    job?.resolve(reply);
  };
  // A worker that cannot load (a policy, a protocol without workers) or fails: no second try.
  worker.onerror = () => giveUp('the Czech sort worker failed');
  worker.onmessageerror = () => giveUp('the Czech sort worker sent what could not be read');
  return worker;
}

/**
 * Sorts texts in Czech order in a worker (issue 16 target 3: a grid's texts are ranked while its
 * rows go in, and the first sort by a column finds them ranked). Undefined where the page has no
 * workers (tests in Node); a worker that fails rejects, and the caller sorts on the main thread.
 */
export const workerSorter: Sorter | undefined =
  typeof Worker === 'function'
    ? (texts) => {
        const target = sortWorker();
        if (target === null) return Promise.reject(new Error('no Czech sort worker'));
        const id = (nextId += 1);
        return new Promise<SortReply>((resolve, reject) => {
          // A worker that never answers (its script never came) must not hold the ranking back.
          const timer = setTimeout(() => giveUp('the Czech sort worker did not answer'), ANSWER_MS);
          waiting.set(id, {
            resolve: (reply) => {
              clearTimeout(timer);
              resolve(reply);
            },
            reject: (error) => {
              clearTimeout(timer);
              reject(error);
            },
          });
          target.postMessage({ id, texts } satisfies SortRequest);
        });
      }
    : undefined;
