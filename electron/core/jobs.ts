import { AppError } from '../../shared/domain/errors';
import type { EventSink } from './ports';

/** Long work the user watches and may stop: an import (preview or write), a batch of agreements, an export. */
export type Job = {
  readonly jobId: string;
  /** Reports progress as `job:progress` (the phase names what is being done). */
  progress: (phase: string, done: number, total: number) => void;
  /** Whether the user asked to stop (work checks between steps). */
  readonly cancelled: boolean;
  /** Throws CANCELLED when the user asked to stop; an open transaction then rolls back. */
  throwIfCancelled: () => void;
  /**
   * A step of long work: reports progress, gives the event loop a turn (the window's other calls
   * are answered meanwhile) and throws CANCELLED when the user asked to stop.
   */
  checkpoint: (phase: string, done: number, total: number) => Promise<void>;
};

export type JobKind = 'import' | 'agreements' | 'export';

/** The running jobs of one app context (never a module-level map: a second context has its own). */
export type Jobs = {
  /**
   * Runs `work` as job `jobId`: cancellable by that id while it runs, forgotten when it ends;
   * `cancelledMessage` is what CANCELLED says.
   */
  run: <T>(
    spec: { jobId: string; kind: JobKind; cancelledMessage?: string },
    work: (job: Job) => Promise<T>,
  ) => Promise<T>;
  /** Asks a running job to stop; false when no job has that id. */
  cancel: (jobId: string) => boolean;
  /** How many jobs of a kind are running (an import refuses to start beside another). */
  running: (kind: JobKind) => number;
};

export function createJobs(emit: EventSink): Jobs {
  const cancelled = new Map<string, boolean>();
  const kinds = new Map<string, JobKind>();
  return {
    run: async ({ jobId, kind, cancelledMessage = 'The work was cancelled.' }, work) => {
      if (cancelled.has(jobId)) throw new AppError('CONFLICT', `A job ${jobId} is already running.`);
      cancelled.set(jobId, false);
      kinds.set(jobId, kind);
      const job: Job = {
        jobId,
        progress: (phase, done, total) => emit('job:progress', { jobId, phase, done, total }),
        get cancelled() {
          return cancelled.get(jobId) === true;
        },
        throwIfCancelled: () => {
          if (cancelled.get(jobId) === true) throw new AppError('CANCELLED', cancelledMessage);
        },
        checkpoint: async (phase, done, total) => {
          job.progress(phase, done, total);
          await new Promise<void>((resolve) => setImmediate(resolve));
          job.throwIfCancelled();
        },
      };
      try {
        return await work(job);
      } finally {
        cancelled.delete(jobId);
        kinds.delete(jobId);
      }
    },
    cancel: (jobId) => {
      if (!cancelled.has(jobId)) return false;
      cancelled.set(jobId, true);
      return true;
    },
    running: (kind) => [...kinds.values()].filter((k) => k === kind).length,
  };
}
