import type { IDoesFilterPassParams } from 'ag-grid-community';
import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import { useCallback, useMemo, useRef } from 'react';
import { useI18n } from '../lib/i18n';
import {
  chosenCodes,
  codesFilterPasses,
  isChoiceParams,
  modelOfChosen,
  sortedChoices,
  type ChoiceFilterParams,
  type CodesFilterModel,
} from '../lib/choice-filter';
import './choice-filter.css';

/**
 * The column filter of a column of codes shown as labels (a partnership's type and status, a
 * member's kind): a tick box per code, labelled in the user's language, with "all" and "none".
 * Its model holds the codes alone (`lib/choice-filter.ts`), so a saved view shows the same rows in
 * either language. A tick applies at once; Tab walks the boxes, Space ticks, Escape closes.
 * The row's code is what AG Grid gives as the column's filter value (`getValue`: the field, or a
 * `filterValueGetter` where the column shows a label through its `valueGetter`).
 */
export function ChoiceFilter(props: CustomFilterProps<unknown, unknown, CodesFilterModel>) {
  const { model, onModelChange, getValue, colDef } = props;
  const { t, tk } = useI18n();
  const given: unknown = colDef.filterParams;
  const params = useMemo<ChoiceFilterParams>(
    () => (isChoiceParams(given) ? given : { choiceCodes: [], labelPrefix: '', order: 'codes' }),
    [given],
  );
  const codes = params.choiceCodes;
  const choices = useMemo(() => sortedChoices(params, tk), [params, tk]);
  const chosen = chosenCodes(codes, model);

  const doesFilterPass = useCallback(
    ({ node }: IDoesFilterPassParams) => codesFilterPasses(model, getValue(node)),
    [model, getValue],
  );
  const list = useRef<HTMLDivElement>(null);
  const afterGuiAttached = useCallback(() => {
    // Opened from the keyboard, the first box takes the focus (AG Grid would leave it on the popup).
    list.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
  }, []);
  useGridFilter({ doesFilterPass, afterGuiAttached });

  const choose = (next: ReadonlySet<string>) => onModelChange(modelOfChosen(codes, next));
  const toggle = (code: string) => {
    const next = new Set(chosen);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    choose(next);
  };
  const column = colDef.headerName ?? '';

  return (
    <div className="choice-filter" data-testid="choice-filter">
      <div className="choice-filter-helpers">
        <button
          type="button"
          className="link-button"
          onClick={() => choose(new Set(codes))}
          disabled={model === null}
          data-testid="choice-filter-all"
        >
          {t('choiceFilter.all')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => choose(new Set())}
          disabled={chosen.size === 0}
          data-testid="choice-filter-none"
        >
          {t('choiceFilter.none')}
        </button>
      </div>
      <div ref={list} className="choice-filter-list" role="group" aria-label={t('choiceFilter.label', { column })}>
        {choices.map(({ code, label }) => (
          <label key={code} className="choice-filter-option">
            <input
              type="checkbox"
              checked={chosen.has(code)}
              onChange={() => toggle(code)}
              data-testid={`choice-filter-${code}`}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
      {chosen.size === 0 && (
        <p className="choice-filter-empty" role="status">
          {t('choiceFilter.noneChosen')}
        </p>
      )}
    </div>
  );
}

/**
 * What a column of codes adds to its definition for the choice filter: the component and its
 * params (codes, the message prefix of their labels, and the order the column sorts them in).
 */
export const choiceFilter = (
  codes: readonly string[],
  labelPrefix: string,
  order: ChoiceFilterParams['order'],
): { filter: typeof ChoiceFilter; filterParams: ChoiceFilterParams } => ({
  filter: ChoiceFilter,
  filterParams: { choiceCodes: codes, labelPrefix, order },
});
