import { describe, expect, it } from 'vitest';
import { nameNearness, nearFirst, proposedStays } from '../../renderer/features/partnerships/merge-town-choice';

describe('the town merge dialog’s candidate order (walkthrough 25, #9)', () => {
  it('counts one folded key and a letter or two misspelt as near, other towns not', () => {
    expect(nameNearness(['Wroclaw'], ['Wrocław'])).toBe(0);
    expect(nameNearness(['Romans sur Isére'], ['Romans-sur-Isère'])).toBe(0);
    expect(nameNearness(['Ružomberok'], ['Ružomberk'])).toBe(1);
    expect(nameNearness(['Gross Bieberau'], ['Groß-Bieberau'])).toBe(0);
    expect(nameNearness(['Banská Bystrica'], ['Ružomberk'])).toBeNull();
    // Short names: only equal ones (Ulm and Ulma are two towns).
    expect(nameNearness(['Ulma'], ['Ulm'])).toBeNull();
    // Any of a candidate's names counts (an alternate or Czech name).
    expect(nameNearness(['Rosenberg', 'Ružomberok'], ['Ružomberk'])).toBe(1);
  });

  it('puts the near-identical names first, nearest first, the rest in the order they came', () => {
    const candidates = [
      { id: 1, names: ['Bardejov'] },
      { id: 2, names: ['Brezno'] },
      { id: 3, names: ['Ružomberok'] },
      { id: 4, names: ['Žilina'] },
      { id: 5, names: ['RUŽOMBERK'] },
    ];
    expect(nearFirst(candidates, ['Ružomberk']).map((c) => [c.id, c.near])).toEqual([
      [5, true],
      [3, true],
      [1, false],
      [2, false],
      [4, false],
    ]);
  });
});

describe('which record of a town merge is proposed to stay', () => {
  it('the gazetteer-identified one; when both or neither are, the one started from', () => {
    expect(proposedStays({ id: 1, geonamesId: null }, { id: 2, geonamesId: 3_057_140 })).toBe('other');
    expect(proposedStays({ id: 1, geonamesId: 3_057_140 }, { id: 2, geonamesId: null })).toBe('started');
    expect(proposedStays({ id: 1, geonamesId: 1 }, { id: 2, geonamesId: 2 })).toBe('started');
    expect(proposedStays({ id: 1, geonamesId: null }, { id: 2, geonamesId: null })).toBe('started');
  });
});
