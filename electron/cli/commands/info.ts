import { callCore } from '../call-core';
import type { Command } from '../command';
import { openForCli } from '../open-context';

export const infoCommand: Command = {
  name: 'info',
  summary: 'Print the schema version and the number of rows per table',
  usage: 'twinreg info --db FILE [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  run: async ({ values }, io) => {
    const ctx = await openForCli(values.db, { mustExist: true });
    try {
      const { databasePath, schemaVersion, counts } = await callCore(ctx, 'app:info', {});
      if (values.json) {
        io.out(JSON.stringify({ database: databasePath, schemaVersion, counts }, null, 2));
        return 0;
      }
      io.out(`Database:       ${databasePath}`);
      io.out(`Schema version: ${String(schemaVersion)}`);
      for (const [table, n] of Object.entries(counts)) io.out(`  ${table.padEnd(24)} ${String(n)}`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
