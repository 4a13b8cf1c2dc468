import { describe, expect, it } from 'vitest';
import { selectAllState } from '../../renderer/components/SelectAllHeader';

/** The select-all box of the Partnerships grid reads the ticked rows only (issue 16: no pass over all rows). */
describe('select-all state from the ticked rows', () => {
  const api = (ticked: { displayed: boolean }[], shown: number) => ({
    getSelectedNodes: () => ticked as never[],
    getDisplayedRowCount: () => shown,
  });

  it('none ticked: empty, whatever is shown', () => {
    expect(selectAllState(api([], 60_000))).toBe('none');
    expect(selectAllState(api([], 0))).toBe('none');
  });

  it('every row shown ticked: all; some of them: some', () => {
    expect(selectAllState(api([{ displayed: true }, { displayed: true }], 2))).toBe('all');
    expect(selectAllState(api([{ displayed: true }], 2))).toBe('some');
  });

  it('ticked rows a filter hides do not count (the box speaks of the rows shown)', () => {
    expect(selectAllState(api([{ displayed: false }, { displayed: false }], 5))).toBe('none');
    expect(selectAllState(api([{ displayed: false }, { displayed: true }], 1))).toBe('all');
    expect(selectAllState(api([{ displayed: false }, { displayed: true }], 3))).toBe('some');
  });
});
