import { describe, expect, it } from 'vitest';
import { compactRowsJsonBytes } from '../../../electron/core/db/compact-rows-json';
import type { CompactRows } from '../../../shared/ipc/compact-rows';

const answerOf = (count: number): CompactRows => ({
  fields: ['id', 'name', 'areas', 'member', 'note'],
  rows: Array.from({ length: count }, (_, i) => [
    i,
    i % 3 === 0 ? `Žďár nad Sázavou ${String(i)}` : `Town "${String(i)}"\n🏛`,
    i % 5 === 0 ? [] : ['culture', 'sport'],
    i % 2 === 0,
    i % 7 === 0 ? null : 'ř\\č',
  ]),
});

describe('compactRowsJsonBytes', () => {
  it('writes exactly the text JSON.stringify writes, across the pieces’ edges', () => {
    for (const count of [0, 1, 1_999, 2_000, 2_001, 4_000, 6_543]) {
      const expected = JSON.stringify(answerOf(count));
      const bytes = compactRowsJsonBytes(answerOf(count));
      expect(bytes.toString('utf8'), `${String(count)} rows`).toBe(expected);
    }
  });

  it('writes what JSON.stringify writes of values that are not plain JSON too', () => {
    const odd = (): CompactRows => ({
      fields: ['a', 'b', 'ž'],
      // eslint-disable-next-line no-sparse-arrays -- a hole, as JSON.stringify meets one
      rows: [[undefined, new Date(Date.UTC(2024, 4, 18)), 'Ústí 🏛'], [, null, { toJSON: () => 'x' }], []],
    });
    expect(compactRowsJsonBytes(odd()).toString('utf8')).toBe(JSON.stringify(odd()));
  });

  it('lets the rows go once written', () => {
    const answer = answerOf(2_500);
    compactRowsJsonBytes(answer);
    expect(answer.rows).toHaveLength(0);
  });
});
