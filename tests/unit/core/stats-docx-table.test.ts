import { describe, expect, it } from 'vitest';
import { columnWidthsOf, formatCell } from '../../../electron/core/services/statistics/stats-docx-table';

/** A4 width minus the report's margins (stats-docx-table.ts), in twips. */
const PAGE = 11906 - 2 * 1000;

describe('the report tables of the statistics DOCX', () => {
  it('give each number column the room of its longest header word and figure, the names the rest', () => {
    // The district table of a region: eight columns on A4 (review: headings broke inside words).
    const headers = [
      'Okres',
      'Obce',
      'S aktivním partnerstvím',
      'Podíl s aktivním',
      'Partnerství',
      'Na 10\u00a0000 obyv.',
      'Stav: ukončeno',
      'Stav: neuvedeno',
    ];
    const cells = [
      ['Havlíčkův Brod', 'Žďár nad Sázavou'],
      ['120', '174'],
      ['0'],
      ['0,0 %'],
      ['3'],
      ['–'],
      ['0'],
      ['8'],
    ];
    const widths = columnWidthsOf(headers.map((header, i) => ({ text: i === 0, header, cells: cells[i] ?? [] })));
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PAGE);
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(PAGE - headers.length);
    const perChar = (i: number, word: string) => (widths[i] ?? 0) / word.length;
    // Every column is wider per character of its longest word than the narrowest of them needs.
    const words = [
      'Havlíčkův',
      'Obce',
      'partnerstvím',
      'aktivním',
      'Partnerství',
      '10\u00a0000',
      'ukončeno',
      'neuvedeno',
    ];
    for (const [i, word] of words.entries()) expect(perChar(i, word), word).toBeGreaterThanOrEqual(110);
    // The longer word gets the wider column.
    expect(widths[2] ?? 0).toBeGreaterThan(widths[1] ?? 0);
  });

  it('share the page by need when even the numbers do not fit', () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ text: i === 0, header: 'Partnerství', cells: ['1'] }));
    const widths = columnWidthsOf(many);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PAGE);
    expect(new Set(widths).size).toBe(1);
  });

  it('print shares with one decimal always, and a dash for none', () => {
    expect(formatCell(0.05, 'percent', 'cs')).toBe('5,0\u00a0%');
    expect(formatCell(0.112, 'percent', 'cs')).toBe('11,2\u00a0%');
    expect(formatCell(0.05, 'percent', 'en')).toBe('5.0%');
    expect(formatCell(null, 'int', 'cs')).toBe('–');
    // A year is not a quantity: "1991", never "1 991".
    expect(formatCell(1991, 'year', 'cs')).toBe('1991');
    expect(formatCell(1991, 'int', 'cs')).toBe('1\u00a0991');
    expect(formatCell(10000, 'int', 'cs')).toBe('10\u00a0000');
  });
});
