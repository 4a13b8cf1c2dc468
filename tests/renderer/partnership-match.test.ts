import { describe, expect, it } from 'vitest';
import { matchPartnerships } from '../../renderer/features/agreements/PartnershipPicker';

type Choice = Parameters<typeof matchPartnerships>[0][number];
let next = 0;
const choice = (municipalityName: string, townName: string, countryCode = 'DE', districtName: string | null = null) =>
  ({ id: (next += 1), municipalityName, districtName, townName, countryCode }) as unknown as Choice;

describe('finding partnerships by what is typed (the agreement picker and the batch list)', () => {
  const list = [
    choice('Aš', 'Plauen'),
    choice('Aš', 'Selb'),
    choice('Brno', 'Dallas', 'US'),
    choice('Bruntál', 'Castellarano', 'IT'),
    choice('Olomouc', 'Lucerne', 'CH'),
    choice('Žďár nad Sázavou', 'Hünfeld'),
    choice('Náchod', 'Kłodzko', 'PL'),
  ];
  const names = (query: string) => matchPartnerships(list, query).map((p) => `${p.municipalityName} – ${p.townName}`);

  it('takes words that begin a name where there are such: "Aš" is Aš, not Dallas or Castellarano', () => {
    expect(names('Aš')).toEqual(['Aš – Plauen', 'Aš – Selb']);
    expect(names('as')).toEqual(['Aš – Plauen', 'Aš – Selb']);
    expect(names('zdar sazavou')).toEqual(['Žďár nad Sázavou – Hünfeld']);
    expect(names('klodzko')).toEqual(['Náchod – Kłodzko']);
  });

  it('falls back to any part of a name when no name begins so, and lists all for nothing typed', () => {
    expect(names('lomouc')).toEqual(['Olomouc – Lucerne']);
    expect(names('allas')).toEqual(['Brno – Dallas']);
    expect(names('  ')).toHaveLength(list.length);
    expect(names('xyz')).toEqual([]);
  });

  it('finds a town by its Czech name too ("Remeš" is Reims)', () => {
    const reims = { ...choice('Beroun', 'Reims', 'FR'), townNameCs: 'Remeš' } as Choice;
    expect(matchPartnerships([...list, reims], 'remes').map((p) => p.townName)).toEqual(['Reims']);
  });
});
