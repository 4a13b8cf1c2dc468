import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { backupPath, listBackups } from '../../../electron/core/db/backups';
import { openDatabase } from '../../../electron/core/db/database';
import { formatBackupMoment } from '../../../shared/i18n/backup-label';
import { tempDir } from '../../support/temp-db';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const count = async (db: string) => {
  const database = await openDatabase(db);
  try {
    return Number((await database.knex('municipalities').count<{ n: number }[]>({ n: '*' }))[0]?.n);
  } finally {
    await database.close();
  }
};

describe('twinreg import / backup / check', () => {
  const dir = tempDir();
  const db = path.join(dir, 'cli.db');
  const file = path.join(dir, 'obce.csv');
  writeFileSync(file, 'Kód;Název;Okres\r\n554782;Praha;x\r\n5547;Krátký;x\r\n582786;Brno;x\r\n');
  const reportFile = path.join(dir, 'report.txt');
  const mapping = path.join(dir, 'mapping.json');
  writeFileSync(mapping, JSON.stringify({ code: 'Kód', name: 'Název' }));

  it('without a mapping names the columns and exits 1; --dry-run prints the report and writes nothing', async () => {
    const unmapped = await run('import', 'municipalities', file, '--db', db, '--lang', 'en');
    expect(unmapped.code).toBe(1);
    expect(unmapped.err).toContain('Kód | Název | Okres');
    // It says how to map the columns, with the mapping the screen would propose (walkthrough 20).
    expect(unmapped.err).toContain('Map the columns with a file --mapping FILE.json');
    const suggested = unmapped.err.slice(unmapped.err.lastIndexOf('{\n'));
    expect(JSON.parse(suggested)).toMatchObject({ code: 'Kód', name: 'Název' });
    const dry = await run(
      'import',
      'municipalities',
      file,
      '--db',
      db,
      '--mapping',
      mapping,
      '--dry-run',
      '--lang',
      'en',
      '--report',
      reportFile,
    );
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/To add\s+2/);
    expect(dry.out).toContain('1× [Kód] error – row not imported: “5547” is not a 6-digit municipality code (line 3)');
    // The full list is in the report file, one problem per line.
    expect(readFileSync(reportFile, 'utf8')).toContain(
      '3 [Kód] error – row not imported: “5547” is not a 6-digit municipality code',
    );
    expect(dry.out).toContain(`The full list of problems: ${reportFile}`);
    expect(await count(db)).toBe(0);
    // The report file exists now: refused before anything is imported, unless --force.
    writeFileSync(reportFile, 'my notes');
    const args = ['import', 'municipalities', file, '--db', db, '--mapping', mapping, '--report', reportFile];
    const refused = await run(...args);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`The file already exists: ${reportFile} (use --force to replace it)`);
    expect(readFileSync(reportFile, 'utf8')).toBe('my notes');
    expect(await count(db)).toBe(0);
    const forced = await run(...args, '--dry-run', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(reportFile, 'utf8')).toContain('5547');
  });

  it('imports in Czech, then a second run changes nothing and says so', async () => {
    const first = await run('import', 'municipalities', file, '--db', db, '--mapping', mapping);
    expect(first.code).toBe(0);
    expect(first.out).toContain('1× [Kód] chyba – řádek se neimportuje: „5547“ není šestimístný kód obce (řádek 3)');
    expect(first.out).toContain('Import dokončen. Přidáno: 2, ');
    expect(await count(db)).toBe(2);
    const second = await run('import', 'municipalities', file, '--db', db, '--mapping', mapping, '--lang', 'en');
    expect(second.out).toContain('The file brought nothing new; the database did not change.');
  });

  it('the last line counts the values left out with a warning (walkthrough 25, finding 10)', async () => {
    const partnerships = path.join(dir, 'partneri.csv');
    writeFileSync(
      partnerships,
      [
        'kod1;lat1;lon1;obec1;stat1;kod2;lat2;lon2;obec2;stat2;rok',
        'S-554782;50.08;14.42;Praha;Česká republika;F-1;48.2;16.37;Wien;Rakousko;0',
        'S-582786;49.19;16.61;Brno;Česká republika;F-2;48.21;16.37;Wien;Rakousko;1998',
      ].join('\r\n'),
    );
    const target = path.join(dir, 'left-out.db');
    expect((await run('import', 'municipalities', file, '--db', target, '--mapping', mapping)).code).toBe(0);
    const czech = await run('import', 'partnerships', partnerships, '--db', target);
    expect(czech.code).toBe(0);
    const lines = czech.out.split('\n');
    const done = lines.findIndex((line) => line.startsWith('Import dokončen.'));
    expect(lines[done + 1]).toBe(
      '1 hodnota byla vynechána s upozorněním. Jsou vypsány výše mezi upozorněními (řádek, sloupec, důvod).',
    );
    const other = path.join(dir, 'left-out-en.db');
    expect((await run('import', 'municipalities', file, '--db', other, '--mapping', mapping)).code).toBe(0);
    const english = await run('import', 'partnerships', partnerships, '--db', other, '--lang', 'en');
    expect(english.out).toContain(
      '1 value was left out with a warning. They are listed above among the warnings (line, column, reason).',
    );
  });

  it('the last lines count the rows not imported and name a day the calendar lacks (walkthrough 27, 3 and 6)', async () => {
    // One invalid municipality row (a 5-digit code): said after "Import dokončen", not only above.
    const target = path.join(dir, 'not-imported.db');
    const members = await run('import', 'municipalities', file, '--db', target, '--mapping', mapping);
    expect(members.code).toBe(0);
    const memberLines = members.out.split('\n');
    const memberDone = memberLines.findIndex((line) => line.startsWith('Import dokončen.'));
    expect(memberDone).toBeGreaterThan(-1);
    expect(memberLines[memberDone + 1]).toBe(
      '1 řádek se kvůli chybě neimportoval. Je vypsán výše mezi chybami (řádek, sloupec, důvod).',
    );
    // Partnerships: two rows of unknown countries (not imported), one start on 31 February (left out).
    const partnerships = path.join(dir, 'partneri-27.csv');
    writeFileSync(
      partnerships,
      [
        'Kód obce;Obec;Partnerské město;Stát;Datum zahájení',
        '554782;Praha;Mödling;Rakousko;2004',
        '582786;Brno;Żywiec;Polsko;31. 2. 2010',
        '554782;Praha;Kraków;Polská lidová republika;5/2015',
        '582786;Brno;Gdańsk;Prusko;2001',
      ].join('\r\n'),
    );
    const columns = path.join(dir, 'partneri-27.json');
    writeFileSync(
      columns,
      JSON.stringify({
        municipalityCode: 'Kód obce',
        municipalityName: 'Obec',
        townName: 'Partnerské město',
        country: 'Stát',
        startedOn: 'Datum zahájení',
      }),
    );
    const czech = await run('import', 'partnerships', partnerships, '--db', target, '--mapping', columns);
    expect(czech.code).toBe(0);
    expect(czech.out).toContain('„31. 2. 2010“: takový den neexistuje (únor 2010 má 28 dní)');
    const lines = czech.out.split('\n');
    const done = lines.findIndex((line) => line.startsWith('Import dokončen. Přidáno: 2,'));
    expect(done).toBeGreaterThan(-1);
    expect(lines.slice(done + 1, done + 3)).toEqual([
      '2 řádky se kvůli chybám neimportovaly. Jsou vypsány výše mezi chybami (řádek, sloupec, důvod).',
      '1 hodnota byla vynechána s upozorněním. Jsou vypsány výše mezi upozorněními (řádek, sloupec, důvod).',
    ]);
    const other = path.join(dir, 'not-imported-en.db');
    expect((await run('import', 'municipalities', file, '--db', other, '--mapping', mapping)).code).toBe(0);
    const english = await run(
      'import',
      'partnerships',
      partnerships,
      '--db',
      other,
      '--mapping',
      columns,
      '--lang',
      'en',
    );
    expect(english.out).toContain('“31. 2. 2010”: there is no such day (February 2010 has 28 days)');
    expect(english.out).toContain(
      '2 rows were not imported because of errors. They are listed above among the errors (line, column, reason).',
    );
    // A second run adds nothing, yet the invalid rows are still said after "nothing new".
    const again = await run(
      'import',
      'partnerships',
      partnerships,
      '--db',
      other,
      '--mapping',
      columns,
      '--lang',
      'en',
    );
    const againLines = again.out.split('\n');
    const nothing = againLines.indexOf('The file brought nothing new; the database did not change.');
    expect(nothing).toBeGreaterThan(-1);
    expect(againLines[nothing + 1]).toBe(
      '2 rows were not imported because of errors. They are listed above among the errors (line, column, reason).',
    );
  });

  it('the last lines name the backup by its time and kind, then the towns it could not place (walkthrough 27, 5 and 8)', async () => {
    const target = path.join(dir, 'last-words.db');
    expect((await run('import', 'municipalities', file, '--db', target, '--mapping', mapping)).code).toBe(0);
    const partnerships = path.join(dir, 'partneri-j.csv');
    writeFileSync(
      partnerships,
      [
        'Kód obce;Obec;Partnerské město;Stát;Zeměpisná šířka;Zeměpisná délka',
        '554782;Praha;Mödling;Rakousko;;',
        '582786;Brno;Żywiec;Polsko;;',
        '582786;Brno;Brzeg;Polsko;50.8608509;17.4668311',
      ].join('\r\n'),
    );
    const columns = path.join(dir, 'partneri-j.json');
    writeFileSync(
      columns,
      JSON.stringify({
        municipalityCode: 'Kód obce',
        municipalityName: 'Obec',
        townName: 'Partnerské město',
        country: 'Stát',
        townLatitude: 'Zeměpisná šířka',
        townLongitude: 'Zeměpisná délka',
      }),
    );
    const czech = await run('import', 'partnerships', partnerships, '--db', target, '--mapping', columns);
    expect(czech.code).toBe(0);
    const backups = (await listBackups(target)).filter((b) => b.reason === 'import');
    expect(backups).toHaveLength(2);
    const backup = backups[0];
    if (!backup) throw new Error('no backup before the import');
    const lines = czech.out.split('\n');
    const done = lines.findIndex((line) => line.startsWith('Import dokončen. Přidáno: 3,'));
    expect(done).toBeGreaterThan(-1);
    expect(lines.slice(done + 1)).toEqual([
      `Stav před importem je v záloze pořízené ${formatBackupMoment(backup.createdAt, 'cs')} (před importem partneri-j.csv). [soubor ${backupPath(target, backup.name)}]`,
      '2 partnerská města přidaná importem nemají souřadnice ani propojení s místopisným rejstříkem (Mödling, Żywiec). Doplňte je na kartě města (Partnerství ▸ město).',
    ]);
    // The time as the window shows it ("7. 12. 2026 20:29"), not the file's stamp.
    expect(lines[done + 1]).toMatch(/ pořízené \d{1,2}\. \d{1,2}\. \d{4} \d{1,2}:\d{2} \(před importem/);
    expect(existsSync(backupPath(target, backup.name))).toBe(true);

    // In English, on a registry of its own; a second run adds nothing and names no backup nor town.
    const other = path.join(dir, 'last-words-en.db');
    expect((await run('import', 'municipalities', file, '--db', other, '--mapping', mapping)).code).toBe(0);
    const args = ['import', 'partnerships', partnerships, '--db', other, '--mapping', columns, '--lang', 'en'];
    const english = (await run(...args)).out.split('\n');
    expect(english.at(-2)).toMatch(
      /^The state before the import is in the backup of \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} \(before importing partneri-j\.csv\)\. \[file .+-import-.+\.db\]$/,
    );
    expect(english.at(-1)).toBe(
      '2 partner towns added by the import have no coordinates and no link to the gazetteer (Mödling, Żywiec). Fill their locations in on each town’s card (Partnerships ▸ the town).',
    );
    const again = (await run(...args)).out.split('\n');
    expect(again.at(-1)).toBe('The file brought nothing new; the database did not change.');
  });

  it('history lists the imports; undo takes one back as a whole, once', async () => {
    const history = await run('import', 'history', '--db', db, '--json');
    const runs = JSON.parse(history.out) as { id: number; changed: boolean; undoable: boolean }[];
    const changed = runs.find((r) => r.changed);
    if (!changed) throw new Error('no import changed the registry');
    expect(changed.undoable).toBe(true);
    const undone = await run('import', 'undo', String(changed.id), '--db', db);
    expect(undone.code).toBe(0);
    expect(undone.out).toContain(
      'Import souboru obce.csv byl vrácen. Odstraněno – obce: 2, partnerství: 0, zahraniční města: 0; obnovené záznamy: 0.',
    );
    // Its backup by time and kind, as Settings ▸ Backups lists it, then the file for the command line.
    expect(undone.out).toMatch(
      /^Stav před vrácením je v záloze pořízené \d{1,2}\. \d{1,2}\. \d{4} \d{1,2}:\d{2} \(před vrácením importu obce\.csv\)\. \[soubor .+-unimport-.+\.db\]$/m,
    );
    expect(await count(db)).toBe(0);
    const again = await run('import', 'undo', String(changed.id), '--db', db, '--lang', 'en');
    expect(again).toMatchObject({ code: 1, err: 'This import has been undone already.' });
    expect((await run('import', 'history', '--db', db, '--lang', 'en')).out).toContain('(undone ');
    // The file imports again as new.
    expect((await run('import', 'municipalities', file, '--db', db, '--mapping', mapping)).code).toBe(0);
    expect(await count(db)).toBe(2);
  });

  it('a bad file gives a clear message in the chosen language', async () => {
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const result = await run('import', 'partnerships', empty, '--db', db, '--lang', 'en');
    expect(result.code).toBe(1);
    expect(result.err).toContain('The file empty.csv is empty.');
  });

  it('backup makes a verified copy; check tells a sound file from a damaged one', async () => {
    const backup = await run('backup', '--db', db);
    expect(backup.code).toBe(0);
    expect(backup.out).toContain('verified');
    expect((await run('check', '--db', db)).code).toBe(0);
    const bad = path.join(dir, 'bad.db');
    writeFileSync(bad, 'not a database at all');
    const check = await run('check', '--db', bad);
    expect(check.code).toBe(1);
    expect(check.err).toContain('not an SQLite database');
  });

  it('a file whose every row is refused says so and exits 1, changing nothing (walkthrough 20)', async () => {
    const bad = path.join(dir, 'vse-spatne.csv');
    writeFileSync(bad, 'Kód;Název;Okres\r\n5547;Krátký;x\r\n;;\r\nabc;Jiný;x\r\n');
    const before = await count(db);
    const result = await run('import', 'municipalities', bad, '--db', db, '--mapping', mapping, '--lang', 'en');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/Rows in the file\s+2/);
    expect(result.err).toContain('No row of the file is valid (invalid rows: 2); the database did not change.');
    expect(result.out).not.toContain('nothing new');
    expect(await count(db)).toBe(before);
  });
});
