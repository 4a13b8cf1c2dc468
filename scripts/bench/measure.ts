import type { Measured, Summary } from './types';

export function summarize(runs: readonly number[]): Summary {
  const sorted = [...runs].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: [] };
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted[n - 1] ?? Number.NaN, runs: [...runs] };
}

export const measured = (label: string, unit: string, runs: readonly number[]): Measured => ({
  label,
  unit,
  ...summarize(runs),
});

/** Milliseconds an async action takes. */
export async function timeMs(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/** Runs `action` `runs` times after `warmup` untimed runs; returns the milliseconds of each. */
export async function repeatMs(runs: number, action: () => Promise<unknown>, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await action();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(await timeMs(action));
  return times;
}

/** A figure whose feature is not in the contract yet. */
export const notBuilt = (id: string, title: string, what: string) => ({
  id,
  title,
  status: 'n/a' as const,
  note: `not built yet: ${what}`,
});

export const failed = (id: string, title: string, error: unknown) => ({
  id,
  title,
  status: 'error' as const,
  note: (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? 'error',
});

/** Runs of a heavy figure (import, exports, documents): at most 3, and at most 2 at Europe's scale. */
export const heavyRuns = (spec: { runs: number; size: { municipalities: number } }): number =>
  Math.min(spec.runs, spec.size.municipalities >= 50_000 ? 2 : 3);
