import { MESSAGES } from '../../shared/i18n/index';
import type { FieldIssue } from '../../shared/domain/errors';
import { ApiError } from './api';
import type { I18n } from './i18n';

// A failed call, said in the user's language: its field problems under each field, one sentence for a notice.

/** Field problems of a failed call (VALIDATION or CONFLICT with issues), else none. */
export const issuesOfError = (error: unknown): FieldIssue[] =>
  error instanceof ApiError && Array.isArray(error.details?.issues) ? error.details.issues : [];

/** Field → message key of its first problem (the form's Field translates it). */
export function issuesByField(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issuesOfError(error)) {
    const field = issue.path.split('.')[0] ?? issue.path;
    out[field] ??= issue.message;
  }
  return out;
}

/** Field → translated message, for showing next to each field. */
export function fieldErrors(issues: readonly FieldIssue[], i18n: I18n): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.split('.')[0] ?? issue.path;
    // A schema's own English message (e.g. a wrong type) becomes the generic "invalid value".
    out[key] ??= i18n.tk(issue.message.startsWith('validation.') ? issue.message : 'validation.invalid');
  }
  return out;
}

/** A call that did not reach core (the connection notice says so too), as lib/api.ts marks it. */
const isUnreachable = (error: ApiError): boolean => error.details?.network === true;

/**
 * The values a reason's message names (`details.params`), and when another user changed the
 * record (`details.changedAt`, a CONFLICT: core/repositories/audit-repository.ts) as `{at}` in the
 * user's language; a `date` param as a day in the user's language.
 */
function reasonParams(
  error: ApiError,
  i18n: Pick<I18n, 'formatDateTime' | 'formatDate'>,
  fieldLabel?: (path: string) => string,
): Record<string, string | number> | undefined {
  const params: Record<string, string | number> = {};
  // The field a refusal is about (`details.field`), by the screen's label for it.
  const field = error.details?.field;
  if (typeof field === 'string' && fieldLabel !== undefined) params.field = fieldLabel(field);
  const given = error.details?.params;
  if (given !== null && typeof given === 'object')
    for (const [name, value] of Object.entries(given as Record<string, unknown>))
      if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  // A day named `date` is said as the user writes days ("31. 12. 2019").
  if (typeof params.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(params.date))
    params.date = i18n.formatDate(params.date.slice(0, 10));
  const changedAt = error.details?.changedAt;
  if (typeof changedAt === 'string') params.at = i18n.formatDateTime(changedAt);
  return Object.keys(params).length > 0 ? params : undefined;
}

/** One sentence for a notice: "<field>: <problem>", or the error code's text. */
export function errorText(error: unknown, i18n: I18n, fieldLabel: (path: string) => string): string {
  const issues = issuesOfError(error);
  if (issues.length > 0) {
    return issues
      .map(
        (issue) =>
          `${fieldLabel(issue.path)}: ${issue.message.startsWith('validation.') ? i18n.tk(issue.message) : issue.message}`,
      )
      .join(' ');
  }
  if (error instanceof ApiError) {
    if (isUnreachable(error)) return i18n.t('error.NETWORK');
    // A refusal that names its reason (a message key) is said in the user's language.
    const reason = error.details?.reason;
    if (typeof reason === 'string' && MESSAGES[i18n.language][reason] !== undefined)
      return i18n.tk(reason, reasonParams(error, i18n, fieldLabel));
    return error.code === 'CONFLICT' ? i18n.t('partnerships.conflict') : i18n.tk(`error.${error.code}`);
  }
  return i18n.t('error.INTERNAL');
}

/**
 * A refused merge undo said beside the offer to undo it keeping the later changes: the refusal's
 * own text told the user to re-create the record by hand, next to a button that undoes the merge
 * (walkthrough 25). The same facts (who changed what, when), then the offer's lead-in.
 */
export function mergeRefusalBesideOffer(error: unknown, i18n: I18n): string {
  if (!(error instanceof ApiError)) return errorText(error, i18n, (p) => p);
  const key =
    error.details?.reason === 'merge.error.changedSinceBy' ? 'merge.keeping.refusedBy' : 'merge.keeping.refused';
  return i18n.tk(key, reasonParams(error, i18n));
}

/**
 * The message key a refusal names as its reason (`details.reason`) when the catalogs hold it
 * (either language's table: the renderer loads one at a time).
 */
const reasonKey = (error: ApiError): string | null => {
  const reason = error.details?.reason;
  return typeof reason === 'string' && (MESSAGES.cs[reason] ?? MESSAGES.en[reason]) !== undefined ? reason : null;
};

/**
 * Core's own message of a failed call, shown under its text (none for INTERNAL or an unreachable
 * core, and none when the refusal's reason is said in the user's language: core's message is that
 * sentence in English, e.g. a backup refused on a server registry).
 */
export function errorDetail(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || isUnreachable(error) || reasonKey(error) !== null) return undefined;
  // A record not found is said in full by its code's text: core's English sentence ("Partnership
  // 460 does not exist") stood under the Czech one (walkthrough 13).
  return error.code === 'INTERNAL' || error.code === 'NOT_FOUND' || error.message === '' ? undefined : error.message;
}

/**
 * A failed call in two parts: the refusal's reason in the user's language (else the error code's
 * text), and core's message as the detail (none for INTERNAL or a reason said already).
 */
export function errorSummary(
  error: unknown,
  i18n: Pick<I18n, 't' | 'tk' | 'formatDateTime' | 'formatDate'>,
): { text: string; detail?: string } {
  if (!(error instanceof ApiError)) return { text: i18n.t('error.INTERNAL') };
  // Core did not answer: the browser's "Failed to fetch" says nothing more to the user.
  if (isUnreachable(error)) return { text: i18n.t('error.NETWORK') };
  const reason = reasonKey(error);
  const text = reason === null ? i18n.tk(`error.${error.code}`) : i18n.tk(reason, reasonParams(error, i18n));
  const detail = errorDetail(error);
  return detail === undefined ? { text } : { text, detail };
}

/**
 * A refused stale edit or delete, said with who changed the record and when where core names them
 * (from the record's history), else the screen's own sentence (`fallback`, a message key).
 */
export function conflictText(error: unknown, i18n: I18n, fallback: string): string {
  if (error instanceof ApiError && error.code === 'CONFLICT' && reasonKey(error) !== null)
    return errorText(error, i18n, (path) => path);
  return i18n.tk(fallback);
}
