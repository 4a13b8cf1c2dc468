import { describe, expect, it } from 'vitest';
import { compareCzech } from '../../shared/domain/text';
import { rankedComparator } from '../../renderer/lib/czech-grid';

/**
 * Issue 16 target 3: a sort that comes before the grid's values were ranked (the first click on a
 * new window) ranks the grid's values at once and then compares ranks, instead of calling the
 * collator for every comparison and ranking the same values again after the sort.
 */
describe('Czech sort of values a grid announced', () => {
  const names = ['Chrudim', 'Cheb', 'Humpolec', 'Černošice', 'Cvikov', 'Žatec', 'Zlín', 'Šumperk', 'cheb', 'Hořice'];

  it('ranks the announced values at the first comparison and sorts them by rank in Czech order', () => {
    let calls = 0;
    const compare = rankedComparator((a, b) => {
      calls += 1;
      return compareCzech(a, b);
    });
    let asked = 0;
    compare.expect(names, () => {
      asked += 1;
      return names;
    });
    expect(asked).toBe(0); // nothing is done until a sort needs it
    const rows = [...names, ...names].reverse();
    const sorted = [...rows].sort(compare);
    expect(sorted).toEqual([...rows].sort(compareCzech));
    expect(asked).toBe(1);
    // The collator ranked the ten distinct names once; the sort itself compared ranks.
    const afterFirst = calls;
    expect(afterFirst).toBeLessThan(40);
    calls = 0;
    expect([...rows].sort(compare).reverse()).toEqual([...rows].sort(compareCzech).reverse());
    expect(calls).toBe(0);
  });

  it('forgets what it was told once learned or dropped: a later sort asks nobody', () => {
    const compare = rankedComparator(compareCzech);
    let asked = 0;
    const key = {};
    compare.expect(key, () => {
      asked += 1;
      return names;
    });
    compare.forget(key);
    expect([...names].sort(compare)).toEqual([...names].sort(compareCzech));
    expect(asked).toBe(0);
  });
});
