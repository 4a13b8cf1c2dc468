import { describe, expect, it } from 'vitest';
import { offerUndo, onUndoUsed, undoLast } from '../../renderer/lib/undo';

describe('an undo run by Ctrl+Z', () => {
  it('is said to the toasts by its button’s function, once, as when the button is clicked', () => {
    const used: (() => void)[] = [];
    const stop = onUndoUsed((button) => used.push(button));
    let runs = 0;
    const button = offerUndo(() => {
      runs += 1;
    });
    expect(undoLast()).toBe(true);
    expect(runs).toBe(1);
    // The toast that offered it closes (Toasts drops the toast whose action is this function).
    expect(used).toEqual([button]);
    // Its stale button does nothing more.
    button();
    expect(runs).toBe(1);
    expect(undoLast()).toBe(false);
    const other = offerUndo(() => undefined);
    other();
    expect(used).toEqual([button, other]);
    stop();
  });
});
