import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/import/report';
import { sameMunicipalityName } from '../../../electron/core/services/import/partnerships-import';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

const HEADER = ['kod1', 'lat1', 'lon1', 'obec1', 'stat1', 'kod2', 'lat2', 'lon2', 'obec2', 'stat2', 'rok'].join('\t');
const row = (code: string, member: string, town: string, year: string) =>
  [`S-${code}`, '', '', member, 'Česká republika', 'F-1', '', '', town, 'Polsko', year].join('\t');

describe('a partnerships file whose municipality name is not the one of its code', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('names are the same whatever their case, accents, dashes or a trailing "u Prahy"', () => {
    expect(sameMunicipalityName('DĚČÍN', 'Děčín')).toBe(true);
    expect(sameMunicipalityName('Brandýs nad Labem-Stará Boleslav', 'Brandýs nad Labem - Stará Boleslav')).toBe(true);
    expect(sameMunicipalityName('Říčany u Prahy', 'Říčany')).toBe(true);
    expect(sameMunicipalityName('Jablonec nad Nisou', 'Trutnov')).toBe(false);
    expect(sameMunicipalityName('Nová Ves', 'Nové Město')).toBe(false);
    expect(sameMunicipalityName('-', 'Trutnov')).toBe(false);
  });

  it('warns on the row, naming both, and assigns by the code', async () => {
    const file = path.join(app.dir, 'partneri.tsv');
    writeFileSync(
      file,
      [
        HEADER,
        row('579025', 'TRUTNOV', 'Kowary', '2001'),
        // Trutnov's code under Jablonec's name: a typo in the code or a shifted column.
        row('579025', 'Jablonec nad Nisou', 'Lubawka', '2003'),
      ].join('\n') + '\n',
    );
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(app.dispatch('import:preview', { kind: 'partnerships', file: handle.file }));
    const differs = report.issues.filter((i) => i.reason === 'import.issue.municipalityNameDiffers');
    expect(differs).toEqual([
      {
        line: 3,
        column: 'obec1',
        severity: 'warning',
        reason: 'import.issue.municipalityNameDiffers',
        params: { value: 'Jablonec nad Nisou', code: '579025', registry: 'Trutnov' },
      },
    ]);
    expect(report.counts.warnings).toBeGreaterThanOrEqual(1);
  });
});
