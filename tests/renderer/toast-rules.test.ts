import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/lib/api';
import { errorSummary } from '../../renderer/lib/errors';
import { createI18n } from '../../renderer/lib/i18n';
import { callSettled, onRecordSaved, recordOfCall, takeFailedRecord } from '../../renderer/lib/record-outcomes';
import { asUndoRefusal, offerUndo, undoRunning } from '../../renderer/lib/undo';
import { MAX_TOASTS, pushToast, settleRecord, type Stacked } from '../../renderer/components/toast-stack';
import { importUndoRefusalOf, importUndoRefusalText } from '../../renderer/features/settings/import-undo-refusal';

/** Walkthrough 22, findings 8 and 6: toasts that do not pile up, and refusals whose advice fits. */
const toast = (id: number, kind: Stacked['kind'], record?: string): Stacked =>
  record === undefined ? { id, kind } : { id, kind, record };

describe('the toast stack', () => {
  it('shows at most three, newest first, dropping the oldest', () => {
    let all: Stacked[] = [];
    for (const id of [1, 2, 3, 4, 5]) all = pushToast(all, toast(id, 'error'));
    expect(MAX_TOASTS).toBe(3);
    expect(all.map((t) => t.id)).toEqual([5, 4, 3]);
  });

  it('drops the errors about a record once a later write of it succeeded, and nothing else', () => {
    let all: Stacked[] = [];
    all = pushToast(all, toast(1, 'error', 'partnerships#7'));
    all = pushToast(all, toast(2, 'error', 'partnerships#9'));
    all = pushToast(all, toast(3, 'ok', 'partnerships#7'));
    const settled = settleRecord(all, 'partnerships#7');
    expect(settled.map((t) => t.id)).toEqual([3, 2]);
    // Nothing about the record: the very same list (no new render).
    expect(settleRecord(settled, 'members#7')).toBe(settled);
  });
});

describe('what became of a write to one record', () => {
  afterEach(() => {
    takeFailedRecord();
  });

  it('a versioned write names its record; other calls name none', () => {
    expect(recordOfCall('partnerships:update', { id: 12, version: 3, changes: {} })).toBe('partnerships#12');
    expect(recordOfCall('towns:update', { id: 4, version: 1 })).toBe('towns#4');
    expect(recordOfCall('partnerships:get', { id: 12 })).toBeNull();
    expect(recordOfCall('import:undo', { id: 2 })).toBeNull();
    expect(recordOfCall('prefs:get', {})).toBeNull();
  });

  it('a failed write is taken once by the error toast shown in the same task, and a success is announced', async () => {
    const saved: string[] = [];
    const stop = onRecordSaved((record) => saved.push(record));
    callSettled('partnerships:update', { id: 12, version: 3 }, false);
    expect(takeFailedRecord()).toBe('partnerships#12');
    expect(takeFailedRecord()).toBeNull();
    // Not taken in its task: a toast shown later is about nothing in particular.
    callSettled('partnerships:update', { id: 12, version: 3 }, false);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(takeFailedRecord()).toBeNull();
    callSettled('partnerships:update', { id: 12, version: 4 }, true);
    callSettled('partnerships:get', { id: 12 }, true);
    expect(saved).toEqual(['partnerships#12']);
    stop();
  });
});

describe('an undo refused because a colleague changed the record', () => {
  const refusal = {
    code: 'CONFLICT' as const,
    message: 'The record was changed meanwhile by Petr Svoboda (petr)…',
    details: {
      reason: 'error.conflictBy',
      params: { name: 'Petr Svoboda (petr)' },
      changedAt: '2026-12-07T02:02:00.000Z',
    },
  };

  it('is said as an undo’s: no change to repeat, the history’s “Revert this change” instead', () => {
    for (const language of ['cs', 'en'] as const) {
      const i18n = createI18n(language);
      const asSave = errorSummary(new ApiError(refusal), i18n).text;
      const asUndo = errorSummary(new ApiError(asUndoRefusal(refusal)), i18n).text;
      expect(asSave).toMatch(language === 'cs' ? /změnu zopakujte/ : /./);
      expect(asUndo).not.toMatch(/zopakujte|apply your change again/);
      expect(asUndo).toContain('Petr Svoboda (petr)');
      expect(asUndo).toContain(i18n.formatDateTime(refusal.details.changedAt));
      expect(asUndo).toContain(i18n.t('history.revert'));
    }
  });

  it('is marked by the undo that started the call, and only while it runs', () => {
    let during = false;
    const undo = offerUndo(() => {
      during = undoRunning();
    });
    expect(undoRunning()).toBe(false);
    undo();
    expect(during).toBe(true);
    expect(undoRunning()).toBe(false);
    // Other refusals stay as they are.
    const other = { code: 'CONFLICT' as const, message: 'x', details: { reason: 'undo.superseded' } };
    expect(asUndoRefusal(other)).toBe(other);
  });
});

describe('a refused import undo', () => {
  const refused = (server: boolean) =>
    new ApiError({
      code: 'CONFLICT',
      message: '1 record(s) of this import changed since',
      details: {
        reason: 'import.undo.changedSince',
        params: { count: 1, records: 'Tábor – Lahti', more: 0, name: 'Petr Svoboda (petr)' },
        changedAt: '2026-12-07T02:10:00.000Z',
        changes: [{ record: 'Tábor – Lahti', name: 'Petr Svoboda (petr)', at: '2026-12-07T02:10:00.000Z' }],
        untouched: { remove: 2, restore: 0, kept: 2 },
        server,
      },
    });

  it('on a server names the colleague and offers the untouched records, with no backup advice', () => {
    for (const language of ['cs', 'en'] as const) {
      const i18n = createI18n(language);
      const parts = importUndoRefusalOf(refused(true));
      if (parts === null) throw new Error('not read as a refusal');
      const said = importUndoRefusalText(parts, i18n);
      expect(said.changes).toEqual([
        `Tábor – Lahti – Petr Svoboda (petr), ${i18n.formatDateTime('2026-12-07T02:10:00.000Z')}`,
      ]);
      expect(said.offer).toBe(
        language === 'cs'
          ? 'Odebrat 2 importované záznamy, které nikdo nezměnil'
          : 'Remove the 2 imported records nobody changed',
      );
      expect(`${said.advice} ${errorSummary(refused(true), i18n).text}`).not.toMatch(
        /zálo|backup|správce|administrator/i,
      );
    }
  });

  it('on a registry file advises the backup only last, after the other options', () => {
    const parts = importUndoRefusalOf(refused(false));
    if (parts === null) throw new Error('not read as a refusal');
    const { advice } = importUndoRefusalText(parts, createI18n('en'));
    expect(advice).toMatch(/remove the records nobody changed.*Edit those by hand.*last resort, restore the backup/s);
  });

  it('without an untouched record offers nothing; a refusal of another kind is not read as one', () => {
    const none = importUndoRefusalOf(
      new ApiError({
        code: 'CONFLICT',
        message: '',
        details: { changes: [], untouched: { remove: 0, restore: 0, kept: 3 }, server: true },
      }),
    );
    if (none === null) throw new Error('not read as a refusal');
    expect(importUndoRefusalText(none, createI18n('cs')).offer).toBeNull();
    expect(importUndoRefusalOf(new ApiError({ code: 'CONFLICT', message: '', details: { reason: 'x' } }))).toBeNull();
  });
});
