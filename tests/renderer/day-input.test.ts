import { describe, expect, it } from 'vitest';
import { dayValueOf } from '../../renderer/components/DayInput';

describe('a day typed in a date field', () => {
  it('is the ISO day in Czech or ISO writing, empty when blank, and as typed when it is no day', () => {
    expect(dayValueOf('22. 5. 2026')).toBe('2026-05-22');
    expect(dayValueOf(' 1.4.2019 ')).toBe('2019-04-01');
    expect(dayValueOf('2026-05-22')).toBe('2026-05-22');
    expect(dayValueOf('   ')).toBe('');
    // No such day, a month or a year only, text: kept as typed for the rules to name (never dropped).
    expect(dayValueOf('31. 2. 2019')).toBe('31. 2. 2019');
    expect(dayValueOf('5/2019')).toBe('5/2019');
    expect(dayValueOf('loni')).toBe('loni');
  });
});
