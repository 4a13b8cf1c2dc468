import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/domain/errors';
import { issuesOf } from '../../../shared/domain/partnership-rules';
import { focusFirstError } from '../../components/FormProblems';
import { ApiError, call } from '../../lib/api';
import { offerUndo } from '../../lib/undo';
import { useI18n } from '../../lib/i18n';
import { errorText, fieldErrors, issuesOfError } from '../../lib/errors';
import { errorToast, said, useToast } from '../../components/Toasts';
import { mergeEdits } from '../../lib/form-merge';

/** An update just saved: its audit entry and the version it made (what its undo names). */
export type SavedChange = { auditId: number; version: number };

/** Whether a write answered with an update's audit entry (contacts, activities; not a create). */
const isSavedChange = (value: unknown): value is SavedChange =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<SavedChange>).auditId === 'number' &&
  typeof (value as Partial<SavedChange>).version === 'number';

/**
 * The edit flow of a partnership's child records (contacts, activities): one draft at a time,
 * checked by the shared schema before anything is sent; field problems shown next to their fields
 * all at once, named beside Save, the first of them focused; any other failure as a toast (a
 * conflict offers to reload). An update's toast offers its undo (`revert`), as a partnership's does.
 */
export function useChildEditor<D extends { id: number | null; version: number }, R extends { id: number }>({
  label,
  onChanged,
  onUnsaved,
  records,
  asDraft,
  revert,
}: {
  label: (path: string) => string;
  onChanged: () => void;
  /** Whether a draft holds typing not saved yet (the panel asks before closing over it). */
  onUnsaved?: (unsaved: boolean) => void;
  /** The records as stored now, and one of them as a draft: "Reload" after a conflict rebases the draft on it. */
  records: readonly R[];
  asDraft: (record: R) => D;
  /**
   * Undoes an update from its audit entry, refused when the record changed since the version it
   * made; offered after a write that answers with its audit entry. None: no undo of an update.
   */
  revert?: (change: SavedChange) => Promise<unknown>;
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

  // Another draft (or none): the problems of the one before are not this one's.
  const draftKey = draft === null ? null : String(draft.id);
  useEffect(() => setErrors({}), [draftKey]);

  const formRef = useRef<HTMLFormElement>(null);
  // Raised whenever a save is refused for its fields: the first of them then takes the focus (once
  // the form shows them), on every refused save, not only the first.
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused > 0) focusFirstError(formRef.current);
  }, [refused]);
  /** Shows the problems at their fields (in the form's order) and beside Save; moves to the first. */
  const showProblems = (issues: readonly FieldIssue[], order: readonly string[]) => {
    const place = (path: string) => {
      const at = order.indexOf(path.split('.')[0] ?? path);
      return at < 0 ? order.length : at;
    };
    setErrors(
      fieldErrors(
        [...issues].sort((a, b) => place(a.path) - place(b.path)),
        i18n,
      ),
    );
    setRefused((n) => n + 1);
  };

  /**
   * Checks `fields` with `schema`, then writes them; the draft closes when core took them. Every
   * problem shows at once (walkthrough 20: a bad date showed only once a bad amount was mended):
   * `unreadable` names fields whose typing could not be read (message keys), which `fields` holds
   * as stand-ins that the rules between fields judge (an amount typed wrongly still needs its
   * currency). An update's undo is offered in its toast (and Ctrl+Z).
   */
  const save = async (
    schema: z.ZodType,
    fields: Record<string, unknown>,
    write: () => Promise<unknown>,
    unreadable: Readonly<Record<string, string>> = {},
  ) => {
    const order = Object.keys(fields);
    const local = [
      ...Object.entries(unreadable).map(([path, message]) => ({ path, message })),
      ...issuesOf(schema, fields).filter((issue) => unreadable[issue.path.split('.')[0] ?? issue.path] === undefined),
    ];
    if (local.length > 0) {
      showProblems(local, order);
      return;
    }
    // What the check found before is mended: its notices go (they stayed under fields already
    // filled when the save then failed for another reason, a conflict: walkthrough 18).
    setErrors({});
    // An untouched draft saved again changes nothing: there is nothing to offer to undo.
    const touched = draft !== null && JSON.stringify(draft) !== opened.current;
    try {
      const saved = await write();
      setDraft(null);
      setErrors({});
      onChanged();
      if (revert !== undefined && isSavedChange(saved) && touched) offerRevert(revert, saved);
    } catch (error) {
      const issues = issuesOfError(error);
      if (issues.length > 0) showProblems(issues, order);
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

  /**
   * "Uloženo. Vrátit zpět" after an update: the undo (the button or Ctrl+Z) puts back what this
   * save changed, as an audited change of its own; core refuses it, saying why, once the record
   * changed or was deleted since.
   */
  const offerRevert = (revert: (change: SavedChange) => Promise<unknown>, saved: SavedChange) => {
    const undo = offerUndo(() => {
      revert({ auditId: saved.auditId, version: saved.version }).then(
        () => {
          onChanged();
          showToast({ kind: 'ok', text: said('partnerships.undone'), seconds: 4 });
        },
        (error: unknown) => showToast({ kind: 'error', text: (i) => errorText(error, i, label) }),
      );
    });
    showToast({
      kind: 'ok',
      text: said('partnerships.saved'),
      seconds: 6,
      action: { label: said('partnerships.undo'), run: undo },
    });
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

  // Beside Save: the fields in error, once each in the form's order (an activity's kept end date
  // is named at its start date).
  const labels = [...new Set(Object.keys(errors).map(label))];
  const summary = labels.length === 0 ? null : i18n.t('partnerships.childForm.notSaved', { fields: labels.join(', ') });

  return { draft, setDraft, errors, save, remove, formRef, summary };
}
