import { describe, expect, it } from 'vitest';
import { rowsJsonInside, rowsJsonLines } from '../../../electron/core/db/compact-rows-json';

const rowsOf = (count: number): unknown[][] =>
  Array.from({ length: count }, (_, i) => [
    i,
    i % 3 === 0 ? `Žďár nad Sázavou ${String(i)}` : `Town "${String(i)}"\n🏛`,
    i % 5 === 0 ? [] : ['culture', 'sport'],
    i % 2 === 0,
    i % 7 === 0 ? null : 'ř\\č',
  ]);

/** Lines of key, tab and row as `rowsJsonLines` writes them, read back. */
const readLines = (bytes: Buffer): [unknown, unknown][] =>
  bytes.length === 0
    ? []
    : bytes
        .toString('utf8')
        .split('\n')
        .map((line): [unknown, unknown] => {
          const tab = line.indexOf('\t');
          return [JSON.parse(line.slice(0, tab)), JSON.parse(line.slice(tab + 1))];
        });

describe('rows written as JSON bytes in pieces (PostgreSQL grids)', () => {
  it('writes exactly the text JSON.stringify writes, across the pieces’ edges', () => {
    for (const count of [0, 1, 1_999, 2_000, 2_001, 4_000, 6_543]) {
      const expected = JSON.stringify(rowsOf(count)).slice(1, -1);
      expect(rowsJsonInside(rowsOf(count)).toString('utf8'), `${String(count)} rows`).toBe(expected);
    }
  });

  it('writes what JSON.stringify writes of values that are not plain JSON too', () => {
    const odd = (): unknown[][] => [
      [undefined, new Date(Date.UTC(2024, 4, 18)), 'Ústí 🏛'],
      // eslint-disable-next-line no-sparse-arrays -- a hole, as JSON.stringify meets one
      [, null, { toJSON: () => 'x' }],
      [],
    ];
    expect(rowsJsonInside(odd()).toString('utf8')).toBe(JSON.stringify(odd()).slice(1, -1));
    expect(readLines(rowsJsonLines(odd(), 2))).toEqual([
      ['Ústí 🏛', JSON.parse(JSON.stringify(odd()[0]))],
      ['x', [null, null, 'x']],
      [null, []],
    ]);
  });

  it('writes one line per row, its key before a tab, line breaks in names escaped', () => {
    for (const count of [0, 1, 2_000, 2_001, 4_321]) {
      const lines = readLines(rowsJsonLines(rowsOf(count), 1));
      expect(lines, `${String(count)} rows`).toEqual(rowsOf(count).map((row) => [row[1], row]));
    }
  });

  it('lets the rows go once written', () => {
    const rows = rowsOf(2_500);
    rowsJsonInside(rows);
    expect(rows).toHaveLength(0);
    const more = rowsOf(2_500);
    rowsJsonLines(more, 0);
    expect(more).toHaveLength(0);
  });
});
