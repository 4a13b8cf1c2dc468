/** Rows written per piece: small enough that a piece's text is short-lived, large enough to be quick. */
const ROWS_PER_PIECE = 2_000;

/**
 * For the engines that do not write a grid's JSON themselves (PostgreSQL): rows written as UTF-8
 * bytes a piece at a time, each piece's text going to bytes at once, so that the rows' text never
 * exists as one string (16 million characters at L, two bytes each once a name has a diacritic)
 * beside its bytes. `text` writes rows [start, end) of a piece.
 *
 * The rows are consumed: each row is let go once written, so the rows and the bytes are not both
 * held whole either. The caller must not use `rows` afterwards.
 */
function writeInPieces(rows: unknown[][], text: (rows: unknown[][], start: number, end: number) => string): Buffer {
  const pieces: Buffer[] = [];
  const written: unknown[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_PIECE) {
    const end = Math.min(start + ROWS_PER_PIECE, rows.length);
    pieces.push(Buffer.from(text(rows, start, end)));
    rows.fill(written, start, end);
  }
  rows.length = 0;
  return Buffer.concat(pieces);
}

/**
 * Rows as the inside of a JSON array (what `JSON.stringify(rows)` gives, without its brackets):
 * a part of a grid's answer (see `RowsInParts`). Consumes `rows`.
 */
export const rowsJsonInside = (rows: unknown[][]): Buffer =>
  writeInPieces(
    rows,
    (all, start, end) => (start === 0 ? '' : ',') + JSON.stringify(all.slice(start, end)).slice(1, -1),
  );

/**
 * Rows as the lines SQLite's `selectJsonLines` writes: the JSON of the row's value at `keyAt`, a
 * tab, the row's JSON (as `JSON.stringify` writes it); one row a line (JSON escapes every line
 * break inside a string). Consumes `rows`.
 */
export const rowsJsonLines = (rows: unknown[][], keyAt: number): Buffer =>
  writeInPieces(rows, (all, start, end) => {
    let text = '';
    for (let index = start; index < end; index++) {
      const row = all[index] as unknown[];
      text += (index === 0 ? '' : '\n') + JSON.stringify(row[keyAt] ?? null) + '\t' + JSON.stringify(row);
    }
    return text;
  });
