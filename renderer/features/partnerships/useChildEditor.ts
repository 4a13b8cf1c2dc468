import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { issuesOf } from '../../../shared/domain/partnership-rules';
import { ApiError, call } from '../../lib/api';
import { offerUndo } from '../../lib/undo';
import { useI18n } from '../../lib/i18n';
import { errorText, fieldErrors, issuesOfError } from '../../lib/errors';
import { errorToast, said, useToast } from '../../components/Toasts';
import { mergeEdits } from '../../lib/form-merge';

/**
 * The edit flow of a partnership's child records (contacts, activities): one draft at a time,
 * checked by the shared schema before anything is sent; field problems from core shown next to
 * their fields, any other failure as a toast (a conflict offers to reload).
 */
export function useChildEditor<D extends { id: number | null; version: number }, R extends { id: number }>({
  label,
  onChanged,
  onUnsaved,
  records,
  asDraft,
}: {
  label: (path: string) => string;
  onChanged: () => void;
  /** Whether a draft holds typing not saved yet (the panel asks before closing over it). */
  onUnsaved?: (unsaved: boolean) => void;
  /** The records as stored now, and one of them as a draft: "Reload" after a conflict rebases the draft on it. */
  records: readonly R[];
  asDraft: (record: R) => D;
}) {
  const i18n = useI18n();
  const showToast = useToast();
  const [draft, setDraft] = useState<D | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The draft as it opened: typing makes it differ (an opened, untouched draft loses nothing).
  const opened = useRef<string | null>(null);
  if (draft === null) opened.current = null;
  else opened.current ??= JSON.stringify(draft);
  const unsaved = draft !== null && JSON.stringify(draft) !== opened.current;
  // Told before the next key press is handled: Escape right after typing asks.
  useLayoutEffect(() => onUnsaved?.(unsaved), [unsaved, onUnsaved]);
  useLayoutEffect(() => () => onUnsaved?.(false), [onUnsaved]);

  // "Reload" after a conflict: once the records are fetched again, the open draft takes the
  // colleague's save and keeps the user's typing (it kept the old version, so saving again was
  // the same conflict: walkthrough 13). A field both changed keeps the user's value.
  const rebasePending = useRef(false);
  useEffect(() => {
    if (!rebasePending.current || draft === null || draft.id === null) return;
    const record = records.find((r) => r.id === draft.id);
    if (record === undefined) return;
    rebasePending.current = false;
    const stored = asDraft(record);
    if (stored.version === draft.version) return;
    const base = JSON.parse(opened.current ?? JSON.stringify(draft)) as D;
    const { merged } = mergeEdits(base, draft, stored, (_key, value) => JSON.stringify(value));
    opened.current = JSON.stringify(stored);
    setDraft({ ...merged, id: stored.id, version: stored.version });
    showToast({ kind: 'info', text: said('partnerships.merged'), seconds: 8 });
    // Only the records fetched after the reload are taken.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [records]);

  /** Checks `fields` with `schema`, then writes them; the draft closes when core took them. */
  const save = async (schema: z.ZodType, fields: unknown, write: () => Promise<unknown>) => {
    const local = issuesOf(schema, fields);
    if (local.length > 0) {
      setErrors(fieldErrors(local, i18n));
      return;
    }
    // What the check found before is mended: its notices go (they stayed under fields already
    // filled when the save then failed for another reason, a conflict: walkthrough 18).
    setErrors({});
    try {
      await write();
      setDraft(null);
      setErrors({});
      onChanged();
    } catch (error) {
      const issues = issuesOfError(error);
      if (issues.length > 0) setErrors(fieldErrors(issues, i18n));
      else
        showToast({
          kind: 'error',
          text: (i) => errorText(error, i, label),
          action:
            error instanceof ApiError && error.code === 'CONFLICT'
              ? {
                  label: said('partnerships.reload'),
                  run: () => {
                    rebasePending.current = true;
                    onChanged();
                  },
                }
              : undefined,
        });
    }
  };

  /** Deletes; the toast, Ctrl+Z or the bin bring the record back (its audit entry keeps it). */
  const remove = async (write: () => Promise<{ auditId: number }>) => {
    try {
      const { auditId } = await write();
      onChanged();
      showToast({
        kind: 'info',
        text: said('partnerships.childDeleted'),
        seconds: 15,
        action: {
          label: said('partnerships.undo'),
          run: offerUndo(() => {
            call('bin:restore', { auditId }).then(onChanged, (error: unknown) => showToast(errorToast(error)));
          }),
        },
      });
    } catch (error) {
      showToast({ kind: 'error', text: (i) => errorText(error, i, label) });
    }
  };

  /** Shows field problems found before the schema (a number that is not clear): message keys by field. */
  const fail = (problems: Record<string, string>) =>
    setErrors(Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, i18n.tk(key)])));

  return { draft, setDraft, errors, save, remove, fail };
}
