// The page driver's process (driver.ts): one job, its figures back; Playwright is loaded only here.
import type { ChildMessage, DriverHooks, DriverJob, ParentMessage } from './driver';
import type { FigureResult } from './types';

const send = (message: ChildMessage, then: () => void = () => undefined) => {
  process.send?.(message, then);
};

let nextId = 0;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

const hooks: DriverHooks = {
  sample: () => send({ kind: 'sample' }),
  call: (name, arg) =>
    new Promise((resolve, reject) => {
      nextId += 1;
      waiting.set(nextId, { resolve, reject });
      send({ kind: 'call', id: nextId, name, arg });
    }),
};

async function run(job: DriverJob): Promise<FigureResult[]> {
  if (job.kind === 'screens') {
    const { measureScreens } = await import('./figures/screens');
    return measureScreens(job.input as Parameters<typeof measureScreens>[0], hooks);
  }
  const { measureColdStart } = await import('./figures/cold-start-pages');
  return measureColdStart(job.input as Parameters<typeof measureColdStart>[0], hooks);
}

process.on('message', (message: ParentMessage) => {
  if (message.kind === 'answer') {
    const call = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) call?.reject(new Error(message.error));
    else call?.resolve(message.value);
    return;
  }
  run(message.job).then(
    (results) => send({ kind: 'done', results }, () => process.exit(0)),
    (error: unknown) =>
      send({ kind: 'error', message: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
  );
});
