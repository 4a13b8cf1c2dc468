import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/lib/api';
import { goneMessage, goneOf, quoted } from '../../renderer/lib/record-gone';
import { translate } from '../../shared/i18n/index';

/** Core's refusal of a fetch of a record that is gone (audit-repository.ts `recordGone`). */
const notFound = (details?: Record<string, unknown>) =>
  new ApiError({ code: 'NOT_FOUND', message: 'gone', ...(details ? { details } : {}) });
const at = '2026-12-07T02:06:00.000Z';
const when = (iso: string) => (iso === at ? '7. 12. 2026 2:06' : iso);

describe('an open form’s record that is gone (walkthrough 22, finding 5)', () => {
  it('names who deleted it and when, and that it is in the bin, keeping the typing', () => {
    const gone = goneOf(notFound({ reason: 'error.deletedBy', params: { name: 'Petr Svoboda' }, changedAt: at }));
    expect(gone).toEqual({ kind: 'deleted', name: 'Petr Svoboda', at, self: false });
    if (gone === null) throw new Error('not gone');
    const { key, params } = goneMessage(gone, when);
    expect(translate('cs', key, params)).toBe(
      'Tento záznam mezitím smazal někdo jiný: Petr Svoboda (7. 12. 2026 2:06). Je v koši; vaše úpravy zůstaly ve formuláři, uložit je do něj nelze.',
    );
    expect(translate('en', key, params)).toContain('Someone else deleted this record meanwhile: Petr Svoboda');
  });

  it('names the record it was merged into, with its id for opening it', () => {
    const gone = goneOf(
      notFound({
        reason: 'merge.error.mergedInto',
        params: { name: 'Petr Svoboda', at, into: 'Tábor – Škofja Loka' },
        changedAt: at,
        mergedInto: 157,
      }),
    );
    expect(gone).toEqual({ kind: 'merged', name: 'Petr Svoboda', at, into: 'Tábor – Škofja Loka', intoId: 157 });
    if (gone === null) throw new Error('not gone');
    const { key, params } = goneMessage(gone, when);
    expect(translate('cs', key, params)).toBe(
      'Tento záznam mezitím sloučil někdo jiný do záznamu „Tábor – Škofja Loka“: Petr Svoboda (7. 12. 2026 2:06). Vaše úpravy zůstaly ve formuláři.',
    );
    expect(translate('en', key, params)).toBe(
      'Someone else merged this record into “Tábor – Škofja Loka” meanwhile: Petr Svoboda (7. 12. 2026 2:06). Your edits are still in the form.',
    );
  });

  it('tells the other ways a record goes, and a plain absence, apart; other failures are no absence', () => {
    expect(goneOf(notFound({ reason: 'error.deletedBySelf', params: { name: 'Jana' }, changedAt: at }))).toMatchObject({
      kind: 'deleted',
      self: true,
    });
    expect(goneOf(notFound({ reason: 'merge.error.mergedIntoGone', params: { name: 'Petr' } }))).toEqual({
      kind: 'mergedGone',
      name: 'Petr',
      at: null,
    });
    expect(
      goneOf(notFound({ reason: 'error.unimportedBy', params: { name: 'Petr', file: 'nove.tsv' }, changedAt: at })),
    ).toEqual({ kind: 'unimported', name: 'Petr', at, file: 'nove.tsv' });
    expect(goneOf(notFound())).toEqual({ kind: 'unknown' });
    expect(goneOf(new ApiError({ code: 'CONFLICT', message: 'changed' }))).toBeNull();
    expect(goneOf(new Error('network'))).toBeNull();
  });

  it('quotes values as each language does (finding 10: Czech marks in the English notice)', () => {
    expect(quoted('Jana: smlouva', 'cs')).toBe('„Jana: smlouva“');
    expect(quoted('Jana: smlouva', 'en')).toBe('“Jana: smlouva”');
  });
});
