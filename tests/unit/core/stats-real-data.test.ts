import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import countries from 'i18n-iso-countries';
import cs from 'i18n-iso-countries/langs/cs.json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/import/report';
import { createTestApp, ok, SHARED_DATA_DIR, type TestApp } from '../../support/temp-db';

const MUNICIPALITIES = path.join(SHARED_DATA_DIR, 'cz-municipalities-2018.csv');
const PARTNERSHIPS = path.join(SHARED_DATA_DIR, 'cz-partnerships-smo-2013.tsv');
const present = existsSync(MUNICIPALITIES) && existsSync(PARTNERSHIPS);
if (!present) console.warn(`Skipping the statistics-over-real-data test: ${SHARED_DATA_DIR} is absent.`);

countries.registerLocale(cs);
/** An independent name → ISO mapping: the library's Czech names plus two names it lacks. */
const iso = (czech: string): string =>
  ({ Korea: 'KR', 'Velká Británie': 'GB' })[czech] ?? countries.getAlpha2Code(czech, 'cs') ?? `?${czech}`;

async function importVia(app: TestApp, kind: 'municipalities' | 'partnerships', file: string): Promise<ImportReport> {
  const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
  const report = await ok<ImportReport>(app.dispatch('import:preview', { kind, file: handle.file }));
  await ok(app.dispatch('import:commit', { previewId: report.previewId }));
  return report;
}

describe.skipIf(!present)('statistics after importing the real files', () => {
  let app: TestApp;
  let report: ImportReport;
  beforeAll(async () => {
    app = await createTestApp();
    await importVia(app, 'municipalities', MUNICIPALITIES);
    report = await importVia(app, 'partnerships', PARTNERSHIPS);
  }, 60_000);
  afterAll(async () => app.cleanup());

  it('partner countries are led by Germany, Poland and Slovakia; every difference from the raw file is in the import report', async () => {
    // Raw count over the TSV, line by line (line 1 is the header).
    const lines = readFileSync(PARTNERSHIPS, 'utf8').split('\n');
    const countryOfLine = new Map<number, string>();
    const raw = new Map<string, number>();
    lines.forEach((text, index) => {
      if (index === 0 || text.trim() === '') return;
      const code = iso(text.split('\t')[9] ?? '');
      countryOfLine.set(index + 1, code);
      raw.set(code, (raw.get(code) ?? 0) + 1);
    });
    expect([raw.get('DE'), raw.get('PL'), raw.get('SK')]).toEqual([227, 190, 188]);

    // Expected = raw − rows the report rejected − rows it merged into another, per country.
    const expected = new Map(raw);
    const dropped = report.issues.filter((i) => i.severity === 'error' || i.reason === 'import.issue.duplicateMerged');
    const droppedLines = new Set(dropped.map((i) => i.line));
    for (const line of droppedLines) {
      const code = countryOfLine.get(line) ?? '';
      expected.set(code, (expected.get(code) ?? 0) - 1);
    }
    expect(droppedLines.size).toBe(report.counts.invalid + report.counts.merged);

    const stats = await ok<{ countries: { countryCode: string; count: number }[] }>(
      app.dispatch('stats:compute', { filter: { membership: 'all', today: '2026-01-01' } }),
    );
    expect(stats.countries.slice(0, 3).map((c) => c.countryCode)).toEqual(['DE', 'PL', 'SK']);
    const computed = new Map(stats.countries.map((c) => [c.countryCode, c.count]));
    for (const [code, count] of expected) expect(computed.get(code) ?? 0, code).toBe(count);
    expect([...computed.keys()].every((code) => expected.has(code))).toBe(true);
    expect([computed.get('DE'), computed.get('PL'), computed.get('SK')]).toEqual([226, 190, 187]);
  });
});
