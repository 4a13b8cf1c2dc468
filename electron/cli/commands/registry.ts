import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DialogPort } from '../../core/ports';
import { callCore } from '../call-core';
import { UsageError, type CliIo, type Command } from '../command';
import { openForCli } from '../open-context';

const USAGE = 'twinreg registry export FILE --db FILE|postgres://…  |  twinreg registry import FILE --db postgres://…';

/** Answers the core's save or open dialog with the file named on the command line. */
const fileDialogs = (file: string): DialogPort => ({
  saveFile: () => Promise.resolve(file),
  openFile: () => Promise.resolve(file),
  chooseFolder: () => Promise.resolve(null),
});

function printCounts(io: CliIo, counts: Record<string, number>): void {
  for (const [table, n] of Object.entries(counts)) if (n > 0) io.out(`  ${table.padEnd(26)} ${String(n)}`);
}

/**
 * `twinreg registry export FILE`: the whole registry (a file or a server) into a new, verified
 * SQLite registry file; `twinreg registry import FILE --db postgres://…`: a registry file into an
 * empty registry on a server (administrators only), the way from one PC onto a shared server.
 */
export const registryCommand: Command = {
  name: 'registry',
  summary: 'Export a registry to a verified registry file, or import a registry file into an empty server registry',
  usage: USAGE,
  options: { db: { type: 'string' } },
  run: async ({ values, positionals }, io) => {
    const [action, file, ...extra] = positionals;
    if ((action !== 'export' && action !== 'import') || file === undefined || extra.length > 0)
      throw new UsageError('Name what to do and the file: registry export FILE, or registry import FILE');
    const filePath = path.resolve(file);
    if (action === 'export' && existsSync(filePath))
      throw new UsageError(`${filePath} exists already: name a new file (an export never overwrites one)`);
    if (action === 'import' && !existsSync(filePath)) throw new UsageError(`No file ${filePath}`);
    const ctx = await openForCli(values.db, { mustExist: true, dialogs: fileDialogs(filePath) });
    try {
      if (action === 'export') {
        const done = await callCore(ctx, 'registry:exportFile', {});
        io.out(`Exported ${ctx.db.filePath} to ${done.filePath} (${String(done.rows)} rows, verified):`);
        printCounts(io, done.counts);
      } else {
        const done = await callCore(ctx, 'registry:importFile', {});
        io.out(`Imported ${done.fileName} into ${ctx.db.filePath} (${String(done.rows)} rows, verified):`);
        printCounts(io, done.counts);
      }
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
