import v8 from 'node:v8';

/**
 * V8's heap growing factor for the core's process, as a percentage over 100: after a full
 * collection the heap may grow to twice what is live before the next one.
 *
 * V8 picks the factor itself after each full collection, between 1.1 and a maximum that depends
 * on the heap's limit: up to 4 on a machine with a large limit (2 GB and more), which suits a
 * server with memory to spare. The core runs in the desktop app's main process on a staffer's
 * computer, where a large import or grid left that headroom full of garbage: at Europe's scale
 * (100,000 members) the heap in use reached 480 MB while at most 120 MB of it was live. The flag
 * replaces V8's choice with this one (it does not only cap it). A factor of 2 was the measured
 * middle: the core's peak fell by a fifth on SQLite and by two fifths on PostgreSQL, and the import
 * kept its speed, where 1.5 cost it a fifth to a quarter of its rows per second
 * (docs/performance.md, "The heap's headroom").
 */
export const HEAP_GROWING_PERCENT = 100;

/**
 * Below this heap limit V8's own largest factor may be 2 or less (it scales with the limit; in
 * Node's build it reaches 2 just below 2 GB): a fixed 2 there could let the heap grow more, not less.
 */
export const LARGE_HEAP_LIMIT = 2 * 1024 ** 3;

/**
 * Fixes the process's heap growing factor at 2 where V8's own could reach 4 (a heap limit of
 * `LARGE_HEAP_LIMIT` or more); says whether it did. Every host of the core (Electron shell, CLI,
 * web preview, the benchmark's core process) gets it through `createAppContext`. V8 reads the
 * flag at each full collection, so setting it at run time works; setting it again is harmless.
 */
export function limitHeapHeadroom(heapLimit = v8.getHeapStatistics().heap_size_limit): boolean {
  if (heapLimit < LARGE_HEAP_LIMIT) return false;
  v8.setFlagsFromString(`--heap-growing-percent=${String(HEAP_GROWING_PERCENT)}`);
  return true;
}
