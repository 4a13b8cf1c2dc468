import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderDialogs } from '../../../electron/cli/web-dialogs';
import { FIXTURE_TODAY, loadStatsFixture } from '../../support/stats-fixture';
import { createTestApp, ok, tempDir, type TestApp } from '../../support/temp-db';

/**
 * The layout of the statistics DOCX report (walkthrough 21 finding 8): the date stated once, every
 * chart and table under a heading of its own, a section's chart above its table and the table's
 * notes under it (the year chart sat headless under the okresy's notes).
 */
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ dialogs: createFolderDialogs(tempDir('twinreg-stats-docx-')) });
  await loadStatsFixture(app.ctx.db.knex);
  // Tábor's partnerships without a stated status, as the reviewer's import left all of them: the
  // okresy's table then has its notes.
  const tabor = app.ctx.db.knex('municipalities').where('name', 'Tábor').select('id');
  await app.ctx.db.knex('partnerships').whereIn('municipality_id', tabor).update({ status: 'unknown' });
});
afterAll(() => app.cleanup());

/** The report of one kraj over some years, as the reviewer exported it (Jihočeský kraj of the fixture). */
async function report(language: 'cs' | 'en'): Promise<string> {
  const result = await ok<{ filePath: string } | null>(
    app.dispatch('stats:export', {
      format: 'docx',
      filter: { today: FIXTURE_TODAY, region: 'CZ031', fromYear: 1980, toYear: 2020, membership: 'all' },
      language,
    }),
  );
  if (result === null) throw new Error('export was cancelled');
  const zip = await JSZip.loadAsync(readFileSync(result.filePath));
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

const textOf = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/**
 * The body's blocks in order, as a reader meets them: `# Heading`, `[chart]`, `[table]`, `note`
 * (an italic paragraph after the top lines), or the text of another paragraph.
 */
function blocksOf(xml: string): string[] {
  const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('</w:body>'));
  const blocks: string[] = [];
  const pattern = /<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g;
  for (const [block] of body.matchAll(pattern)) {
    if (block.startsWith('<w:tbl>')) blocks.push('[table]');
    else if (block.includes('<w:drawing>')) blocks.push('[chart]');
    else if (block.includes('w:val="Heading2"')) blocks.push(`# ${textOf(block)}`);
    else if (block.includes('<w:i/>') && blocks.some((b) => b.startsWith('#'))) blocks.push('note');
    else blocks.push(textOf(block));
  }
  return blocks;
}

/** How often a text occurs. */
const count = (text: string, part: string) => text.split(part).length - 1;

describe('the statistics DOCX report', () => {
  it('states its date once: on the line under the title, not again in the filter line', async () => {
    const cs = textOf(await report('cs'));
    expect(count(cs, 'Stav ke dni 15. června 2025')).toBe(1);
    // The filter line's date in its own form ("K datu: 15. 6. 2025") is gone.
    expect(cs).not.toContain('K datu');
    expect(cs).not.toContain('15. 6. 2025');
    expect(count(cs, '2025')).toBe(1);
    expect(cs).toContain('Filtr: Rok zahájení: 1980–2020');

    const en = textOf(await report('en'));
    expect(count(en, 'As of')).toBe(1);
    expect(count(en, '15 June 2025')).toBe(1);
    expect(en).not.toContain('15 Jun 2025');
    expect(en).toContain('Filter: Start year: 1980–2020');
  });

  it('puts every chart and table under a heading of its own: the year chart under “Podle roku”, not under the okresy’s notes', async () => {
    for (const [language, headings] of [
      ['cs', ['Souhrn', 'Okresy', 'Podle roku', 'Podle desetiletí', 'Země', 'Oblasti', 'Programy']],
      ['en', ['Summary', 'Districts', 'By year', 'By decade', 'Countries', 'Areas of cooperation', 'Programmes']],
    ] as const) {
      const blocks = blocksOf(await report(language));
      const from = blocks.findIndex((b) => b.startsWith('#'));
      // The notes under a table are read as a block: "note+" stands for one or more.
      const sections = blocks
        .slice(from)
        .join(' ')
        .replace(/( note)+/g, ' note+');
      const [summary, area, years, decades, countries, areas, programmes] = headings.map((h) => `# ${h}`);
      expect(sections, language).toBe(
        [
          `${summary} [table]`,
          `${area} [chart] [table] note+`,
          `${years} [chart]`,
          `${decades} [table]`,
          `${countries} [chart] [table]`,
          `${areas} [table]`,
          `${programmes} [table]`,
        ].join(' '),
      );
    }
  });
});
