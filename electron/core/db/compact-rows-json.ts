import type { CompactRows } from '../../../shared/ipc/compact-rows';

/** Rows written per piece: small enough that a piece's text is short-lived, large enough to be quick. */
const ROWS_PER_PIECE = 2_000;

/**
 * A grid's answer as the UTF-8 bytes of its JSON text (what `JSON.stringify(answer)` gives), for
 * the engines that do not write the JSON themselves (PostgreSQL). The text is written a piece of
 * rows at a time and each piece goes to bytes at once, so the whole answer never exists as one
 * string (at L 16 million characters, two bytes each once a name has a diacritic) beside its bytes.
 *
 * The answer is consumed: each row is let go once written, so the rows and the bytes are not both
 * held whole either. The caller must not use `answer.rows` afterwards.
 */
export function compactRowsJsonBytes(answer: CompactRows): Buffer {
  const { rows } = answer;
  const written: unknown[] = [];
  const pieces: Buffer[] = [Buffer.from(`{"fields":${JSON.stringify(answer.fields)},"rows":[`)];
  for (let start = 0; start < rows.length; start += ROWS_PER_PIECE) {
    const end = Math.min(start + ROWS_PER_PIECE, rows.length);
    const text = JSON.stringify(rows.slice(start, end));
    // Without the piece's own brackets; a comma between pieces.
    pieces.push(Buffer.from((start === 0 ? '' : ',') + text.slice(1, -1)));
    rows.fill(written, start, end);
  }
  pieces.push(Buffer.from(']}'));
  rows.length = 0;
  return Buffer.concat(pieces);
}
