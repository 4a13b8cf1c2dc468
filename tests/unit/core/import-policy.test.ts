import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/import/report';
import { czechNameCase } from '../../../shared/domain/text';
import { shownIssueParams } from '../../../shared/domain/import/shown';
import { translate } from '../../../shared/i18n/index';
import { onServer } from '../../support/server-db';
import { createTestApp, ok, tempDir, type TestApp } from '../../support/temp-db';
import { DECIN, MUNICIPALITY_HEADER, NEW_CITY } from '../../support/import-rows';

/** The layout of the public municipality list (name, code, …, post code), with Děčín as the list writes it. */
const HEADER = MUNICIPALITY_HEADER;

describe('what an import does with records the registry has', () => {
  let app: TestApp;
  let file: string;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    file = path.join(app.dir, 'obce.csv');
    writeFileSync(file, `${HEADER}\n${DECIN}\n${NEW_CITY}\n`);
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const decin = () =>
    app.ctx.db.knex('municipalities').where({ code: '562335' }).first<{ name: string; postal_code: string }>();
  const importWith = async (policy?: string) => {
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(
      app.dispatch('import:preview', { kind: 'municipalities', file: handle.file, ...(policy ? { policy } : {}) }),
    );
    await ok(app.dispatch('import:commit', { previewId: report.previewId }));
    return report;
  };

  it('by default keeps filled values, says which, and adds new places in the usual case', async () => {
    const report = await importWith();
    expect(await decin()).toMatchObject({ name: 'Děčín', postal_code: '405 38' });
    expect(report.counts).toMatchObject({ add: 1, update: 0, kept: 1 });
    expect(report.issues).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'PSČ',
        severity: 'info',
        reason: 'import.issue.keptExisting',
        params: { field: 'postalCode', existing: '405 38', value: '405 02' },
      }),
    ]);
    const added = await app.ctx.db
      .knex('municipalities')
      .where({ code: '538094' })
      .first<{ name: string; postal_code: string; kind: string }>();
    expect(added).toEqual(
      expect.objectContaining({ name: 'Brandýs nad Labem-Stará Boleslav', postal_code: '250 01', kind: 'unknown' }),
    );
  });

  it('a rejected row is reported with every problem it has, not only the first', async () => {
    // A code that is no code, a postal code and a latitude that are none: three problems of line 4.
    writeFileSync(
      file,
      `${HEADER}\n${DECIN}\n${NEW_CITY}\nNová Obec,12345x,Děčín,CZ0421,Ústecký kraj,CZ042,12,abc,14.2\n`,
    );
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(
      app.dispatch('import:preview', { kind: 'municipalities', file: handle.file }),
    );
    expect(report.counts).toMatchObject({ invalid: 1, add: 1 });
    const ofLine = report.issues.filter((issue) => issue.line === 4).map((issue) => [issue.column, issue.severity]);
    expect(ofLine).toEqual([
      ['Kód obce', 'error'],
      ['PSČ', 'warning'],
      ['Latitude', 'warning'],
    ]);
  });

  it('overwrite replaces filled values, but capitals alone still change nothing', async () => {
    const report = await importWith('overwrite');
    expect(report.counts).toMatchObject({ update: 1, kept: 0 });
    expect(report.updated[0]?.changes).toEqual([{ field: 'postalCode', from: '405 38', to: '405 02' }]);
    expect(await decin()).toMatchObject({ name: 'Děčín', postal_code: '405 02' });
  });

  it('add-only leaves existing records exactly as they were', async () => {
    const report = await importWith('addOnly');
    expect(report.counts).toMatchObject({ add: 1, update: 0, unchanged: 1 });
    expect(await decin()).toMatchObject({ name: 'Děčín', postal_code: '405 38' });
  });
});

describe('membership from a list of members', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp();
  });
  afterEach(async () => {
    await app.cleanup();
  });
  const load = async (name: string, text: string, mapping?: Record<string, string>) => {
    const file = path.join(app.dir, name);
    writeFileSync(file, text);
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(
      app.dispatch('import:preview', { kind: 'municipalities', file: handle.file, ...(mapping ? { mapping } : {}) }),
    );
    await ok(app.dispatch('import:commit', { previewId: report.previewId }));
    return report;
  };
  const brandys = () =>
    app.ctx.db
      .knex('municipalities')
      .where({ code: '538094' })
      .first<{ is_member: number | boolean; member_since: string | null }>('is_member', 'member_since');
  const mapping = { code: 'Kód obce', name: 'Obec', memberSince: 'Členem od', isMember: 'Člen' };

  it('a date since when makes a place of the country list a member, not a former member no file named', async () => {
    await load('obce.csv', 'obec_kod;obec_text\n538094;Brandýs nad Labem-Stará Boleslav\n');
    expect(Boolean((await brandys())?.is_member)).toBe(false);
    const report = await load(
      'clenove.csv',
      'Kód obce;Obec;Členem od\n538094;Brandýs nad Labem-Stará Boleslav;12.3.2004\n',
      {
        code: 'Kód obce',
        name: 'Obec',
        memberSince: 'Členem od',
      },
    );
    expect(report.counts).toMatchObject({ update: 1, kept: 0 });
    expect(await brandys()).toMatchObject({ member_since: '2004-03-12' });
    expect(Boolean((await brandys())?.is_member)).toBe(true);
  });

  it('"fill empty" takes a list\'s "yes" where membership was not stated, and keeps an ended one', async () => {
    await load('obce.csv', 'obec_kod;obec_text\n538094;Brandýs nad Labem-Stará Boleslav\n562335;Děčín\n');
    // Děčín's membership ended: the registry states it, a list's "yes" does not overwrite it by default.
    await app.ctx.db
      .knex('municipalities')
      .where({ code: '562335' })
      .update({ member_since: '1995-01-01', member_until: '2020-12-31' });
    const report = await load(
      'clenove.csv',
      'Kód obce;Obec;Člen;Členem od\n538094;Brandýs nad Labem-Stará Boleslav;ano;\n562335;Děčín;ano;\n',
      mapping,
    );
    expect(Boolean((await brandys())?.is_member)).toBe(true);
    const decin = await app.ctx.db
      .knex('municipalities')
      .where({ code: '562335' })
      .first<{ is_member: number | boolean }>();
    expect(Boolean(decin?.is_member)).toBe(false);
    expect(report.issues).toEqual([
      expect.objectContaining({
        line: 3,
        reason: 'import.issue.keptExisting',
        params: expect.objectContaining({ field: 'isMember' }),
      }),
    ]);
    // Said in words: "ponecháno „ne“ z registru; soubor uvádí „ano“".
    const kept = report.issues[0];
    expect(translate('cs', kept?.reason ?? '', shownIssueParams(kept?.params ?? {}, 'cs'))).toBe(
      'ponecháno „ne“ z registru; soubor uvádí „ano“',
    );
    // A list naming Děčín a member since a date: kept as ended, and said.
    const since = await load('clenove2.csv', 'Kód obce;Obec;Členem od\n562335;Děčín;1. 1. 1995\n', {
      code: 'Kód obce',
      name: 'Obec',
      memberSince: 'Členem od',
    });
    expect(since.issues).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'info',
        reason: 'import.issue.notMemberKept',
        params: { value: '1. 1. 1995' },
      }),
    ]);
  });
});

describe('Czech case for names written in capitals', () => {
  it('capitalises words, keeps prepositions and hyphenated parts as Czech writes them', () => {
    expect(czechNameCase('HRADEC KRÁLOVÉ')).toBe('Hradec Králové');
    expect(czechNameCase('FRÝDEK-MÍSTEK')).toBe('Frýdek-Místek');
    expect(czechNameCase('ÚSTÍ NAD LABEM')).toBe('Ústí nad Labem');
    expect(czechNameCase('BRANDÝS NAD LABEM-STARÁ BOLESLAV')).toBe('Brandýs nad Labem-Stará Boleslav');
    expect(czechNameCase('ČESKÉ BUDĚJOVICE')).toBe('České Budějovice');
    // A name already in mixed case is the source's own spelling and stays.
    expect(czechNameCase('Kostelec nad Černými lesy')).toBe('Kostelec nad Černými lesy');
  });
});

describe('a file of the other kind', () => {
  it('is recognised: a partnerships file chosen as municipalities says so instead of asking for a mapping', async () => {
    const app = await createTestApp({ demo: true });
    try {
      const file = path.join(app.dir, 'partneri.tsv');
      writeFileSync(
        file,
        'kod1\tlat1\tlon1\tobec1\tstat1\tkod2\tlat2\tlon2\tobec2\tstat2\trok\n' +
          'S-552046\t49.41\t14.66\tTábor\tČesko\tF-1\t47.66\t9.17\tKonstanz\tNěmecko\t1997\n',
      );
      const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
      const report = await ok<ImportReport>(
        app.dispatch('import:preview', { kind: 'municipalities', file: handle.file }),
      );
      expect(report).toMatchObject({ needsMapping: true, otherKind: 'partnerships' });
      const right = await ok<ImportReport>(app.dispatch('import:preview', { kind: 'partnerships', file: handle.file }));
      expect(right).toMatchObject({ needsMapping: false, otherKind: null, format: 'smo2013' });
    } finally {
      await app.cleanup();
    }
  });
});

describe('the import history', () => {
  it('keeps every import with who, the file and its checksum, the policy, the counts and its messages, exportable', async () => {
    const out = tempDir('twinreg-history-');
    const app = await createTestApp({
      demo: true,
      dialogs: {
        saveFile: ({ defaultName }) => Promise.resolve(path.join(out, defaultName)),
        openFile: () => Promise.resolve(null),
        chooseFolder: () => Promise.resolve(out),
      },
    });
    try {
      await ok(app.dispatch('prefs:set', { actorName: 'Jana Archivářová' }));
      const file = path.join(app.dir, 'obce.csv');
      writeFileSync(file, `${HEADER}\n${DECIN}\n${NEW_CITY}\n`);
      for (const policy of ['fillEmpty', 'fillEmpty'] as const) {
        const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
        const report = await ok<ImportReport>(
          app.dispatch('import:preview', { kind: 'municipalities', file: handle.file, policy }),
        );
        await ok(app.dispatch('import:commit', { previewId: report.previewId }));
      }
      const { runs } = await ok<{
        runs: {
          id: number;
          actor: string;
          fileName: string;
          checksum: string;
          changed: boolean;
          backup: string | null;
          counts: { add: number; kept: number };
          issuesTotal: number;
          policy: string;
        }[];
      }>(app.dispatch('import:history', {}));
      expect(runs).toHaveLength(2);
      const [second, first] = runs;
      expect(first).toMatchObject({
        actor: 'Jana Archivářová',
        fileName: 'obce.csv',
        changed: true,
        policy: 'fillEmpty',
        counts: { add: 1, kept: 1 },
        issuesTotal: 1,
      });
      // A registry on a server is backed up by the server, not before each import.
      if (onServer()) expect(first?.backup).toBeNull();
      else expect(first?.backup).toMatch(/-import-/);
      expect(second).toMatchObject({ changed: false, backup: null, counts: { add: 0 } });
      expect(first?.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(second?.checksum).toBe(first?.checksum);

      const { filePath } = await ok<{ filePath: string }>(
        app.dispatch('import:historyExport', { id: first?.id, format: 'csv', language: 'cs' }),
      );
      const csv = readFileSync(filePath, 'utf8');
      expect(csv).toContain('Řádek;Sloupec;Závažnost;Důvod');
      expect(csv).toContain('2;PSČ;informace;"ponecháno „405 38“ z registru; soubor uvádí „405 02“"');
    } finally {
      await app.cleanup();
    }
  });
});
