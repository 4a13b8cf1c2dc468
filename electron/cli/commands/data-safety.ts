import path from 'node:path';
import { createBackup } from '../../core/db/backups';
import { inspectDatabase } from '../../core/db/database';
import { redactLocation } from '../../core/db/connection';
import { isServerLocation } from '../../core/db/dialect/index';
import type { Command } from '../command';
import { openForCli, registryLocation } from '../open-context';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Make a verified backup of a registry (VACUUM INTO, integrity check)',
  usage: 'twinreg backup --db FILE',
  options: { db: { type: 'string' } },
  run: async ({ values }, io) => {
    const ctx = await openForCli(values.db, { mustExist: true });
    try {
      const backup = await createBackup(ctx.db.knex, ctx.db.filePath, 'manual');
      io.out(
        `Backup: ${path.join(`${ctx.db.filePath}.backups`, backup.name)} (${String(backup.size)} bytes, verified)`,
      );
      return 0;
    } finally {
      await ctx.close();
    }
  },
};

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check a registry file (integrity_check, foreign_key_check, schema version) without changing it',
  usage: 'twinreg check --db FILE',
  options: { db: { type: 'string' } },
  run: async ({ values }, io) => {
    const location = registryLocation(values.db);
    if (isServerLocation(location)) {
      io.err(
        `${redactLocation(location)} is a registry on a database server: the server keeps its integrity (its administrator checks it); twinreg check checks registry files.`,
      );
      return 1;
    }
    const result = await inspectDatabase(location);
    const readOnly = result.readOnly ? ', read-only: it can be read and checked but not changed' : '';
    if (result.ok) {
      io.out(`OK: ${location} (schema ${String(result.schemaVersion)}${readOnly})`);
      return 0;
    }
    io.err(`DAMAGED: ${location}${readOnly}`);
    for (const problem of result.problems) io.err(`  ${problem}`);
    return 1;
  },
};
