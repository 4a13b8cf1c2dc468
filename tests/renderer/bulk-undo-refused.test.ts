import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/lib/api';
import { createI18n, type I18n } from '../../renderer/lib/i18n';
import { showBulkResult, type BulkRestore } from '../../renderer/components/bulk-result';
import type { Toast } from '../../renderer/components/Toasts';

/**
 * Walkthrough 22, finding 7: a bulk undo refused because a colleague later touched one row lists
 * the rows changed since (who, when), and offers to put back only the others, saying that the
 * listed rows are left to revert by hand.
 */
const say = (text: Toast['text'] | undefined, i18n: I18n): string =>
  text === undefined ? '' : typeof text === 'string' ? text : text(i18n);

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a refused bulk undo', () => {
  for (const language of ['cs', 'en'] as const)
    it(`names the changed rows and offers the other rows alone (${language})`, async () => {
      const i18n = createI18n(language);
      const toasts: Omit<Toast, 'id'>[] = [];
      const calls: { auditId: number; options?: { onlyUnchanged: true } }[] = [];
      const restore: BulkRestore = (auditId, options) => {
        calls.push(options === undefined ? { auditId } : { auditId, options });
        if (options === undefined)
          return Promise.reject(
            new ApiError({
              code: 'CONFLICT',
              message: 'Changed since the bulk change',
              details: {
                reason: 'partnerships.bulk.undoChangedRows',
                rows: [
                  {
                    id: 7,
                    name: 'Písek – Lemvig',
                    gone: false,
                    by: 'Jana Nováková (jana)',
                    at: '2026-12-07T02:02:00Z',
                  },
                ],
                others: 6,
              },
            }),
          );
        return Promise.resolve({ changed: 6, auditId: 99, skipped: 1 });
      };
      let refreshed = 0;
      showBulkResult(
        (toast) => toasts.push(toast) - 1,
        { changed: 7, auditId: 50 },
        {
          none: 'partnerships.bulk.none',
          done: 'partnerships.bulk.done',
          undo: 'partnerships.undo',
          undone: 'partnerships.bulk.undone',
        },
        restore,
        () => (refreshed += 1),
      );
      toasts[0]?.action?.run();
      await settle();
      const refused = toasts[1];
      expect(refused?.kind).toBe('error');
      const text = say(refused?.text, i18n);
      expect(text).toContain('Písek – Lemvig (Jana Nováková (jana), ');
      expect(text).toContain(language === 'cs' ? 'Nic se nevrátilo' : 'Nothing was put back');
      expect(say(refused?.detail, i18n)).toContain(language === 'cs' ? 'ručně' : 'by hand');
      expect(say(refused?.action?.label, i18n)).toBe(
        language === 'cs' ? 'Vrátit zbylých 6 řádků' : 'Undo the other 6 rows',
      );
      expect(refreshed).toBe(0);

      refused?.action?.run();
      await settle();
      expect(calls).toEqual([{ auditId: 50 }, { auditId: 50, options: { onlyUnchanged: true } }]);
      expect(refreshed).toBe(1);
      const partly = say(toasts[2]?.text, i18n);
      expect(partly).toContain(language === 'cs' ? 'Vráceno: 6' : 'Put back: 6');
      expect(partly).toContain('(1)');
    });

  it('offers nothing more when no row is left untouched', async () => {
    const toasts: Omit<Toast, 'id'>[] = [];
    showBulkResult(
      (toast) => toasts.push(toast) - 1,
      { changed: 1, auditId: 50 },
      {
        none: 'partnerships.bulk.none',
        done: 'partnerships.bulk.done',
        undo: 'partnerships.undo',
        undone: 'partnerships.bulk.undone',
      },
      () =>
        Promise.reject(
          new ApiError({
            code: 'CONFLICT',
            message: 'x',
            details: {
              reason: 'partnerships.bulk.undoChangedRows',
              rows: [{ id: 7, name: 'A – B', gone: false }],
              others: 0,
            },
          }),
        ),
      () => undefined,
    );
    toasts[0]?.action?.run();
    await settle();
    expect(toasts[1]?.kind).toBe('error');
    expect(toasts[1]?.action).toBeUndefined();
  });
});
