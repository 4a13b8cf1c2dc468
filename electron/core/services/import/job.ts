import { AppError } from '../../../../shared/domain/errors';
import type { EventSink } from '../../ports';

/** A running import: reports progress as `job:progress` and can be cancelled between chunks. */
export type ImportJob = {
  readonly jobId: string;
  progress: (phase: string, done: number, total: number) => void;
  cancel: () => void;
  readonly cancelled: boolean;
  /** Throws CANCELLED when the user asked to stop; the open transaction then rolls back. */
  throwIfCancelled: () => void;
};

export function createJob(jobId: string, emit: EventSink): ImportJob {
  let cancelled = false;
  return {
    jobId,
    progress: (phase, done, total) => emit('job:progress', { jobId, phase, done, total }),
    cancel: () => {
      cancelled = true;
    },
    get cancelled() {
      return cancelled;
    },
    throwIfCancelled: () => {
      if (cancelled) throw new AppError('CANCELLED', 'The import was cancelled; nothing was changed.');
    },
  };
}

/** What an import writes on every record it creates: the file it came from and its history entry. */
export type ImportProvenance = { source: string; importRunId: number };
