import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createAppContext } from '../../electron/core/context';
import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { createFilePreferences, createMemoryPreferences } from '../../electron/core/preferences-file';
import type { DialogPort, PreferencesPort } from '../../electron/core/ports';
import { createFolderDialogs } from '../../electron/cli/web-dialogs';
import { agreementsFigure } from './figures/agreements';
import { browserFigure } from './figures/browser';
import { copyDatabase } from './engines';
import { coldStartFigure } from './figures/cold-start';
import { exportFigure } from './figures/export';
import { importFigure } from './figures/import';
import { loadFigures } from './figures/load';
import { statsFigures } from './figures/stats';
import { failed, measured } from './measure';
import type { ScaleResult } from './table';
import { targetOf } from './targets';
import type { BenchEnv, Figure, FigureResult, OpenedApp, ScaleSpec } from './types';

const RESOURCES_DIR = path.resolve(import.meta.dirname, '..', '..', 'resources');

/** The figures time the screens, not the first-start welcome (asked once; its dialog covers the screen). */
async function answeredWelcome(preferences: PreferencesPort): Promise<PreferencesPort> {
  await preferences.set({ welcomed: true });
  return preferences;
}

const perFigure = (peaks: Map<string, number>): string =>
  [...peaks].map(([figure, bytes]) => `${figure} ${String(Math.round(bytes / 1e6))}`).join(', ');

/** Figures in the order of the issue; each looks up its own feature and says when it is missing. */
export const FIGURES: readonly Figure[] = [
  importFigure,
  loadFigures,
  statsFigures,
  agreementsFigure,
  exportFigure,
  browserFigure,
  coldStartFigure,
];

/**
 * Measures every figure at one scale, in this process (the "core process" of figure 7: the
 * registry, dispatch and the web bridge all run here; Chromium runs in its own processes).
 */
export async function runScale(spec: ScaleSpec, log: (message: string) => void): Promise<ScaleResult> {
  const started = performance.now();
  let peakRss = process.memoryUsage().rss;
  let peakFigure = 'start';
  let current = 'start';
  /** The highest RSS sampled during each figure (the note of figure 7 lists them). */
  const peakOf = new Map<string, number>();
  /** The same for V8's heap in use, and for memory outside it (buffers, strings' external data). */
  const heapOf = new Map<string, number>();
  const outsideOf = new Map<string, number>();
  const sample = () => {
    const { rss, heapUsed, external } = process.memoryUsage();
    if (rss > (peakOf.get(current) ?? 0)) peakOf.set(current, rss);
    if (heapUsed > (heapOf.get(current) ?? 0)) heapOf.set(current, heapUsed);
    if (external > (outsideOf.get(current) ?? 0)) outsideOf.set(current, external);
    if (rss > peakRss) {
      peakRss = rss;
      peakFigure = current;
    }
  };
  const sampler = setInterval(sample, 50);
  sampler.unref();

  const outputDir = path.join(spec.workDir, 'out');
  mkdirSync(outputDir, { recursive: true });
  const folder = createFolderDialogs(outputDir);
  // The import's "open file" dialog answers with the generated CSV.
  const dialogs: DialogPort = { ...folder, openFile: () => Promise.resolve(spec.csvPath) };

  const open = async (databasePath: string): Promise<OpenedApp> => {
    const ctx = await createAppContext({
      databasePath,
      resourcesDir: RESOURCES_DIR,
      appVersion: 'bench',
      // A server registry has no file to keep preferences beside.
      preferences: await answeredWelcome(
        spec.server ? createMemoryPreferences() : createFilePreferences(`${databasePath}.preferences.json`),
      ),
      dialogs,
      // Progress events have no listener here; the browser figures use the bridge's own.
      events: () => undefined,
    });
    // As the Electron shell and the web preview run it: no output validation.
    const dispatch = createDispatch(createHandlers(ctx), {
      jsonText: true,
      logError: (error) => log(`core error: ${String(error)}`),
    });
    return { ctx, dispatch, outputDir, location: databasePath, close: () => ctx.close() };
  };
  const registryCopy = path.join(spec.workDir, 'registry.db');
  const { server } = spec;
  let serverCopy: string | null = null;
  const env: BenchEnv = {
    spec,
    openCopy: async (name) => {
      log(`  ${spec.scale}${server ? ' on PostgreSQL' : ''}: ${name}`);
      // One private copy of the generated registry serves every read-mostly figure.
      if (server) {
        serverCopy ??= await copyDatabase(server, server.dataTemplate, 'copy');
        return open(serverCopy);
      }
      if (!existsSync(registryCopy)) copyFileSync(spec.baseDbPath, registryCopy);
      return open(registryCopy);
    },
    openEmpty: async (name) =>
      open(
        server
          ? await copyDatabase(server, server.emptyTemplate, `empty_${name}`)
          : path.join(spec.workDir, `${name}-empty.db`),
      ),
    sample,
    log,
  };

  const figures: FigureResult[] = [];
  for (const figure of FIGURES) {
    if (spec.only && !spec.only.includes(figure.id)) continue;
    current = figure.id;
    try {
      figures.push(...(await figure.run(env)));
    } catch (error) {
      figures.push(failed(figure.id, figure.id, error));
    }
    sample();
  }
  clearInterval(sampler);
  sample();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  figures.push({
    id: 'memory',
    title: '7 Peak memory of the core process',
    status: 'ok',
    value: measured('peak RSS (sampled)', 'MB', [peakRss / 1e6]),
    extra: {
      'maxRSS MB': Math.round(maxRssMb),
      'peak during': peakFigure,
      'MB per figure': perFigure(peakOf),
      'V8 heap in use, MB per figure': perFigure(heapOf),
      'external, MB per figure': perFigure(outsideOf),
    },
  });
  for (const figure of figures) {
    const target = targetOf(figure, spec.scale);
    if (target) figure.target = target;
  }
  return { scale: spec.scale, size: spec.size, seconds: (performance.now() - started) / 1000, figures };
}
