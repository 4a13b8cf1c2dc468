import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { openKnex } from '../../../electron/core/db/connection';
import { tempDir } from '../../support/temp-db';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `twinreg towns link-gazetteer`: the Settings section's links on the command line. */
describe('twinreg towns link-gazetteer', () => {
  it('lists the towns with --dry-run and writes nothing, links them without it, and links nothing the second time', async () => {
    const db = path.join(tempDir(), 'towns.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const linked = async () => {
      const knex = openKnex(db);
      try {
        const [row] = await knex('foreign_towns').whereNotNull('geonames_id').count<{ n: number }[]>({ n: '*' });
        return Number(row?.n ?? 0);
      } finally {
        await knex.destroy();
      }
    };
    const before = await linked();
    const dry = await run('towns', 'link-gazetteer', '--db', db, '--dry-run', '--lang', 'en');
    expect(dry.code).toBe(0);
    const count = Number(/Can be linked: (\d+)/.exec(dry.out)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(dry.out).toMatch(/^ {2}Augsburg \(Germany\) {2}0\.1 km {2}geonames 2954172 {2}300,000 kept$/m);
    expect(dry.out).toContain('Dry run: nothing was written.');
    expect(await linked()).toBe(before);

    const done = await run('towns', 'link-gazetteer', '--db', db);
    expect(done.code).toBe(0);
    expect(done.out).toContain(`Propojeno měst: ${String(count)} `);
    expect(await linked()).toBe(before + count);

    const again = await run('towns', 'link-gazetteer', '--db', db);
    expect(again.out).toContain('Lze propojit: 0');
    expect(again.out).toContain('Nic se nepropojilo');
    expect(await linked()).toBe(before + count);
  });

  it('says the one action it knows', async () => {
    const wrong = await run('towns', 'link', '--db', path.join(tempDir(), 'x.db'));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('towns link-gazetteer');
  });
});
