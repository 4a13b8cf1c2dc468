import { describe, expect, it } from 'vitest';
import { columnWidthsOf, formatCell, textTwips } from '../../../electron/core/services/statistics/stats-docx-table';

/** A4 width minus the report's margins (stats-docx-table.ts), in twips. */
const PAGE = 11906 - 2 * 1000;

describe('the report tables of the statistics DOCX', () => {
  /**
   * Widths measured in DejaVu Sans at 7.5 pt (twips), the font LibreOffice prints the report in
   * where Calibri is missing (wider than Calibri): bold for the headers' words, regular for names.
   */
  const BOLD: Record<string, number> = {
    Okres: 493,
    Obce: 426,
    partnerstvím: 1104,
    aktivním: 737,
    Partnerství: 950,
    '10\u00a0000': 575,
    aktivity: 643,
    Končí: 467,
    neuvedeno: 934,
    District: 623,
    Municipalities: 1181,
    partnership: 992,
    active: 513,
    Partnerships: 1084,
    '10,000': 579,
    activity: 632,
    months: 634,
    'Status:': 609,
  };
  const REGULAR: Record<string, number> = {
    'Havlíčkův Brod': 1130,
    'Žďár nad Sázavou': 1363,
    'Rychnov nad Kněžnou': 1671,
  };
  /** A cell's margins at the left and the right (stats-docx-table.ts). */
  const MARGINS = 120;
  /** The district table of a region as the report prints it: names, then eight figures. */
  const districtTable = (headers: string[], names: string[]) => {
    const figures = [['120', '174'], ['–'], ['–'], ['3', '8'], ['–'], ['–'], ['–'], ['3', '8']];
    return headers.map((header, i) => ({ text: i === 0, header, cells: i === 0 ? names : (figures[i - 1] ?? []) }));
  };
  const CS = [
    'Okres',
    'Obce',
    'S aktivním partnerstvím',
    'Podíl s aktivním',
    'Partnerství',
    'Na 10\u00a0000 obyv.',
    'Bez aktivity (3)',
    'Končí do 12 měs.',
    'Stav: neuvedeno',
  ];
  const EN = [
    'District',
    'Municipalities',
    'With an active partnership',
    'Share with active',
    'Partnerships',
    'Per 10,000 inh.',
    'No activity (3)',
    'Ending in 12 months',
    'Status: not stated',
  ];
  const longestWords = {
    cs: ['Okres', 'Obce', 'partnerstvím', 'aktivním', 'Partnerství', '10\u00a0000', 'aktivity', 'Končí', 'neuvedeno'],
    en: [
      'District',
      'Municipalities',
      'partnership',
      'active',
      'Partnerships',
      '10,000',
      'activity',
      'months',
      'Status:',
    ],
  };

  it('give the names their line and each number column the room of its longest header word, no more (walkthrough 21)', () => {
    // Kraj Vysočina's okresy and Královéhradecký kraj's longest, in Czech and in English: the names
    // wrapped ("Žďár nad | Sázavou") while the number columns were wide.
    for (const [language, headers] of [
      ['cs', CS],
      ['en', EN],
    ] as const)
      for (const names of [['Havlíčkův Brod', 'Žďár nad Sázavou'], ['Rychnov nad Kněžnou']]) {
        const widths = columnWidthsOf(districtTable(headers, names));
        const label = `${language}: ${names.join(', ')}`;
        expect(
          widths.reduce((a, b) => a + b, 0),
          label,
        ).toBeLessThanOrEqual(PAGE);
        expect(
          widths.reduce((a, b) => a + b, 0),
          label,
        ).toBeGreaterThan(PAGE - headers.length);
        // Every name on one line.
        for (const name of names)
          expect(widths[0] ?? 0, `${label}: ${name}`).toBeGreaterThanOrEqual((REGULAR[name] ?? 0) + MARGINS);
        // No header word broken, and the number columns narrow: their word and some air.
        for (const [i, word] of longestWords[language].entries()) {
          if (i === 0) continue;
          expect(widths[i] ?? 0, `${label}: ${word}`).toBeGreaterThanOrEqual((BOLD[word] ?? Infinity) + MARGINS);
          expect(widths[i] ?? 0, `${label}: ${word}`).toBeLessThanOrEqual((BOLD[word] ?? 0) + MARGINS + 200);
        }
      }
  });

  it('wrap a text longer than about 4 cm between its words and share the room left among the text columns', () => {
    const note = '–; platnost neuvedena u 22 z 22 neukončených partnerství; stav neuveden u 22 z 22 partnerství';
    const widths = columnWidthsOf([
      { text: true, header: 'Území', cells: ['Smlouvy končící do 12 měsíců'] },
      { text: true, header: 'Kraj Vysočina', cells: [note] },
      { text: true, header: 'Celé Česko', cells: [note] },
      { text: true, header: 'Podíl území', cells: ['11,2\u00a0%'] },
    ]);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PAGE);
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(PAGE - 4);
    // The notes wrap (a column is not a page wide), the two as wide as each other.
    expect(widths[1]).toBe(widths[2]);
    expect(widths[1] ?? 0).toBeLessThan(PAGE / 3);
    // The short header on one line; the share's column the narrowest.
    expect(widths[3] ?? 0).toBeGreaterThanOrEqual(textTwips('Podíl území', true) + MARGINS);
    expect(Math.min(...widths)).toBe(widths[3]);
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
