import v8 from 'node:v8';

/**
 * How far V8's heap may grow past what was live after the last full collection, in percent.
 *
 * V8's own heuristic lets the heap grow up to four times its live size before it collects again,
 * which suits a server with memory to spare. The core runs in the desktop app's main process on a
 * staffer's laptop, where a large import or grid leaves that headroom filled with garbage: at
 * Europe's scale (100,000 members) the heap in use reached 480 MB while at most 120 MB of it was
 * live. Twice the live size is the measured middle: the core's peak fell by about a third and
 * the import kept its speed, where 1.5 times cost a fifth to a quarter of the import's rows per
 * second (docs/performance.md, "The heap's headroom").
 */
export const HEAP_GROWING_PERCENT = 100;

let applied = false;

/**
 * Lets the process's heap grow at most `HEAP_GROWING_PERCENT` past its live size. Every host of the
 * core (Electron shell, CLI, web preview, the benchmark's core process) gets it through
 * `createAppContext`; V8 reads the flag at each full collection, so setting it at run time works.
 */
export function limitHeapHeadroom(): void {
  if (applied) return;
  v8.setFlagsFromString(`--heap-growing-percent=${String(HEAP_GROWING_PERCENT)}`);
  applied = true;
}
