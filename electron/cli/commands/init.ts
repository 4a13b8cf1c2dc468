import { loadDemoData } from '../../core/services/demo-service';
import type { Command } from '../command';
import { openForCli } from '../open-context';

export const initCommand: Command = {
  name: 'init',
  summary: 'Create (or migrate) a registry database, optionally with demo data',
  usage: 'twinreg init --db FILE [--demo]',
  options: { db: { type: 'string' }, demo: { type: 'boolean' } },
  run: async ({ values }, io) => {
    const ctx = await openForCli(values.db);
    try {
      if (values.demo) {
        const counts = await loadDemoData(ctx.db.knex, ctx.resourcesDir);
        io.out(`Demo data loaded into ${ctx.db.filePath}:`);
        for (const [table, n] of Object.entries(counts)) io.out(`  ${table.padEnd(24)} ${n}`);
      } else {
        io.out(`Registry ready at ${ctx.db.filePath}`);
      }
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
