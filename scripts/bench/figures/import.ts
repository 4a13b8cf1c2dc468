import { findChannel, invoke } from '../channels';
import { measured, failed, timeMs, heavyRuns } from '../measure';
import type { BenchEnv, Figure, FigureResult, OpenedApp } from '../types';
import { rawInsertMunicipalities, writeReference, type CsvMunicipalityRow } from '../write-db';

const TITLE = '1 Import municipalities CSV';

/** The CSV's rows and reference data, read back from the generated registry. */
async function readSource(env: BenchEnv) {
  const source = await env.openCopy('import-source');
  try {
    const knex = source.ctx.db.knex;
    const regions = await knex('regions').select<{ id: number; code: string; name: string }[]>('id', 'code', 'name');
    const districts = (
      await knex('districts').select<{ id: number; code: string; name: string; region_id: number }[]>(
        'id',
        'code',
        'name',
        'region_id',
      )
    ).map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      regionId: d.region_id,
    }));
    const rows = await knex('municipalities')
      .orderBy('id')
      .select<CsvMunicipalityRow[]>('code', 'name', 'district_id', 'region_id', 'postal_code', 'latitude', 'longitude');
    return { regions, districts, rows: rows.map((row) => ({ ...row, postal_code: row.postal_code.replace(' ', '') })) };
  } finally {
    await source.close();
  }
}

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

/**
 * Figure 1: rows per second of the real import into an empty registry, beside a raw chunked
 * insert of the same rows through the same driver in one transaction (the physical limit).
 */
export const importFigure: Figure = {
  id: 'import',
  run: async (env) => {
    const runs = heavyRuns(env.spec);
    try {
      const source = await readSource(env);
      const rawRates: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const app = await env.openEmpty(`raw-${run}`);
        try {
          await app.ctx.db.knex.transaction((trx) => writeReference(trx, source));
          const ms = await timeMs(() => rawInsertMunicipalities(app.ctx.db.knex, source.rows));
          rawRates.push(source.rows.length / (ms / 1000));
          env.sample();
        } finally {
          await app.close();
        }
      }
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
          const ms = await timeMs(() => path.run(app, source.rows.length));
          rates.push(source.rows.length / (ms / 1000));
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
          extra: { rows: source.rows.length },
        },
      ];
    } catch (error) {
      return [failed('import', TITLE, error)];
    }
  },
};
