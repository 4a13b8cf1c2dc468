import { describe, expect, it } from 'vitest';
import { expandRows, expandRowsInSteps, type CompactRows } from '../../../shared/ipc/compact-rows';

/** Issue 16 target 1: a grid's rows cross the bridge in compact form and are made into objects in steps. */
describe('compact rows', () => {
  const fields = ['id', 'name', 'isMember', 'areas', 'population'];
  const objects = Array.from({ length: 10_001 }, (_, index) => ({
    id: index + 1,
    name: index % 2 === 0 ? `Obec ${index}` : 'Žďár nad Sázavou',
    isMember: index % 3 === 0,
    areas: index % 5 === 0 ? [] : ['culture', 'sport'],
    population: index % 7 === 0 ? null : index * 3,
  }));
  const compact = (): CompactRows => ({
    fields: [...fields],
    rows: objects.map((row) => [row.id, row.name, row.isMember, [...row.areas], row.population]),
  });

  it('makes every row with every field, nulls and arrays included', () => {
    expect(expandRows(compact())).toEqual(objects);
  });

  it('makes them a few thousand at a time, pausing between the steps', async () => {
    let pauses = 0;
    let largestStep = 0;
    let madeBeforePause = 0;
    const input = compact();
    const made = await expandRowsInSteps(input, () => {
      pauses += 1;
      // how many rows were made since the previous pause
      const now = input.rows.findIndex((row) => Array.isArray(row));
      largestStep = Math.max(largestStep, now - madeBeforePause);
      madeBeforePause = now;
      return Promise.resolve();
    });
    expect(made).toEqual(objects);
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(largestStep).toBeLessThanOrEqual(5000);
  });
});
