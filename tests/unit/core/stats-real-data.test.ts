import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeStats } from '../../../electron/core/services/statistics/statistics-service';
import type { ImportReport } from '../../../shared/domain/import/report';
import type { Statistics } from '../../../shared/domain/statistics';
import { SHARED_DATA_DIR, createTestApp, importThroughGate, type TestApp } from '../../support/temp-db';

/**
 * The real partnerships of ../shared/data (never copied into the repository), imported through
 * the importer, give statistics that match an independent count over the same file: per partner
 * country, the file's rows minus the rows the import report rejected (errors) or merged.
 */
const municipalitiesFile = path.join(SHARED_DATA_DIR, 'cz-municipalities-2018.csv');
const partnershipsFile = path.join(SHARED_DATA_DIR, 'cz-partnerships-smo-2013.tsv');
const present = existsSync(municipalitiesFile) && existsSync(partnershipsFile);
if (!present) console.log(`skipped: the real data files are absent from ${SHARED_DATA_DIR}`);

/** Czech country names of the file (column stat2) for the countries checked one by one. */
const CZECH_NAMES: Record<string, string> = { DE: 'Německo', PL: 'Polsko', SK: 'Slovensko', AT: 'Rakousko' };

describe.skipIf(!present)('statistics of the real partnerships (../shared/data)', () => {
  let app: TestApp;
  let report: ImportReport;
  let stats: Statistics;
  /** Physical line (1 = header) → partner country name, counted independently of the importer. */
  const countryByLine = new Map<number, string>();

  beforeAll(async () => {
    const lines = readFileSync(partnershipsFile, 'utf8').split(/\r?\n/);
    const header = (lines[0] ?? '').split('\t');
    const stat2 = header.indexOf('stat2');
    lines.forEach((line, index) => {
      if (index === 0 || line.trim() === '') return;
      countryByLine.set(index + 1, line.split('\t')[stat2] ?? '');
    });
    app = await createTestApp();
    await importThroughGate(app, 'municipalities', municipalitiesFile);
    report = (await importThroughGate(app, 'partnerships', partnershipsFile)).report;
    // Imported municipalities are not members of the association: count them all.
    stats = await computeStats(app.ctx.db.knex, { membership: 'all' });
  });
  afterAll(() => app.cleanup());

  const fileCount = (name: string, except: Set<number> = new Set()) =>
    [...countryByLine.entries()].filter(([line, country]) => country === name && !except.has(line)).length;

  it('the file before cleaning: Germany 227, Poland 190, Slovakia 188 rows', () => {
    expect(countryByLine.size).toBe(966);
    expect([fileCount('Německo'), fileCount('Polsko'), fileCount('Slovensko')]).toEqual([227, 190, 188]);
  });

  it('partner countries are led by Germany, Poland and Slovakia', () => {
    expect(stats.topCountries.slice(0, 3).map((c) => c.countryCode)).toEqual(['DE', 'PL', 'SK']);
  });

  it('every difference from the file is a row the import report rejected or merged', () => {
    const removed = new Set(
      report.issues
        .filter((issue) => issue.severity === 'error' || issue.reason === 'import.issue.duplicateMerged')
        .map((issue) => issue.line),
    );
    expect(removed.size).toBeGreaterThan(0);
    for (const [code, name] of Object.entries(CZECH_NAMES)) {
      const counted = stats.countries.find((c) => c.countryCode === code)?.count ?? 0;
      expect(counted, `${code}: file rows of ${name} minus rejected/merged`).toBe(fileCount(name, removed));
    }
    expect(stats.total.partnerships).toBe(countryByLine.size - removed.size);
    expect(stats.countries.reduce((sum, c) => sum + c.count, 0)).toBe(stats.total.partnerships);
  });
});
