import { describe, expect, it } from 'vitest';
import { mergeEdits } from '../../renderer/lib/form-merge';

type Form = { status: string; notes: string; areas: string[]; signedOn: string };
const meaning = <K extends keyof Form>(key: K, value: Form[K]): string =>
  Array.isArray(value) ? JSON.stringify(value.slice().sort()) : key === 'notes' ? String(value).trim() : String(value);

const base: Form = { status: 'active', notes: 'Výměny škol', areas: ['culture', 'sport'], signedOn: '2010' };

describe('a form merged with a colleague’s save', () => {
  it('takes the colleague’s fields, keeps the user’s, and names the fields both changed', () => {
    const mine: Form = { ...base, notes: 'Výměny škol a hasičů', status: 'dormant' };
    const theirs: Form = { ...base, signedOn: '5/2010', status: 'ended' };
    const { merged, clashes } = mergeEdits(base, mine, theirs, meaning);
    expect(merged).toEqual({
      status: 'dormant',
      notes: 'Výměny škol a hasičů',
      areas: ['culture', 'sport'],
      signedOn: '5/2010',
    });
    expect(clashes).toEqual(['status']);
  });

  it('is no clash when both made the same change, or the user’s change only reorders or pads', () => {
    const mine: Form = { ...base, status: 'ended', areas: ['sport', 'culture'], notes: ' Výměny škol ' };
    const theirs: Form = { ...base, status: 'ended', areas: ['culture'], notes: 'Jiné poznámky' };
    const { merged, clashes } = mergeEdits(base, mine, theirs, meaning);
    // Reordered areas and padded notes mean what the base meant: the colleague's values come in.
    expect(merged).toEqual({ ...theirs });
    expect(clashes).toEqual([]);
  });

  it('merges a list as a set: the user’s additions and removals on the colleague’s list, no clash', () => {
    // The user ticked youth and unticked sport; the colleague added environment meanwhile.
    const mine: Form = { ...base, areas: ['culture', 'youth'] };
    const theirs: Form = { ...base, areas: ['culture', 'sport', 'environment'] };
    const { merged, clashes } = mergeEdits(base, mine, theirs, meaning);
    expect(merged.areas).toEqual(['culture', 'environment', 'youth']);
    expect(clashes).toEqual([]);
  });

  it('gives the stored record when the user changed nothing', () => {
    const theirs: Form = { status: 'ended', notes: '', areas: [], signedOn: '' };
    expect(mergeEdits(base, { ...base }, theirs, meaning)).toEqual({ merged: theirs, clashes: [] });
  });
});
