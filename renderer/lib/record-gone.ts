import type { UiLanguage } from '../../shared/domain/codes';
import { ApiError } from './api';

/**
 * Why an open form's record is no longer in the registry, as core said when the form's record was
 * fetched again after a colleague's `data:changed` (its `recordGone` refusal: who deleted it or
 * merged it into which record, and when). Walkthrough 22, finding 5: the form stayed editable with
 * no word until its save was refused.
 */
export type Gone =
  | { kind: 'deleted'; name: string; at: string | null; self: boolean }
  | { kind: 'merged'; name: string; at: string | null; into: string; intoId: number }
  | { kind: 'mergedGone'; name: string; at: string | null }
  | { kind: 'unimported'; name: string; at: string | null; file: string }
  | { kind: 'unknown' };

const textParam = (params: unknown, key: string): string => {
  if (params === null || typeof params !== 'object') return '—';
  const value = (params as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : '—';
};

/** The record's absence said by a failed fetch; null when the fetch failed for another reason. */
export function goneOf(error: unknown): Gone | null {
  if (!(error instanceof ApiError) || error.code !== 'NOT_FOUND') return null;
  const details = error.details;
  const reason = details?.reason;
  const params = details?.params;
  const at = typeof details?.changedAt === 'string' ? details.changedAt : null;
  const name = textParam(params, 'name');
  switch (reason) {
    case 'error.deletedBy':
    case 'error.deletedBySelf':
      return { kind: 'deleted', name, at, self: reason === 'error.deletedBySelf' };
    case 'merge.error.mergedInto': {
      const intoId = details?.mergedInto;
      return typeof intoId === 'number'
        ? { kind: 'merged', name, at, into: textParam(params, 'into'), intoId }
        : { kind: 'mergedGone', name, at };
    }
    case 'merge.error.mergedIntoGone':
      return { kind: 'mergedGone', name, at };
    case 'error.unimportedBy':
      return { kind: 'unimported', name, at, file: textParam(params, 'file') };
    default:
      return { kind: 'unknown' };
  }
}

/** A quoted name in the language's quotation marks (finding 10: Czech marks in the English UI). */
export const quoted = (text: string, language: UiLanguage): string => (language === 'cs' ? `„${text}“` : `“${text}”`);

/** The notice's message key and values for a record that is gone (`at` in the user's language). */
export function goneMessage(
  gone: Gone,
  formatDateTime: (iso: string) => string,
): { key: string; params: Record<string, string> } {
  if (gone.kind === 'unknown') return { key: 'formGone.unknown', params: {} };
  const at = gone.at === null ? '—' : formatDateTime(gone.at);
  switch (gone.kind) {
    case 'deleted':
      return { key: gone.self ? 'formGone.deletedSelf' : 'formGone.deleted', params: { name: gone.name, at } };
    case 'merged':
      return { key: 'formGone.merged', params: { name: gone.name, at, into: gone.into } };
    case 'mergedGone':
      return { key: 'formGone.mergedGone', params: { name: gone.name, at } };
    case 'unimported':
      return { key: 'formGone.unimported', params: { name: gone.name, at, file: gone.file } };
  }
}

/** The fields of a form the user changed from the values it was opened with (compared as stored). */
export function typedKeys<T extends object>(base: T, values: T): (keyof T)[] {
  return (Object.keys(values) as (keyof T)[]).filter(
    (key) => JSON.stringify(values[key]) !== JSON.stringify(base[key]),
  );
}
