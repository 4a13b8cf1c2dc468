import { describe, expect, it } from 'vitest';
import { compareCzech, normalizeStrings, searchKey, sortByCzech, townNameKey } from '../../../shared/domain/text';

describe('Czech text rules', () => {
  it('sorts rows by a text field in Czech order, ties in their order', () => {
    const rows = [
      { id: 1, name: 'Chrudim' },
      { id: 2, name: 'Cheb' },
      { id: 3, name: 'Hořice' },
      { id: 4, name: 'Cheb' },
      { id: 5, name: null },
      { id: 6, name: 'Čáslav' },
    ];
    expect(sortByCzech(rows, (row) => row.name).map((row) => row.id)).toEqual([5, 6, 3, 2, 4, 1]);
  });

  it('one full-strength comparison orders like letters first, then accents and case', () => {
    const base = new Intl.Collator('cs', { sensitivity: 'base', numeric: true });
    const variant = new Intl.Collator('cs', { sensitivity: 'variant', numeric: true });
    const oracle = (a: string, b: string) => base.compare(a, b) || variant.compare(a, b);
    const names = [
      'Rana',
      'Raná',
      'rana',
      'Dvůr',
      'Dvur Kralove',
      'Dvůr Králové nad Labem',
      'Lom',
      'lom',
      'Lomnice',
      'Chlum',
      'Hlum',
      'Cizkrajov',
      'Čížkrajov',
      'Obec 10',
      'Obec 9',
      'Ždár',
      'Žďár',
      'Zdar',
      'Ústí',
      'Usti',
      'Úštěk',
    ];
    for (const a of names) for (const b of names) expect(Math.sign(compareCzech(a, b))).toBe(Math.sign(oracle(a, b)));
  });

  it('sorts Č after C and Ch after H, as a Czech reader expects', () => {
    const names = [
      'Chrudim',
      'Cheb',
      'Humpolec',
      'Černošice',
      'Cvikov',
      'Hradec Králové',
      'Ústí nad Labem',
      'Uherský Brod',
      'Žatec',
      'Zlín',
      'Šumperk',
      'Svitavy',
    ];
    expect([...names].sort(compareCzech)).toEqual([
      'Cvikov',
      'Černošice',
      'Hradec Králové',
      'Humpolec',
      'Cheb',
      'Chrudim',
      'Svitavy',
      'Šumperk',
      'Uherský Brod',
      'Ústí nad Labem',
      'Zlín',
      'Žatec',
    ]);
  });

  it('builds search keys without case and diacritics', () => {
    expect(searchKey('Plzeň')).toBe('plzen');
    expect(searchKey('ŽĎÁR nad Sázavou')).toBe('zdar nad sazavou');
    expect(searchKey('Zittau')).toBe('zittau');
    expect(searchKey(null)).toBe('');
    // Letters Unicode does not decompose: "klodzko" finds Kłodzko, "giessen" Gießen.
    expect(searchKey('Kłodzko')).toBe('klodzko');
    expect(searchKey('ŁÓDŹ')).toBe('lodz');
    expect(searchKey('Gießen')).toBe('giessen');
    // NFD input (decomposed accents) gives the same key as NFC.
    expect(searchKey('Plzen\u030C'.normalize('NFD'))).toBe('plzen');
  });

  it('normalises every string of a value to NFC', () => {
    const nfd = 'Třeboň'.normalize('NFD');
    expect(nfd).not.toBe('Třeboň');
    expect(normalizeStrings({ a: nfd, b: [nfd, 1], c: { d: nfd } })).toEqual({
      a: 'Třeboň',
      b: ['Třeboň', 1],
      c: { d: 'Třeboň' },
    });
  });
});

describe('townNameKey: two spellings of one town share a key', () => {
  it('folds case, diacritics, ł, ß, hyphens and punctuation', () => {
    const pairs: [string, string][] = [
      ['Gießen', 'Giessen'],
      ['Wrocław', 'Wroclaw'],
      ['Mikołów', 'Mikolow'],
      ['Mysłowice', 'Myslowice'],
      ['Romans-sur-Isère', 'Romans sur Isére'],
      ['Jedlina-Zdrój', 'Jedlina - Zdrój'],
      ['Jelenia Góra', 'JELENIA GORA'],
      ["Villeneuve-d'Ascq", 'Villeneuve d’Ascq'],
    ];
    for (const [a, b] of pairs) expect(townNameKey(a), `${a} = ${b}`).toBe(townNameKey(b));
    expect(townNameKey('Bad Homburg')).not.toBe(townNameKey('Homburg'));
  });
});
