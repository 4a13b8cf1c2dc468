import { describe, expect, it } from 'vitest';
import { countriesInOrder } from '../../renderer/components/CountrySelect';

describe('the country list', () => {
  it('is in the order of the language shown (walkthrough: Chad, Chile, China came after Hungary in English)', () => {
    const english = countriesInOrder('en').map((c) => c.name);
    expect(english.indexOf('Chad')).toBeGreaterThan(english.indexOf('Cameroon'));
    expect(english.indexOf('China')).toBeLessThan(english.indexOf('Hungary'));
    const czech = countriesInOrder('cs').map((c) => c.name);
    // Czech order: ch after h (Chorvatsko after Honduras), Č after C.
    expect(czech.indexOf('Chorvatsko')).toBeGreaterThan(czech.indexOf('Honduras'));
    expect(czech.indexOf('Čína')).toBeGreaterThan(czech.indexOf('Cookovy ostrovy'));
    expect(czech.indexOf('Čína')).toBeLessThan(czech.indexOf('Honduras'));
    expect(countriesInOrder('cs', 'CZ').map((c) => c.code)).not.toContain('CZ');
  });
});
