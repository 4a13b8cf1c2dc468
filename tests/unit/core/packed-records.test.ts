import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvRecord } from '../../../shared/domain/import/csv';
import { PackedRecords } from '../../../electron/core/services/import/packed-records';
import { readSourceBytes } from '../../../electron/core/services/import/read-file';

/** Deterministic records: empty cells, Czech letters, quotes, line breaks, emoji, long cells, 0–14 cells. */
function records(count: number, seed = 7): CsvRecord[] {
  const pieces = ['', 'a', 'Žďár nad Sázavou', ' ', '"', ';', '\r\n', '😀', 'x'.repeat(300), '0042', 'ř'];
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state;
  };
  const made: CsvRecord[] = [];
  let line = 2;
  for (let r = 0; r < count; r += 1) {
    const cells: string[] = [];
    const width = next() % 15;
    for (let c = 0; c < width; c += 1) {
      let cell = '';
      for (let p = next() % 4; p > 0; p -= 1) cell += pieces[next() % pieces.length] ?? '';
      cells.push(cell);
    }
    made.push({ line, cells });
    line += 1 + (next() % 3);
  }
  return made;
}

describe('packed records of an import', () => {
  it('give back every record exactly as added, across blocks, in order and by index', () => {
    const original = records(10_000);
    const packed = PackedRecords.from(original);
    expect(packed.length).toBe(original.length);
    expect([...packed]).toEqual(original);
    for (const index of [0, 4095, 4096, 4097, 8191, 8192, 9999]) expect(packed.at(index)).toEqual(original[index]);
    expect(packed.at(-1)).toBeUndefined();
    expect(packed.at(10_000)).toBeUndefined();
    expect(packed.at(1.5)).toBeUndefined();
  });

  it('an empty table has no records', () => {
    const packed = PackedRecords.from([]);
    expect(packed.length).toBe(0);
    expect([...packed]).toEqual([]);
  });

  it('a CSV file is read into the same records as the reader gives, header apart', async () => {
    const lines = ['kód;název;poznámka'];
    for (let i = 0; i < 9000; i += 1) {
      lines.push(
        i % 7 === 0 ? `${String(i)};"Lhota; u ""Brna""";"dvě\nřádky"` : `${String(i)};Obec ${String(i)} – Žďár;`,
      );
      if (i % 1000 === 0) lines.push('');
    }
    const text = lines.join('\r\n');
    const table = await readSourceBytes(new TextEncoder().encode(text), 'obce.csv');
    const expected = parseCsv(text, ';');
    expect(table.header).toEqual(['kód', 'název', 'poznámka']);
    expect(table.records.length).toBe(expected.length - 1);
    expect([...table.records]).toEqual(expected.slice(1));
  });
});
