import { compareCzech, searchKey } from '../../shared/domain/text';

/**
 * The rules of the choice filter (`components/ChoiceFilter.tsx`), the column filter of a column
 * that holds a closed list of codes shown as labels (a partnership's type and status, a member's
 * kind). Its model holds the chosen CODES, never a label: a saved view means the same rows in
 * every language (walkthrough 23 finding 9: a typed „ko“ on Stav matched other rows in English).
 */

/** The filter model of a choice column: the codes whose rows show (none chosen: no row shows). */
export type CodesFilterModel = { filterType: 'codes'; values: string[] };

/**
 * What a choice column gives its filter (`filterParams`): its codes, the message prefix of their
 * labels (`${labelPrefix}.${code}`), and how the list is sorted: as the column sorts, by label
 * (Czech order) or in the codes' own order (a status runs from proposed to ended).
 */
export type ChoiceFilterParams = {
  choiceCodes: readonly string[];
  labelPrefix: string;
  order: 'label' | 'codes';
};

export const isCodesModel = (model: unknown): model is CodesFilterModel =>
  typeof model === 'object' &&
  model !== null &&
  (model as { filterType?: unknown }).filterType === 'codes' &&
  Array.isArray((model as { values?: unknown }).values) &&
  (model as { values: unknown[] }).values.every((value) => typeof value === 'string');

/** Whether the filterParams of a column are a choice filter's. */
export const isChoiceParams = (params: unknown): params is ChoiceFilterParams =>
  typeof params === 'object' &&
  params !== null &&
  Array.isArray((params as { choiceCodes?: unknown }).choiceCodes) &&
  typeof (params as { labelPrefix?: unknown }).labelPrefix === 'string';

/** Whether a row with `code` passes: no model (or not a codes model) lets every row pass. */
export function codesFilterPasses(model: unknown, code: unknown): boolean {
  if (!isCodesModel(model)) return true;
  return typeof code === 'string' && model.values.includes(code);
}

/** The choices of a column, labelled in the current language and sorted as the column sorts. */
export function sortedChoices(
  params: ChoiceFilterParams,
  tk: (key: string) => string,
): { code: string; label: string }[] {
  const choices = params.choiceCodes.map((code) => ({ code, label: tk(`${params.labelPrefix}.${code}`) }));
  return params.order === 'label' ? choices.sort((a, b) => compareCzech(a.label, b.label)) : choices;
}

/**
 * The model for `chosen` codes of a column: null (no filter) when every code is chosen, else the
 * chosen codes in the column's code order (one order, whatever order they were ticked in).
 */
export function modelOfChosen(codes: readonly string[], chosen: ReadonlySet<string>): CodesFilterModel | null {
  if (codes.every((code) => chosen.has(code))) return null;
  return { filterType: 'codes', values: codes.filter((code) => chosen.has(code)) };
}

/** The codes a model lets through (no model: every code). */
export const chosenCodes = (codes: readonly string[], model: unknown): Set<string> =>
  new Set(isCodesModel(model) ? model.values : codes);

/** The text filter's operators that compare the typed text with the label. */
const TEXT_MATCHERS: Readonly<Record<string, (label: string, text: string) => boolean>> = {
  contains: (label, text) => label.includes(text),
  notContains: (label, text) => !label.includes(text),
  equals: (label, text) => label === text,
  notEqual: (label, text) => label !== text,
  startsWith: (label, text) => label.startsWith(text),
  endsWith: (label, text) => label.endsWith(text),
};

/** Operators that say what a label must NOT be: a code is kept only if no label of it matches. */
const NEGATIVE = new Set(['notContains', 'notEqual']);

/**
 * The codes an old text filter condition (a saved view's, from when these columns had a text
 * filter on the label) matches: a code matches when its label in EITHER language (`labelsOf`),
 * folded as the text filter folded it (no case, no diacritics), satisfies the condition's
 * operator; a negative operator ("does not contain") keeps the codes none of whose labels contain
 * the text. Null when it cannot be said in codes: an operator without text (blank, not blank:
 * they were about rows without a value) or one not known, or a condition that is no text filter.
 */
export function textConditionToCodes(
  condition: unknown,
  codes: readonly string[],
  labelsOf: (code: string) => readonly string[],
): Set<string> | null {
  if (typeof condition !== 'object' || condition === null) return null;
  const { filterType, type, filter, operator, conditions } = condition as {
    filterType?: unknown;
    type?: unknown;
    filter?: unknown;
    operator?: unknown;
    conditions?: unknown;
  };
  if (filterType !== undefined && filterType !== 'text') return null;
  if (Array.isArray(conditions)) {
    if (operator !== 'AND' && operator !== 'OR') return null;
    const parts = conditions.map((part) => textConditionToCodes(part, codes, labelsOf));
    if (parts.length === 0 || parts.some((part) => part === null)) return null;
    const sets = parts as Set<string>[];
    return new Set(
      codes.filter((code) =>
        operator === 'AND' ? sets.every((set) => set.has(code)) : sets.some((set) => set.has(code)),
      ),
    );
  }
  const kind = typeof type === 'string' ? type : 'contains';
  const matcher = TEXT_MATCHERS[kind];
  if (matcher === undefined || typeof filter !== 'string') return null;
  const text = searchKey(filter);
  const folded = (code: string) => labelsOf(code).map((label) => searchKey(label));
  if (NEGATIVE.has(kind)) {
    const positive = kind === 'notContains' ? TEXT_MATCHERS.contains : TEXT_MATCHERS.equals;
    return new Set(codes.filter((code) => !folded(code).some((label) => positive?.(label, text) === true)));
  }
  return new Set(codes.filter((code) => folded(code).some((label) => matcher(label, text))));
}

/** A choice column as the restore of a view sees it: its codes and its labels in both languages. */
export type ChoiceColumn = { codes: readonly string[]; labelsOf: (code: string) => readonly string[] };

/**
 * A view's filter model as today's columns take it: an old text model on a choice column becomes
 * the codes it matches (`textConditionToCodes`); one that cannot be said in codes is dropped and
 * its column named in `dropped`, for the notice. Other columns' filters stay as they are.
 */
export function choiceFiltersOfView(
  model: Readonly<Record<string, unknown>> | undefined,
  columns: Readonly<Record<string, ChoiceColumn>>,
): { model: Record<string, unknown> | undefined; dropped: string[] } {
  if (model === undefined) return { model, dropped: [] };
  const dropped: string[] = [];
  const converted: Record<string, unknown> = {};
  for (const [colId, condition] of Object.entries(model)) {
    const column = columns[colId];
    if (column === undefined || isCodesModel(condition)) {
      converted[colId] = condition;
      continue;
    }
    const codes = textConditionToCodes(condition, column.codes, column.labelsOf);
    if (codes === null) {
      dropped.push(colId);
      continue;
    }
    // Every code matched: the old filter hid no row, and none is kept.
    const chosen = modelOfChosen(column.codes, codes);
    if (chosen !== null) converted[colId] = chosen;
  }
  return { model: converted, dropped };
}

/** Whether a view's filter model holds a filter on a choice column that is not a codes model. */
export const hasOldChoiceFilter = (
  model: Readonly<Record<string, unknown>> | undefined,
  choiceColIds: readonly string[],
): boolean => choiceColIds.some((colId) => model?.[colId] !== undefined && !isCodesModel(model[colId]));
