// Measures importing generated municipalities through the real import path (read → preview →
// backup → one transaction). Run: npx tsx scripts/import-bench.ts [ROWS]   (default 100,000)
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, noDialogs } from '../electron/core/context';
import { createMemoryPreferences } from '../electron/core/preferences-file';
import { importFile } from '../electron/core/services/import/import-service';
import { CSU_HEADER, csuRows, toCsv } from '../tests/support/import-corpus';

const rows = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'twinreg-import-bench-'));
try {
  const file = path.join(dir, 'struktura_uzemi_cr.csv');
  writeFileSync(file, toCsv([CSU_HEADER, ...csuRows(rows)], ';'));
  const ctx = await createAppContext({
    databasePath: path.join(dir, 'registry.db'),
    resourcesDir: path.resolve(import.meta.dirname, '..', 'resources'),
    appVersion: 'bench',
    preferences: createMemoryPreferences(),
    dialogs: noDialogs,
  });
  const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
  let started = process.hrtime.bigint();
  const first = await importFile(ctx, { kind: 'municipalities', filePath: file, dryRun: false });
  const firstSeconds = seconds(started);
  started = process.hrtime.bigint();
  const second = await importFile(ctx, { kind: 'municipalities', filePath: file, dryRun: false });
  const secondSeconds = seconds(started);
  await ctx.close();
  const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
  console.log(`file: ${String(rows)} municipalities, ${mb} MB (ČSÚ layout, semicolons)`);
  console.log(
    `first import:  ${firstSeconds.toFixed(2)} s, ${Math.round(rows / firstSeconds).toLocaleString('en')} rows/s (added ${String(first.report.counts.add)}, backup + one transaction + audit)`,
  );
  console.log(
    `second import: ${secondSeconds.toFixed(2)} s, ${Math.round(rows / secondSeconds).toLocaleString('en')} rows/s (changed: ${String(second.changed)}, unchanged ${String(second.report.counts.unchanged)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
