import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../electron/core/db/database';
import { benchServer, measureOnServer, renderEngines, renderEnginesMarkdown } from './engines';
import { DEFAULT_SEED, SCALES, SCALE_NAMES, generateDataset, type ScaleName, type ScaleSize } from './generate';
import { renderMarkdown, renderTable, renderVerdicts, type ScaleResult } from './table';
import type { FigureResult, ScaleSpec } from './types';
import { municipalitiesCsv, writeDataset } from './write-db';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Runs per figure and scale: modest at L so that all scales finish within ten minutes. */
const DEFAULT_RUNS: Record<ScaleName, number> = { S: 5, M: 5, L: 3 };

export type BenchOptions = {
  scales: { name: ScaleName | 'custom'; size: ScaleSize }[];
  runs?: number;
  seed: number;
  browser: boolean;
  /** A renderer already built (skips the build). */
  rendererDir?: string;
  /** Only these figures (their ids); all when absent. */
  only?: string[];
  /** Measure in this process instead of one child process per scale (tests). */
  inProcess?: boolean;
  /**
   * Measure figures 1–6 on PostgreSQL beside SQLite too: on TWINREG_BENCH_DATABASE_URL, or a
   * throwaway cluster the bench starts (engines.ts). A set URL alone also does.
   */
  pg?: boolean;
  /** Where the JSON goes; null: nowhere. */
  jsonPath: string | null;
  log: (message: string) => void;
};

export type BenchReport = {
  date: string;
  command: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGB: number;
    node: string;
    platform: string;
    /** 1-minute load average when the run started and ended: how noisy the machine was. */
    loadAverage: { start: number; end: number };
  };
  seed: number;
  results: ScaleResult[];
};

const USAGE = `npm run bench [-- --scale S|M|L|all] [--runs N] [--no-browser] [--seed N] [--custom MUN,PART,ACT] [--renderer DIR] [--json FILE]
                [--only import,load,stats,agreements,export,browser,cold-start] [--pg]

Generates a registry deterministically at each scale and measures: import, loading the
Partnerships data, statistics, agreements, XLSX export, the screens in Chromium, the first start
(script bytes and time to the first rows on a new document), peak memory. --only measures just
the figures named. --pg (or TWINREG_BENCH_DATABASE_URL set) measures figures 1–6 on PostgreSQL
beside SQLite too (a throwaway cluster without a URL) and prints how many times longer each takes.
Prints one table and writes bench-results/bench-<date>.json.`;

async function buildPages(tmp: string, rendererDir: string | undefined, log: (m: string) => void) {
  const { build } = await import('vite');
  let renderer = rendererDir;
  if (!renderer) {
    renderer = path.join(tmp, 'renderer');
    log('Building the renderer …');
    await build({
      configFile: path.join(ROOT, 'renderer', 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: renderer, emptyOutDir: true },
    });
  }
  const bare = path.join(tmp, 'bare-grid');
  log('Building the bare AG Grid page …');
  await build({
    configFile: false,
    root: path.join(import.meta.dirname, 'bare-grid'),
    base: './',
    logLevel: 'warn',
    build: { outDir: bare, emptyOutDir: true, target: 'chrome130', chunkSizeWarningLimit: 4000 },
  });
  return { renderer, bare };
}

async function prepareScale(tmp: string, name: string, size: ScaleSize, seed: number, log: (m: string) => void) {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const data = generateDataset(size, seed);
  const baseDbPath = path.join(dir, 'generated.db');
  const db = await openDatabase(baseDbPath);
  try {
    await writeDataset(db.knex, data);
  } finally {
    await db.close();
  }
  const csvPath = path.join(dir, 'municipalities.csv');
  writeFileSync(csvPath, municipalitiesCsv(data));
  log(
    `${name}: generated ${size.municipalities} municipalities, ${data.towns.length} foreign towns, ${size.partnerships} partnerships, ${size.activities} activities in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { dir, baseDbPath, csvPath, needle: data.needle };
}

/**
 * The scales' worker, bundled as the app's core is bundled for Electron (build-shell.mjs: esbuild,
 * ESM, packages left to node_modules) and run by plain Node: figure 7 samples the core as it
 * ships, without the TypeScript loader. Written beside the sources (scripts/bench), so that the
 * paths the worker finds from its own folder (the floors' and the page driver's processes, the
 * resources) are the same as when it runs from source.
 */
async function bundleWorker(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(import.meta.dirname, `.worker-${String(process.pid)}.mjs`);
  await build({
    entryPoints: [path.join(import.meta.dirname, 'worker-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  return outfile;
}

/** One child process per scale, so that its peak memory is the core's at that scale alone. */
function runWorker(bundle: string, specPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(bundle, [specPath], { stdio: 'inherit', execArgv: [] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the benchmark worker exited with ${String(code)}`)),
    );
  });
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const loadAtStart = os.loadavg()[0] ?? 0;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'twinreg-bench-'));
  const results: ScaleResult[] = [];
  const server = await benchServer(options.pg ?? false, options.log);
  /** The worker's bundle, made when the first scale is measured in a child. */
  const worker: { bundle?: string } = {};
  try {
    let pages: { renderer: string; bare: string } | null = null;
    let browserUnavailable = options.browser ? undefined : 'skipped (--no-browser)';
    if (options.browser) {
      try {
        pages = await buildPages(tmp, options.rendererDir, options.log);
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error))
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '')
          .slice(0, 3)
          .join(' ');
        browserUnavailable = `the renderer does not build: ${message.slice(0, 300)}`;
        options.log(browserUnavailable);
      }
    }
    for (const { name, size } of options.scales) {
      const prepared = await prepareScale(tmp, name, size, options.seed, options.log);
      const spec: ScaleSpec = {
        scale: name,
        size,
        seed: options.seed,
        runs: options.runs ?? (name === 'custom' ? 1 : DEFAULT_RUNS[name]),
        baseDbPath: prepared.baseDbPath,
        csvPath: prepared.csvPath,
        workDir: path.join(prepared.dir, 'work'),
        needle: prepared.needle,
        resultPath: path.join(prepared.dir, 'result.json'),
        ...(pages ? { rendererDir: pages.renderer, bareGridDir: pages.bare } : {}),
        ...(browserUnavailable === undefined ? {} : { browserUnavailable }),
        ...(options.only ? { only: options.only } : {}),
      };
      mkdirSync(spec.workDir, { recursive: true });
      options.log(`${name}: measuring (${spec.runs} runs per figure) …`);
      const measure = async (scaleSpec: ScaleSpec): Promise<ScaleResult> => {
        if (options.inProcess) {
          const { runScale } = await import('./worker');
          return runScale(scaleSpec, options.log);
        }
        const specPath = `${scaleSpec.resultPath}.spec.json`;
        writeFileSync(specPath, JSON.stringify(scaleSpec));
        worker.bundle ??= await bundleWorker();
        await runWorker(worker.bundle, specPath);
        return JSON.parse(readFileSync(scaleSpec.resultPath, 'utf8')) as ScaleResult;
      };
      results.push(await measure(spec));
      options.log(`${name}: measured in ${(results[results.length - 1]?.seconds ?? 0).toFixed(0)} s`);
      if (server) {
        const workDir = path.join(prepared.dir, 'work-pg');
        mkdirSync(workDir, { recursive: true });
        const pgSpec = { ...spec, workDir, resultPath: path.join(prepared.dir, 'result-pg.json') };
        results.push(await measureOnServer(server, pgSpec, measure, options.log));
        options.log(`${name} on PostgreSQL: measured in ${(results[results.length - 1]?.seconds ?? 0).toFixed(0)} s`);
      }
      rmSync(prepared.dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    if (worker.bundle) rmSync(worker.bundle, { force: true });
    await server?.stop();
  }
  const across = agreementsAcrossScales(results);
  if (across) results.find((result) => result.scale === 'L')?.figures.push(across);
  const cpus = os.cpus();
  const report: BenchReport = {
    date: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? '',
      memoryGB: Math.round(os.totalmem() / 1e9),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
    },
    seed: options.seed,
    results,
  };
  if (options.jsonPath) {
    mkdirSync(path.dirname(options.jsonPath), { recursive: true });
    writeFileSync(options.jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    const engines = renderEnginesMarkdown(results);
    writeFileSync(
      options.jsonPath.replace(/\.json$/, '.md'),
      `${renderMarkdown(results)}\n${engines === '' ? '' : `\n${engines}\n`}`,
    );
  }
  return report;
}

/**
 * Issue 16, target 5: a document must not get slower as the registry grows. Documents per second at
 * L beside those at S of the same run (each scale in its own worker), when both were measured.
 */
function agreementsAcrossScales(results: readonly ScaleResult[]): FigureResult | null {
  const rate = (scale: string) =>
    results.find((result) => result.scale === scale)?.figures.find((f) => f.id === 'agreements' && f.status === 'ok')
      ?.value;
  const small = rate('S');
  const large = rate('L');
  if (!small || !large) return null;
  const ratio = large.median / small.median;
  return {
    id: 'agreements-growth',
    title: '4b Agreements at L beside S',
    status: 'ok',
    value: large,
    baseline: { ...small, label: 'the same documents at S' },
    ratio,
    target: { text: '≥ 0.9× S', pass: ratio >= 0.9 },
  };
}

function parseScales(scale: string | undefined, custom: string | undefined): BenchOptions['scales'] {
  if (custom !== undefined) {
    const [municipalities, partnerships, activities] = custom.split(',').map(Number);
    if (![municipalities, partnerships, activities].every((n) => Number.isInteger(n) && (n ?? 0) > 0)) {
      throw new Error('--custom needs three positive whole numbers: MUNICIPALITIES,PARTNERSHIPS,ACTIVITIES');
    }
    return [
      {
        name: 'custom',
        size: { municipalities: municipalities ?? 1, partnerships: partnerships ?? 1, activities: activities ?? 1 },
      },
    ];
  }
  const wanted = scale === undefined || scale.toLowerCase() === 'all' ? SCALE_NAMES : scale.toUpperCase().split(',');
  return wanted.map((name) => {
    if (!SCALE_NAMES.includes(name as ScaleName)) throw new Error(`Unknown scale ${name}: use S, M, L or all`);
    return { name: name as ScaleName, size: SCALES[name as ScaleName] };
  });
}

/** `--only a,b`: figure ids of the worker's list, checked before anything is generated. */
async function parseOnly(text: string): Promise<string[]> {
  const { FIGURES } = await import('./worker');
  const known = FIGURES.map((figure) => figure.id);
  const ids = text.split(',').map((id) => id.trim());
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw new Error(`--only takes figure ids (${known.join(', ')}); unknown: ${unknown.join(', ')}`);
  return ids;
}

/** The command line: `npm run bench [-- options]`. */
export async function main(argv: string[]): Promise<number> {
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      custom: { type: 'string' },
      renderer: { type: 'string' },
      json: { type: 'string' },
      'no-browser': { type: 'boolean' },
      pg: { type: 'boolean' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let options: BenchOptions;
  try {
    const runs = values.runs === undefined ? undefined : Number(values.runs);
    if (runs !== undefined && (!Number.isInteger(runs) || runs < 1))
      throw new Error('--runs must be a positive whole number');
    const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
    options = {
      scales: parseScales(values.scale, values.custom),
      seed: values.seed === undefined ? DEFAULT_SEED : Number(values.seed),
      browser: values['no-browser'] !== true,
      pg: values.pg === true,
      jsonPath: values.json ?? path.join(ROOT, 'bench-results', `bench-${stamp}.json`),
      log,
      ...(runs === undefined ? {} : { runs }),
      ...(values.renderer === undefined ? {} : { rendererDir: path.resolve(values.renderer) }),
      ...(values.only === undefined ? {} : { only: await parseOnly(values.only) }),
    };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const report = await runBench(options);
  process.stdout.write(`\n${renderTable(report.results)}\n\n${renderVerdicts(report.results)}\n`);
  const engines = renderEngines(report.results);
  if (engines !== '') process.stdout.write(`\n${engines}\n`);
  process.stdout.write(
    `\n${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.node}, load average ${report.machine.loadAverage.start.toFixed(1)} → ${report.machine.loadAverage.end.toFixed(1)}; seed ${report.seed}; ${((performance.now() - started) / 1000).toFixed(0)} s in all.\n`,
  );
  if (options.jsonPath) process.stdout.write(`Results: ${path.relative(process.cwd(), options.jsonPath)}\n`);
  return 0;
}
