import { describe, expect, it } from 'vitest';
import { compareCzech, normalizeStrings, searchKey } from '../../../shared/domain/text';

describe('Czech text rules', () => {
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
