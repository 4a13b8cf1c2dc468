import { SCHEMA_VERSION } from '../../core/db/migrations/index';
import { countRows } from '../../core/repositories/reference-repository';
import { REGISTRY_TABLES } from '../../core/services/demo-service';
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
      const counts = await countRows(ctx.db.knex, REGISTRY_TABLES);
      if (values.json) {
        io.out(JSON.stringify({ database: ctx.db.filePath, schemaVersion: SCHEMA_VERSION, counts }, null, 2));
        return 0;
      }
      io.out(`Database:       ${ctx.db.filePath}`);
      io.out(`Schema version: ${SCHEMA_VERSION}`);
      for (const [table, n] of Object.entries(counts)) io.out(`  ${table.padEnd(24)} ${n}`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
