import type { CustomHeaderProps } from 'ag-grid-react';
import type { GridApi, GridOptions } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState } from 'react';

/** What the select-all box shows: every row shown is ticked, some are, or none. */
export type SelectAllState = 'all' | 'some' | 'none';

/**
 * The state of the select-all box from the ticked rows alone: the rows shown (after the filters)
 * that are ticked, against the number of rows shown. AG Grid's own box counted every row shown,
 * twice, after each change of the grid's rows: ~40 ms at 60,000 rows for each sort, each search
 * keystroke and each part of a first load, while nothing was ticked. This costs nothing then, and
 * one pass over the ticked rows otherwise.
 */
export function selectAllState(api: Pick<GridApi, 'getSelectedNodes' | 'getDisplayedRowCount'>): SelectAllState {
  const selected = api.getSelectedNodes();
  if (selected.length === 0) return 'none';
  let shown = 0;
  for (const node of selected) if (node.displayed) shown += 1;
  if (shown === 0) return 'none';
  return shown >= api.getDisplayedRowCount() ? 'all' : 'some';
}

/** The header of the selection column: ticks all rows shown (after the filters), or clears them. */
export function SelectAllHeader(props: CustomHeaderProps & { label: string; clearLabel: string }) {
  const { api, eGridHeader, label, clearLabel } = props;
  const [state, setState] = useState<SelectAllState>(() => selectAllState(api));
  const [empty, setEmpty] = useState(() => api.getDisplayedRowCount() === 0);
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const update = () => {
      if (api.isDestroyed()) return;
      setState(selectAllState(api));
      setEmpty(api.getDisplayedRowCount() === 0);
    };
    api.addEventListener('selectionChanged', update);
    api.addEventListener('modelUpdated', update);
    update();
    return () => {
      if (api.isDestroyed()) return;
      api.removeEventListener('selectionChanged', update);
      api.removeEventListener('modelUpdated', update);
    };
  }, [api]);

  useEffect(() => {
    if (box.current) box.current.indeterminate = state === 'some';
  }, [state]);

  // Read when clicked: one pass over the ticked rows.
  const toggle = useCallback(() => {
    if (selectAllState(api) === 'all') api.deselectAll('filtered');
    else api.selectAll('filtered');
  }, [api]);

  // Space on the focused header cell toggles, as it did with AG Grid's own box.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ' ' || event.target !== eGridHeader) return;
      event.preventDefault();
      toggle();
    };
    eGridHeader.addEventListener('keydown', onKey);
    return () => eGridHeader.removeEventListener('keydown', onKey);
  }, [eGridHeader, toggle]);

  return (
    <div
      className="ag-labeled ag-label-align-right ag-checkbox ag-input-field ag-header-select-all"
      role="presentation"
    >
      <div
        className={`ag-wrapper ag-input-wrapper ag-checkbox-input-wrapper${
          state === 'all' ? ' ag-checked' : state === 'some' ? ' ag-indeterminate' : ''
        }${empty ? ' ag-disabled' : ''}`}
        role="presentation"
      >
        <input
          ref={box}
          className="ag-input-field-input ag-checkbox-input"
          type="checkbox"
          data-testid="select-all"
          tabIndex={-1}
          checked={state === 'all'}
          disabled={empty}
          aria-label={state === 'all' ? clearLabel : label}
          title={state === 'all' ? clearLabel : label}
          onChange={toggle}
        />
      </div>
    </div>
  );
}

/**
 * The grid options of a screen whose rows can be ticked for a change of many (Members,
 * Partnerships): ticks in a pinned column under our own select-all box, a click on a row still
 * only selects a cell, and the number of ticked rows reported.
 */
export function tickableRows(
  labels: { label: string; clearLabel: string },
  onCount: (ticked: number) => void,
): Pick<GridOptions, 'rowSelection' | 'onSelectionChanged' | 'selectionColumnDef'> {
  return {
    rowSelection: {
      mode: 'multiRow',
      checkboxes: true,
      // Our own box (SelectAllHeader): AG Grid's counted all 60,000 rows after every change.
      headerCheckbox: false,
      selectAll: 'filtered',
      enableClickSelection: false,
    },
    onSelectionChanged: (event) => onCount(event.api.getSelectedRows().length),
    selectionColumnDef: { pinned: 'left', headerComponent: SelectAllHeader, headerComponentParams: labels },
  };
}
