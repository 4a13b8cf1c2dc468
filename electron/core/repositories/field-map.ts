/*
 * The one way a repository maps a table's fields (camelCase, what services and the renderer use)
 * to its columns (snake_case): each table declares its map once, and these three read it.
 */

export type FieldMap = Readonly<Record<string, string>>;

/** Each map's [field, column] pairs, made once (an import maps 100,000 rows with one map). */
const pairsOf = new WeakMap<FieldMap, readonly (readonly [string, string])[]>();
const pairs = (map: FieldMap): readonly (readonly [string, string])[] => {
  let known = pairsOf.get(map);
  if (!known) {
    known = Object.entries(map);
    pairsOf.set(map, known);
  }
  return known;
};

/**
 * The columns of the fields present in `fields` (a patch writes only what it names); with
 * `every`, all fields of the map, an absent one as null (unknown), for a whole new row.
 */
export function columnsOf(
  map: FieldMap,
  fields: Readonly<Record<string, unknown>>,
  options: { every?: boolean } = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of pairs(map)) {
    if (Object.prototype.hasOwnProperty.call(fields, field)) out[column] = fields[field] ?? null;
    else if (options.every) out[column] = null;
  }
  return out;
}

/** The columns of every field of a map, in the order `valuesOf` gives their values. */
export const columnNames = (map: FieldMap): string[] => pairs(map).map(([, column]) => column);

/**
 * Every field of a map as a whole new row's values, in the order of `columnNames` (an absent
 * one null: unknown). An array, not an object: a batch of 100,000 rows is written from these.
 */
export function valuesOf(map: FieldMap, fields: Readonly<Record<string, unknown>>): unknown[] {
  const known = pairs(map);
  const values: unknown[] = [];
  // An index loop: `entries()` would make a pair per field of every row.
  for (let index = 0; index < known.length; index += 1) values.push(fields[known[index]?.[0] ?? ''] ?? null);
  return values;
}

/** A stored row as fields (every field of the map; a missing column reads as null). */
export function fieldsOf(map: FieldMap, row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of pairs(map)) out[field] = row[column] ?? null;
  return out;
}

/** The columns to select for a map's fields. */
export const selectedColumns = (map: FieldMap): string[] => Object.values(map);
