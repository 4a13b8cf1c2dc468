import { z } from 'zod';
import { AppError, fieldIssues, type AppErrorData, type Result } from '../../shared/domain/errors';
import { contract, isChannel, type Channel, type Handlers } from '../../shared/ipc/contract';
import { InputShapeError, normalizeStrings } from '../../shared/domain/text';
import { JsonText } from '../../shared/ipc/json-text';
import { driverFailure, type DriverFailure } from './db/dialect/index';

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export type DispatchOptions = {
  /** Also check every answer against its output schema (tests and development). */
  validateOutput?: boolean;
  /**
   * Pass answers that core wrote as JSON text (`JsonText`) on as they are: for hosts that send
   * them as text (the web bridge, Electron's IPC). Otherwise they are parsed into their values.
   */
  jsonText?: boolean;
  /** Where unexpected errors are reported (stack traces stay out of the user's sight). */
  logError?: (error: unknown, channel: string) => void;
};

/**
 * The one gate between any host and core: validates the channel and the input, runs the handler
 * and wraps the answer as a `Result`. Nothing is thrown across it.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return failure({ code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${channel.slice(0, 100)}` });
    }
    const spec = contract[channel];
    try {
      const parsed = spec.input.safeParse(normalizeStrings(input ?? {}));
      if (!parsed.success) {
        return failure({
          code: 'VALIDATION',
          message: `Invalid input for ${channel}`,
          details: { issues: fieldIssues(parsed.error) },
        });
      }
      const handler = handlers[channel] as (value: unknown) => Promise<unknown>;
      const answer = await handler(parsed.data);
      const value: unknown =
        answer instanceof JsonText && options.jsonText !== true ? (answer as JsonText).parse() : answer;
      if (options.validateOutput) {
        const checked = spec.output.safeParse(value instanceof JsonText ? value.parse() : value);
        if (!checked.success) {
          throw new AppError('INTERNAL', `Output of ${channel} does not match its schema`, {
            issues: fieldIssues(checked.error),
          });
        }
      }
      return { ok: true, value };
    } catch (error) {
      return failure(toErrorData(error, channel, options));
    }
  };
}

function toErrorData(error: unknown, channel: Channel, options: DispatchOptions): AppErrorData {
  if (error instanceof AppError) {
    if (error.code === 'INTERNAL') options.logError?.(error, channel);
    return error.toData();
  }
  if (error instanceof z.ZodError) {
    return { code: 'VALIDATION', message: 'Invalid data', details: { issues: fieldIssues(error) } };
  }
  if (error instanceof InputShapeError) return { code: 'VALIDATION', message: error.message };
  const known = knownFailure(error);
  if (known) return known;
  options.logError?.(error, channel);
  return { code: 'INTERNAL', message: 'An unexpected error occurred. Details were written to the log.' };
}

/** What a driver's failure says to the user (the same words whichever engine answered). */
const DRIVER_FAILURES: Record<DriverFailure, AppErrorData> = {
  foreignKey: { code: 'CONFLICT', message: 'The record is still referenced by other records.' },
  unique: { code: 'CONFLICT', message: 'A record with the same key already exists.' },
  busy: { code: 'BUSY', message: 'Another window or program is changing the database. Try again in a moment.' },
  diskFull: { code: 'DISK_FULL', message: 'The disk is full: nothing was saved.' },
  readOnly: { code: 'READ_ONLY', message: 'The database or the folder cannot be written: nothing was saved.' },
  tooLong: { code: 'VALIDATION', message: 'A text is longer than the database allows: nothing was saved.' },
  outOfRange: { code: 'VALIDATION', message: 'A number is larger than the database allows: nothing was saved.' },
  forbidden: {
    code: 'FORBIDDEN',
    message: 'Your database user may not make this change: nothing was saved. Ask the administrator of the registry.',
  },
  unreachable: {
    code: 'IO',
    message: 'The database server cannot be reached: nothing was saved. Try again later.',
    // Said as such, not as the file error IO usually is.
    details: { reason: 'error.serverUnreachable' },
  },
};

/**
 * Failures of the database or the file system that have a meaning for the user, recognised by the
 * driver's or the system's error code (never by data in the message, which is not passed on).
 */
export function knownFailure(error: unknown): AppErrorData | null {
  const failure = driverFailure(error);
  if (failure !== null) return DRIVER_FAILURES[failure];
  const code = errorCode(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return DRIVER_FAILURES.diskFull;
  if (code === 'EROFS') return DRIVER_FAILURES.readOnly;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT') return DRIVER_FAILURES.unreachable;
  return null;
}

const errorCode = (error: unknown): string | null => {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const { code } = error;
  return typeof code === 'string' ? code : null;
};

const failure = (error: AppErrorData): Result<never> => ({ ok: false, error });
