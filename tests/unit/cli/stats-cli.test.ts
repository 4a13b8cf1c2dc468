import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createAppContext, noDialogs } from '../../../electron/core/context';
import { createMemoryPreferences } from '../../../electron/core/preferences-file';
import { computeStats } from '../../../electron/core/services/statistics/statistics-service';
import type { Statistics } from '../../../shared/domain/statistics';
import { orpCodeOf } from '../../../shared/domain/statistics/tables';
import { RESOURCES_DIR, tempDir } from '../../support/temp-db';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('twinreg stats', () => {
  it('writes the same figures as the dashboard computes, for a region and a filter', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'stats.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const out = path.join(dir, 'stats.json');
    const args = [
      '--region',
      'CZ064',
      '--from',
      '1990',
      '--to',
      '2025',
      '--type',
      'formal',
      '--status',
      'active',
      '--today',
      '2025-06-15',
    ];
    const result = await run('stats', '--db', db, ...args, '--format', 'json', '--out', out);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const written = (JSON.parse(readFileSync(out, 'utf8')) as { statistics: Statistics }).statistics;
    const ctx = await createAppContext({
      databasePath: db,
      resourcesDir: RESOURCES_DIR,
      appVersion: 'test',
      preferences: createMemoryPreferences(),
      dialogs: noDialogs,
    });
    const dashboard = await computeStats(ctx.db.knex, {
      region: 'CZ064',
      fromYear: 1990,
      toYear: 2025,
      types: ['formal'],
      statuses: ['active'],
      today: '2025-06-15',
    });
    await ctx.close();
    // The same figures; an ORP the registry knows only by its name has no code in the file (its
    // name is the statistics' key for it, never written as a code).
    const codeOf = (orp: { code: string | null; name: string }) => (orpCodeOf(orp) === '' ? null : orp.code);
    expect(written).toEqual({
      ...dashboard,
      orps: dashboard.orps.map((orp) => ({ ...orp, code: codeOf(orp) })),
      territory: {
        ...dashboard.territory,
        orps: dashboard.territory.orps.map((orp) => ({ ...orp, code: codeOf(orp) })),
      },
    });
    expect(written.orps.some((orp) => orp.code === null)).toBe(true);
    expect(written.regions.map((r) => r.code)).toEqual(['CZ064']);
    expect(written.total.partnerships).toBeGreaterThan(0);
    expect(written.total.byType.friendship).toBe(0);
    expect(result.out).toContain(`${String(written.total.partnerships)} partnerships`);

    const xlsx = path.join(dir, 'stats.xlsx');
    expect((await run('stats', '--db', db, '--format', 'xlsx', '--out', xlsx, '--lang', 'en')).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets[0]?.name).toBe('Regions');
    const docx = path.join(dir, 'report.docx');
    expect((await run('stats', '--db', db, '--region', 'cz041', '--format', 'docx', '--out', docx)).code).toBe(0);
    expect(existsSync(docx)).toBe(true);
  });

  it('names the wrong option (exit 2)', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'stats.db');
    expect((await run('init', '--db', db)).code).toBe(0);
    const out = path.join(dir, 'x.json');
    const bad = async (...args: string[]) => run('stats', '--db', db, '--out', out, ...args);
    expect(await bad('--format', 'pdf')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--format') as unknown,
    });
    expect(await bad('--format', 'json', '--from', 'year')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--from') as unknown,
    });
    expect(await bad('--format', 'json', '--type', 'sister')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--type') as unknown,
    });
    expect(await bad('--format', 'json', '--region', 'Prague')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--region') as unknown,
    });
    expect(await bad('--format', 'json', '--district', 'Jihlava')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--district') as unknown,
    });
    expect(await bad('--format', 'json', '--from', '2020', '--to', '2000')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--to') as unknown,
    });
    expect(existsSync(out)).toBe(false);
  });

  it('takes several kraje, an okres and an ORP, named in the file it writes', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'stats.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const out = path.join(dir, 'territory.json');
    const args = ['--region', 'cz063,CZ031', '--district', 'cz0635', '--orp', 'Nové Město na Moravě'];
    const result = await run('stats', '--db', db, ...args, '--today', '2025-06-15', '--format', 'json', '--out', out);
    expect(result.err).toBe('');
    const written = (JSON.parse(readFileSync(out, 'utf8')) as { statistics: Statistics }).statistics;
    expect(written.filter).toMatchObject({
      regions: ['CZ063', 'CZ031'],
      districts: ['CZ0635'],
      orps: ['Nové Město na Moravě'],
    });
    expect(written.territory.orps.map((o) => o.name)).toEqual(['Nové Město na Moravě']);
    expect(written.national).not.toBeNull();
    expect(written.total.municipalities).toBeGreaterThan(0);
    expect(written.districts.map((d) => d.code)).toEqual(['CZ0635']);
  });
});
