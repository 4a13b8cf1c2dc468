import { describe, expect, it } from 'vitest';
import { parseTypedNumber } from '../../../shared/domain/typed-number';

const read = (text: string, kind: 'integer' | 'decimal' | 'amount') => {
  const parsed = parseTypedNumber(text, kind);
  return parsed.ok ? parsed.value : parsed.reason;
};

describe('a number typed the Czech or the English way', () => {
  it('reads spaces, both separators together and repeated groups as people write them', () => {
    expect(read('1 250', 'amount')).toBe(1250);
    expect(read('12\u00a0500,50', 'amount')).toBe(12500.5);
    expect(read('1250,50', 'amount')).toBe(1250.5);
    expect(read('1,250.50', 'amount')).toBe(1250.5);
    expect(read('1.250,50', 'amount')).toBe(1250.5);
    expect(read('2,500,000', 'amount')).toBe(2500000);
    expect(read('2.500.000', 'integer')).toBe(2500000);
    expect(read('12,5', 'amount')).toBe(12.5);
    expect(read('0,250', 'amount')).toBe(0.25);
    expect(read('-3,5', 'decimal')).toBe(-3.5);
    expect(read('', 'amount')).toBeNull();
  });

  it('never guesses: one separator before three digits depends on what the number is', () => {
    // An English 1,250 € was saved as 1.25 €, a Czech 1.250 Kč as 1,25 Kč.
    expect(read('1,250', 'amount')).toBe('validation.numberAmbiguous');
    expect(read('1.250', 'amount')).toBe('validation.numberAmbiguous');
    // A population is whole: 65,000 people.
    expect(read('65,000', 'integer')).toBe(65000);
    expect(read('65.000', 'integer')).toBe(65000);
    // A coordinate has decimals, never thousands.
    expect(read('49,123', 'decimal')).toBe(49.123);
    expect(read('15.123', 'decimal')).toBe(15.123);
  });

  it('refuses what is not a number', () => {
    for (const text of ['1e5', '12 Kč', '1,25,0', '1.250,5,0', '1,', ',5', 'abc', '1.2.3,4', '--1'])
      expect(read(text, 'amount'), text).toBe('validation.number');
  });
});
