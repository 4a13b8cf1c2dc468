import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import knex from 'knex';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { tempDir } from '../../support/temp-db';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('twinreg agreement', () => {
  it('writes a DOCX, prints the missing data, refuses to overwrite without --force', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const out = path.join(dir, 'agreement.docx');
    const first = await run('agreement', '--db', db, '--partnership', '1', '--lang', 'de', '--out', out);
    expect(first.code).toBe(0);
    expect(first.out).toContain(out);
    expect(first.err).toMatch(/Warning: missing mayor's name/);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const size = statSync(out).size;

    const again = await run('agreement', '--db', db, '--partnership', '1', '--out', out, '--layout', 'sequential');
    expect(again.code).toBe(1);
    expect(again.err).toContain('--force');
    expect(statSync(out).size).toBe(size);

    const forced = await run(
      'agreement',
      '--db',
      db,
      '--partnership',
      '1',
      '--out',
      out,
      '--layout',
      'sequential',
      '--force',
    );
    expect(forced.code).toBe(0);
    expect(existsSync(out)).toBe(true);

    expect((await run('agreement', '--db', db, '--partnership', '1', '--lang', 'xx')).code).toBe(2);
    expect((await run('agreement', '--db', db)).code).toBe(2);
    expect((await run('agreement', '--db', db, '--partnership', '99999', '--out', out, '--force')).code).toBe(1);
  });

  it('an impossible date stored in the registry gives a draft and a readable warning, not a validation dump', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const direct = knex({ client: 'sqlite3', connection: { filename: db }, useNullAsDefault: true });
    try {
      await direct('partnerships').where({ id: 1 }).update({ partner_resolution_date: '2024-13-45' });
    } finally {
      await direct.destroy();
    }
    const out = path.join(dir, 'a.docx');
    const result = await run('agreement', '--db', db, '--partnership', '1', '--out', out);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/Warning: missing resolution date/);
    expect(result.err).not.toContain('validation.date');
    expect(existsSync(out)).toBe(true);
  });
});
