/**
 * A form's edits brought onto a record a colleague saved meanwhile (a three-way merge by field):
 * `base` is the record as the typing began on it, `mine` the form, `theirs` the record as stored
 * now. A field only the colleague changed takes their value; a field only the user changed keeps
 * the user's; a field both changed to different values keeps the user's and is named in `clashes`
 * (the form shows what is stored, the user decides before saving). `meaning` tells whether two
 * values of a field are the same ("1.1.2010" and "1. 1. 2010", a set in another order).
 */
export function mergeEdits<F extends object>(
  base: F,
  mine: F,
  theirs: F,
  meaning: <K extends keyof F>(key: K, value: F[K]) => string,
): { merged: F; clashes: (keyof F)[] } {
  const merged = { ...theirs };
  const clashes: (keyof F)[] = [];
  for (const key of Object.keys(theirs) as (keyof F)[]) {
    const before = meaning(key, base[key]);
    const own = meaning(key, mine[key]);
    if (own === before) continue;
    merged[key] = mine[key];
    const stored = meaning(key, theirs[key]);
    if (stored !== before && stored !== own) clashes.push(key);
  }
  return { merged, clashes };
}
