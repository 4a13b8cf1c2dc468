import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { startWebServer } from '../../../electron/cli/web-server';
import {
  removeOrphanedTemporaries,
  resolveStaticPath,
  writeAtomically,
  writeFileAtomically,
} from '../../../electron/core/files';
import { openDatabase } from '../../../electron/core/db/database';
import { openKnex } from '../../../electron/core/db/connection';
import { resolveUpload, saveUpload } from '../../../electron/core/services/import/uploads';
import { computeStats } from '../../../electron/core/services/statistics/statistics-service';
import { writeStatsFile } from '../../../electron/core/services/statistics/stats-export-service';
import JSZip from 'jszip';
import type { ImportReport } from '../../../shared/domain/import/report';
import { IMPORT_LIMITS, declaredUnpackedSize, readSourceBytes } from '../../../electron/core/services/import/read-file';
import { CSU_HEADER, csuRows, encodeSingleByte, encodeWindows1250, toCsv } from '../../support/import-corpus';
import { createAppContext, noDialogs } from '../../../electron/core/context';
import { createDispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import { createMemoryPreferences } from '../../../electron/core/preferences-file';
import { RESOURCES_DIR, createTestApp, ok, tempDir, type TestApp } from '../../support/temp-db';
import { fileOnly } from '../../support/server-db';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const mode = (file: string) => statSync(file).mode & 0o777;

/** A small municipalities CSV in a folder; returns its path. */
const csvOf = (dir: string): string => {
  const file = path.join(dir, 'obce.csv');
  writeFileSync(file, toCsv([CSU_HEADER, ...csuRows(600)], ';'));
  return file;
};

/** A 1 MB tmpfs, so that a write really meets a full disk; null (with the reason) where mounting is not allowed. */
function smallDisk(): { dir: string; reason: null } | { dir: null; reason: string } {
  const dir = tempDir('twinreg-full-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    return { dir, reason: null };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { dir: null, reason: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) };
  }
}

/**
 * Runs `body` with a fresh 1 MB tmpfs mounted, unmounted afterwards; skips the test with the
 * printed reason where mounting is not allowed.
 */
async function onSmallDisk(context: { skip: () => void }, body: (dir: string) => Promise<void>): Promise<void> {
  const small = smallDisk();
  if (!small.dir) {
    console.log(`Skipped: cannot mount a small tmpfs here (${small.reason})`);
    context.skip();
    return;
  }
  try {
    await body(small.dir);
  } finally {
    execFileSync('umount', [small.dir]);
  }
}

describe('every file written atomically', () => {
  let disk: ReturnType<typeof smallDisk> = { dir: null, reason: 'not mounted yet' };
  beforeAll(() => {
    disk = smallDisk();
  });
  afterAll(() => {
    if (disk.dir) {
      execFileSync('umount', [disk.dir]);
      rmSync(disk.dir, { recursive: true, force: true });
    }
  });

  it('a write that fails halfway leaves the existing file as it was and no temporary file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'statistiky.xlsx');
    writeFileSync(target, 'x'.repeat(20_000));
    await expect(
      writeAtomically(target, async (temporary) => {
        writeFileSync(temporary, 'half a file');
        await Promise.reject(new Error('the writer died'));
      }),
    ).rejects.toMatchObject({ code: 'IO' });
    expect(readFileSync(target, 'utf8')).toBe('x'.repeat(20_000));
    expect(readdirSync(dir)).toEqual(['statistiky.xlsx']);
    await expect(writeFileAtomically(target, 'new', { overwrite: false })).rejects.toMatchObject({ code: 'CONFLICT' });
    await writeFileAtomically(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(mode(target)).toBe(0o600);
  });

  it('on a full disk the statistics export keeps the old file and says DISK_FULL', async (context) => {
    if (!disk.dir) {
      console.log(`Skipped: cannot mount a small tmpfs here (${disk.reason})`);
      context.skip();
      return;
    }
    const app = await createTestApp({ demo: true });
    try {
      const target = path.join(disk.dir, 'statistiky.xlsx');
      writeFileSync(target, 'y'.repeat(20_000));
      writeFileSync(path.join(disk.dir, 'filler'), Buffer.alloc(1024 * 1024 - 64 * 1024));
      const stats = await computeStats(app.ctx.db.reader, {});
      const failure: unknown = await writeStatsFile(stats, 'docx', 'cs', target).catch((e: unknown) => e);
      expect(failure).toMatchObject({ code: 'DISK_FULL' });
      expect(readFileSync(target, 'utf8')).toBe('y'.repeat(20_000));
      expect(readdirSync(disk.dir).sort()).toEqual(['filler', 'statistiky.xlsx']);
    } finally {
      await app.cleanup();
    }
  });

  it('a registry whose daily backup cannot be written (full disk) opens, warns and retries', async (context) => {
    fileOnly(context, 'daily backup files');
    await onSmallDisk(context, async (dir) => {
      const db = path.join(dir, 'registry.db');
      expect((await run('init', '--db', db)).code).toBe(0);
      rmSync(`${db}.backups`, { recursive: true, force: true });
      const free = 1024 * 1024 - statSync(db).size - 100 * 1024;
      writeFileSync(path.join(dir, 'filler'), Buffer.alloc(Math.max(0, free)));
      const app = await createAppContext({
        databasePath: db,
        resourcesDir: RESOURCES_DIR,
        appVersion: 'test',
        preferences: createMemoryPreferences(),
        dialogs: noDialogs,
        open: { dailyBackup: true },
      });
      try {
        const dispatch = createDispatch(createHandlers(app));
        const status = await ok<{ backupProblem: string | null }>(dispatch('db:status', {}));
        expect(status.backupProblem).not.toBeNull();
        // The registry works meanwhile.
        await ok(dispatch('prefs:set', { actorName: 'x' }));
        rmSync(path.join(dir, 'filler'));
        const retried = await ok<{ backupProblem: string | null; lastBackupAt: string | null }>(
          dispatch('db:status', {}),
        );
        expect(retried).toMatchObject({ backupProblem: null });
        expect(retried.lastBackupAt).not.toBeNull();
      } finally {
        await app.close();
      }
    });
  });

  it('twinreg check says read-only, not damaged, for a sound registry on a read-only medium', async (context) => {
    await onSmallDisk(context, async (dir) => {
      const db = path.join(dir, 'registry.db');
      expect((await run('init', '--db', db)).code).toBe(0);
      execFileSync('mount', ['-o', 'remount,ro', dir]);
      const check = await run('check', '--db', db);
      expect(check.code).toBe(0);
      expect(check.out).toContain('read-only');
    });
  });

  it('the CLI says BUSY in words when another process holds the registry, never a statement dump', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'r.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const holder = openKnex(db);
    await holder.transaction(async (trx) => {
      await trx.raw("update municipalities set notes = 'held' where id = (select min(id) from municipalities)");
      // The write lock is held while the CLI tries to write (its busy timeout runs out).
      const result = await run('import', 'municipalities', csvOf(dir), '--db', db);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^Error \(BUSY\)/);
      expect(result.err.length).toBeLessThan(400);
    });
    await holder.destroy();
  }, 30_000);

  it('twinreg stats never overwrites without --force', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'r.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const out = path.join(dir, 'stats.json');
    writeFileSync(out, 'precious');
    const refused = await run('stats', '--db', db, '--format', 'json', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect((await run('stats', '--db', db, '--format', 'json', '--out', out, '--force')).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('statistics');
  });

  it('copies left by a crashed process are removed at the next start, a live one is kept', async (context) => {
    fileOnly(context, 'temporary copies beside a registry file');
    const app = await createTestApp({ demo: true });
    const backups = `${app.dbPath}.backups`;
    mkdirSync(backups, { recursive: true });
    const dead = path.join(backups, '.registry-20260101T000000000Z-manual-abcdef.db.999999-0a0b0c0d.twinreg-tmp');
    const live = path.join(app.dir, `.export.xlsx.${String(process.pid)}-01020304.twinreg-tmp`);
    const crashedExport = path.join(app.dir, '.export.xlsx.999998-01020304.twinreg-tmp');
    for (const file of [dead, live, crashedExport]) writeFileSync(file, 'copy of the registry');
    await app.ctx.close();
    // Opening the same registry file again, as the next start does.
    const database = await openDatabase(app.dbPath);
    await database.close();
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(crashedExport)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(await removeOrphanedTemporaries(app.dir)).toEqual([]);
    rmSync(app.dir, { recursive: true, force: true });
  });

  it('the registry, its backups and uploads are readable by the user only', async (context) => {
    fileOnly(context, 'the mode of the registry file and its backups');
    const app = await createTestApp();
    try {
      expect(mode(app.dbPath)).toBe(0o600);
      const backup = await ok<{ name: string }>(app.dispatch('backups:create', {}));
      expect(mode(path.join(`${app.dbPath}.backups`, backup.name))).toBe(0o600);
      expect(mode(`${app.dbPath}.backups`)).toBe(0o700);
      const handle = await saveUpload('obce.csv', new TextEncoder().encode('a;b\n'));
      const file = await resolveUpload(handle);
      expect(file).not.toBeNull();
      if (file) {
        expect(mode(file.path)).toBe(0o600);
        expect(mode(path.dirname(path.dirname(file.path)))).toBe(0o700);
        expect(path.dirname(path.dirname(file.path))).not.toBe(path.join('/tmp', 'twinreg-uploads'));
      }
    } finally {
      await app.cleanup();
    }
  });
});

describe('the web bridge', () => {
  it('answers malformed addresses with 400, keeps the token gate on encoded paths and takes the token in a header only', async () => {
    const app = await createTestApp();
    const staticDir = tempDir();
    writeFileSync(path.join(staticDir, 'index.html'), '<html><head></head><body>app</body></html>');
    const server = await startWebServer({ dispatch: app.dispatch, staticDir });
    const base = `http://127.0.0.1:${String(server.port)}`;
    try {
      expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
      expect((await fetch(`${base}/assets/%`)).status).toBe(400);
      expect((await fetch(`${base}/%69ndex.html`)).status).toBe(401);
      expect((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
      const inQuery = await fetch(`${base}/api/invoke/app:info?token=${server.token}`, { method: 'POST', body: '{}' });
      expect(inQuery.status).toBe(401);
      const inHeader = await fetch(`${base}/api/invoke/app:info`, {
        method: 'POST',
        body: '{}',
        headers: { 'x-twinreg-token': server.token },
      });
      expect(((await inHeader.json()) as { ok: boolean }).ok).toBe(true);
      let deep = '{}';
      for (let i = 0; i < 10_000; i += 1) deep = `{"a":${deep}}`;
      const nested = await fetch(`${base}/api/invoke/app:info`, {
        method: 'POST',
        body: deep,
        headers: { 'x-twinreg-token': server.token },
      });
      expect(nested.status).toBe(200);
      expect(await nested.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      await server.close();
      await app.cleanup();
    }
    expect(resolveStaticPath('/srv/app', '/a%00b')).toEqual({ ok: false, status: 403 });
  });

  it('twinreg web on a busy port exits with a clear message and leaves the registry closed', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dir = tempDir();
    const renderer = tempDir();
    writeFileSync(path.join(renderer, 'index.html'), '<html></html>');
    process.env.TWINREG_RENDERER_OUT = renderer;
    try {
      const result = await run('web', '--db', path.join(dir, 'r.db'), '--port', String(port));
      expect(result.code).toBe(1);
      expect(result.err).toContain(`port ${String(port)} is already in use`);
      // Closed: the file can be opened again at once by another process.
      const database = await openDatabase(path.join(dir, 'r.db'));
      await database.close();
    } finally {
      delete process.env.TWINREG_RENDERER_OUT;
      blocker.close();
    }
  });
});

describe('bounded input', () => {
  const preview = async (app: TestApp, name: string, bytes: Uint8Array | string) => {
    const file = path.join(app.dir, name);
    writeFileSync(file, bytes);
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    return app.dispatch('import:preview', { kind: 'municipalities', file: handle.file });
  };

  it('refuses a workbook that unpacks beyond the limit before unpacking it', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', 'x'.repeat(1000));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(declaredUnpackedSize(bytes)).toBe(1008);
    // The central directory now declares 400 MB for the sheet, as a zip bomb's does.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = 0;
    for (let i = 0; i + 4 < bytes.length; i += 1) {
      if (view.getUint32(i, true) === 0x02014b50 && view.getUint32(i + 24, true) === 1000) {
        view.setUint32(i + 24, 400 * 1024 * 1024, true);
        patched += 1;
      }
    }
    expect(patched).toBe(1);
    const app = await createTestApp();
    try {
      const result = await preview(app, 'bomb.xlsx', bytes);
      expect(result).toMatchObject({ ok: false, error: { details: { reason: 'import.error.tooLargeUnpacked' } } });
    } finally {
      await app.cleanup();
    }
  });

  it('refuses more rows than the limit and a cell longer than any field, naming row and column', async () => {
    const app = await createTestApp();
    try {
      const many = `a;b\r\n${'1;2\r\n'.repeat(IMPORT_LIMITS.rows + 1)}`;
      expect(await preview(app, 'many.csv', many)).toMatchObject({
        ok: false,
        error: { details: { reason: 'import.error.tooManyRows', params: { max: IMPORT_LIMITS.rows } } },
      });

      const rows = csuRows(3);
      const huge = rows[0];
      const long = rows[1];
      if (!huge || !long) throw new Error('corpus');
      huge[1] = 'Ž'.repeat(5 * 1024 * 1024);
      long[1] = 'Lhota '.repeat(50);
      const report = await ok<ImportReport>(preview(app, 'long.csv', toCsv([CSU_HEADER, ...rows], ';')));
      expect(report.counts).toMatchObject({ add: 1, invalid: 2 });
      expect(report.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ line: 2, column: 'obec_text', reason: 'import.issue.tooLong' }),
          expect.objectContaining({
            line: 3,
            column: 'obec_text',
            reason: 'import.issue.tooLong',
            params: { max: 200, length: 299 },
          }),
        ]),
      );
      // The report names the field, never repeats the 5 MB value.
      expect(JSON.stringify(report).length).toBeLessThan(100_000);
    } finally {
      await app.cleanup();
    }
  });

  it('refuses a quoted field never closed or with an undoubled quote, naming line and column', async () => {
    const app = await createTestApp();
    try {
      const rows = csuRows(5).map((row) => row.join(';'));
      // The name of line 3 opens a quote that nothing closes: read on, lines 4-6 became its text.
      const unclosed = [CSU_HEADER.join(';'), rows[0], rows[1]?.replace(';Obec', ';"Obec'), ...rows.slice(2)];
      expect(await preview(app, 'unclosed.csv', unclosed.join('\r\n'))).toMatchObject({
        ok: false,
        error: {
          details: {
            reason: 'import.error.unclosedQuote',
            params: { file: 'unclosed.csv', line: 3, column: 'obec_text' },
          },
        },
      });
      const inner = [
        CSU_HEADER.join(';'),
        rows[0],
        rows[1]?.replace(';Obec', ';"Obec "velká" obec"'),
        ...rows.slice(2),
      ];
      expect(await preview(app, 'inner.csv', inner.join('\r\n'))).toMatchObject({
        ok: false,
        error: { details: { reason: 'import.error.textAfterQuote', params: { line: 3, column: 'obec_text' } } },
      });
      // Opened on line 3, closed only by a quote at the end of line 5's last cell.
      const later = [CSU_HEADER.join(';'), rows[0], rows[1]?.replace(';Obec', ';"Obec'), rows[2], `${rows[3] ?? ''}"`];
      expect(await preview(app, 'later.csv', later.join('\r\n'))).toMatchObject({
        ok: false,
        error: { details: { reason: 'import.error.recordInQuote', params: { line: 3, column: 'obec_text' } } },
      });
      expect(await app.ctx.db.knex('municipalities').count({ n: '*' })).toEqual([{ n: 0 }]);
    } finally {
      await app.cleanup();
    }
  });

  it('refuses a file of two encodings naming the line; reads Windows-1250 files even where capitals pair like UTF-8', async () => {
    const app = await createTestApp();
    try {
      const utf8 = (text: string) => Buffer.from(text, 'utf-8');
      const cp = encodeWindows1250;
      const outcome = async (bytes: Uint8Array) => {
        try {
          const table = await readSourceBytes(bytes, 'f.csv');
          return { encoding: table.encoding, first: table.records.at(0)?.cells[1] };
        } catch (error) {
          const details = (error as { details?: { reason?: string; params?: { line?: number } } }).details;
          return { refused: details?.reason, line: details?.params?.line };
        }
      };
      const header = 'kód;název\r\n';
      // One line pasted from a Windows-1250 file into a short UTF-8 file (the walkthrough's case).
      expect(
        await outcome(Buffer.concat([utf8(`${header}1;Příbram\r\n`), cp('2;Plzeň\r\n'), utf8('3;Žďár\r\n')])),
      ).toEqual({
        refused: 'import.error.mixedEncoding',
        line: 3,
      });
      // A block of such lines, and a file with a BOM (it says it is UTF-8).
      expect(
        await outcome(
          Buffer.concat([utf8(`${header}1;Příbram\r\n2;Tábor\r\n3;Písek\r\n`), cp('4;Plzeň\r\n5;Žďár\r\n')]),
        ),
      ).toEqual({ refused: 'import.error.mixedEncoding', line: 5 });
      expect(await outcome(Buffer.concat([utf8(`\ufeff${header}1;Příbram\r\n`), cp('2;Plzeň\r\n3;Žďár\r\n')]))).toEqual(
        {
          refused: 'import.error.mixedEncoding',
          line: 3,
        },
      );
      // The other way round: a Windows-1250 file with one UTF-8 line.
      expect(
        await outcome(Buffer.concat([cp(`${header}1;Příbram\r\n2;Plzeň\r\n`), utf8('3;Žďár nad Sázavou\r\n')])),
      ).toEqual({
        refused: 'import.error.mixedEncodingOther',
        line: 4,
      });
      // Windows-1250 capitals whose bytes happen to be UTF-8 ("ĚŠ" is CC 8A, "ÓŻ" D3 AF): read as
      // Windows-1250, not refused. (A file made of such lines only is UTF-8 throughout and is read
      // as UTF-8, as before.)
      expect(await outcome(cp('KOD;NAZEV\r\n512345;MĚŠICE\r\n596591;NÍŽKOV\r\n507601;PÍŠŤ\r\n'))).toEqual({
        encoding: 'windows-1250',
        first: 'MĚŠICE',
      });
      expect(await outcome(cp('KOD;NAZEV\r\n1;RÓŻAN\r\n2;Příbram\r\n3;WÓŁKA\r\n'))).toEqual({
        encoding: 'windows-1250',
        first: 'RÓŻAN',
      });
      // Windows-1250 'ášť' and 'íšť' are three-byte UTF-8 pairs (Ogham, Hangul): a line of such a
      // name and ASCII only is Windows-1250 too (the real list has 11 such municipalities).
      expect(
        await outcome(cp('Kód obce;Obec;Počet obyvatel\r\n544591;Chrášťany;2687\r\n1;Píšť;1\r\n2;Líšťany;3\r\n')),
      ).toEqual({ encoding: 'windows-1250', first: 'Chrášťany' });
      // Old Mac line ends (CR only): a pasted block is found too.
      expect(await outcome(Buffer.concat([utf8('kód;název\r1;Příbram\r2;Tábor\r'), cp('3;Plzeň\r')]))).toEqual({
        refused: 'import.error.mixedEncoding',
        line: 4,
      });
      // UTF-8 as a whole stays UTF-8 whatever it holds: Cyrillic, Greek, Romanian, decomposed accents, ə.
      const decomposed = 'Příbram'.normalize('NFD');
      expect(
        await outcome(utf8(`${header}1;Київ\r\n2;Αθήνα\r\n3;Žďár\r\n4;Brașov\r\n5;${decomposed}\r\n6;Gəncə\r\n`)),
      ).toEqual({ encoding: 'utf-8', first: 'Київ' });
      expect(await app.ctx.db.knex('municipalities').count({ n: '*' })).toEqual([{ n: 0 }]);
    } finally {
      await app.cleanup();
    }
  });

  it('reads an ISO-8859-2 file as such (Šumperk, not ©umperk), Polish and Slovak Windows-1250 files as before', async () => {
    const read = async (bytes: Uint8Array) => {
      const table = await readSourceBytes(bytes, 'f.csv');
      return { encoding: table.encoding, names: [...table.records].map((record) => record.cells[1]) };
    };
    const latin2 = (text: string) => encodeSingleByte(text, 'iso-8859-2');
    const header = 'kód;název\r\n';
    // Capitals that Windows-1250 reads as signs (Š ©, Ž ®), and ť (»).
    expect(await read(latin2(`${header}1;Šumperk\r\n2;Žďár nad Sázavou\r\n3;Třešť\r\n`))).toEqual({
      encoding: 'iso-8859-2',
      names: ['Šumperk', 'Žďár nad Sázavou', 'Třešť'],
    });
    // Small š and ž only (Windows-1250: ą and ľ), in words with ě, ř or ů.
    expect(await read(latin2(`${header}1;Kroměříž\r\n2;Dolní Věstonice\r\n3;Přeštice\r\n`))).toEqual({
      encoding: 'iso-8859-2',
      names: ['Kroměříž', 'Dolní Věstonice', 'Přeštice'],
    });
    // Windows-1250 without any byte of 0x80–0x9F stays Windows-1250: Polish ą, Slovak ľ, a © sign.
    const cp = encodeWindows1250;
    expect(await read(cp(`${header}1;Dąbrowa Górnicza\r\n2;Veľká Lomnica\r\n3;Kroměříž © 2020\r\n`))).toEqual({
      encoding: 'windows-1250',
      names: ['Dąbrowa Górnicza', 'Veľká Lomnica', 'Kroměříž © 2020'],
    });
    // And one with š, ž or ť (0x80–0x9F) is Windows-1250 whatever else it holds.
    expect(await read(cp(`${header}1;Šumperk\r\n2;Veľký Šariš\r\n`))).toEqual({
      encoding: 'windows-1250',
      names: ['Šumperk', 'Veľký Šariš'],
    });
  });

  it('reads a UTF-16 CSV with its byte order mark', async () => {
    const text = toCsv([CSU_HEADER, ...csuRows(2)], '\t');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const table = await readSourceBytes(le, 'unicode.txt');
    expect(table.encoding).toBe('utf-16le');
    expect(table.header).toEqual(CSU_HEADER);
    expect(table.records.at(0)?.cells[1]).toBe('Obec č. 0 – Žďár');
  });

  it('prefs:set refuses a change larger than the limit and keeps the preferences', async () => {
    const app = await createTestApp();
    try {
      const before = await ok(app.dispatch('prefs:get', {}));
      const huge = await app.dispatch('prefs:set', { gridStates: { members: { blob: 'x'.repeat(2_000_000) } } });
      expect(huge).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(await ok(app.dispatch('prefs:get', {}))).toEqual(before);
    } finally {
      await app.cleanup();
    }
  });
});
