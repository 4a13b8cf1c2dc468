import { describe, expect, it } from 'vitest';
import { exactlyNamed } from '../../renderer/components/TownPicker';
import type { TownSuggestion } from '../../shared/domain/partnerships';

const town = (name: string, nameCs: string | null = null, geonamesId = name.length): TownSuggestion => ({
  foreignTownId: null,
  geonamesId,
  name,
  nameCs,
  countryCode: 'PL',
  adminCode: null,
  adminRegion: null,
  population: 1000,
  latitude: 51,
  longitude: 15,
});

describe('exactlyNamed (a request’s own town chosen in the conversion)', () => {
  it('finds the one town named exactly so, by its name or Czech name, letter case aside', () => {
    const zary = town('Żary');
    expect(exactlyNamed([town('Żarki'), zary, town('Żary Wielkie')], 'żary')).toBe(zary);
    const vratislav = town('Wrocław', 'Vratislav');
    expect(exactlyNamed([vratislav], 'Vratislav ')).toBe(vratislav);
  });

  it('chooses nothing when the name is only similar, missing, empty, or held by two towns', () => {
    expect(exactlyNamed([town('Żary')], 'Zary')).toBeNull();
    expect(exactlyNamed([town('Żary Wielkie')], 'Żary')).toBeNull();
    expect(exactlyNamed([town('Żarki', null, 1), town('Żarki', null, 2)], 'Żarki')).toBeNull();
    expect(exactlyNamed([town('Żary')], '  ')).toBeNull();
    expect(exactlyNamed([], 'Żary')).toBeNull();
  });
});
