/**
 * Rows of a big grid in compact form: the field names once, then one array of values per row in
 * that order. Over the bridge this is well under half the bytes of row objects (60,000
 * partnerships: 15 MB instead of 36 MB, where the field names were most of the text), and core
 * never makes the row objects. No zod here: the renderer's first screen imports it.
 */
export type CompactRows = { fields: string[]; rows: unknown[][] };

/** One row object from a compact row (every field assigned, in the fields' order). */
const expandOne = (fields: readonly string[], values: readonly unknown[]): Record<string, unknown> => {
  const row: Record<string, unknown> = {};
  for (let index = 0; index < fields.length; index += 1) row[fields[index] as string] = values[index];
  return row;
};

/**
 * The row objects of a compact answer, made in place of the compact rows (each array is garbage
 * once its row exists, so both forms of the whole answer are never alive at once).
 */
export function expandRows<T>(compact: CompactRows): T[] {
  const out: unknown[] = compact.rows;
  for (let index = 0; index < out.length; index += 1) out[index] = expandOne(compact.fields, out[index] as unknown[]);
  return out as T[];
}

/** Rows per step of `expandRowsInSteps`: a few milliseconds of work. */
const STEP_ROWS = 4000;

/**
 * `expandRows` in steps of a few thousand rows, awaiting `pause()` between them, so that a window
 * building 60,000 rows stays responsive (the renderer passes a pause that yields to the browser).
 */
export async function expandRowsInSteps<T>(compact: CompactRows, pause: () => Promise<void>): Promise<T[]> {
  const out: unknown[] = compact.rows;
  for (let start = 0; start < out.length; start += STEP_ROWS) {
    if (start > 0) await pause();
    const end = Math.min(out.length, start + STEP_ROWS);
    for (let index = start; index < end; index += 1) out[index] = expandOne(compact.fields, out[index] as unknown[]);
  }
  return out as T[];
}
