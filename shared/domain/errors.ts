/**
 * Errors travel as data with stable codes: Electron passes only an error's message across IPC,
 * and the renderer translates by code, not by message.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'IO',
  'CANCELLED',
  'SCHEMA_TOO_NEW',
  'DATABASE_DAMAGED',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  /** Another process holds the database's write lock longer than the busy timeout. */
  'BUSY',
  /** The disk (or the user's quota) is full: nothing was written. */
  'DISK_FULL',
  /** The database file or its folder cannot be written (read-only medium, permissions). */
  'READ_ONLY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field, e.g. of a form or of a row of an imported file. */
export type FieldIssue = {
  /** Dotted path of the field, e.g. `signedOn` or `rows.12.code`. */
  path: string;
  /** Stable message key in the i18n catalog (`validation.*`), or a plain message. */
  message: string;
};

export type AppErrorData = {
  code: ErrorCode;
  message: string;
  details?: { issues?: FieldIssue[]; [key: string]: unknown };
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorData['details'];

  constructor(code: ErrorCode, message: string, details?: AppErrorData['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;

/** Field problems of a failed validation as `{ path, message }` (the one zod-issues mapper). */
export const fieldIssues = (error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FieldIssue[] => error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

/** VALIDATION naming each field's problem (the form shows each next to its field). */
export const invalidFields = (issues: FieldIssue[]): AppError =>
  new AppError('VALIDATION', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
