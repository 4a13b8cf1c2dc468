import type { CsvRecord } from '../../../../shared/domain/import/csv';

/** Records per block of text: a block's text is one string, small enough to be flattened at once. */
const BLOCK = 4096;

type Block = {
  /** The cells of the block's records, one after another with nothing between them. */
  text: string;
  /** Where each cell ends in `text` (a cell starts where the one before it ended). */
  ends: Int32Array;
  /** Per record of the block: the index of its first cell in `ends`, and one past the last record. */
  firsts: Int32Array;
  lines: Int32Array;
};

/**
 * The records of a file kept between a preview and its commit: per block of records, all cells in
 * one string with the offsets where each ends, instead of an array and a string object per cell.
 * The benchmark's 100,000-row file took ~67 MB of V8's heap as arrays and strings and takes ~12 MB
 * packed; a record is read back exactly as it was added (its cells are slices of the text they
 * were joined into).
 */
export class PackedRecords implements Iterable<CsvRecord> {
  private constructor(
    private readonly blocks: readonly Block[],
    readonly length: number,
  ) {}

  /** The record at `index` (0-based), its cells as new strings; undefined outside the table. */
  at(index: number): CsvRecord | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
    const block = this.blocks[Math.floor(index / BLOCK)];
    if (!block) return undefined;
    const inBlock = index % BLOCK;
    const first = block.firsts[inBlock] ?? 0;
    const last = block.firsts[inBlock + 1] ?? first;
    const cells: string[] = [];
    let start = first === 0 ? 0 : (block.ends[first - 1] ?? 0);
    for (let cell = first; cell < last; cell += 1) {
      const end = block.ends[cell] ?? start;
      cells.push(block.text.slice(start, end));
      start = end;
    }
    return { line: block.lines[inBlock] ?? 0, cells };
  }

  *[Symbol.iterator](): Iterator<CsvRecord> {
    for (let index = 0; index < this.length; index += 1) {
      const record = this.at(index);
      if (record) yield record;
    }
  }

  /** Collects records one at a time (as a reader hands them over); `done` gives the table. */
  static packer(): { add: (record: CsvRecord) => void; done: () => PackedRecords } {
    const blocks: Block[] = [];
    let cells: string[] = [];
    let ends: number[] = [];
    let firsts: number[] = [];
    let lines: number[] = [];
    let offset = 0;
    let length = 0;
    const close = () => {
      if (lines.length === 0) return;
      firsts.push(ends.length);
      blocks.push({
        text: cells.join(''),
        ends: Int32Array.from(ends),
        firsts: Int32Array.from(firsts),
        lines: Int32Array.from(lines),
      });
      cells = [];
      ends = [];
      firsts = [];
      lines = [];
      offset = 0;
    };
    return {
      add: (record) => {
        firsts.push(ends.length);
        lines.push(record.line);
        for (const cell of record.cells) {
          cells.push(cell);
          offset += cell.length;
          ends.push(offset);
        }
        length += 1;
        if (lines.length === BLOCK) close();
      },
      done: () => {
        close();
        return new PackedRecords(blocks, length);
      },
    };
  }

  static from(records: Iterable<CsvRecord>): PackedRecords {
    const packer = PackedRecords.packer();
    for (const record of records) packer.add(record);
    return packer.done();
  }
}
