import { fork } from 'node:child_process';
import path from 'node:path';
import type { BareSelectRequest } from './bare-select';
import type { RawImportRequest } from './raw-import';
import type { WriterFloorRequest } from './writer-floor';

/**
 * A floor measured in a process of its own (`floor-child.ts`): what it holds (the driver's
 * objects of a bare SELECT, the prepared cells of the XLSX writer, the rows of a raw insert) is not
 * the core's memory, which figure 7 samples in the bench's process.
 */
export type FloorRequest =
  | { kind: 'bare-select'; request: BareSelectRequest }
  | { kind: 'streaming-writer'; request: WriterFloorRequest }
  | { kind: 'raw-import'; request: RawImportRequest };

/** Runs one floor in a child process (Node with tsx, as the bench itself runs); its times in ms. */
export function timeApart(request: FloorRequest): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'floor-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let times: number[] | null = null;
    child.on('message', (message: { times?: number[]; error?: string }) => {
      if (message.error !== undefined) reject(new Error(message.error));
      else times = message.times ?? null;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (times) resolve(times);
      else reject(new Error(`the ${request.kind} floor's process exited with ${String(code)}`));
    });
    child.send(request);
  });
}
