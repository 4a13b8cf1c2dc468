import { fork } from 'node:child_process';
import path from 'node:path';
import type { FigureResult } from './types';

/**
 * Chromium is driven from a process of its own (`driver-child.ts`), so that figure 7 samples the
 * core alone: Playwright's code and its protocol objects (~90 MB at L, measured) are the test
 * driver's memory, never the app's. The core (registry, dispatch, web bridge) stays in the bench's
 * process, where every other figure runs it too, so its peak still carries what earlier figures
 * left behind, as a user's session would.
 */

/** What the driven pages may ask of the bench's process: named calls with a JSON answer. */
export type DriverHooks = {
  /** Keeps figure 7's high-water mark current (the core's process samples itself). */
  sample: () => void;
  call: (name: string, arg: unknown) => Promise<unknown>;
};

/** The pages to drive: each kind is a module of its own in `figures/` that only the child loads. */
export type DriverJob = { kind: 'screens' | 'cold-start'; input: unknown };

export type ChildMessage =
  | { kind: 'sample' }
  | { kind: 'call'; id: number; name: string; arg: unknown }
  | { kind: 'done'; results: FigureResult[] }
  | { kind: 'error'; message: string };

export type ParentMessage =
  { kind: 'job'; job: DriverJob } | { kind: 'answer'; id: number; value?: unknown; error?: string };

/**
 * Runs a job's pages in the driver's process and answers its calls with `handlers` (in this
 * process, beside the core). The figures come back as JSON.
 */
export function driveApart(
  job: DriverJob,
  handlers: Record<string, (arg: unknown) => Promise<unknown>>,
  sample: () => void,
): Promise<FigureResult[]> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'driver-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    const settle = (done: () => void) => {
      if (!settled) {
        settled = true;
        done();
      }
    };
    const send = (message: ParentMessage) => {
      if (child.connected) child.send(message);
    };
    child.on('message', (message: ChildMessage) => {
      if (message.kind === 'sample') sample();
      else if (message.kind === 'done') settle(() => resolve(message.results));
      else if (message.kind === 'error') settle(() => reject(new Error(message.message)));
      else {
        const handler = handlers[message.name];
        (handler ? handler(message.arg) : Promise.reject(new Error(`no handler for ${message.name}`))).then(
          (value) => send({ kind: 'answer', id: message.id, value }),
          (error: unknown) =>
            send({ kind: 'answer', id: message.id, error: error instanceof Error ? error.message : String(error) }),
        );
      }
    });
    child.on('error', (error) => settle(() => reject(error)));
    child.on('exit', (code) =>
      settle(() => reject(new Error(`the page driver's process exited with ${String(code)} before it answered`))),
    );
    send({ kind: 'job', job });
  });
}
