import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createServerDatabase, onServer } from '../../support/server-db';
import { tempDir } from '../../support/temp-db';

/**
 * `twinreg` on a registry on a PostgreSQL server (issue 15): `--db postgres://…` or DATABASE_URL,
 * never printing the password. Runs in `npm run test:unit:pg`; the SQLite run skips it.
 */
if (!onServer()) console.log('server-cli.test.ts: PostgreSQL only (npm run test:unit:pg), skipped on SQLite');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n'), all: [...out, ...err].join('\n') };
}

const withPassword = (url: string, password: string): string => {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
};

describe.skipIf(!onServer())('twinreg on a registry on PostgreSQL', () => {
  const drops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    delete process.env.DATABASE_URL;
    for (const drop of drops.splice(0)) await drop();
  });

  it('init, info and stats through --db postgres://…, the password never printed', async () => {
    const registry = await createServerDatabase();
    drops.push(registry.drop);
    const url = withPassword(registry.url, 'Heslo-Svazu-77');
    const init = await run('init', '--db', url, '--demo');
    expect(init.code).toBe(0);
    expect(init.out).toContain('Demo data loaded into postgres://');
    const info = await run('info', '--db', url, '--json');
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.out) as { database: string; counts: Record<string, number> };
    expect(parsed.database).toBe(registry.url);
    expect(parsed.counts.municipalities).toBeGreaterThan(30);
    const out = path.join(tempDir(), 'stats.json');
    const stats = await run('stats', '--db', url, '--format', 'json', '--out', out);
    expect(stats.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    for (const answer of [init, info, stats]) expect(answer.all).not.toContain('Heslo-Svazu-77');
  });

  it('takes DATABASE_URL when --db is not given', async () => {
    const registry = await createServerDatabase({ demo: true });
    drops.push(registry.drop);
    process.env.DATABASE_URL = withPassword(registry.url, 'Heslo-Svazu-77');
    const info = await run('info');
    expect(info.code).toBe(0);
    expect(info.out).toContain(`Database:       ${registry.url}`);
    expect(info.all).not.toContain('Heslo-Svazu-77');
  });

  it('refuses the file-only commands on a server in words', async () => {
    const registry = await createServerDatabase({ demo: true });
    drops.push(registry.drop);
    const backup = await run('backup', '--db', registry.url);
    expect(backup.code).toBe(1);
    expect(backup.err).toMatch(/Error \(FORBIDDEN\): This registry is on a database server.*pg_dump/);
    const check = await run('check', '--db', registry.url);
    expect(check.code).toBe(1);
    expect(check.err).toContain('is a registry on a database server');
  });
});
