import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callCore } from '../../../electron/cli/call-core';
import { main } from '../../../electron/cli/main';
import { openForCli } from '../../../electron/cli/open-context';
import { tempDir } from '../../support/temp-db';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * `twinreg import undo ID --untouched`: the command line's door to the partial undo the Settings
 * screen offers as a button (import:undo { untouchedOnly }). A refused undo names the option; the
 * partial undo says what it removed and which records it kept, with who changed them.
 */
describe('twinreg import undo --untouched', () => {
  const dir = tempDir();
  const db = path.join(dir, 'undo.db');
  const file = path.join(dir, 'obce.csv');
  writeFileSync(file, 'Kód;Název\r\n554782;Praha\r\n582786;Brno\r\n');
  const mapping = path.join(dir, 'mapping.json');
  writeFileSync(mapping, JSON.stringify({ code: 'Kód', name: 'Název' }));

  const names = async () => {
    const ctx = await openForCli(db, { mustExist: true });
    try {
      return (await ctx.db.knex('municipalities').orderBy('code').pluck<string[]>('name')).join(', ');
    } finally {
      await ctx.close();
    }
  };

  it('a refused undo names the option; --untouched removes the rest and names what it kept', async () => {
    expect((await run('import', 'municipalities', file, '--db', db, '--mapping', mapping)).code).toBe(0);
    const runs = JSON.parse((await run('import', 'history', '--db', db, '--json')).out) as { id: number }[];
    const id = runs[0]?.id;
    if (id === undefined) throw new Error('no import in the history');

    // A colleague renames Brno after the import: that record is worked on and must stay.
    const ctx = await openForCli(db, { mustExist: true, actor: 'Petr Svoboda' });
    try {
      const brno = await ctx.db
        .knex('municipalities')
        .where({ code: '582786' })
        .first<{ id: number; version: number }>('id', 'version');
      await callCore(ctx, 'municipalities:update', {
        id: brno.id,
        version: brno.version,
        patch: { name: 'Brno-město' },
      });
    } finally {
      await ctx.close();
    }

    const refused = await run('import', 'undo', String(id), '--db', db, '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('The import cannot be undone; the registry is unchanged.');
    expect(refused.err).toContain('Brno-město (582786) – Petr Svoboda, ');
    expect(refused.err).toContain(
      `The records nobody changed (1) can be undone on their own, leaving the others as they are: twinreg import undo ${String(id)} --untouched`,
    );
    expect(await names()).toBe('Praha, Brno-město');

    const partial = await run('import', 'undo', String(id), '--db', db, '--untouched');
    expect(partial.err).toBe('');
    expect(partial.code).toBe(0);
    expect(partial.out).toContain(
      'Import souboru obce.csv byl vrácen zčásti. Odstraněno – obce: 1, partnerství: 0, zahraniční města: 0; obnovené záznamy: 0; ponechané záznamy: 1.',
    );
    expect(partial.out).toContain('Ponechané záznamy (od importu změněné nebo s navazujícími údaji), celkem 1:');
    expect(partial.out).toMatch(/^ {2}Brno-město \(582786\) – Petr Svoboda, \d{4}-/m);
    expect(partial.out).toMatch(
      /^Stav před vrácením je v záloze pořízené .+ \(před vrácením importu obce\.csv\)\. \[soubor /m,
    );
    // Praha nobody touched is gone; Brno keeps the colleague's name.
    expect(await names()).toBe('Brno-město');
    expect((await run('import', 'history', '--db', db, '--lang', 'en')).out).toContain('partly undone');

    // Once undone (even partly), the import is not undone again.
    const again = await run('import', 'undo', String(id), '--db', db, '--untouched', '--lang', 'en');
    expect(again).toMatchObject({ code: 1, err: 'This import has been undone already.' });
  });

  it('--untouched belongs to undo', async () => {
    const wrong = await run('import', 'history', '--db', db, '--untouched');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--untouched goes with import undo ID');
  });
});
