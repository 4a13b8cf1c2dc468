import { describe, expect, it } from 'vitest';
import { formatters } from '../../renderer/features/statistics/stats-columns';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

// Walkthrough: "S aktivním partnerstvím 1 (0 %)" for 1 of 6,259 municipalities.
describe('statistics shares', () => {
  it('say a share above zero that rounds to nothing as below a tenth of a percent', () => {
    const cs = formatters({ language: 'cs' });
    expect(plain(cs.pct(1 / 6259))).toBe('< 0,1 %');
    // One decimal always, as the DOCX report writes them: "1,0 %" beside "1,1 %" (walkthrough 12).
    expect(plain(cs.pct(0))).toBe('0,0 %');
    expect(plain(cs.pct(0.01))).toBe('1,0 %');
    expect(plain(cs.pct(0.0723))).toBe('7,2 %');
    expect(formatters({ language: 'en' }).pct(0.02)).toBe('2.0%');
    expect(cs.pct(null)).toBe('–');
    expect(formatters({ language: 'en' }).pct(1 / 6259)).toBe('< 0.1%');
  });
});
