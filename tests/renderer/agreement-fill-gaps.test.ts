import { describe, expect, it } from 'vitest';
import { fillGaps, type AgreementRequest } from '../../renderer/features/agreements/useAgreementDraft';

const request = (partner: Record<string, unknown>, cz: Record<string, unknown> = {}) =>
  ({ template: 'partnership', fields: { originals: 2, partner, cz } }) as unknown as AgreementRequest;

describe('a draft filled from the registry as it is now', () => {
  it('takes only what the form leaves empty, and is the same object when nothing is new', () => {
    const current = request({ name: 'Konstanz', address: '', mayorName: 'Typed', idNumber: null });
    const stored = request({ name: 'Konstanz', address: 'Kanzleistraße 15', mayorName: 'Card', idNumber: '08335043' });
    const filled = fillGaps(current, stored);
    expect(filled.fields.partner).toEqual({
      name: 'Konstanz',
      address: 'Kanzleistraße 15',
      mayorName: 'Typed',
      idNumber: '08335043',
    });
    expect(fillGaps(filled, stored)).toBe(filled);
    expect(fillGaps(current, request({ address: '' }))).toBe(current);
  });

  it('with the defaults it started from, a value still as the registry gave it follows the registry; typing stays', () => {
    const before = request({
      name: 'Rehau',
      nounKey: 'foreign_municipality',
      mayorOffice: 'DE:buergermeister',
      mayorName: '',
    });
    // The user typed the mayor; the noun and the office are still the rules' defaults.
    const current = request({
      name: 'Rehau',
      nounKey: 'foreign_municipality',
      mayorOffice: 'DE:buergermeister',
      mayorName: 'Typed',
    });
    // The town card now says "town" (and so another office), and has a mayor of its own.
    const stored = request({
      name: 'Rehau',
      nounKey: 'foreign_town',
      mayorOffice: 'DE:erster_buergermeister',
      mayorName: 'Card',
    });
    expect(fillGaps(current, stored, before).fields.partner).toEqual({
      name: 'Rehau',
      nounKey: 'foreign_town',
      mayorOffice: 'DE:erster_buergermeister',
      mayorName: 'Typed',
    });
    // A noun the user chose is theirs.
    const chosen = request({ name: 'Rehau', nounKey: 'foreign_city', mayorOffice: 'DE:buergermeister', mayorName: '' });
    expect(fillGaps(chosen, stored, before).fields.partner).toMatchObject({
      nounKey: 'foreign_city',
      mayorName: 'Card',
    });
    // Without the defaults, only gaps are filled (as before).
    expect(fillGaps(current, stored).fields.partner).toMatchObject({ nounKey: 'foreign_municipality' });
  });
});
