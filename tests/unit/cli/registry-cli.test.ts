import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { inspectDatabase } from '../../../electron/core/db/database';
import { createServerDatabase, onServer } from '../../support/server-db';
import { tempDir } from '../../support/temp-db';

/**
 * `twinreg registry export FILE` and `twinreg registry import FILE` (issue 15 item 6), on the
 * engine of the run: registry files in `npm run test:unit`, a server too in `npm run test:unit:pg`.
 */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('twinreg registry', () => {
  const drops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop();
  });

  it('exports a registry file into a new, verified registry file, and never over an existing one', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.db');
    expect((await run('init', '--db', source, '--demo')).code).toBe(0);
    const target = path.join(dir, 'copy.db');
    const exported = await run('registry', 'export', target, '--db', source);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/Exported .*source\.db to .*copy\.db \(\d+ rows, verified\)/);
    expect(exported.out).toMatch(/municipalities\s+\d+/);
    expect((await inspectDatabase(target)).ok).toBe(true);
    const again = await run('registry', 'export', target, '--db', source);
    expect(again.code).toBe(2);
    expect(again.err).toContain('exists already');
    expect((await run('registry', 'copy', target, '--db', source)).code).toBe(2);
  });

  it('refuses to import into a registry file, saying how to go back there (restore)', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.db');
    expect((await run('init', '--db', source, '--demo')).code).toBe(0);
    const target = path.join(dir, 'target.db');
    expect((await run('init', '--db', target)).code).toBe(0);
    const refused = await run('registry', 'import', source, '--db', target);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Error \(FORBIDDEN\): This registry is a file.*restore/);
  });

  it.skipIf(!onServer())('moves a registry file onto an empty server registry and refuses a second time', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.db');
    expect((await run('init', '--db', source, '--demo')).code).toBe(0);
    const registry = await createServerDatabase();
    drops.push(registry.drop);
    const imported = await run('registry', 'import', source, '--db', registry.url);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/Imported source\.db into postgres:\/\/.* \(\d+ rows, verified\)/);
    const again = await run('registry', 'import', source, '--db', registry.url);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/Error \(CONFLICT\): The registry on the server is not empty \(.*municipalities: \d+/);
    const back = path.join(dir, 'back.db');
    expect((await run('registry', 'export', back, '--db', registry.url)).code).toBe(0);
    expect((await inspectDatabase(back)).ok).toBe(true);
  });
});
