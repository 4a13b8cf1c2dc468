import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { openDatabase } from '../../../electron/core/db/database';
import { tempDir } from '../../support/temp-db';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Who the import history and the audit log name for the imports so far. */
async function recordedActors(db: string): Promise<{ runs: string[]; audit: string[] }> {
  const database = await openDatabase(db);
  try {
    const runs = await database.knex('import_runs').orderBy('id').pluck<string[]>('actor');
    const audit = await database.knex('audit_log').distinct().pluck<string[]>('actor');
    return { runs, audit };
  } finally {
    await database.close();
  }
}

// Walkthrough 20, finding 14: imports run on the command line were recorded as the app's user
// taken from the registry's preferences file, who never touched the files.
describe('twinreg import records who ran it', () => {
  const dir = tempDir();
  const db = path.join(dir, 'actor.db');
  writeFileSync(`${db}.preferences.json`, JSON.stringify({ actorName: 'Jana Nováková', welcomed: true }));
  const mapping = path.join(dir, 'mapping.json');
  writeFileSync(mapping, JSON.stringify({ code: 'Kód', name: 'Název' }));
  const file = (name: string, rows: string) => {
    const target = path.join(dir, name);
    writeFileSync(target, `Kód;Název\r\n${rows}`);
    return target;
  };

  it('names the operating system user, never the app user of the preferences file', async () => {
    const done = await run(
      'import',
      'municipalities',
      file('a.csv', '554782;Praha\r\n'),
      '--db',
      db,
      '--mapping',
      mapping,
    );
    expect(done.code, done.err).toBe(0);
    const { runs, audit } = await recordedActors(db);
    expect(runs).toEqual([os.userInfo().username]);
    expect(audit).toEqual([os.userInfo().username]);
    expect(audit).not.toContain('Jana Nováková');
  });

  it('names --actor NAME when given, in the import history, the audit log and an undo', async () => {
    const done = await run(
      'import',
      'municipalities',
      file('b.csv', '582786;Brno\r\n'),
      '--db',
      db,
      '--mapping',
      mapping,
      '--actor',
      'Petr Svoboda (skript)',
    );
    expect(done.code, done.err).toBe(0);
    expect((await recordedActors(db)).runs).toEqual([os.userInfo().username, 'Petr Svoboda (skript)']);
    const history = await run('import', 'history', '--db', db, '--json');
    const latest = (JSON.parse(history.out) as { id: number; actor: string }[]).find(
      (r) => r.actor === 'Petr Svoboda (skript)',
    );
    expect(latest).toBeDefined();
    const undo = await run('import', 'undo', String(latest?.id), '--db', db, '--actor', 'Eva Malá');
    expect(undo.code, undo.err).toBe(0);
    const { audit } = await recordedActors(db);
    expect(audit).toContain('Eva Malá');
    expect(audit).not.toContain('Jana Nováková');
  });

  it('refuses an empty --actor and says the option in --help', async () => {
    const empty = await run('import', 'municipalities', file('c.csv', '554782;Praha\r\n'), '--db', db, '--actor', ' ');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('--actor needs a name');
    const help = await run('import', '--help');
    expect(help.out).toContain('--actor NAME');
    expect(help.out).toContain('operating system user');
  });
});
