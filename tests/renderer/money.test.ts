import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/lib/i18n';

// Review D31: the member overview wrote '12 500,5 EUR' where the partnership detail wrote '12 500,50 €'.
describe('formatMoney', () => {
  it('writes an amount with its currency the same way in Czech and in English', () => {
    const nbsp = /[\u00a0\u202f]/g;
    expect(createI18n('cs').formatMoney(12500.5, 'EUR').replace(nbsp, ' ')).toBe('12 500,50 €');
    expect(createI18n('en').formatMoney(12500.5, 'EUR')).toBe('€12,500.50');
    expect(createI18n('cs').formatMoney(3000, 'CZK').replace(nbsp, ' ')).toBe('3 000,00 Kč');
    expect(createI18n('cs').formatMoney(1200.5, null).replace(nbsp, ' ')).toBe('1 200,5');
  });
});
