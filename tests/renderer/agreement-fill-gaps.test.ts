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
});
