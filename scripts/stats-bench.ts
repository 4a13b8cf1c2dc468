/**
 * Measures the statistics module on a registry of 100,000 municipalities and 60,000 partnerships
 * (the benchmark's scale L, generated deterministically by scripts/bench/generate.ts):
 * loading the facts (grouped queries), the pure computation, the whole `stats:compute` and the map.
 *
 *   npx tsx scripts/stats-bench.ts [--runs 5]
 */
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createAppContext, noDialogs } from '../electron/core/context';
import { createMemoryPreferences } from '../electron/core/preferences-file';
import { loadStatsFacts } from '../electron/core/repositories/statistics-repository';
import { computeMap, computeStats } from '../electron/core/services/statistics/statistics-service';
import { computeStatistics, statsWindows } from '../shared/domain/statistics/compute';
import { defaultStatsFilter } from '../shared/domain/statistics/filter';
import { SCALES, generateDataset } from './bench/generate';
import { writeDataset } from './bench/write-db';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs));
const dir = mkdtempSync(path.join(os.tmpdir(), 'twinreg-stats-bench-'));
const ctx = await createAppContext({
  databasePath: path.join(dir, 'bench.db'),
  resourcesDir: path.resolve(import.meta.dirname, '..', 'resources'),
  appVersion: 'bench',
  preferences: createMemoryPreferences(),
  dialogs: noDialogs,
});
try {
  const started = performance.now();
  await writeDataset(ctx.db.knex, generateDataset(SCALES.L));
  const counts = await Promise.all(
    ['municipalities', 'partnerships', 'activities', 'partnership_areas'].map(async (table) => {
      const row = await ctx.db.knex(table).count<{ n: number }[]>({ n: '*' }).first();
      return `${table} ${String(row?.n ?? 0)}`;
    }),
  );
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts.join(', ')}`);

  const time = async (label: string, fn: () => Promise<unknown>) => {
    await fn(); // warm-up (SQLite page cache, JIT)
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    console.log(
      `${label.padEnd(44)} median ${median.toFixed(0).padStart(5)} ms  (min ${(times[0] ?? 0).toFixed(0)}, max ${(times[times.length - 1] ?? 0).toFixed(0)}, ${String(runs)} runs)`,
    );
  };
  const filter = defaultStatsFilter();
  const windows = statsWindows(filter, '2025-06-15');
  const facts = await loadStatsFacts(ctx.db.reader, filter, windows);
  await time('load facts (9 grouped queries at once, filter in SQL)', () =>
    loadStatsFacts(ctx.db.reader, filter, windows),
  );
  await time('compute all figures (pure)', () => Promise.resolve(computeStatistics(facts, filter, '2025-06-15')));
  await time('stats:compute, all regions (load + compute)', () => computeStats(ctx.db.reader, {}));
  await time('stats:compute, filtered (formal, 1990–2025)', () =>
    computeStats(ctx.db.reader, { types: ['formal'], fromYear: 1990, toYear: 2025 }),
  );
  await time('map:data', () => computeMap(ctx.db.reader, {}));
} finally {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
}
