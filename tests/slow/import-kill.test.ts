import { spawn } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectDatabase, openDatabase } from '../../electron/core/db/database';
import { CSU_HEADER, csuRows, toCsv } from '../support/import-corpus';
import { tempDir } from '../support/temp-db';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ROWS = 8_000;
const PARALLEL = 4;
const RUNS = 20;

/** Runs `twinreg import` in a child process; kills it with SIGKILL after `killAfterMs` (if given). */
function runImport(
  file: string,
  db: string,
  killAfterMs?: number,
): Promise<{ code: number | null; signal: string | null; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['bin/twinreg.mjs', 'import', 'municipalities', file, '--db', db], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

async function municipalityCount(db: string): Promise<number> {
  const database = await openDatabase(db);
  try {
    return Number((await database.knex('municipalities').count<{ n: number }[]>({ n: '*' }))[0]?.n);
  } finally {
    await database.close();
  }
}

describe('an import killed with kill -9 at random moments', () => {
  const dir = tempDir('twinreg-kill-');
  const file = path.join(dir, 'obce.csv');
  const base = path.join(dir, 'base.db');
  let fullMs = 0;

  beforeAll(async () => {
    writeFileSync(file, toCsv([CSU_HEADER, ...csuRows(ROWS)], ';'));
    const database = await openDatabase(base);
    await database.close();
    // Full runs, as many side by side as the test runs later, to learn how long an import takes
    // (start-up, reading, backup, writing) under the same load.
    const full = await Promise.all(
      Array.from({ length: PARALLEL }, async (_, i) => {
        const db = path.join(dir, `full-${String(i)}.db`);
        copyFileSync(base, db);
        const result = await runImport(file, db);
        expect(result.code).toBe(0);
        expect(await municipalityCount(db)).toBe(ROWS);
        return result.ms;
      }),
    );
    fullMs = Math.max(...full);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`leaves a sound database with all or none of the import (${String(RUNS)} runs)`, async () => {
    const outcomes = { none: 0, all: 0 };
    const one = async (run: number) => {
      const db = path.join(dir, `run-${String(run)}.db`);
      copyFileSync(base, db);
      // Random moments across the whole run, weighted towards its second half where the writing is.
      const at = Math.floor(fullMs * (0.4 + 0.7 * Math.random()));
      await runImport(file, db, at);
      const check = await inspectDatabase(db);
      expect(check.problems, `run ${String(run)} killed after ${String(at)} ms`).toEqual([]);
      const count = await municipalityCount(db);
      expect([0, ROWS], `run ${String(run)} killed after ${String(at)} ms`).toContain(count);
      if (count === 0) outcomes.none += 1;
      else outcomes.all += 1;
    };
    for (let run = 0; run < RUNS; run += PARALLEL) {
      await Promise.all(Array.from({ length: PARALLEL }, (_, i) => one(run + i)));
    }
    console.log(
      `kill -9 during import: ${String(outcomes.none)}× none, ${String(outcomes.all)}× all (full run ${String(fullMs)} ms)`,
    );
  }, 600_000);
});
