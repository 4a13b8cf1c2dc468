import { findChannel, invoke } from '../channels';
import { measured, failed, timeMs, heavyRuns } from '../measure';
import { timeApart } from '../apart';
import type { BenchEnv, Figure, FigureResult, OpenedApp } from '../types';

const TITLE = '1 Import municipalities CSV';

/**
 * The real import path for a municipalities file, as the app runs it: preview, then commit
 * (whatever the import feature's channels are called). Returns null when it is not built.
 */
function importPath(): { describe: string; run: (app: OpenedApp, expectedRows: number) => Promise<void> } | null {
  const choose = findChannel('import:chooseFile');
  const preview = findChannel('import:preview');
  const commit = findChannel('import:commit');
  if (!choose || !preview || !commit) return null;
  return {
    describe: 'import:chooseFile → preview → commit',
    run: async (app, expectedRows) => {
      // The "open file" dialog of the benchmark's context answers with the generated CSV.
      const handle = (await invoke(app.dispatch, choose, {})) as { file: string } | null;
      if (!handle) throw new Error('import:chooseFile returned no file');
      const report = (await invoke(app.dispatch, preview, { kind: 'municipalities', file: handle.file })) as {
        previewId: string;
        counts: { add: number; invalid: number };
        issues: { line?: number; message?: string; reason?: string }[];
      };
      if (report.counts.add !== expectedRows) {
        const first = report.issues[0];
        throw new Error(
          `the import preview would add ${report.counts.add} of ${expectedRows} rows (${report.counts.invalid} invalid${first ? `, e.g. ${JSON.stringify(first).slice(0, 120)}` : ''})`,
        );
      }
      await invoke(app.dispatch, commit, { previewId: report.previewId });
    },
  };
}

/** The rows of the generated registry, which its CSV holds one line each. */
async function municipalityCount(env: BenchEnv): Promise<number> {
  const source = await env.openCopy('import-source');
  try {
    const [row] = await source.ctx.db.knex('municipalities').count({ n: '*' });
    return Number(row?.n ?? 0);
  } finally {
    await source.close();
  }
}

/** The raw insert's runs, each into a new empty registry, in a process of their own (raw-import.ts). */
async function rawImportTimes(env: BenchEnv, runs: number): Promise<number[]> {
  const targets: string[] = [];
  for (let run = 0; run < runs; run += 1) {
    const target = await env.openEmpty(`raw-${run}`);
    targets.push(target.location);
    await target.close();
  }
  const source = await env.openCopy('import-source');
  await source.close();
  return timeApart({ kind: 'raw-import', request: { source: source.location, targets } });
}

/**
 * Figure 1: rows per second of the real import into an empty registry, beside a raw chunked
 * insert of the same rows through the same driver in one transaction (the physical limit).
 */
export const importFigure: Figure = {
  id: 'import',
  run: async (env) => {
    const runs = heavyRuns(env.spec);
    try {
      const rows = await municipalityCount(env);
      const rawRates = (await rawImportTimes(env, runs)).map((ms) => rows / (ms / 1000));
      const baseline = measured('raw insert, chunks of 500, 1 transaction', 'rows/s', rawRates);
      const path = importPath();
      if (!path) {
        const result: FigureResult = {
          id: 'import',
          title: TITLE,
          status: 'n/a',
          note: 'not built yet: import:chooseFile/import:preview/import:commit',
          baseline,
        };
        return [result];
      }
      const rates: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const app = await env.openEmpty(`import-${run}`);
        try {
          const ms = await timeMs(() => path.run(app, rows));
          rates.push(rows / (ms / 1000));
          env.sample();
        } finally {
          await app.close();
        }
      }
      const value = measured(path.describe, 'rows/s', rates);
      return [
        {
          id: 'import',
          title: TITLE,
          status: 'ok',
          value,
          baseline,
          ratio: value.median / baseline.median,
          extra: { rows },
        },
      ];
    } catch (error) {
      return [failed('import', TITLE, error)];
    }
  },
};
