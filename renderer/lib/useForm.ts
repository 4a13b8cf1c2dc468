import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from './api';
import { issuesByField } from './errors';
import { useUnsavedInDialog } from '../components/dialogs';

/** Field → message key of its first problem, as the form's Field shows it. */
const firstIssues = (issues: z.ZodError['issues']): Record<string, string> => {
  const found: Record<string, string> = {};
  for (const issue of issues) found[String(issue.path[0] ?? '')] ??= issue.message;
  return found;
};

/**
 * The save flow of a form that writes one record: field problems (found here by the shared rules
 * or by core) shown next to their fields, a conflict that names no field handed to the caller
 * (who offers to reload), any other failure kept for the form's summary.
 */
export function useSubmit() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  /** Shows these field problems (none clears them) and forgets the last failure; true when there are none. */
  const showErrors = (found: Record<string, string>): boolean => {
    setFailure(null);
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  /** The input as the schema gives it back, or null after showing each field's first problem. */
  const check = <T>(schema: z.ZodType<T>, input: unknown): T | null => {
    setFailure(null);
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    setErrors(firstIssues(parsed.error.issues));
    return null;
  };

  /** Runs the write while the form is busy; what fails is shown as described above. */
  const run = async (write: () => Promise<void>, onConflict: (error: ApiError) => void) => {
    setFailure(null);
    setBusy(true);
    try {
      await write();
    } catch (error) {
      const found = issuesByField(error);
      const named = Object.keys(found).length > 0;
      if (error instanceof ApiError && error.code === 'CONFLICT' && !named) onConflict(error);
      else {
        setErrors(found);
        if (!named) setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return { errors, setErrors, failure, busy, showErrors, check, run };
}

/**
 * `useSubmit` with the form's values: `set` changes one field and takes away its error. `dirty`:
 * the values differ from the ones the form started with or last saved (`saved` after a save that
 * keeps the form open); the dialog around the form asks on Escape before they are lost.
 */
export function useForm<V extends object>(initial: () => V) {
  const submit = useSubmit();
  const { setErrors } = submit;
  const [values, setValues] = useState<V>(initial);
  const [stored, setStored] = useState<V>(values);
  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([name]) => name !== key)));
  };
  const dirty = JSON.stringify(values) !== JSON.stringify(stored);
  useUnsavedInDialog(dirty);
  /** The values now are what is stored (a save that keeps the form open). */
  const saved = (now: V = values) => setStored(now);
  return { ...submit, values, setValues, set, dirty, saved };
}
