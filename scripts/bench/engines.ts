import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import { openDatabase } from '../../electron/core/db/database';
import { importRegistry } from '../../electron/core/db/registry-copy';
import type { ScaleResult } from './table';
import type { FigureResult, ScaleSpec } from './types';

/**
 * The benchmark on PostgreSQL beside SQLite (issue 15 item 8, issue 16 item 9): the same
 * generated registry, copied into a server database with "Import registry from a file", measured
 * by the same figures through the same dispatch. The server is `TWINREG_BENCH_DATABASE_URL` (a
 * maintenance database whose role may create databases) or, with `--pg` and no URL, a throwaway
 * cluster the bench starts itself (as .ci/run does for the tests) and removes at the end.
 */

/** The figures measured on both engines: 1–5 and the screens (6c among them). */
export const SERVER_FIGURES = ['import', 'load', 'stats', 'agreements', 'export', 'browser'] as const;

/** The figures whose engines are compared, in the order of the table. */
const COMPARED = [
  'import',
  'load-partnerships',
  'load-members',
  'stats',
  'stats-export',
  'agreements',
  'export-xlsx',
  'browser-open-first',
] as const;

export type BenchServer = { adminUrl: string; stop: () => Promise<void> };

const adminKnex = (url: string): Knex =>
  knex({ client: 'pg', connection: { connectionString: url }, pool: { min: 0, max: 1 } });

/** The URL of another database on the same server. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/** Debian's newest PostgreSQL binaries (`/usr/lib/postgresql/<version>/bin`), or null. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest === undefined ? null : path.join(root, newest, 'bin');
}

/** Starts a throwaway cluster on 127.0.0.1 (as the postgres user when run as root: initdb refuses root). */
async function startCluster(log: (message: string) => void): Promise<BenchServer> {
  const bin = postgresBin();
  if (bin === null)
    throw new Error(
      '--pg needs PostgreSQL (Debian: apt-get install postgresql) or TWINREG_BENCH_DATABASE_URL naming a server',
    );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'twinreg-bench-pg-'));
  const root = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = root
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]]
      : [path.join(bin, command), args];
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  // A throwaway cluster: no fsync (as the tests' cluster; the figures compare engines, not disks).
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${String(port)} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  ]);
  log(`PostgreSQL: a throwaway cluster on 127.0.0.1:${String(port)} (${path.basename(path.dirname(bin))})`);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${String(port)}/postgres`,
    stop: () => {
      const [file, argv] = root
        ? ['runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', 'stop']]
        : [path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']];
      spawnSync(file, argv, { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/**
 * The server the bench measures on: `TWINREG_BENCH_DATABASE_URL` when set, else with `--pg` a
 * throwaway cluster; null when neither (SQLite only).
 */
export async function benchServer(pg: boolean, log: (message: string) => void): Promise<BenchServer | null> {
  const url = process.env.TWINREG_BENCH_DATABASE_URL;
  if (url !== undefined && url !== '') {
    const parsed = new URL(url);
    parsed.password = '';
    log(`PostgreSQL: ${parsed.toString()}`);
    return { adminUrl: url, stop: () => Promise.resolve() };
  }
  return pg ? startCluster(log) : null;
}

async function createDatabase(adminUrl: string, name: string, template: string): Promise<void> {
  const db = adminKnex(adminUrl);
  try {
    await db.raw("create database ?? encoding 'UTF8' template ??", [name, template]);
  } finally {
    await db.destroy();
  }
}

/** Drops every database whose name starts with `prefix` (also those a failed figure left). */
async function dropDatabases(adminUrl: string, prefix: string): Promise<void> {
  const db = adminKnex(adminUrl);
  try {
    const rows = await db.select<{ datname: string }[]>('datname').from('pg_database');
    for (const { datname } of rows)
      if (datname.startsWith(prefix)) await db.raw('drop database if exists ?? with (force)', [datname]);
  } finally {
    await db.destroy();
  }
}

/** Where a worker on the server makes its databases: copies of the two templates. */
export type ServerSpec = { adminUrl: string; prefix: string; dataTemplate: string; emptyTemplate: string };

/** A new database copied from a template (milliseconds: the server copies files). */
export async function copyDatabase(server: ServerSpec, template: string, name: string): Promise<string> {
  const database = `${server.prefix}${name.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
  await createDatabase(server.adminUrl, database, template);
  return databaseUrl(server.adminUrl, database);
}

/**
 * Measures one scale on the server: the generated registry (the SQLite file the SQLite figures
 * used) becomes a template database through "Import registry from a file", an empty migrated
 * registry the other template; `measure` runs the worker on that spec. Every database of the
 * scale is dropped afterwards.
 */
export async function measureOnServer(
  server: BenchServer,
  spec: ScaleSpec,
  measure: (spec: ScaleSpec) => Promise<ScaleResult>,
  log: (message: string) => void,
): Promise<ScaleResult> {
  const prefix = `twinreg_bench_${String(process.pid)}_${spec.scale.toLowerCase()}_`;
  const serverSpec: ServerSpec = {
    adminUrl: server.adminUrl,
    prefix,
    dataTemplate: `${prefix}template_data`,
    emptyTemplate: `${prefix}template_empty`,
  };
  try {
    const started = performance.now();
    await createDatabase(server.adminUrl, serverSpec.emptyTemplate, 'template0');
    const empty = await openDatabase(databaseUrl(server.adminUrl, serverSpec.emptyTemplate));
    await empty.close();
    await createDatabase(server.adminUrl, serverSpec.dataTemplate, serverSpec.emptyTemplate);
    const data = await openDatabase(databaseUrl(server.adminUrl, serverSpec.dataTemplate));
    try {
      await importRegistry(data.knex, spec.baseDbPath, () => Promise.resolve());
    } finally {
      await data.close();
    }
    log(`${spec.scale} on PostgreSQL: registry imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const only = spec.only ? SERVER_FIGURES.filter((id) => spec.only?.includes(id)) : [...SERVER_FIGURES];
    const result = await measure({ ...spec, only, server: serverSpec });
    return { ...result, engine: 'postgres' };
  } finally {
    await dropDatabases(server.adminUrl, prefix);
  }
}

/** How much longer a figure takes on PostgreSQL than on SQLite (rates are turned into times). */
export function engineRatio(sqlite: FigureResult, postgres: FigureResult): number | null {
  if (sqlite.status !== 'ok' || postgres.status !== 'ok' || !sqlite.value || !postgres.value) return null;
  const rate = sqlite.value.unit.endsWith('/s');
  const ratio = rate ? sqlite.value.median / postgres.value.median : postgres.value.median / sqlite.value.median;
  return Number.isFinite(ratio) ? ratio : null;
}

const median = (figure: FigureResult | undefined): string =>
  figure?.status === 'ok' && figure.value
    ? `${figure.value.median.toLocaleString('en-US', { maximumFractionDigits: figure.value.median >= 100 ? 0 : 1 })} ${figure.value.unit}`
    : (figure?.status ?? '—');

/** The rows of the engines' comparison: each compared figure at each scale measured on both. */
export function engineRows(results: readonly ScaleResult[]): string[][] {
  const rows: string[][] = [];
  for (const sqlite of results.filter((result) => (result.engine ?? 'sqlite') === 'sqlite')) {
    const postgres = results.find((result) => result.engine === 'postgres' && result.scale === sqlite.scale);
    if (!postgres) continue;
    for (const id of COMPARED) {
      const a = sqlite.figures.find((figure) => figure.id === id);
      const b = postgres.figures.find((figure) => figure.id === id);
      if (!a || !b) continue;
      const ratio = engineRatio(a, b);
      rows.push([a.title, sqlite.scale, median(a), median(b), ratio === null ? '' : `${ratio.toFixed(2)}×`]);
    }
  }
  return rows;
}

const HEADER = ['Figure', 'Scale', 'SQLite (median)', 'PostgreSQL (median)', 'PG/SQLite (time)'];

/** The comparison as a text table (empty when no scale ran on both engines). */
export function renderEngines(results: readonly ScaleResult[]): string {
  const rows = engineRows(results);
  if (rows.length === 0) return '';
  const widths = HEADER.map((title, index) => Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((text, index) => text.padEnd(widths[index] ?? 0))
      .join(' | ')
      .trimEnd();
  return [
    'PostgreSQL beside SQLite (PG/SQLite: how many times longer on PostgreSQL; rates as times):',
    line(HEADER),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map(line),
  ].join('\n');
}

/** The same comparison as Markdown (for docs/performance.md). */
export function renderEnginesMarkdown(results: readonly ScaleResult[]): string {
  const rows = engineRows(results);
  if (rows.length === 0) return '';
  return [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
