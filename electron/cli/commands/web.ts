import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../../core/context';
import { createDispatch } from '../../core/dispatch';
import { createHandlers } from '../../core/handlers';
import { isServerLocation } from '../../core/db/dialect/index';
import { createFilePreferences, createMemoryPreferences } from '../../core/preferences-file';
import { UsageError, type Command } from '../command';
import { registryLocation } from '../open-context';
import { appVersion, projectRoot, resourcesDir } from '../paths';
import { createFolderDialogs } from '../web-dialogs';
import { attachmentReader } from '../../core/services/attachments-service';
import { startWebServer } from '../web-server';

export const webCommand: Command = {
  name: 'web',
  summary: 'Serve the app (built renderer + core) on 127.0.0.1 for a browser',
  usage:
    'twinreg web --db FILE|postgres://user@host:port/database [--port N] [--out DIR]   (build first: npm run build:web)',
  options: { db: { type: 'string' }, port: { type: 'string' }, out: { type: 'string' } },
  run: async ({ values }, io) => {
    const databasePath = registryLocation(values.db);
    const onServer = isServerLocation(databasePath);
    const port = values.port === undefined ? 5174 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number 0–65535');
    // The same variable that tells Vite where to build the renderer.
    const staticDir = process.env.TWINREG_RENDERER_OUT ?? path.join(projectRoot(), 'dist', 'renderer');
    if (!existsSync(path.join(staticDir, 'index.html'))) {
      throw new UsageError('The renderer is not built yet: run `npm run build:web` (or `npm run web -- --db FILE`).');
    }
    const outputDir = path.resolve(
      typeof values.out === 'string' ? values.out : path.join(os.homedir(), 'Twinning Registry'),
    );
    let broadcast: (event: string, payload: unknown) => void = () => undefined;
    const ctx = await createAppContext({
      databasePath,
      resourcesDir: resourcesDir(),
      appVersion: appVersion(),
      // A server registry has no folder of its own here: the preview keeps its settings for its run.
      preferences: onServer ? createMemoryPreferences() : createFilePreferences(`${databasePath}.preferences.json`),
      dialogs: createFolderDialogs(outputDir),
      events: (event, payload) => broadcast(event, payload),
      // Demo data only into a new registry file, never into a shared registry.
      seedDemoIfEmpty: !onServer && !existsSync(databasePath),
      open: { dailyBackup: true },
    });
    const dispatch = createDispatch(createHandlers(ctx), { jsonText: true, logError: (error) => console.error(error) });
    let server;
    try {
      server = await startWebServer({
        dispatch,
        staticDir,
        port,
        readAttachment: attachmentReader(ctx),
      });
    } catch (error) {
      // The registry was opened first: close it, so that a busy port never leaves it open.
      await ctx.close();
      if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
        io.err(`The port ${String(port)} is already in use: choose another with --port N (0 picks a free one).`);
        return 1;
      }
      throw error;
    }
    broadcast = server.broadcast;
    io.out(`Twinning Registry web preview for ${ctx.db.filePath}`);
    io.out(`Files are saved to ${outputDir}`);
    io.out(`Open: ${server.url}`);
    io.out('Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    await ctx.close();
    return 0;
  },
};
